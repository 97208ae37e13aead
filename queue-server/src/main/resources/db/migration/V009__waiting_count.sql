-- Issuing at O(1): the number of waiting tickets per service and day, kept by triggers on ticket,
-- so that the issue statement reads the visitor's position (ahead_at_issue) from a few rows
-- instead of counting the waiting tickets while it holds the service's sequence row.
--
-- The triggers see every change of a ticket, whoever makes it (issue, call-next, transitions,
-- transfer, cancel, deletes, TRUNCATE), so the count cannot drift from the tickets themselves and
-- no statement has to remember to keep it.
--
-- Contention: a row per (service, day, shard). Tickets that start waiting add to the shard ''
-- (an issue already holds its service's sequence row, so issues add no new wait); a ticket that
-- stops waiting because a counter took it takes one from that counter's own shard (counter_id),
-- which only that counter writes, and whose call-next already runs one at a time under the
-- counter's lock: counters calling the same service never wait for each other here. The position
-- is the sum over the shards of the service and day, at most (counters of the service + 1) rows.
-- Inserts and deletes: statement-level triggers with transition tables, one upsert per statement
-- with rows locked in key order, so bulk inserts (tests, the benchmark) stay fast. Updates: a
-- row-level trigger that only fires when a ticket starts or stops waiting (see below).
--
-- What "waiting" counts is what it counted before: every WAITING ticket of the service that day,
-- priority or not, transferred or not. A booking that waits for its slot would be counted the same
-- way unless it is given another status; if slot order is to change who is ahead, count it apart.

CREATE TABLE waiting_count (
  service     text NOT NULL,
  service_day date NOT NULL,
  shard       text NOT NULL DEFAULT '',
  n           int  NOT NULL,
  PRIMARY KEY (service, service_day, shard)
);

INSERT INTO waiting_count (service, service_day, shard, n)
SELECT service, service_day, '', count(*) FROM ticket WHERE status = 'WAITING' GROUP BY service, service_day;

CREATE FUNCTION antre_waiting_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO waiting_count AS w (service, service_day, shard, n)
  SELECT service, service_day, '', count(*) FROM new_rows WHERE status = 'WAITING'
  GROUP BY service, service_day ORDER BY service, service_day
  ON CONFLICT (service, service_day, shard) DO UPDATE SET n = w.n + EXCLUDED.n;
  RETURN NULL;
END $$;

-- A row-level trigger whose WHEN clause is checked without calling any function: start, finish,
-- no-show, recall and the like cost nothing; only a ticket that starts or stops waiting writes.
CREATE FUNCTION antre_waiting_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'WAITING' THEN
    INSERT INTO waiting_count AS w (service, service_day, shard, n)
    VALUES (OLD.service, OLD.service_day, COALESCE(NEW.counter_id, ''), -1)
    ON CONFLICT (service, service_day, shard) DO UPDATE SET n = w.n - 1;
  END IF;
  IF NEW.status = 'WAITING' THEN
    INSERT INTO waiting_count AS w (service, service_day, shard, n)
    VALUES (NEW.service, NEW.service_day, '', 1)
    ON CONFLICT (service, service_day, shard) DO UPDATE SET n = w.n + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION antre_waiting_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO waiting_count AS w (service, service_day, shard, n)
  SELECT service, service_day, '', -count(*) FROM old_rows WHERE status = 'WAITING'
  GROUP BY service, service_day ORDER BY service, service_day
  ON CONFLICT (service, service_day, shard) DO UPDATE SET n = w.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION antre_waiting_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM waiting_count;
  RETURN NULL;
END $$;

CREATE TRIGGER ticket_waiting_inserted AFTER INSERT ON ticket
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION antre_waiting_inserted();
CREATE TRIGGER ticket_waiting_updated AFTER UPDATE OF status, service, service_day ON ticket FOR EACH ROW
  WHEN ((OLD.status = 'WAITING') IS DISTINCT FROM (NEW.status = 'WAITING')
        OR (OLD.status = 'WAITING' AND (OLD.service <> NEW.service OR OLD.service_day <> NEW.service_day)))
  EXECUTE FUNCTION antre_waiting_moved();
CREATE TRIGGER ticket_waiting_deleted AFTER DELETE ON ticket
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION antre_waiting_deleted();
CREATE TRIGGER ticket_waiting_truncated AFTER TRUNCATE ON ticket
  FOR EACH STATEMENT EXECUTE FUNCTION antre_waiting_truncated();
