package id.antre.server.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

/** Creates the database clients. */
public final class Db {
  private Db() {
  }

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

  /** For single statements in autocommit: the hot path (issue, call-next, transitions). */
  public static SqlClient client(Vertx vertx, DbConfig c) {
    return PgBuilder.client()
        .with(new PoolOptions().setMaxSize(c.poolSize()))
        .connectingTo(connectOptions(c))
        .using(vertx)
        .build();
  }

  /** For transactions and migrations. */
  public static Pool pool(Vertx vertx, DbConfig c, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(connectOptions(c))
        .using(vertx)
        .build();
  }
}
