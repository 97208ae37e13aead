package id.antre.server.it;

import id.antre.server.persistence.DbConfig;
import id.antre.server.persistence.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Fresh PostgreSQL databases for tests, on the server that scripts/test starts (ANTRE_DB_*
 * variables, defaults 127.0.0.1:5432 antre/antre).
 *
 * <p>Each one is a copy ({@code CREATE DATABASE ... TEMPLATE}) of a template that holds every
 * migration: the template is built once and named after a digest of the migration files, so a
 * changed migration gets a new template and every run, in this JVM or the next, reuses the one
 * that matches. A node started on the copy finds its schema current and goes straight to loading
 * its hall.
 *
 * <p>A copy takes about 0.3 s (PostgreSQL writes every page of it to the WAL and flushes it), a
 * drop a checkpoint: over the core lane's 172 tests, a third of a minute each way. So the next
 * test's copy is made while this test runs, and a finished test's database is dropped behind it,
 * both on one background thread with a Vert.x instance of its own; the JVM waits for that thread
 * before it exits, and drops the copy nobody took.
 */
public final class TestDb {
  private static String template;
  private static ExecutorService background;
  private static Vertx backgroundVertx;
  /** The copy made for the next test, if any. */
  private static CompletableFuture<DbConfig> spare;

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

  /** A new database with every migration applied, dropped by {@link #dropLater}. */
  public static synchronized DbConfig create(Vertx vertx) {
    String source = template(vertx);
    DbConfig db = takeSpare();
    if (db == null) {
      db = copy(vertx, source);
    }
    startBackground();
    spare = CompletableFuture.supplyAsync(() -> copy(backgroundVertx, source), background);
    return db;
  }

  /** Drops the database behind the caller; the JVM waits for it before it exits. */
  public static synchronized void dropLater(DbConfig db) {
    startBackground();
    background.execute(() -> dropNow(db));
  }

  private static void dropNow(DbConfig db) {
    try {
      drop(backgroundVertx, db);
    } catch (RuntimeException e) {
      System.err.println("could not drop the test database " + db.database() + ": " + e);
    }
  }

  private static DbConfig copy(Vertx vertx, String source) {
    DbConfig db = freshName();
    admin(vertx, "CREATE DATABASE " + db.database() + " TEMPLATE " + source);
    return db;
  }

  private static DbConfig freshName() {
    return named("antre_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
  }

  /** The copy made for this test, or null when it failed or took too long (PostgreSQL stopped by a test). */
  private static DbConfig takeSpare() {
    if (spare == null) {
      return null;
    }
    CompletableFuture<DbConfig> taken = spare;
    spare = null;
    try {
      return taken.get(30, TimeUnit.SECONDS);
    } catch (Exception failed) {
      taken.thenAccept(TestDb::dropLater); // made after all: nobody will take it now
      return null;
    }
  }

  private static void startBackground() {
    if (background != null) {
      return;
    }
    background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "test-databases");
      t.setDaemon(true);
      return t;
    });
    backgroundVertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(TestDb::finishBackground, "test-databases-exit"));
  }

  /** At the JVM's exit: the drops still queued, then the copy nobody took. */
  private static void finishBackground() {
    CompletableFuture<DbConfig> left;
    synchronized (TestDb.class) {
      left = spare;
      spare = null;
    }
    try {
      if (left != null) {
        DbConfig db = left.get(30, TimeUnit.SECONDS);
        background.execute(() -> dropNow(db));
      }
    } catch (Exception ignored) {
      // it was never made
    }
    background.shutdown();
    try {
      background.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    backgroundVertx.close();
  }

  /** A new database with nothing in it: for a test of the migrations themselves. */
  public static DbConfig createEmpty(Vertx vertx) {
    DbConfig db = freshName();
    admin(vertx, "CREATE DATABASE " + db.database());
    return db;
  }

  /**
   * Drops the database even while connections are open. FORCE refuses (42501) when an autovacuum
   * worker happens to be in the database, since it runs as no role we may signal; a plain DROP
   * stops autovacuum itself, so that is the fallback once our own connections are gone.
   */
  public static void drop(Vertx vertx, DbConfig db) {
    try {
      admin(vertx, "DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
    } catch (PgException e) {
      if (!"42501".equals(e.getSqlState())) {
        throw e;
      }
      admin(vertx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database()
          + "' AND usename = current_user AND pid <> pg_backend_pid()");
      admin(vertx, "DROP DATABASE IF EXISTS " + db.database());
    }
  }

  private static DbConfig named(String name) {
    DbConfig base = base();
    return new DbConfig(base.host(), base.port(), name, base.user(), base.password(), base.poolSize());
  }

  /**
   * The migrated template, built on first use. Several JVMs may race to build it: each migrates
   * a database of its own and renames it into place; the loser drops its copy.
   */
  private static synchronized String template(Vertx vertx) {
    if (template != null) {
      return template;
    }
    String name = "antre_tpl_" + migrationDigest();
    boolean exists = TestDb.count(adminPool(vertx), "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'",
        true) > 0;
    if (!exists) {
      DbConfig building = named(name + "_" + UUID.randomUUID().toString().substring(0, 8));
      admin(vertx, "CREATE DATABASE " + building.database());
      Pool pool = pool(vertx, building);
      try {
        Migrations.apply(pool).await();
      } finally {
        pool.close().await();
      }
      try {
        admin(vertx, "ALTER DATABASE " + building.database() + " RENAME TO " + name);
        admin(vertx, "ALTER DATABASE " + name + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
      } catch (RuntimeException lostTheRace) {
        drop(vertx, building);
      }
    }
    template = name;
    return name;
  }

  private static String migrationDigest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String file : Migrations.FILES) {
        try (InputStream in = TestDb.class.getResourceAsStream("/db/migration/" + file)) {
          sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Pool adminPool(Vertx vertx) {
    DbConfig base = base();
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(new PgConnectOptions().setHost(base.host()).setPort(base.port())
            .setDatabase(base.database()).setUser(base.user()).setPassword(base.password()))
        .using(vertx).build();
  }

  private static long count(Pool pool, String sql, boolean close) {
    try {
      return count(pool, sql).await();
    } finally {
      if (close) {
        pool.close().await();
      }
    }
  }

  private static void admin(Vertx vertx, String sql) {
    Pool pool = adminPool(vertx);
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
