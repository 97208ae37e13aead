-- Booking from a phone (issue 13): bookings with their slot and day counters, and the queue time
-- that places a checked-in booking in the queue at its slot's start.
--
-- Overselling is impossible by construction: a booking takes one place of its slot's row
-- (booking_slot, taken <= capacity) and one of its service day's online quota (booking_day,
-- separate from the walk-in quota), each by a guarded increment, in the same statement that
-- inserts the booking (antre_book). A refusal raises, so the statement leaves nothing behind;
-- the CHECK constraints are the safety net under the guards.

-- ---- the queue time: the slot's start for a booking (or its check-in), the issue time otherwise
ALTER TABLE ticket ADD COLUMN queued_at timestamptz, ADD COLUMN booking_code text;
UPDATE ticket SET queued_at = issued_at;
ALTER TABLE ticket ALTER COLUMN queued_at SET NOT NULL;

-- statements that do not name it (older tools, bulk loads) queue a ticket at its issue time; the
-- WHEN clause is checked without a function call, so issuing (which names it) pays nothing
CREATE FUNCTION antre_ticket_queued_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.queued_at := NEW.issued_at;
  RETURN NEW;
END $$;
CREATE TRIGGER ticket_queued_at BEFORE INSERT ON ticket FOR EACH ROW
  WHEN (NEW.queued_at IS NULL) EXECUTE FUNCTION antre_ticket_queued_at();

-- the waiting indexes in queue-time order (call-next, people ahead, the waiting list)
DROP INDEX ticket_waiting;
DROP INDEX ticket_waiting_priority;
DROP INDEX ticket_waiting_transfer;
CREATE INDEX ticket_waiting ON ticket (service, service_day, queued_at, id) WHERE status = 'WAITING';
CREATE INDEX ticket_waiting_priority ON ticket (service, service_day, queued_at, id)
  WHERE status = 'WAITING' AND priority IS NOT NULL;
CREATE INDEX ticket_waiting_transfer ON ticket (service, service_day, queued_at, id)
  WHERE status = 'WAITING' AND transferred_from IS NOT NULL;

-- walk-ins and checked-in bookings share the day's numbers; the walk-in quota counts walk-ins only
ALTER TABLE daily_sequence ADD COLUMN booked int NOT NULL DEFAULT 0;

