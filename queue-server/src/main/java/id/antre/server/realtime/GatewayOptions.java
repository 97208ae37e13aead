package id.antre.server.realtime;

/**
 * Gateway limits.
 *
 * @param writeQueueBytes  outgoing bytes queued per client before it counts as too slow
 * @param heartbeatMillis  how often clients get a heartbeat (and a ping)
 * @param idleTimeoutMillis a client silent this long (no message, no pong) is closed
 * @param allowedOrigins   extra origins allowed besides the server's own host; "*" allows all
 */
public record GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis,
    java.util.List<String> allowedOrigins) {

  public static GatewayOptions defaults() {
    return new GatewayOptions(256 * 1024, 15_000, 60_000, java.util.List.of());
  }
}
