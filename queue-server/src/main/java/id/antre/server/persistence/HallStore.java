package id.antre.server.persistence;

import id.antre.server.domain.Hall;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.Optional;

/** The hall configuration, users, sessions and devices in PostgreSQL. */
public class HallStore {
  private final Pool pool;
  private final Statement hallInsert;
  private final Statement agencyUpsert;
  private final Statement serviceUpsert;
  private final Statement counterUpsert;
  private final Statement counterStateInit;
  private final Statement userUpsert;
  private final Statement userGet;
  private final Statement sessionInsert;
  private final Statement deviceUpsert;
  private final Statement deviceByToken;
  private final Statement revoked;
  private final Statement sessionRevoke;
  private final Statement userSetActive;
  private final Statement deviceDeactivate;

  public HallStore(Pool pool) {
    this.pool = pool;
    hallInsert = new Statement(pool, Sql.HALL_INSERT);
    agencyUpsert = new Statement(pool, Sql.AGENCY_UPSERT);
    serviceUpsert = new Statement(pool, Sql.SERVICE_UPSERT);
    counterUpsert = new Statement(pool, Sql.COUNTER_UPSERT);
    counterStateInit = new Statement(pool, Sql.COUNTER_STATE_INIT);
    userUpsert = new Statement(pool, Sql.USER_UPSERT);
    userGet = new Statement(pool, Sql.USER_GET);
    sessionInsert = new Statement(pool, Sql.SESSION_INSERT);
    deviceUpsert = new Statement(pool, Sql.DEVICE_UPSERT);
    deviceByToken = new Statement(pool, Sql.DEVICE_BY_TOKEN);
    revoked = new Statement(pool, Sql.REVOKED);
    sessionRevoke = new Statement(pool, Sql.SESSION_REVOKE);
    userSetActive = new Statement(pool, Sql.USER_SET_ACTIVE);
    deviceDeactivate = new Statement(pool, Sql.DEVICE_DEACTIVATE);
  }

  /** The configuration text and token secret stored at first start, if any. */
  public record StoredHall(String config, byte[] secret) {
  }

  public Future<Optional<StoredHall>> load() {
    return pool.preparedQuery(Sql.HALL_GET).execute().map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new StoredHall(r.getString("config"), r.getBuffer("secret").getBytes()));
    });
  }

  /** Stores a parsed configuration and its rows in one transaction (first start only). */
  public Future<Void> store(Hall hall, String configText, byte[] secret, Instant now) {
    return pool.withTransaction(conn -> hallInsert.on(conn)
        .execute("name", hall.name() + " " + hall.subtitle(), "timeZone", hall.timeZone().getId(),
            "config", configText, "secret", Buffer.buffer(secret), "now", TicketStore.ts(now))
        .compose(v -> rows(conn, hall)));
  }

  private Future<Void> rows(SqlConnection conn, Hall hall) {
    Statement agency = agencyUpsert.on(conn);
    Statement service = serviceUpsert.on(conn);
    Statement counter = counterUpsert.on(conn);
    Statement counterState = counterStateInit.on(conn);
    Future<?> chain = Future.succeededFuture();
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
    return chain.mapEmpty();
  }

  public Future<Long> userCount() {
    return pool.preparedQuery(Sql.USER_COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> upsertUser(String username, String passwordHash, String role, String agency, String displayName) {
    return userUpsert.execute("username", username, "passwordHash", passwordHash, "role", role, "agency", agency,
        "displayName", displayName).mapEmpty();
  }

  /** A stored user account. */
  public record UserRow(String username, String passwordHash, String role, String agency, String displayName) {
  }

  public Future<Optional<UserRow>> user(String username) {
    return userGet.execute("username", username).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new UserRow(r.getString("username"), r.getString("password_hash"), r.getString("role"),
          r.getString("agency"), r.getString("display_name")));
    });
  }

  public Future<Void> insertSession(String id, String username, Instant created, Instant expires) {
    return sessionInsert.execute("id", id, "username", username, "createdAt", TicketStore.ts(created),
        "expiresAt", TicketStore.ts(expires)).mapEmpty();
  }

  public Future<Void> upsertDevice(String id, String kind, String name, String tokenHash, String zone, String kiosk) {
    return deviceUpsert.execute("id", id, "kind", kind, "name", name, "tokenHash", tokenHash, "zone", zone,
        "kiosk", kiosk).mapEmpty();
  }

  /** A registered kiosk, display or print agent ({@code kiosk}: whose tickets a print agent prints). */
  public record DeviceRow(String id, String kind, String name, String zone, String kiosk) {
  }

  /** Kiosks that have a print agent. */
  public Future<java.util.Set<String>> kiosksWithPrinter() {
    return pool.preparedQuery(Sql.KIOSKS_WITH_PRINTER).execute().map(rows -> {
      java.util.Set<String> out = new java.util.HashSet<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  public Future<Optional<DeviceRow>> deviceByTokenHash(String tokenHash) {
    return deviceByToken.execute("tokenHash", tokenHash).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new DeviceRow(r.getString("id"), r.getString("kind"), r.getString("name"), r.getString("zone"),
          r.getString("kiosk")));
    });
  }

  /** What is revoked now: session ids, user names, device ids and rotated device token hashes no node may accept. */
  public record Revoked(java.util.Set<String> sessions, java.util.Set<String> users, java.util.Set<String> devices,
      java.util.Set<String> tokens) {
    public static final Revoked NONE = new Revoked(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
        java.util.Set.of());
  }

  public Future<Revoked> revoked(Instant now) {
    return revoked.execute("now", TicketStore.ts(now)).map(rows -> {
      java.util.Set<String> sessions = new java.util.HashSet<>();
      java.util.Set<String> users = new java.util.HashSet<>();
      java.util.Set<String> devices = new java.util.HashSet<>();
      java.util.Set<String> retired = new java.util.HashSet<>();
      for (Row r : rows) {
        switch (r.getString("kind")) {
          case "session" -> sessions.add(r.getString("subject"));
          case "user" -> users.add(r.getString("subject"));
          case "token" -> retired.add(r.getString("subject"));
          default -> devices.add(r.getString("subject"));
        }
      }
      return new Revoked(java.util.Set.copyOf(sessions), java.util.Set.copyOf(users), java.util.Set.copyOf(devices),
          java.util.Set.copyOf(retired));
    });
  }

  public Future<Void> revokeSession(String id) {
    return sessionRevoke.execute("id", id).mapEmpty();
  }

  /** An account as administrators see it. */
  public record Account(String username, String role, String agency, String displayName, boolean active) {
  }

  /** Activates or deactivates a user (deactivating revokes their sessions); empty when there is no such user. */
  public Future<Optional<Account>> setUserActive(String username, boolean active, Instant now) {
    return userSetActive.execute("username", username, "active", active, "now", TicketStore.ts(now))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Account(r.getString("username"), r.getString("role"), r.getString("agency"),
              r.getString("display_name"), r.getBoolean("active")));
        });
  }

  /** Deactivates a device; false when there is no such device. */
  public Future<Boolean> deactivateDevice(String id) {
    return deviceDeactivate.execute("id", id).map(rows -> rows.size() > 0);
  }
}
