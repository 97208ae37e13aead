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
 * @param recentCalls      how many of the newest calls each gateway keeps in memory to answer
 *                         snapshots and replays after {@code since} without a database read
 */
public record GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis,
    List<String> allowedOrigins, long subscribeTimeoutMillis, int recentCalls) {

  public static final long DEFAULT_SUBSCRIBE_TIMEOUT_MILLIS = 5_000;
  /**
   * A client that missed fewer calls than this resumes from memory (a busy hall makes about 2,500
   * a day; a display off overnight missed none); a few KB of heap per call and gateway.
   */
  public static final int DEFAULT_RECENT_CALLS = 2_000;

  /** With the default number of calls kept. */
  public GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis, List<String> allowedOrigins,
      long subscribeTimeoutMillis) {
    this(writeQueueBytes, heartbeatMillis, idleTimeoutMillis, allowedOrigins, subscribeTimeoutMillis,
        DEFAULT_RECENT_CALLS);
  }

  public GatewayOptions {
    if (recentCalls < 1) {
      throw new IllegalArgumentException("recentCalls must be at least 1, not " + recentCalls);
    }
  }

  /** The same with {@code count} calls kept in memory. */
  public GatewayOptions withRecentCalls(int count) {
    return new GatewayOptions(writeQueueBytes, heartbeatMillis, idleTimeoutMillis, allowedOrigins,
        subscribeTimeoutMillis, count);
  }

  /** With the default time to subscribe. */
  public GatewayOptions(int writeQueueBytes, long heartbeatMillis, long idleTimeoutMillis, List<String> allowedOrigins) {
    this(writeQueueBytes, heartbeatMillis, idleTimeoutMillis, allowedOrigins, DEFAULT_SUBSCRIBE_TIMEOUT_MILLIS);
  }

  public static GatewayOptions defaults() {
    return new GatewayOptions(256 * 1024, 15_000, 60_000, List.of());
  }
}
