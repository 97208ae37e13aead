package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The day's figures for {@code GET /metrics}, read when it is scraped. */
public class MetricsStore {
  /** Today's tickets per service (a transfer's second row is not issued again). $1 service day. */
  static final String TICKETS_TODAY = """
      SELECT service, count(*) FILTER (WHERE transferred_from IS NULL) AS issued, count(called_at) AS called,
             count(*) FILTER (WHERE status = 'WAITING') AS waiting
      FROM ticket WHERE service_day = $1 GROUP BY service""";
  /** Print jobs since $1 by state. */
  static final String PRINT_JOBS_SINCE = "SELECT status, count(*) AS n FROM print_job WHERE created_at >= $1 GROUP BY status";

  public record ServiceCounts(String service, long issued, long called, long waiting) {
  }

  private final SqlClient db;

  public MetricsStore(SqlClient db) {
    this.db = db;
  }

  public Future<List<ServiceCounts>> ticketsOn(LocalDate day) {
    return db.preparedQuery(TICKETS_TODAY).execute(Tuple.of(day)).map(rows -> {
      List<ServiceCounts> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new ServiceCounts(r.getString("service"), r.getLong("issued"), r.getLong("called"),
            r.getLong("waiting")));
      }
      return out;
    });
  }

  public Future<Map<String, Long>> printJobsSince(Instant since) {
    return db.preparedQuery(PRINT_JOBS_SINCE).execute(Tuple.of(TicketStore.ts(since))).map(rows -> {
      Map<String, Long> out = new LinkedHashMap<>();
      rows.forEach(r -> out.put(r.getString("status"), r.getLong("n")));
      return out;
    });
  }
}
