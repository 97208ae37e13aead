-- pgbench script for scripts/bench: one call cycle as the server runs it, in the same two
-- statements: Sql.CALL_NEXT (the officer's call-next) and Sql.TRANSITION as a no-show (which frees
-- the counter again), each the server's text with its parameters replaced by pgbench variables and
-- constants (a parameter the server casts is cast twice here: ::text::text). PgbenchScriptsTest
-- makes the replacement and fails when this file and Sql differ; only the column list of each final
-- SELECT is this script's own (it keeps what \gset needs). Each pgbench client is its own counter,
-- as each HTTP loop is: client k (0-based) is counter 101+k, which serves service C(k+1) only.
--   CALL_NEXT:  counter (:client_id::int + 101)::text   day :day (-D day=YYYY-MM-DD)
--     services ARRAY['C' || (:client_id::int + 1)] (scripts/bench rewrites it for one service)
--     priorityFirst true   transfersFirst true   officer 'petugas-pgbench'   now now()   requestId NULL
--     plannedStreak 0, plannedServices NULL, plannedWeights '{}' (the configured services)
--     streakAfterPriority 1, streakAfterRegular 0 (the benchmark issues regular tickets only, so the
--     streak stays 0)
--   TRANSITION: ticket :called (from \gset)   from 'CALLED'   to 'NO_SHOW'   eventType 'NO_SHOW'
--     recallCount 0   now now()   outcome NULL::text   counter, officer as above   requestId NULL
--     data NULL   counterKeepsTicket false
-- Run with -M prepared: parsed once per connection, like the server's cached prepared statements.
WITH cs AS (
  SELECT counter_id FROM counter_state
  WHERE counter_id = (:client_id::int + 101)::text AND state = 'OPEN' AND current_ticket IS NULL
    AND priority_streak = 0 AND services IS NOT DISTINCT FROM NULL::text[] AND COALESCE(weights, '{}') = '{}'::jsonb
  FOR UPDATE
), c AS (
  SELECT antre_claim_next(:day, ARRAY['C' || (:client_id::int + 1)]::text[], true::boolean, true::boolean) AS id
  WHERE EXISTS (SELECT 1 FROM cs)
), u AS (
  UPDATE ticket t SET status = 'CALLED', counter_id = (:client_id::int + 101)::text,
    officer = 'petugas-pgbench', called_at = now(), recall_count = 0
  FROM c WHERE t.id = c.id AND t.status IN ('WAITING')
  RETURNING t.*
), e AS (
  INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id)
  SELECT id, 'CALL', 'WAITING', 'CALLED', (:client_id::int + 101)::text, 'petugas-pgbench', now(), NULL FROM u
  RETURNING id
), s AS (
  UPDATE counter_state SET current_ticket = u.id,
    priority_streak = CASE WHEN u.priority IS NULL THEN 0::int ELSE 1::int END,
    served = (CASE WHEN counter_state.served_day = :day THEN counter_state.served ELSE '{}'::jsonb END)
      || jsonb_build_object(u.service, COALESCE(
           ((CASE WHEN counter_state.served_day = :day THEN counter_state.served ELSE '{}'::jsonb END) ->> u.service)::int,
           0) + 1),
    served_day = :day, updated_at = now()
  FROM u WHERE counter_state.counter_id = (:client_id::int + 101)::text
  RETURNING counter_state.state AS cs_state, counter_state.pause_reason AS cs_pause_reason,
    counter_state.officer AS cs_officer, counter_state.priority_streak AS cs_priority_streak,
    counter_state.served_day AS cs_served_day, counter_state.served AS cs_served,
    counter_state.services AS cs_services, counter_state.weights AS cs_weights
)
SELECT u.id AS called, e.id AS event_id, s.cs_state FROM u, e, s
\gset
WITH u AS (
  UPDATE ticket SET status = 'NO_SHOW', recall_count = 0,
    started_at = CASE WHEN 'NO_SHOW' = 'START' THEN now() ELSE started_at END,
    finished_at = CASE WHEN 'NO_SHOW' IN ('DONE', 'NO_SHOW', 'CANCELLED', 'EXPIRED') THEN now() ELSE finished_at END,
    counter_id = CASE WHEN 'NO_SHOW' = 'WAITING' THEN NULL ELSE counter_id END,
    outcome = COALESCE(NULL::text, outcome),
    note = CASE WHEN 'NO_SHOW' = 'HOLD' AND NULL::jsonb ? 'note' THEN NULL::jsonb ->> 'note' ELSE note END
  WHERE id = :called AND status = 'CALLED'
    AND ((:client_id::int + 101)::text::text IS NULL OR 'CALLED' IN ('HELD') OR counter_id = (:client_id::int + 101)::text)
    AND ('NO_SHOW' <> 'RECALL' OR recall_count = 0 - 1)
  RETURNING *
), e AS (
  INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id, data)
  SELECT id, 'NO_SHOW', 'CALLED', 'NO_SHOW', (:client_id::int + 101)::text, 'petugas-pgbench', now(), NULL, NULL::jsonb
  FROM u
  RETURNING id
), s AS (
  UPDATE counter_state SET current_ticket = NULL, updated_at = now()
  FROM u WHERE counter_state.counter_id = (:client_id::int + 101)::text AND counter_state.current_ticket = u.id
    AND NOT false::boolean
)
SELECT u.id, e.id AS event_id FROM u, e;
