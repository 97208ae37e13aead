package id.antre.server.persistence;

import id.antre.server.domain.Hall;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;

/** The hall configuration, users, sessions and devices in PostgreSQL. */
public class HallStore {
  private final Pool pool;

  public HallStore(Pool pool) {
    this.pool = pool;
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
    return pool.withTransaction(conn -> conn.preparedQuery(Sql.HALL_INSERT)
        .execute(Tuple.of(hall.name() + " " + hall.subtitle(), hall.timeZone().getId(), configText,
            Buffer.buffer(secret), TicketStore.ts(now)))
        .compose(v -> rows(conn, hall)));
  }

  private static Future<Void> rows(SqlConnection conn, Hall hall) {
    Future<?> chain = Future.succeededFuture();
    for (Hall.Agency a : hall.agencies()) {
      chain = chain.compose(v -> conn.preparedQuery(Sql.AGENCY_UPSERT).execute(Tuple.of(a.code(), a.name(), a.fullName())));
    }
    for (Hall.Service s : hall.services()) {
      chain = chain.compose(v -> conn.preparedQuery(Sql.SERVICE_UPSERT)
          .execute(Tuple.of(s.code(), s.agency(), s.prefix(), s.name(), s.dailyQuota())));
    }
    for (Hall.Counter c : hall.counters()) {
      chain = chain.compose(v -> conn.preparedQuery(Sql.COUNTER_UPSERT)
          .execute(Tuple.of(c.id(), c.name(), c.agency(), c.zone())))
          .compose(v -> conn.preparedQuery(Sql.COUNTER_STATE_INIT).execute(Tuple.of(c.id())));
    }
    return chain.mapEmpty();
  }

  public Future<Long> userCount() {
    return pool.preparedQuery(Sql.USER_COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<Void> upsertUser(String username, String passwordHash, String role, String agency, String displayName) {
    return pool.preparedQuery(Sql.USER_UPSERT)
        .execute(Tuple.of(username, passwordHash, role, agency, displayName)).mapEmpty();
  }

  /** A stored user account. */
  public record UserRow(String username, String passwordHash, String role, String agency, String displayName) {
  }

  public Future<Optional<UserRow>> user(String username) {
    return pool.preparedQuery(Sql.USER_GET).execute(Tuple.of(username)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new UserRow(r.getString("username"), r.getString("password_hash"), r.getString("role"),
          r.getString("agency"), r.getString("display_name")));
    });
  }

  public Future<Void> insertSession(String id, String username, Instant created, Instant expires) {
    return pool.preparedQuery(Sql.SESSION_INSERT)
        .execute(Tuple.of(id, username, TicketStore.ts(created), TicketStore.ts(expires))).mapEmpty();
  }

  public Future<Void> upsertDevice(String id, String kind, String name, String tokenHash, String zone, String kiosk) {
    return pool.preparedQuery(Sql.DEVICE_UPSERT).execute(Tuple.of(id, kind, name, tokenHash, zone, kiosk)).mapEmpty();
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
    return pool.preparedQuery(Sql.DEVICE_BY_TOKEN).execute(Tuple.of(tokenHash)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new DeviceRow(r.getString("id"), r.getString("kind"), r.getString("name"), r.getString("zone"),
          r.getString("kiosk")));
    });
  }

  /** What is revoked now: session ids, user names and device ids no node may accept. */
  public record Revoked(java.util.Set<String> sessions, java.util.Set<String> users, java.util.Set<String> devices) {
    public static final Revoked NONE = new Revoked(java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
  }

  public Future<Revoked> revoked(Instant now) {
    return pool.preparedQuery(Sql.REVOKED).execute(Tuple.of(TicketStore.ts(now))).map(rows -> {
      java.util.Set<String> sessions = new java.util.HashSet<>();
      java.util.Set<String> users = new java.util.HashSet<>();
      java.util.Set<String> devices = new java.util.HashSet<>();
      for (Row r : rows) {
        switch (r.getString("kind")) {
          case "session" -> sessions.add(r.getString("subject"));
          case "user" -> users.add(r.getString("subject"));
          default -> devices.add(r.getString("subject"));
        }
      }
      return new Revoked(java.util.Set.copyOf(sessions), java.util.Set.copyOf(users), java.util.Set.copyOf(devices));
    });
  }

  public Future<Void> revokeSession(String id) {
    return pool.preparedQuery(Sql.SESSION_REVOKE).execute(Tuple.of(id)).mapEmpty();
  }

  /** An account as administrators see it. */
  public record Account(String username, String role, String agency, String displayName, boolean active) {
  }

  /** Activates or deactivates a user (deactivating revokes their sessions); empty when there is no such user. */
  public Future<Optional<Account>> setUserActive(String username, boolean active, Instant now) {
    return pool.preparedQuery(Sql.USER_SET_ACTIVE).execute(Tuple.of(username, active, TicketStore.ts(now)))
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
    return pool.preparedQuery(Sql.DEVICE_DEACTIVATE).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }
}
