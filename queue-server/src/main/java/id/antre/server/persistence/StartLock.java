package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;

/**
 * Nodes started at once on one database take turns through the first-start path (migrations,
 * the hall file, the demo users and devices): a PostgreSQL advisory lock held on one connection
 * while the work runs on the others. The second node then finds the hall stored and uses it,
 * so two different hall files cannot mix and demo credentials are created once.
 */
public final class StartLock {
  private static final long KEY = 0x616e7472655354L; // "antreST"

  private StartLock() {
  }

  /** Runs {@code work} while no other node of this database runs its own. */
  public static <T> Future<T> holding(Pool pool, Supplier<Future<T>> work) {
    return pool.getConnection().compose(conn -> conn.query(Sql.START_LOCK.replace("$KEY", Long.toString(KEY))).execute()
        .compose(locked -> work.get())
        .transform(done -> conn.query(Sql.START_UNLOCK.replace("$KEY", Long.toString(KEY))).execute()
            .transform(unlocked -> {
              conn.close();
              return done.succeeded() ? Future.succeededFuture(done.result()) : Future.<T>failedFuture(done.cause());
            })));
  }
}
