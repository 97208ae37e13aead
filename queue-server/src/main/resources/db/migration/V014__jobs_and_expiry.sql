-- Jobs that run once per cluster (jobs.JobRunner): one row per job and period. The node that
-- inserts the row runs the job; a row left unfinished by a node that died is taken over once its
-- lease has run out.
CREATE TABLE job_run (
  job          text NOT NULL,
  period       text NOT NULL,
  node         text NOT NULL,
  started_at   timestamptz NOT NULL,
  lease_until  timestamptz NOT NULL,
  finished_at  timestamptz,
  attempts     int NOT NULL DEFAULT 1,
  result       text,
  PRIMARY KEY (job, period)
);

-- Closing the day: tickets still open when their service day ended become EXPIRED.
ALTER TABLE ticket DROP CONSTRAINT ticket_status_known;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_known CHECK (status IN
  ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'HELD', 'CANCELLED', 'EXPIRED'));
-- the closing job finds the open tickets of past days without reading the finished ones
CREATE INDEX ticket_open_by_day ON ticket (service_day)
  WHERE status IN ('WAITING', 'CALLED', 'SERVING', 'HELD');
-- retention finds old survey answers by time
CREATE INDEX survey_response_answered ON survey_response (answered_at);
