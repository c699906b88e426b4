-- A training command's lineage (issue 24), as JSON: the command's argv, its code's version (git
-- commit and dirty flag, or a digest of its folder), the requirements' digest, an import's URI
-- and where train.log was kept. NULL for a model Tollgate trained from its catalogue.
ALTER TABLE model_version ADD COLUMN lineage VARCHAR(8000);
