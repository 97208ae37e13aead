package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * The leases of the cluster-wide jobs (migration V014, {@code job_run}): one row per job and
 * period. Whoever inserts it runs the job; a row left unfinished past its lease (its node died)
 * is taken over by the next node that asks.
 */
public class JobStore {
  /** $1 job, $2 period, $3 node, $4 now, $5 lease until. A row back: this node runs it. */
  static final String CLAIM = """
      INSERT INTO job_run (job, period, node, started_at, lease_until) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (job, period) DO UPDATE
        SET node = EXCLUDED.node, started_at = EXCLUDED.started_at, lease_until = EXCLUDED.lease_until,
            attempts = job_run.attempts + 1
        WHERE job_run.finished_at IS NULL AND job_run.lease_until <= EXCLUDED.started_at
      RETURNING attempts""";
  /** $1 job, $2 period, $3 node, $4 now, $5 result. */
  static final String FINISH = """
      UPDATE job_run SET finished_at = $4, result = $5 WHERE job = $1 AND period = $2 AND node = $3""";
  /** A failed run gives its lease back at once: the next tick (of any node) tries again. */
  static final String RELEASE = """
      UPDATE job_run SET lease_until = $4, result = $5 WHERE job = $1 AND period = $2 AND node = $3
        AND finished_at IS NULL""";

  private final SqlClient db;

  public JobStore(SqlClient db) {
    this.db = db;
  }

  /** Whether this node got the run of {@code job} for {@code period}. */
  public Future<Boolean> claim(String job, String period, String node, Instant now, Instant leaseUntil) {
    return db.preparedQuery(CLAIM).execute(Tuple.of(job, period, node, TicketStore.ts(now), TicketStore.ts(leaseUntil)))
        .map(rows -> rows.size() > 0);
  }

  public Future<Void> finish(String job, String period, String node, Instant now, String result) {
    return db.preparedQuery(FINISH).execute(Tuple.of(job, period, node, TicketStore.ts(now), result)).mapEmpty();
  }

  public Future<Void> release(String job, String period, String node, Instant now, String error) {
    return db.preparedQuery(RELEASE).execute(Tuple.of(job, period, node, TicketStore.ts(now), error)).mapEmpty();
  }
}
