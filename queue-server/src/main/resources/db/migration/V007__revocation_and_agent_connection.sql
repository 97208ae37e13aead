-- Revocation: every node re-reads the revoked sessions, inactive users and inactive devices each
-- second (docs/architecture.md, "Signing out and revoking"). Revoked sessions are few; this keeps
-- that read an index scan however many sign-ins the session table holds.
CREATE INDEX session_revoked ON session (expires_at) WHERE revoked;

-- One print agent per kiosk: the printer's state belongs to the connection that reported it, so the
-- close of a replaced (older) connection cannot mark the printer AGENT_OFFLINE under the live one.
ALTER TABLE printer_state ADD COLUMN connection text;
