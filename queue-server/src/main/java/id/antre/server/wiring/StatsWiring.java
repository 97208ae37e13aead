package id.antre.server.wiring;

import id.antre.server.ServerConfig;
import id.antre.server.api.ApiVerticle;
import id.antre.server.api.StatsRoutes;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.Db;
import id.antre.server.persistence.StatsStore;
import id.antre.server.stats.StatsService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The statistics, on a pool of two connections of their own so that a year's export never takes
 * a connection the queue needs.
 */
public record StatsWiring(Pool pool, StatsService service) {
  /** Room for a year's export or a catch-up. */
  static final Duration STATS_DEADLINE = Duration.ofSeconds(60);

  public static StatsWiring create(Vertx vertx, ServerConfig config, Clock clock, HallRef hall) {
    // a year's percentiles sort ~600,000 values: in memory, and without JIT compiling each plan
    Pool pool = Db.pool(vertx, config.db(), 2, STATS_DEADLINE, Map.of("work_mem", "64MB", "jit", "off"));
    return new StatsWiring(pool, new StatsService(hall, new StatsStore(pool), clock));
  }

  public ApiVerticle.Extension routes() {
    return new StatsRoutes(service);
  }

  public Future<Void> close() {
    return pool.close();
  }
}
