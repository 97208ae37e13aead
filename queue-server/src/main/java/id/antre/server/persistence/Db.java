package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the database clients. */
public final class Db {
  private static final Logger LOG = LoggerFactory.getLogger(Db.class);
  private Db() {
  }

  /** Without a deadline: statements may run as long as they need (tests, tools). */
  public static PgConnectOptions connectOptions(DbConfig c) {
    return new PgConnectOptions()
        .setHost(c.host())
        .setPort(c.port())
        .setDatabase(c.database())
        .setUser(c.user())
        .setPassword(c.password())
        .setCachePreparedStatements(true)
        // the client caches statements under 2,048 characters by default and prepares longer ones
        // again on every execution; the call and issue statements are near that length
        .setPreparedStatementCacheSqlLimit(16_384)
        // a few requests in flight per connection keeps commits batched without serialising them
        // on one connection (PLATFORM.md: 4 beats both 1 and 256)
        .setPipeliningLimit(4);
  }

  /**
   * The server's connections: PostgreSQL cancels a statement that runs past the deadline
   * ({@code statement_timeout}), a connection that cannot be made or borrowed within it fails, so
   * a hanging database turns into 503s instead of requests that wait for ever.
   */
  public static PgConnectOptions connectOptions(DbConfig c, Duration deadline) {
    int ms = (int) Math.max(1, deadline.toMillis());
    PgConnectOptions o = connectOptions(c);
    o.addProperty("statement_timeout", Integer.toString(ms));
    return o;
  }

  /** For single statements in autocommit: the hot path (issue, call-next, transitions). */
  public static SqlClient client(Vertx vertx, DbConfig c, Duration deadline) {
    return PgBuilder.client()
        .with(poolOptions(c.poolSize(), deadline))
        .with(new NetClientOptions().setConnectTimeout((int) Math.max(1, deadline.toMillis())))
        .connectingTo(connectOptions(c, deadline))
        .using(vertx)
        .build();
  }

  /** For transactions and migrations. */
  public static Pool pool(Vertx vertx, DbConfig c, int size, Duration deadline) {
    return PgBuilder.pool()
        .with(poolOptions(size, deadline))
        .with(new NetClientOptions().setConnectTimeout((int) Math.max(1, deadline.toMillis())))
        .connectingTo(connectOptions(c, deadline))
        .using(vertx)
        .build();
  }

  /**
   * A pool whose sessions start with the given settings (e.g. {@code work_mem} for the statistics,
   * whose exact percentiles sort a year of rows in memory rather than on disk).
   */
  public static Pool pool(Vertx vertx, DbConfig c, int size, Duration deadline, java.util.Map<String, String> settings) {
    PgConnectOptions options = connectOptions(c, deadline);
    settings.forEach(options::addProperty);
    return PgBuilder.pool()
        .with(poolOptions(size, deadline))
        .with(new NetClientOptions().setConnectTimeout((int) Math.max(1, deadline.toMillis())))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  private static PoolOptions poolOptions(int size, Duration deadline) {
    return new PoolOptions().setMaxSize(size)
        .setConnectionTimeout((int) Math.max(1, deadline.toMillis())).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  /**
   * Waits until the database answers, trying every half second for at most {@code within}: a node
   * started at boot beside PostgreSQL, or on a machine so busy that a first connection takes longer
   * than the command deadline, waits for it rather than giving up at its first try.
   */
  public static Future<Void> awaitReady(Vertx vertx, Pool pool, Duration within) {
    long end = System.nanoTime() + within.toNanos();
    Promise<Void> ready = Promise.promise();
    tryOnce(vertx, pool, end, ready, 1);
    return ready.future();
  }

  private static void tryOnce(Vertx vertx, Pool pool, long end, Promise<Void> ready, int attempt) {
    pool.query("SELECT 1").execute().onComplete(r -> {
      if (r.succeeded()) {
        if (attempt > 1) {
          LOG.info("the database answers (after {} attempts)", attempt);
        }
        ready.complete();
      } else if (System.nanoTime() - end >= 0) {
        ready.fail(r.cause());
      } else {
        if (attempt == 1) {
          LOG.info("waiting for the database: {}", r.cause().getMessage());
        }
        vertx.setTimer(500, id -> tryOnce(vertx, pool, end, ready, attempt + 1));
      }
    });
  }
}
