package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Users and devices as administrators change them (sign-in and revocation reads stay in {@link HallStore}). */
public class AdminStore {
  static final String USERS = """
      SELECT username, role, agency, display_name, active, created_at FROM app_user ORDER BY username""";
  static final String USER = """
      SELECT username, role, agency, display_name, active, created_at, password_hash FROM app_user
      WHERE username = #{username}""";
  static final String USER_LOCK = """
      SELECT username, role, agency, display_name, active, created_at FROM app_user WHERE username = #{username}
      FOR UPDATE""";
  /** Every active administrator, locked: two changes cannot each leave the other as the last one. */
  static final String ADMINS_LOCK = "SELECT username FROM app_user WHERE role = 'admin' AND active ORDER BY username FOR UPDATE";
  static final String ACTIVE_ADMINS = "SELECT count(*) FROM app_user WHERE role = 'admin' AND active";
  static final String USER_INSERT = """
      INSERT INTO app_user (username, password_hash, role, agency, display_name, created_at)
      VALUES (#{username}, #{passwordHash}, #{role}, #{agency}, #{displayName}, #{now})
      ON CONFLICT (username) DO NOTHING RETURNING username""";
  static final String USER_UPDATE = """
      UPDATE app_user SET role = #{role}, agency = #{agency}, display_name = #{displayName}, active = #{active},
        password_hash = COALESCE(#{passwordHash}, password_hash)
      WHERE username = #{username}""";
  static final String USER_PASSWORD = "UPDATE app_user SET password_hash = #{passwordHash} WHERE username = #{username} AND active";
  /** Ends a user's sign-ins on every node (V007's revocation), all of them or all but one. */
  static final String SESSIONS_END = """
      UPDATE session SET revoked = true
      WHERE username = #{username} AND NOT revoked AND expires_at > #{now} AND id <> #{keep}""";
  static final String AGENCY_EXISTS = "SELECT 1 FROM agency WHERE code = #{code} AND active";
  static final String ZONE_EXISTS = "SELECT 1 FROM counter WHERE zone = #{zone} AND active LIMIT 1";
  static final String COUNTER_EXISTS = "SELECT 1 FROM counter WHERE id = #{id} AND active";
  static final String KIOSK_EXISTS = "SELECT 1 FROM device WHERE id = #{id} AND kind = 'kiosk' AND active";

  static final String DEVICES = """
      SELECT id, kind, name, zone, kiosk, counter_id, active, created_at, last_seen_at, client_version
      FROM device ORDER BY kind, id""";
  static final String DEVICE = """
      SELECT id, kind, name, zone, kiosk, counter_id, active, created_at, last_seen_at, client_version
      FROM device WHERE id = #{id}""";
  static final String DEVICE_INSERT = """
      INSERT INTO device (id, kind, name, token_hash, zone, kiosk, counter_id, created_at)
      VALUES (#{id}, #{kind}, #{name}, #{tokenHash}, #{zone}, #{kiosk}, #{counter}, #{now})
      ON CONFLICT (id) DO NOTHING RETURNING id""";
  static final String DEVICE_TOKEN_LOCK = "SELECT token_hash FROM device WHERE id = #{id} AND active FOR UPDATE";
  static final String TOKEN_RETIRE = """
      INSERT INTO device_token_retired (token_hash, device, retired_at) VALUES (#{tokenHash}, #{id}, #{now})
      ON CONFLICT DO NOTHING""";
  static final String DEVICE_TOKEN_SET = "UPDATE device SET token_hash = #{tokenHash} WHERE id = #{id}";
  static final String DEVICE_SEEN = """
      UPDATE device SET last_seen_at = #{now}, client_version = COALESCE(#{version}, client_version) WHERE id = #{id}""";

  private final Pool pool;
  private final Statement users;
  private final Statement user;
  private final Statement activeAdmins;
  private final Statement userInsert;
  private final Statement userPassword;
  private final Statement sessionsEnd;
  private final Statement agencyExists;
  private final Statement zoneExists;
  private final Statement counterExists;
  private final Statement kioskExists;
  private final Statement devices;
  private final Statement device;
  private final Statement deviceInsert;
  private final Statement deviceSeen;

  public AdminStore(Pool pool) {
    this.pool = pool;
    users = new Statement(pool, USERS);
    user = new Statement(pool, USER);
    activeAdmins = new Statement(pool, ACTIVE_ADMINS);
    userInsert = new Statement(pool, USER_INSERT);
    userPassword = new Statement(pool, USER_PASSWORD);
    sessionsEnd = new Statement(pool, SESSIONS_END);
    agencyExists = new Statement(pool, AGENCY_EXISTS);
    zoneExists = new Statement(pool, ZONE_EXISTS);
    counterExists = new Statement(pool, COUNTER_EXISTS);
    kioskExists = new Statement(pool, KIOSK_EXISTS);
    devices = new Statement(pool, DEVICES);
    device = new Statement(pool, DEVICE);
    deviceInsert = new Statement(pool, DEVICE_INSERT);
    deviceSeen = new Statement(pool, DEVICE_SEEN);
  }

  // ------------------------------------------------------------ users

  /** A user account; never its password hash. */
  public record User(String username, String role, String agency, String displayName, boolean active, Instant createdAt) {
    public User with(String role, String agency, String displayName, boolean active) {
      return new User(username, role, agency, displayName, active, createdAt);
    }
  }

  public Future<List<User>> users() {
    return users.execute().map(rows -> {
      List<User> out = new ArrayList<>();
      rows.forEach(r -> out.add(user(r)));
      return out;
    });
  }

  /** A user, active or not, with the stored hash of their password. */
  public record Stored(User user, String passwordHash) {
  }

