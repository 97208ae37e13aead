-- pgbench script for scripts/bench: the server's Sql.ISSUE statement, its text with its parameters
-- replaced by pgbench variables and constants (a parameter the server casts is cast twice here:
-- ::text::text). PgbenchScriptsTest makes the replacement and fails when this file and Sql differ.
--   service      ('S' || :s), a service drawn uniformly from S1..S:nservices, as the HTTP load does
--   day          :day (-D day=YYYY-MM-DD: today in the hall's time zone, as the server computes it)
--   quota 100000 (the benchmark hall's dailyQuota)   prefix 'PB'   priority NULL   channel 'kiosk'
--   trackingToken md5(random()::text)   requestId NULL   now now()   minutesPerPerson 8
--   printKiosk NULL::text (no print job)
-- Run with -M prepared: parsed once per connection, like the server's cached prepared statement.
\set s random(1, :nservices)
WITH seq AS (
  INSERT INTO daily_sequence AS d (service, service_day, last_number) VALUES (('S' || :s), :day, 1)
  ON CONFLICT (service, service_day) DO UPDATE SET last_number = d.last_number + 1
    WHERE d.last_number - d.booked < 100000
  RETURNING last_number
), t AS (
  INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, priority, channel,
                      tracking_token, request_id, issued_at, queued_at, ahead_at_issue, minutes_per_person)
  SELECT ('S' || :s), ('S' || :s), :day, 'PB', seq.last_number, 'WAITING', NULL, 'kiosk', md5(random()::text), NULL, now(), now(),
         (SELECT COALESCE(sum(w.n), 0)::int FROM waiting_count w WHERE w.service = ('S' || :s) AND w.service_day = :day)
           -- checked-in bookings whose slot is still to come queue behind this visitor
           - (SELECT count(*)::int FROM ticket b WHERE b.service = ('S' || :s) AND b.service_day = :day
                AND b.status = 'WAITING' AND b.queued_at > now()),
         8
  FROM seq
  RETURNING *
), e AS (
  INSERT INTO ticket_event (ticket_id, type, from_status, to_status, at)
  SELECT id, 'ISSUE', NULL, 'WAITING', issued_at FROM t
), p AS (
  INSERT INTO print_job (ticket_id, kiosk, created_at, updated_at)
  SELECT id, NULL::text, issued_at, issued_at FROM t WHERE NULL::text::text IS NOT NULL
  RETURNING id
)
SELECT t.*, (SELECT id FROM p) AS print_job FROM t;
