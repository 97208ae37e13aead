-- pgbench script for scripts/bench, "the floor": the minimal issue statement that BareServer runs
-- (bench/BareServer.ISSUE, unchanged but for its parameters, which PgbenchScriptsTest checks): the
-- daily sequence upsert, the ticket and its ISSUE event in one statement, and nothing else (no
-- quota, no position, no print job, no request id). Whatever a queue does, it does at least this
-- to hand out a number.
--   $1 service ('S' || :s, uniform over S1..S:nservices)   $2 service day :day   $3 tracking token
-- Run with -M prepared.
\set s random(1, :nservices)
WITH seq AS (
  INSERT INTO daily_sequence AS d (service, service_day, last_number) VALUES (('S' || :s), :day, 1)
  ON CONFLICT (service, service_day) DO UPDATE SET last_number = d.last_number + 1
  RETURNING last_number
), t AS (
  INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                      issued_at, minutes_per_person)
  SELECT ('S' || :s), ('S' || :s), :day, 'BR', seq.last_number, 'WAITING', 'kiosk', md5(random()::text), now(), 8
  FROM seq
  RETURNING id, number, issued_at
), e AS (
  INSERT INTO ticket_event (ticket_id, type, from_status, to_status, at)
  SELECT id, 'ISSUE', NULL, 'WAITING', issued_at FROM t
)
SELECT id, number FROM t;
