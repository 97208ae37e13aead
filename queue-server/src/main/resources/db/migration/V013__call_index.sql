-- The calls in the event log, by position: every gateway re-reads the positions of the latest calls
-- about once a second (realtime/CallMerge) and the displays' snapshots read the latest calls. A
-- partial index holds only calls, so these reads do not visit the far more numerous other events.
CREATE INDEX ticket_event_calls ON ticket_event (id) WHERE type IN ('CALL', 'RECALL') AND to_status = 'CALLED';
