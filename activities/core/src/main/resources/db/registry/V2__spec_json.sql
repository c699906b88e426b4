-- The spec each version was built from, as JSON: a rollback redeploys a version with its own
-- deploy settings and smoke-tests it on its own data, without anyone having to find the old file.
ALTER TABLE model_version ADD COLUMN spec_json VARCHAR(60000);
