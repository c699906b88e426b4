-- Which sink has delivered which event of a run: a retried notify activity skips the sinks that
-- already delivered (a Slack message is not posted twice, a run is not counted twice).
CREATE TABLE notification_delivery (
  run_id       VARCHAR(200) NOT NULL,
  seq          INTEGER      NOT NULL,
  sink         VARCHAR(40)  NOT NULL,
  delivered_at TIMESTAMP    NOT NULL,
  PRIMARY KEY (run_id, seq, sink)
);

-- The first Slack message of a run (channel and ts): every later message of the run replies in
-- its thread.
CREATE TABLE slack_thread (
  run_id     VARCHAR(200) NOT NULL PRIMARY KEY,
  channel    VARCHAR(200) NOT NULL,
  ts         VARCHAR(40)  NOT NULL,
  created_at TIMESTAMP    NOT NULL
);
