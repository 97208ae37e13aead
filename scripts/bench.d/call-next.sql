-- pgbench script for scripts/bench: the server's Sql.CALL_NEXT statement, unchanged but for its
-- parameters, which are pgbench variables and constants here. Each pgbench client is its own counter,
-- as each HTTP loop is: client k (0-based) is counter 101+k, which serves service C(k+1) only.
--   $1 counter ((:client_id::int + 101)::text)   $2 service day :day (-D day=YYYY-MM-DD)
--   $3 the counter's services (ARRAY['C' || (:client_id::int + 1)])   $4 priority first true
--   $5 transfers first true   $6 officer 'petugas-pgbench'   $7 now now()   $8 request id NULL
-- Run with -M prepared: parsed once per connection, like the server's cached prepared statement.
WITH cs AS (
  SELECT counter_id FROM counter_state
  WHERE counter_id = (:client_id::int + 101)::text AND state = 'OPEN' AND current_ticket IS NULL
  FOR UPDATE
), c AS (
  SELECT t.id FROM ticket t
  WHERE t.status = 'WAITING' AND t.service_day = :day AND t.service = ANY(ARRAY['C' || (:client_id::int + 1)])
    AND EXISTS (SELECT 1 FROM cs)
  ORDER BY (true::boolean AND t.transferred_from IS NOT NULL) DESC,
           (true::boolean AND t.priority IS NOT NULL) DESC,
           array_position(ARRAY['C' || (:client_id::int + 1)], t.service), t.issued_at, t.id
  LIMIT 1
  FOR UPDATE SKIP LOCKED
), u AS (
  UPDATE ticket t SET status = 'CALLED', counter_id = (:client_id::int + 101)::text,
    officer = 'petugas-pgbench', called_at = now(), recall_count = 0
  FROM c WHERE t.id = c.id
  RETURNING t.*
), e AS (
  INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id)
  SELECT id, 'CALL', 'WAITING', 'CALLED', (:client_id::int + 101)::text, 'petugas-pgbench', now(), NULL FROM u
), s AS (
  UPDATE counter_state SET current_ticket = u.id,
    priority_streak = CASE WHEN u.priority IS NULL THEN 0 ELSE counter_state.priority_streak + 1 END,
    served = (CASE WHEN counter_state.served_day = :day THEN counter_state.served ELSE '{}'::jsonb END)
      || jsonb_build_object(u.service, COALESCE(
           ((CASE WHEN counter_state.served_day = :day THEN counter_state.served ELSE '{}'::jsonb END) ->> u.service)::int,
           0) + 1),
    served_day = :day, updated_at = now()
  FROM u WHERE counter_state.counter_id = (:client_id::int + 101)::text
)
SELECT * FROM u;
-- Not in the server's statement: free the counter again so the next transaction can call
-- (the server frees it with the no-show/finish request, which this benchmark does not time).
UPDATE counter_state SET current_ticket = NULL WHERE counter_id = (:client_id::int + 101)::text;
