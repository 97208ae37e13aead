package id.antre.server.it;

import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Instant;

/**
 * A real node on the small test hall with its own fresh database and a pool for assertions,
 * all closed and dropped together: the set-up most integration tests share.
 */
public final class HallFixture implements AutoCloseable {
  public final Vertx vertx;
  public final DbConfig db;
  public final MutableClock clock;
  public final TestServer hall;
  public final Pool pool;

  private HallFixture(Vertx vertx, DbConfig db, MutableClock clock, TestServer hall, Pool pool) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.hall = hall;
    this.pool = pool;
  }

  /**
   * @param now       where the hand-moved clock starts
   * @param realHours false keeps every service open (demo mode)
   */
  public static HallFixture smallHall(Instant now, boolean realHours) {
    Vertx vertx = Vertx.vertx();
    DbConfig db = TestDb.create(vertx);
    MutableClock clock = new MutableClock(now);
    TestServer hall = TestServer.start(vertx, db, "/halls/small.yaml", clock, realHours);
    return new HallFixture(vertx, db, clock, hall, TestDb.pool(vertx, db));
  }

  @Override
  public void close() {
    hall.close();
    pool.close().await();
    TestDb.drop(vertx, db);
    vertx.close().await();
  }
}
