-- Queue core: configuration, tickets, daily numbering, the append-only event log, counters,
-- users, sessions, device tokens, idempotency keys. Forward only: never edit, add V002.

CREATE TABLE hall (
  id          int PRIMARY KEY CONSTRAINT hall_single_row CHECK (id = 1),
  name        text NOT NULL,
  time_zone   text NOT NULL,
  config      text NOT NULL,          -- the configuration file as loaded, parsed again at start-up
  secret      bytea NOT NULL,         -- signs bearer tokens; shared by every node through this row
  loaded_at   timestamptz NOT NULL
);

CREATE TABLE agency (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  full_name   text NOT NULL
);

CREATE TABLE service (
  code        text PRIMARY KEY,
  agency      text NOT NULL REFERENCES agency (code),
  prefix      text NOT NULL CONSTRAINT service_prefix_unique UNIQUE,
  name        text NOT NULL,
  daily_quota int  NOT NULL CONSTRAINT service_quota_positive CHECK (daily_quota > 0)
);

CREATE TABLE counter (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  agency      text NOT NULL REFERENCES agency (code),
  zone        text NOT NULL
);

CREATE TABLE counter_state (
  counter_id      text PRIMARY KEY REFERENCES counter (id),
  state           text NOT NULL DEFAULT 'CLOSED'
                  CONSTRAINT counter_state_known CHECK (state IN ('CLOSED', 'OPEN', 'PAUSED')),
  pause_reason    text,
  officer         text,
  current_ticket  bigint,
  priority_streak int  NOT NULL DEFAULT 0,
  served_day      date,
  served          jsonb NOT NULL DEFAULT '{}'::jsonb,   -- tickets called per service on served_day
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- one row per service and service day; the upsert that increments it is the quota check
CREATE TABLE daily_sequence (
  service      text NOT NULL REFERENCES service (code),
  service_day  date NOT NULL,
  last_number  int  NOT NULL,
  PRIMARY KEY (service, service_day)
);

CREATE TABLE ticket (
  id               bigserial PRIMARY KEY,
  service          text NOT NULL REFERENCES service (code),
  origin_service   text NOT NULL REFERENCES service (code),   -- whose sequence the number came from
  service_day      date NOT NULL,
  prefix           text NOT NULL,
  number           int  NOT NULL,
  status           text NOT NULL
                   CONSTRAINT ticket_status_known CHECK (status IN
                     ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'HELD', 'CANCELLED')),
  priority         text,
  channel          text NOT NULL,
  tracking_token   text NOT NULL,
  request_id       text,
  issued_at        timestamptz NOT NULL,
  ahead_at_issue   int NOT NULL DEFAULT 0,
  minutes_per_person double precision NOT NULL DEFAULT 0,
  counter_id       text REFERENCES counter (id),
  officer          text,
  called_at        timestamptz,
  started_at       timestamptz,
  finished_at      timestamptz,
  outcome          text,
  recall_count     int NOT NULL DEFAULT 0,
  transferred_from bigint REFERENCES ticket (id),
  note             text
);
-- a number is given once per service and day; a transferred ticket keeps its number
CREATE UNIQUE INDEX ticket_number_unique ON ticket (origin_service, service_day, number)
  WHERE transferred_from IS NULL;
CREATE UNIQUE INDEX ticket_request_unique ON ticket (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ticket_waiting ON ticket (service, issued_at) WHERE status = 'WAITING';
CREATE INDEX ticket_tracking ON ticket (tracking_token);
CREATE INDEX ticket_counter_active ON ticket (counter_id) WHERE status IN ('CALLED', 'SERVING');
CREATE INDEX ticket_day ON ticket (service_day, service);

CREATE TABLE ticket_event (
  id           bigserial PRIMARY KEY,
  ticket_id    bigint NOT NULL REFERENCES ticket (id),
  type         text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  counter_id   text,
  officer      text,
  at           timestamptz NOT NULL,
  request_id   text,
  data         jsonb
);
CREATE UNIQUE INDEX ticket_event_request_unique ON ticket_event (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id);
CREATE INDEX ticket_event_at ON ticket_event (at);

CREATE TABLE counter_event (
  id          bigserial PRIMARY KEY,
  counter_id  text NOT NULL REFERENCES counter (id),
  type        text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  reason      text,
  officer     text,
  at          timestamptz NOT NULL
);

CREATE TABLE app_user (
  username       text PRIMARY KEY,
  password_hash  text NOT NULL,
  role           text NOT NULL CONSTRAINT app_user_role_known CHECK (role IN ('officer', 'supervisor', 'manager', 'admin')),
  agency         text REFERENCES agency (code),
  display_name   text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT app_user_agency_for_agency_roles CHECK ((role IN ('officer', 'supervisor')) = (agency IS NOT NULL))
);

CREATE TABLE session (
  id          text PRIMARY KEY,
  username    text NOT NULL REFERENCES app_user (username),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked     boolean NOT NULL DEFAULT false
);

CREATE TABLE device (
  id          text PRIMARY KEY,
  kind        text NOT NULL CONSTRAINT device_kind_known CHECK (kind IN ('kiosk', 'display', 'print-agent')),
  name        text NOT NULL,
  token_hash  text NOT NULL CONSTRAINT device_token_unique UNIQUE,
  zone        text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now()
);
