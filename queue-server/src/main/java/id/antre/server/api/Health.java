package id.antre.server.api;

import id.antre.server.ClusterView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the database and the cluster as this node sees them. 200 while the
 * database answers, whatever the cluster: a node that sees fewer members than expected (a peer
 * down, a split hall) says so here and in the log, but stays in a proxy's rotation, or a split
 * would take both halves out. 503 only when the database does not answer.
 */
public final class Health {
  private static final Duration DATABASE_TIMEOUT = Duration.ofMillis(800);

  private Health() {
  }

  public static void handle(RoutingContext ctx, Supplier<Future<Void>> database, ClusterView cluster) {
    database.get().timeout(DATABASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .otherwise(e -> {
          ctx.response().setStatusCode(503);
          return null;
        })
        .onComplete(v -> {
          boolean up = ctx.response().getStatusCode() != 503;
          ctx.json(new JsonObject().put("status", up ? "ready" : "unavailable")
              .put("database", up ? "ok" : "not reachable").put("cluster", cluster.json()));
        });
  }
}
