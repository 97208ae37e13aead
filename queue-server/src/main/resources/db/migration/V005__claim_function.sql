-- Call-next's claim as index lookups: the routing order of Routing.order, tried bucket by bucket
-- (transferred first if the hall says so; priority first unless the counter is at its cap; then
-- the counter's services in plan order), each an index range scan for the longest-waiting
-- ticket of one service, LIMIT 1 FOR UPDATE SKIP LOCKED. The first hit is the answer, so the
-- cost no longer grows with the number of people waiting.

CREATE INDEX ticket_waiting_priority ON ticket (service, service_day, issued_at, id)
  WHERE status = 'WAITING' AND priority IS NOT NULL;
CREATE INDEX ticket_waiting_transfer ON ticket (service, service_day, issued_at, id)
  WHERE status = 'WAITING' AND transferred_from IS NOT NULL;

CREATE FUNCTION antre_claim_next(p_day date, p_services text[], p_priority_first boolean,
                                 p_transfers_first boolean) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_service text;
  v_transfer int;   -- 1: transferred only, 0: not transferred, -1: either
  v_priority boolean;
BEGIN
  FOREACH v_transfer IN ARRAY (CASE WHEN p_transfers_first THEN ARRAY[1, 0] ELSE ARRAY[-1] END) LOOP
    FOREACH v_priority IN ARRAY ARRAY[p_priority_first, NOT p_priority_first] LOOP
      FOREACH v_service IN ARRAY p_services LOOP
        -- one static query per bucket, so each can use the partial index that fits it
        IF v_priority AND v_transfer = 1 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND transferred_from IS NOT NULL AND priority IS NOT NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_priority AND v_transfer = 0 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NOT NULL AND transferred_from IS NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_priority THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NOT NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_transfer = 1 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND transferred_from IS NOT NULL AND priority IS NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_transfer = 0 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NULL AND transferred_from IS NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSE
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NULL
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        END IF;
        IF v_id IS NOT NULL THEN
          RETURN v_id;
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN NULL;
END
$$;
