package id.antre.server.persistence;

import id.antre.server.queue.PrintRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Print jobs and printer states in PostgreSQL, the print service's repository. */
public class PrintStore implements PrintRepository {
  private final SqlClient client;

  public PrintStore(SqlClient client) {
    this.client = client;
  }

  public Future<List<Job>> open(String kiosk) {
    return client.preparedQuery(Sql.PRINT_JOBS_OPEN).execute(Tuple.of(kiosk)).map(rows -> {
      List<Job> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Job(r.getLong("job_id"), kiosk, r.getString("job_status"), r.getInteger("attempts"),
          null, TicketStore.ticket(r))));
      return out;
    });
  }

  /** Cancels the kiosk's open jobs whose ticket is no longer waiting or was issued before {@code issuedBefore}. */
  public Future<List<Job>> cancelStale(String kiosk, Instant now, Instant issuedBefore, String reason) {
    return client.preparedQuery(Sql.PRINT_JOBS_CANCEL_STALE)
        .execute(Tuple.of(kiosk, TicketStore.ts(now), TicketStore.ts(issuedBefore), reason)).map(rows -> {
          List<Job> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Job(r.getLong("job_id"), kiosk, "CANCELLED", r.getInteger("attempts"), reason,
              TicketStore.ticket(r))));
          return out;
        });
  }

  public Future<Optional<Job>> get(long id) {
    return client.preparedQuery(Sql.PRINT_JOB_GET).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Job(r.getLong("job_id"), r.getString("kiosk"), r.getString("job_status"),
          r.getInteger("attempts"), r.getString("last_error"), TicketStore.ticket(r)));
    });
  }

  public Future<Void> markSent(long id, Instant at) {
    return client.preparedQuery(Sql.PRINT_JOB_SENT).execute(Tuple.of(id, TicketStore.ts(at))).mapEmpty();
  }

  public Future<Optional<Result>> result(long id, String kiosk, boolean printed, String error, Instant at,
      int maxAttempts) {
    return client.preparedQuery(Sql.PRINT_JOB_RESULT)
        .execute(Tuple.of(id, kiosk, printed, error, TicketStore.ts(at), maxAttempts))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(new Result(rows.iterator().next().getString(0), rows.iterator().next().getInteger(1))));
  }

  public Future<Boolean> cancel(long id, Instant at) {
    return client.preparedQuery(Sql.PRINT_JOB_CANCEL).execute(Tuple.of(id, TicketStore.ts(at))).map(rows -> rows.size() > 0);
  }

  /** @param connection the agent connection that reports it (null when unknown) */
  public Future<Void> printerState(String kiosk, String status, String detail, String agent, Instant at,
      String connection) {
    return client.preparedQuery(Sql.PRINTER_STATE_UPSERT)
        .execute(Tuple.of(kiosk, status, detail, agent, TicketStore.ts(at), connection)).mapEmpty();
  }

  /** AGENT_OFFLINE if {@code connection} is the one that reported last; false when a newer one has. */
  public Future<Boolean> agentGone(String kiosk, String connection, String detail, Instant at) {
    return client.preparedQuery(Sql.PRINTER_STATE_AGENT_GONE)
        .execute(Tuple.of(kiosk, connection, detail, TicketStore.ts(at))).map(rows -> rows.size() > 0);
  }

  /** The holding node's word that {@code connection} is still the kiosk's agent; false when it no longer is. */
  public Future<Boolean> agentAlive(String kiosk, String connection) {
    return client.preparedQuery(Sql.PRINTER_STATE_ALIVE).execute(Tuple.of(kiosk, connection))
        .map(rows -> rows.size() > 0);
  }

  /** @param staleAfter a state not refreshed this long is {@link PrinterRow#stale()} */
  public Future<List<PrinterRow>> printers(java.time.Duration staleAfter) {
    return client.preparedQuery(Sql.PRINTER_STATES).execute(Tuple.of((double) staleAfter.toMillis() / 1000)).map(rows -> {
      List<PrinterRow> out = new ArrayList<>();
      rows.forEach(r -> out.add(new PrinterRow(r.getString("kiosk"), r.getString("status"), r.getString("detail"),
          r.getString("agent"), TicketStore.instant(r.getOffsetDateTime("updated_at")), r.getLong("pending"),
          r.getLong("failed"), Boolean.TRUE.equals(r.getBoolean("stale")))));
      return out;
    });
  }
}