  public Future<Optional<Stored>> user(String username) {
    return user.execute("username", username).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(new Stored(user(rows.iterator().next()), rows.iterator().next().getString("password_hash"))));
  }

  public Future<Long> activeAdmins() {
    return activeAdmins.execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** False when the name is taken. */
  public Future<Boolean> insertUser(String username, String passwordHash, String role, String agency,
      String displayName, Instant now) {
    return userInsert.execute("username", username, "passwordHash", passwordHash, "role", role, "agency", agency,
        "displayName", displayName, "now", TicketStore.ts(now)).map(rows -> rows.size() > 0);
  }

  /**
   * Changes a user in one transaction: every active administrator and the user are locked,
   * {@code change} gets the user as stored and how many other active administrators there are, and
   * answers the user as it must become (or fails, and nothing changes). A new password hash
   * replaces the old one; {@code endSessions} decides from before and after whether every sign-in
   * of the user ends. Empty when there is no such user.
   */
  public Future<Optional<User[]>> updateUser(String username, String passwordHash, Instant now,
      BiFunction<User, Integer, User> change, BiFunction<User, User, Boolean> endSessions) {
    // every active admin first, in name order, then the user: two changes never wait on each other crosswise
    return pool.withTransaction(conn -> new Statement(conn, ADMINS_LOCK).execute().compose(admins -> {
      int others = 0;
      for (Row a : admins) {
        if (!a.getString("username").equals(username)) {
          others++;
        }
      }
      int otherAdmins = others;
      return new Statement(conn, USER_LOCK).execute("username", username).compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture(Optional.<User[]>empty());
        }
        User before = user(rows.iterator().next());
        User after;
        try {
          after = change.apply(before, otherAdmins);
        } catch (RuntimeException e) {
          return Future.failedFuture(e);
        }
        Future<?> update = new Statement(conn, USER_UPDATE).execute("username", username, "role", after.role(),
            "agency", after.agency(), "displayName", after.displayName(), "active", after.active(),
            "passwordHash", passwordHash);
        if (endSessions.apply(before, after) || passwordHash != null) {
          update = update.compose(v -> new Statement(conn, SESSIONS_END).execute("username", username,
              "now", TicketStore.ts(now), "keep", ""));
        }
        return update.map(v -> Optional.of(new User[] {before, after}));
      });
    }));
  }

  /** One's own new password: every other sign-in of the user ends, {@code keepSession} stays. */
  public Future<Void> changeOwnPassword(String username, String passwordHash, String keepSession, Instant now) {
    return pool.withTransaction(conn -> new Statement(conn, USER_PASSWORD)
        .execute("username", username, "passwordHash", passwordHash)
        .compose(v -> new Statement(conn, SESSIONS_END).execute("username", username, "now", TicketStore.ts(now),
            "keep", keepSession == null ? "" : keepSession))
        .mapEmpty());
  }

  public Future<Boolean> agencyExists(String code) {
    return agencyExists.execute("code", code).map(rows -> rows.size() > 0);
  }

  public Future<Boolean> zoneExists(String zone) {
    return zoneExists.execute("zone", zone).map(rows -> rows.size() > 0);
  }

  public Future<Boolean> counterExists(String id) {
    return counterExists.execute("id", id).map(rows -> rows.size() > 0);
  }

  public Future<Boolean> kioskExists(String id) {
    return kioskExists.execute("id", id).map(rows -> rows.size() > 0);
  }

  private static User user(Row r) {
    return new User(r.getString("username"), r.getString("role"), r.getString("agency"), r.getString("display_name"),
        r.getBoolean("active"), instant(r.getOffsetDateTime("created_at")));
  }

  // ------------------------------------------------------------ devices

  /** A device as administrators see it: never its token. */
  public record Device(String id, String kind, String name, String zone, String kiosk, String counter, boolean active,
      Instant createdAt, Instant lastSeenAt, String clientVersion) {
  }

  public Future<List<Device>> devices() {
    return devices.execute().map(rows -> {
      List<Device> out = new ArrayList<>();
      rows.forEach(r -> out.add(device(r)));
      return out;
    });
  }

  public Future<Optional<Device>> device(String id) {
    return device.execute("id", id).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(device(rows.iterator().next())));
  }

  /** False when the id is taken (by an active or a revoked device). */
  public Future<Boolean> insertDevice(String id, String kind, String name, String tokenHash, String zone, String kiosk,
      String counter, Instant now) {
    return deviceInsert.execute("id", id, "kind", kind, "name", name, "tokenHash", tokenHash, "zone", zone,
        "kiosk", kiosk, "counter", counter, "now", TicketStore.ts(now)).map(rows -> rows.size() > 0);
  }

  /** A new token for an active device; the old one is retired (refused from now on). False when there is no such active device. */
  public Future<Boolean> rotateToken(String id, String tokenHash, Instant now) {
    return pool.withTransaction(conn -> new Statement(conn, DEVICE_TOKEN_LOCK).execute("id", id).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      String old = rows.iterator().next().getString("token_hash");
      return new Statement(conn, TOKEN_RETIRE).execute("tokenHash", old, "id", id, "now", TicketStore.ts(now))
          .compose(v -> new Statement(conn, DEVICE_TOKEN_SET).execute("tokenHash", tokenHash, "id", id))
          .map(true);
    }));
  }

  /** When a device was last seen, and the client version it reported (null keeps the last one). */
  public Future<Void> seen(String id, Instant now, String version) {
    return deviceSeen.execute("id", id, "now", TicketStore.ts(now), "version", version).mapEmpty();
  }

  private static Device device(Row r) {
    return new Device(r.getString("id"), r.getString("kind"), r.getString("name"), r.getString("zone"),
        r.getString("kiosk"), r.getString("counter_id"), r.getBoolean("active"), instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("last_seen_at")), r.getString("client_version"));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