-- The claim of V005 in queue-time order (Routing.order; RoutingSqlIT binds the two).
CREATE OR REPLACE FUNCTION antre_claim_next(p_day date, p_services text[], p_priority_first boolean,
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
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_priority AND v_transfer = 0 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NOT NULL AND transferred_from IS NULL
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_priority THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NOT NULL
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_transfer = 1 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND transferred_from IS NOT NULL AND priority IS NULL
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSIF v_transfer = 0 THEN
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NULL AND transferred_from IS NULL
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
        ELSE
          SELECT id INTO v_id FROM ticket WHERE service = v_service AND service_day = p_day AND status = 'WAITING'
            AND priority IS NULL
            ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
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

-- ---- bookings
CREATE TABLE booking_slot (
  service  text NOT NULL REFERENCES service (code),
  day      date NOT NULL,
  slot     time NOT NULL,
  capacity int  NOT NULL,
  taken    int  NOT NULL,
  PRIMARY KEY (service, day, slot),
  CONSTRAINT booking_slot_within_capacity CHECK (taken >= 0 AND taken <= capacity)
);

CREATE TABLE booking_day (
  service  text NOT NULL REFERENCES service (code),
  day      date NOT NULL,
  capacity int  NOT NULL,
  taken    int  NOT NULL,
  PRIMARY KEY (service, day),
  CONSTRAINT booking_day_within_quota CHECK (taken >= 0 AND taken <= capacity)
);

CREATE TABLE booking (
  id            bigserial PRIMARY KEY,
  code          text NOT NULL CONSTRAINT booking_code_unique UNIQUE,
  service       text NOT NULL REFERENCES service (code),
  day           date NOT NULL,
  slot          time NOT NULL,
  slot_start    timestamptz NOT NULL,
  -- the NIK is kept only as a keyed hash (one booking per NIK) and masked (3209********0001)
  nik_hash      text,
  nik_masked    text,
  phone         text,
  phone_masked  text,
  status        text NOT NULL CONSTRAINT booking_status_known CHECK (status IN
                  ('BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW')),
  ticket_id     bigint REFERENCES ticket (id),
  request_id    text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  checked_in_at timestamptz,
  window_ends   timestamptz NOT NULL,
  personal_data_deleted_at timestamptz
);
CREATE UNIQUE INDEX booking_request_unique ON booking (request_id) WHERE request_id IS NOT NULL;
-- one active booking per NIK, service and day
CREATE UNIQUE INDEX booking_one_per_nik ON booking (service, day, nik_hash)
  WHERE nik_hash IS NOT NULL AND status IN ('BOOKED', 'CHECKED_IN');
-- the no-show job reads the bookings whose check-in window has ended
CREATE INDEX booking_open_window ON booking (window_ends) WHERE status = 'BOOKED';
CREATE INDEX booking_retention ON booking (created_at) WHERE personal_data_deleted_at IS NULL;
CREATE INDEX ticket_booking ON ticket (booking_code) WHERE booking_code IS NOT NULL;

-- A booking in one statement: its request id seen before answers the first booking; else a
-- place of the slot, then of the day's quota, then the row. A refusal raises SQLSTATE P0001
-- with the code as message (SLOT_FULL, QUOTA_EXHAUSTED), so nothing of it stays; a second
-- booking of the NIK fails on booking_one_per_nik (ALREADY_BOOKED), likewise whole.
CREATE FUNCTION antre_book(p_code text, p_service text, p_day date, p_slot time, p_slot_start timestamptz,
                           p_window_ends timestamptz, p_per_slot int, p_quota int, p_nik_hash text,
                           p_nik_masked text, p_phone text, p_phone_masked text, p_request_id text,
                           p_now timestamptz) RETURNS SETOF booking
LANGUAGE plpgsql AS $$
BEGIN
  IF p_request_id IS NOT NULL THEN
    RETURN QUERY SELECT * FROM booking WHERE request_id = p_request_id;
    IF FOUND THEN
      RETURN;
    END IF;
  END IF;
  -- in a rush most requests find their slot or the day full: a plain read says so without
  -- queueing for the row lock the successful ones hold (a stale read only lets a request through
  -- to the guarded increments below, which decide)
  PERFORM 1 FROM booking_slot WHERE service = p_service AND day = p_day AND slot = p_slot AND taken >= capacity;
  IF FOUND THEN
    RAISE EXCEPTION 'SLOT_FULL';
  END IF;
  PERFORM 1 FROM booking_day WHERE service = p_service AND day = p_day AND taken >= capacity;
  IF FOUND THEN
    RAISE EXCEPTION 'QUOTA_EXHAUSTED';
  END IF;
  INSERT INTO booking_slot AS s (service, day, slot, capacity, taken) VALUES (p_service, p_day, p_slot, p_per_slot, 1)
  ON CONFLICT (service, day, slot) DO UPDATE SET taken = s.taken + 1 WHERE s.taken < s.capacity;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'SLOT_FULL';
  END IF;
  INSERT INTO booking_day AS d (service, day, capacity, taken) VALUES (p_service, p_day, p_quota, 1)
  ON CONFLICT (service, day) DO UPDATE SET taken = d.taken + 1 WHERE d.taken < d.capacity;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'QUOTA_EXHAUSTED';
  END IF;
  RETURN QUERY INSERT INTO booking (code, service, day, slot, slot_start, nik_hash, nik_masked, phone, phone_masked,
                                    status, request_id, created_at, updated_at, window_ends)
    VALUES (p_code, p_service, p_day, p_slot, p_slot_start, p_nik_hash, p_nik_masked, p_phone, p_phone_masked,
            'BOOKED', p_request_id, p_now, p_now, p_window_ends)
    RETURNING *;
END $$;

-- Moving a booking in one statement: the new slot (and day) is taken before the old one is given
-- back, and any refusal raises, so a booking never loses its old slot to a full new one.
CREATE FUNCTION antre_reschedule(p_code text, p_day date, p_slot time, p_slot_start timestamptz,
                                 p_window_ends timestamptz, p_per_slot int, p_quota int, p_now timestamptz)
  RETURNS SETOF booking
LANGUAGE plpgsql AS $$
DECLARE
  b booking;
BEGIN
  SELECT * INTO b FROM booking WHERE code = p_code AND status = 'BOOKED' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF b.day = p_day AND b.slot = p_slot THEN
    RETURN NEXT b;
    RETURN;
  END IF;
  INSERT INTO booking_slot AS s (service, day, slot, capacity, taken) VALUES (b.service, p_day, p_slot, p_per_slot, 1)
  ON CONFLICT (service, day, slot) DO UPDATE SET taken = s.taken + 1 WHERE s.taken < s.capacity;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'SLOT_FULL';
  END IF;
  UPDATE booking_slot SET taken = taken - 1 WHERE service = b.service AND day = b.day AND slot = b.slot;
  IF b.day <> p_day THEN
    INSERT INTO booking_day AS d (service, day, capacity, taken) VALUES (b.service, p_day, p_quota, 1)
    ON CONFLICT (service, day) DO UPDATE SET taken = d.taken + 1 WHERE d.taken < d.capacity;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'QUOTA_EXHAUSTED';
    END IF;
    UPDATE booking_day SET taken = taken - 1 WHERE service = b.service AND day = b.day;
  END IF;
  RETURN QUERY UPDATE booking SET day = p_day, slot = p_slot, slot_start = p_slot_start, window_ends = p_window_ends,
      updated_at = p_now
    WHERE id = b.id RETURNING *;
END $$;
