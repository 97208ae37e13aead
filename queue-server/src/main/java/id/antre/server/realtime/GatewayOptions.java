package id.antre.server.realtime;

import java.util.List;

/**
 * Gateway limits.
 *
 * @param writeQueueBytes  outgoing bytes queued per client before it counts as too slow
 * @param heartbeatMillis  how often clients get a heartbeat (and a ping)
 * @param idleTimeoutMillis a client silent this long (no message, no pong) is closed
 * @param allowedOrigins   extra origins allowed besides the server's own host; "*" allows all
 * @param subscribeTimeoutMillis a socket with no accepted subscription this long after the upgrade is closed
 */
public record GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis,
    List<String> allowedOrigins, long subscribeTimeoutMillis) {

  public static final long DEFAULT_SUBSCRIBE_TIMEOUT_MILLIS = 5_000;

  /** With the default time to subscribe. */
  public GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis, List<String> allowedOrigins) {
    this(writeQueueBytes, heartbeatMillis, idleTimeoutMillis, allowedOrigins, DEFAULT_SUBSCRIBE_TIMEOUT_MILLIS);
  }

  public static GatewayOptions defaults() {
    return new GatewayOptions(256 * 1024, 15_000, 60_000, List.of());
  }
}
