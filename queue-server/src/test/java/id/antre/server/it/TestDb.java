package id.antre.server.it;

import id.antre.server.persistence.DbConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class, on the server that scripts/test starts
 * (ANTRE_DB_* variables, defaults 127.0.0.1:5432 antre/antre). Dropped afterwards.
 */
public final class TestDb {
  private TestDb() {
  }

  public static DbConfig base() {
    Map<String, String> env = System.getenv();
    return new DbConfig(env.getOrDefault("ANTRE_DB_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("ANTRE_DB_PORT", "5432")),
        env.getOrDefault("ANTRE_DB_NAME", "antre"),
        env.getOrDefault("ANTRE_DB_USER", "antre"),
        env.getOrDefault("ANTRE_DB_PASSWORD", "antre"), 12);
  }

  public static DbConfig create(Vertx vertx) {
    DbConfig base = base();
    String name = "antre_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin(vertx, base, "CREATE DATABASE " + name);
    return new DbConfig(base.host(), base.port(), name, base.user(), base.password(), base.poolSize());
  }

  public static void drop(Vertx vertx, DbConfig db) {
    admin(vertx, base(), "DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
  }

  private static void admin(Vertx vertx, DbConfig base, String sql) {
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(new PgConnectOptions().setHost(base.host()).setPort(base.port())
            .setDatabase(base.database()).setUser(base.user()).setPassword(base.password()))
        .using(vertx).build();
    try {
      pool.query(sql).execute().await();
    } finally {
      pool.close().await();
    }
  }

  /** A pool on the test database, for assertions. */
  public static Pool pool(Vertx vertx, DbConfig db) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(new PgConnectOptions().setHost(db.host()).setPort(db.port())
            .setDatabase(db.database()).setUser(db.user()).setPassword(db.password()))
        .using(vertx).build();
  }

  public static Future<Long> count(Pool pool, String sql) {
    return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0));
  }
}
