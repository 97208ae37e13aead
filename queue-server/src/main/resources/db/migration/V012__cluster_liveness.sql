-- A print agent's liveness must not depend on the node that held its socket: that node refreshes
-- alive_at every few seconds (database time), and every node reads a state whose alive_at is
-- stale as AGENT_OFFLINE, so a survivor does not go on saying ONLINE for an agent whose node died.
ALTER TABLE printer_state ADD COLUMN alive_at timestamptz;
