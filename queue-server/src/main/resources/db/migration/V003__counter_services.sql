-- Supervisors reassign the services a counter calls, live; NULL means "as configured".
ALTER TABLE counter_state ADD COLUMN services text[];
ALTER TABLE counter_state ADD COLUMN weights jsonb;
