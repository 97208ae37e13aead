-- Call-next and "people ahead" read only the waiting tickets of a service on one day, in issue
-- order; a ticket left waiting on an earlier day no longer sits in the way.
DROP INDEX ticket_waiting;
CREATE INDEX ticket_waiting ON ticket (service, service_day, issued_at, id) WHERE status = 'WAITING';
