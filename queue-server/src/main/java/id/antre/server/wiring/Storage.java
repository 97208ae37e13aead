package id.antre.server.wiring;

import id.antre.server.ServerConfig;
import id.antre.server.persistence.AdminStore;
import id.antre.server.persistence.AuditStore;
import id.antre.server.persistence.Db;
import id.antre.server.persistence.HallStore;
import id.antre.server.persistence.SurveyStore;
import id.antre.server.persistence.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;

/**
 * The node's connections to PostgreSQL and the stores its first start already needs: the hall
 * and its devices, the tickets, the survey tablets (the demo seed registers one), the accounts
 * and the audit trail. The other families make their own stores over {@link #pool()} or
 * {@link #client()}; the statistics have a pool of their own ({@link StatsWiring}).
 */
public record Storage(Pool pool, SqlClient client, HallStore halls, TicketStore tickets, SurveyStore surveys,
    AdminStore admin, AuditStore audit) {

  public static Storage open(Vertx vertx, ServerConfig config, Clock clock) {
    Pool pool = Db.pool(vertx, config.db(), 4, config.commandDeadline());
    SqlClient client = Db.client(vertx, config.db(), config.commandDeadline());
    return new Storage(pool, client, new HallStore(pool), new TicketStore(client), new SurveyStore(client),
        new AdminStore(pool), new AuditStore(pool, clock));
  }

  /** What {@code GET /health/ready} asks: does PostgreSQL answer. */
  public Future<Void> ready() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  public Future<Void> closeClient() {
    return client.close();
  }

  public Future<Void> closePool() {
    return pool.close();
  }
}
