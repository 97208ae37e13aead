package id.antre.server;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (and Ctrl-C) stop a node cleanly rather than like a crash: the HTTP server stops
 * accepting, requests in flight finish, WebSockets are closed with 1001 and a hint to reconnect
 * (pages come back at once, through the proxy to another node), the queue verticle and the
 * database pools close, and the node leaves the cluster, so its peers see a member leave instead
 * of suspecting one dead.
 */
final class NodeShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(NodeShutdown.class);
  /** Longer than the HTTP grace ({@link id.antre.server.api.GoingAway#GRACE}) plus leaving the cluster. */
  private static final long LIMIT_SECONDS = 30;

  private NodeShutdown() {
  }

  static void onSignal(Vertx vertx, AntreServer server) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping: no new connections, finishing requests in flight, closing WebSockets with 1001");
      try {
        server.stop().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        ClusterView.forget(vertx);
        vertx.close().toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        LOG.info("stopped{}", vertx.isClustered() ? " and left the cluster" : "");
      } catch (Exception e) {
        LOG.warn("stopping did not finish cleanly: {}", e.toString());
      }
    }, "antre-shutdown"));
  }
}
