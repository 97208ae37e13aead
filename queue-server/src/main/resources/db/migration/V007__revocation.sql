-- Revocation: every node re-reads the revoked sessions, inactive users and inactive devices each
-- second (docs/architecture.md, "Signing out and revoking"). Revoked sessions are few; this keeps
-- that read an index scan however many sign-ins the session table holds.
CREATE INDEX session_revoked ON session (expires_at) WHERE revoked;
