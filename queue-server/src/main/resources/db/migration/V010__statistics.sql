-- Statistics (issue 11): every figure is derived from the append-only logs, ticket_event and
-- counter_event (invariant 4), plus the ticket's fixed attributes (service, channel, priority,
-- service day). Two functions turn the logs into per-visit-leg and per-counter-time rows; the same
-- functions fill the fact tables for closed service days (one marker row per day, so catching up
-- is idempotent) and answer "today" live from the log. docs/architecture.md, "Statistics".

-- One row per ticket leg: an issued ticket is one leg, a transfer adds a leg in the target service.
--   arrived_at  issue, booking check-in or transfer into this service: where waiting starts
--   outcome     served | transferred | no_show | cancelled | expired | open
--   wait_s      arrival -> first call;  service_s  start -> finish (or transfer out)
--   target_s    the service's target wait as configured when the row is made (p_services, p_targets)
CREATE FUNCTION antre_stats_legs(p_from date, p_to date, p_tz text, p_services text[], p_targets float8[])
RETURNS TABLE (ticket_id bigint, service_day date, hour smallint, weekday smallint, agency text, service text,
               counter_id text, officer text, channel text, priority text, issued boolean, outcome text,
               wait_s double precision, service_s double precision, target_s double precision)
LANGUAGE sql STABLE AS $$
  WITH e AS (
    SELECT t.id, t.service_day, t.service, s.agency, t.channel, coalesce(t.priority, 'regular') AS priority,
           bool_or(ev.type = 'ISSUE') AS issued,
           coalesce(min(ev.at) FILTER (WHERE ev.type = 'CHECK_IN'),
                    min(ev.at) FILTER (WHERE ev.type IN ('ISSUE', 'TRANSFER') AND ev.from_status IS NULL)) AS arrived_at,
           min(ev.at) FILTER (WHERE ev.type = 'CALL') AS called_at,
           min(ev.at) FILTER (WHERE ev.type = 'START') AS started_at,
           max(ev.at) FILTER (WHERE ev.to_status = 'DONE') AS finished_at,
           bool_or(ev.type = 'TRANSFER' AND ev.to_status = 'DONE') AS transferred,
           bool_or(ev.to_status = 'NO_SHOW') AS no_show,
           bool_or(ev.to_status = 'CANCELLED') AS cancelled,
           bool_or(ev.type = 'EXPIRE' OR ev.to_status = 'EXPIRED') AS expired,
           (array_agg(ev.counter_id ORDER BY ev.at DESC, ev.id DESC) FILTER (WHERE ev.counter_id IS NOT NULL
              AND (ev.type IN ('CALL', 'RECALL', 'START', 'FINISH', 'NO_SHOW')
                   OR (ev.type = 'TRANSFER' AND ev.to_status = 'DONE'))))[1] AS counter_id,
           (array_agg(ev.officer ORDER BY ev.at DESC, ev.id DESC) FILTER (WHERE ev.officer IS NOT NULL
              AND (ev.type IN ('CALL', 'RECALL', 'START', 'FINISH', 'NO_SHOW')
                   OR (ev.type = 'TRANSFER' AND ev.to_status = 'DONE'))))[1] AS officer
    FROM ticket t
    JOIN service s ON s.code = t.service
    JOIN ticket_event ev ON ev.ticket_id = t.id
    WHERE t.service_day BETWEEN p_from AND p_to
    GROUP BY t.id, t.service_day, t.service, s.agency, t.channel, t.priority
  )
  SELECT e.id, e.service_day,
         extract(hour FROM e.arrived_at AT TIME ZONE p_tz)::smallint,
         extract(isodow FROM e.arrived_at AT TIME ZONE p_tz)::smallint,
         e.agency, e.service, e.counter_id, e.officer, e.channel, e.priority, e.issued,
         CASE WHEN e.transferred THEN 'transferred' WHEN e.finished_at IS NOT NULL THEN 'served'
              WHEN e.no_show THEN 'no_show' WHEN e.cancelled THEN 'cancelled' WHEN e.expired THEN 'expired'
              ELSE 'open' END,
         extract(epoch FROM e.called_at - e.arrived_at)::double precision,
         extract(epoch FROM e.finished_at - e.started_at)::double precision,
         tg.target_s
  FROM e LEFT JOIN unnest(p_services, p_targets) AS tg (service, target_s) ON tg.service = e.service
$$;

-- Counter time per service day, officer and state: how long each counter was OPEN or PAUSED (by
-- reason), from counter_event. A state lasts until the counter's next state event, the end of
-- its service day, or p_now, whichever comes first.
CREATE FUNCTION antre_stats_counter_time(p_from date, p_to date, p_tz text, p_now timestamptz)
RETURNS TABLE (service_day date, counter_id text, officer text, state text, reason text, seconds double precision,
               times int)
LANGUAGE sql STABLE AS $$
  WITH ce AS (
    SELECT c.counter_id, c.officer, c.to_state, c.reason, c.at,
           (c.at AT TIME ZONE p_tz)::date AS day,
           lead(c.at) OVER (PARTITION BY c.counter_id ORDER BY c.at, c.id) AS next_at
    FROM counter_event c
    WHERE c.to_state IN ('OPEN', 'PAUSED', 'CLOSED')
      AND c.at >= (p_from::timestamp AT TIME ZONE p_tz) - interval '1 day'
      AND c.at < ((p_to + 1)::timestamp AT TIME ZONE p_tz)
  )
  SELECT ce.day, ce.counter_id, coalesce(ce.officer, ''), ce.to_state, coalesce(ce.reason, ''),
         sum(greatest(0, extract(epoch FROM least(coalesce(ce.next_at, 'infinity'),
                                                ((ce.day + 1)::timestamp AT TIME ZONE p_tz), p_now) - ce.at)))::double precision,
         count(*)::int
  FROM ce
  WHERE ce.to_state IN ('OPEN', 'PAUSED') AND ce.day BETWEEN p_from AND p_to
  GROUP BY ce.day, ce.counter_id, coalesce(ce.officer, ''), ce.to_state, coalesce(ce.reason, '')
$$;

-- The facts of closed service days. Narrow on purpose: a busy hall-year is ~600,000 rows, which
-- PostgreSQL aggregates (percentiles included) in well under a second on an idle machine. The
-- target wait is kept with the row: a day is measured against the target it was served under.
CREATE TABLE stats_day (
  service_day      date PRIMARY KEY,
  materialised_at  timestamptz NOT NULL,
  legs             int NOT NULL
);

CREATE TABLE stats_visit (
  ticket_id   bigint PRIMARY KEY,
  service_day date NOT NULL,
  hour        smallint,
  weekday     smallint,
  agency      text NOT NULL,
  service     text NOT NULL,
  counter_id  text,
  officer     text,
  channel     text NOT NULL,
  priority    text NOT NULL,
  issued      boolean NOT NULL,
  outcome     text NOT NULL,
  wait_s      double precision,
  service_s   double precision,
  target_s    double precision
);
CREATE INDEX stats_visit_day ON stats_visit (service_day);

CREATE TABLE stats_counter_day (
  service_day date NOT NULL,
  counter_id  text NOT NULL,
  officer     text NOT NULL,
  state       text NOT NULL,
  reason      text NOT NULL,
  seconds     double precision NOT NULL,
  times       int NOT NULL,
  PRIMARY KEY (service_day, counter_id, officer, state, reason)
);
