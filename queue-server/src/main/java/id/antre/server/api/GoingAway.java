package id.antre.server.api;

import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;

/**
 * A node that stops (SIGTERM) shuts its HTTP server down: it stops accepting, lets requests in
 * flight finish for up to {@link #GRACE}, and closes every WebSocket with 1001 "going away" and a
 * reason that tells the client to reconnect, which pages do at once (to another node through the
 * proxy) instead of seeing 1006 as from a crash.
 */
public final class GoingAway {
  /** How long in-flight requests may take once the node stops. */
  public static final Duration GRACE = Duration.ofSeconds(5);
  public static final short CODE = 1001;
  public static final String REASON = "server stopping: reconnect";

  private GoingAway() {
  }

  /** Closes {@code ws} with 1001 when its server shuts down. */
  public static ServerWebSocket onShutdown(ServerWebSocket ws) {
    ws.shutdownHandler(v -> ws.close(CODE, REASON));
    return ws;
  }
}
