-- Tickets on paper: durable print jobs per kiosk, and the last known state of each printer.

-- a print agent prints the jobs of one kiosk
ALTER TABLE device ADD COLUMN kiosk text;

CREATE TABLE print_job (
  id          bigserial PRIMARY KEY,
  ticket_id   bigint NOT NULL REFERENCES ticket (id),
  kiosk       text NOT NULL,
  status      text NOT NULL DEFAULT 'QUEUED'
              CONSTRAINT print_job_status_known CHECK (status IN ('QUEUED', 'SENT', 'PRINTED', 'FAILED', 'CANCELLED')),
  attempts    int NOT NULL DEFAULT 0,
  last_error  text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX print_job_open ON print_job (kiosk, id) WHERE status IN ('QUEUED', 'SENT');
CREATE UNIQUE INDEX print_job_ticket ON print_job (ticket_id);

CREATE TABLE printer_state (
  kiosk       text PRIMARY KEY,
  status      text NOT NULL,
  detail      text,
  agent       text,
  updated_at  timestamptz NOT NULL
);
