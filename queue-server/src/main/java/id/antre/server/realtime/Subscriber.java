package id.antre.server.realtime;

/**
 * What the fan-out needs of a client: somewhere to deliver an event, and the two facts that
 * decide who gets printer and presence events. {@link Connection} is the WebSocket one; tests
 * use plain fakes.
 */
interface Subscriber {
  /**
   * Takes one event; it may be held (while a snapshot is read) or dropped (a closed client).
   *
   * @param callSeq the call's seq, or 0 for events that are not calls
   */
  void deliver(String json, long callSeq);

  /** A counter terminal's id (one per browser tab), or null for any other client. */
  String terminal();

  /** Whether this client is (or was) its kiosk's print agent, the only one that gets print jobs. */
  boolean printAgent();
}
