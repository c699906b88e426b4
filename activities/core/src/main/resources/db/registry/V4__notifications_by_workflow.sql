-- A run id is unique within its model only (the workflow is pipeline/<model>/<run>): runs of two
-- models both called r1 shared ledger rows and a Slack thread, so the second model's
-- notifications were skipped as delivered (found by StageKillIT). Both tables are keyed by the
-- workflow id from now on. Rows written before hold a bare run id and match nothing: an event of a
-- run in flight across the upgrade may be delivered once more, never lost.
ALTER TABLE notification_delivery RENAME COLUMN run_id TO workflow_id;
ALTER TABLE notification_delivery ALTER COLUMN workflow_id SET DATA TYPE VARCHAR(400);
ALTER TABLE slack_thread RENAME COLUMN run_id TO workflow_id;
ALTER TABLE slack_thread ALTER COLUMN workflow_id SET DATA TYPE VARCHAR(400);
