-- Administration: the audit trail, what a device last said of itself, and old device tokens.

-- Every administrative change and every sign-in: who, when, from where, what, before and after.
-- Never a password, hash or token (audit.AuditStore strips such fields before they get here).
CREATE TABLE audit_entry (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL,
  actor    text NOT NULL,
  role     text,
  address  text,
  action   text NOT NULL,
  target   text,
  before   jsonb,
  after    jsonb
);
CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at DESC);

-- When a device last authenticated (written at most once a minute per device and node) and the
-- client version it reported (X-Antre-Client, or "client" in its WebSocket subscribe).
ALTER TABLE device ADD COLUMN last_seen_at timestamptz;
ALTER TABLE device ADD COLUMN client_version text;

-- A rotated device token is refused on every node at once: each node re-reads these hashes with
-- the other revocations every second (auth.AuthService).
CREATE TABLE device_token_retired (
  token_hash  text PRIMARY KEY,
  device      text NOT NULL REFERENCES device (id),
  retired_at  timestamptz NOT NULL
);

-- ending every sign-in of one user (role changed, disabled, password reset) without a table scan
CREATE INDEX session_open_by_user ON session (username) WHERE NOT revoked;
