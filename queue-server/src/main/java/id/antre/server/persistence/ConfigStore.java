package id.antre.server.persistence;

import id.antre.server.domain.Hall;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hall file in force and its version, and the rows that follow it (migration V016). */
public class ConfigStore {
  private final Pool pool;
  private final Statement configGet;
  private final Statement versionGet;
  private final Statement servicesInUse;
  private final Statement countersInUse;

  public ConfigStore(Pool pool) {
    this.pool = pool;
    configGet = new Statement(pool, ConfigSql.CONFIG_GET);
    versionGet = new Statement(pool, ConfigSql.VERSION_GET);
    servicesInUse = new Statement(pool, ConfigSql.SERVICES_IN_USE);
    countersInUse = new Statement(pool, ConfigSql.COUNTERS_IN_USE);
  }

  /** The hall file in force and its version. */
  public record Stored(String config, long version) {
  }

  public Future<Stored> current() {
    return configGet.execute().map(rows -> {
      Row r = rows.iterator().next();
      return new Stored(r.getString("config"), r.getLong("version"));
    });
  }

  public Future<Long> version() {
    return versionGet.execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** What a change must not take away while it is going on: tickets open per service, state per counter. */
  public record InUse(Map<String, Long> openTickets, Map<String, String> counterStates) {
    public boolean isEmpty() {
      return openTickets.isEmpty() && counterStates.isEmpty();
    }
  }

  public Future<InUse> inUse(Collection<String> services, Collection<String> counters) {
    return servicesInUse.execute("services", services.toArray(new String[0])).compose(s -> {
      Map<String, Long> tickets = new LinkedHashMap<>();
      s.forEach(r -> tickets.put(r.getString("service"), r.getLong("tickets")));
      return countersInUse.execute("counters", counters.toArray(new String[0])).map(c -> {
        Map<String, String> states = new LinkedHashMap<>();
        c.forEach(r -> states.put(r.getString("counter_id"), r.getString("state")));
        return new InUse(tickets, states);
      });
    });
  }

  /**
   * Puts a new hall file in force when the version in force is still {@code expectedVersion}: the
   * file, the rows of its agencies, services and counters (the ones it no longer lists retired),
   * supervisors' reassignments of {@code resetCounters} dropped, and with {@code resetRunningText}
   * a manager's running text. Empty when another change came first.
   */
  public Future<Optional<Long>> replace(Hall hall, String text, long expectedVersion, Collection<String> resetCounters,
      boolean resetRunningText, String by, Instant now) {
    return pool.withTransaction(conn -> new Statement(conn, ConfigSql.VERSION_LOCK).execute().compose(rows -> {
      long inForce = rows.iterator().next().getLong(0);
      if (inForce != expectedVersion) {
        return Future.succeededFuture(Optional.<Long>empty());
      }
      return rows(conn, hall, resetCounters, resetRunningText, now)
          .compose(v -> new Statement(conn, ConfigSql.CONFIG_SET).execute("config", text,
              "name", hall.name() + " " + hall.subtitle(), "now", TicketStore.ts(now), "by", by))
          .map(set -> Optional.of(set.iterator().next().getLong(0)));
    }));
  }

  private Future<Void> rows(SqlConnection conn, Hall hall, Collection<String> resetCounters, boolean resetRunningText,
      Instant now) {
    Statement agency = new Statement(conn, ConfigSql.AGENCY_ACTIVATE);
    Statement service = new Statement(conn, ConfigSql.SERVICE_ACTIVATE);
    Statement counter = new Statement(conn, ConfigSql.COUNTER_ACTIVATE);
    Statement counterState = new Statement(conn, Sql.COUNTER_STATE_INIT);
    List<Statement> retire = new ArrayList<>(List.of(new Statement(conn, ConfigSql.RETIRE_SERVICES),
        new Statement(conn, ConfigSql.RETIRE_COUNTERS), new Statement(conn, ConfigSql.RETIRE_AGENCIES)));
    Future<?> chain = Future.succeededFuture();
    for (Statement s : retire) {
      chain = chain.compose(v -> s.execute());
    }
    for (Hall.Agency a : hall.agencies()) {
      chain = chain.compose(v -> agency.execute("code", a.code(), "name", a.name(), "fullName", a.fullName()));
    }
    for (Hall.Service s : hall.services()) {
      chain = chain.compose(v -> service.execute("code", s.code(), "agency", s.agency(), "prefix", s.prefix(),
          "name", s.name(), "dailyQuota", s.dailyQuota()));
    }
    for (Hall.Counter c : hall.counters()) {
      chain = chain.compose(v -> counter.execute("id", c.id(), "name", c.name(), "agency", c.agency(), "zone", c.zone()))
          .compose(v -> counterState.execute("counter", c.id()));
    }
    if (!resetCounters.isEmpty()) {
      chain = chain.compose(v -> new Statement(conn, ConfigSql.COUNTER_OVERRIDES_CLEAR).execute(
          "counters", resetCounters.toArray(new String[0]), "now", TicketStore.ts(now)));
    }
    if (resetRunningText) {
      chain = chain.compose(v -> new Statement(conn, ConfigSql.RUNNING_TEXT_CLEAR).execute());
    }
    return chain.mapEmpty();
  }
}
