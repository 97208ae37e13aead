package id.antre.server.persistence;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Creates the database clients. */
public final class Db {
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
}
