package id.antre.server.auth;

import id.antre.server.bus.Addresses;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.AdminStore;
import id.antre.server.persistence.HallStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs users in and out, turns an Authorization header into an {@link Actor}, and revokes
 * sign-ins and devices. Revocation is read from PostgreSQL, the truth every node shares: each
 * node re-reads what is revoked every {@link #RELOAD_MS} ms, and at once when any node publishes
 * {@link Addresses#REVOCATIONS}; a node that misses that message still learns within a second.
 */
public class AuthService implements SignIn {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  /** How often every node re-reads the revoked sessions, users and devices. */
  public static final long RELOAD_MS = 1_000;

  private final Vertx vertx;
  private final HallStore store;
  private final Tokens tokens;
  private final Clock clock;
  /** Device tokens by hash; devices are few and long-lived. A revoked device is checked on every hit. */
  private final Map<String, Actor> devices = new ConcurrentHashMap<>();
  /** Replaced whole on every reload; read without locks. */
  private volatile HallStore.Revoked revoked = HallStore.Revoked.NONE;
  private MessageConsumer<JsonObject> hints;
  private long timer = -1;
  private final AtomicLong reads = new AtomicLong();
  private long applied;
  /** How often a device's last-seen time is written, per device and node. */
  public static final java.time.Duration SEEN_EVERY = java.time.Duration.ofMinutes(1);
  private record Seen(long atMillis, String version) {
  }
  private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();
  private volatile AdminStore seenBy;

  public AuthService(Vertx vertx, HallStore store, Tokens tokens, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Reads what is revoked, then keeps it fresh. */
  public Future<Void> start() {
    hints = vertx.eventBus().<JsonObject>consumer(Addresses.REVOCATIONS, m -> reload());
    timer = vertx.setPeriodic(RELOAD_MS, id -> reload());
    return hints.completion().compose(v -> reload());
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return hints == null ? Future.succeededFuture() : hints.unregister();
  }

  @Override
  public Future<Login> login(String username, String password) {
    QueueException refused = new QueueException(ErrorCode.UNAUTHENTICATED,
        "Nama pengguna atau kata sandi salah (wrong username or password)");
    return store.user(username).compose(user -> {
      // hash even for an unknown user so that timing does not tell which names exist
      String hash = user.map(HallStore.UserRow::passwordHash).orElse(DUMMY_HASH);
      return vertx.executeBlocking(() -> Passwords.verify(password, hash)).compose(ok -> {
        if (!ok || user.isEmpty()) {
          return Future.failedFuture(refused);
        }
        HallStore.UserRow u = user.get();
        Actor actor = new Actor(u.username(), Actor.Role.ofUser(u.role()), u.agency());
        Tokens.Issued issued = tokens.issue(actor);
        return store.insertSession(issued.sessionId(), u.username(), clock.instant(), issued.expiresAt())
            .map(v -> new Login(issued, actor, u.displayName()));
      });
    });
  }

  /** The actor behind "Bearer ..."; UNAUTHENTICATED when missing, unknown or revoked. */
  @Override
  public Future<Actor> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(new QueueException(ErrorCode.UNAUTHENTICATED,
          "Perlu masuk terlebih dahulu (Authorization: Bearer <token> required)"));
    }
    String token = authorization.substring(7).trim();
    if (Tokens.isUserToken(token)) {
      try {
        Tokens.Claims claims = tokens.claims(token);
        if (isRevoked(claims)) {
          return Future.failedFuture(revokedError());
        }
        return Future.succeededFuture(claims.actor());
      } catch (QueueException e) {
        return Future.failedFuture(e);
      }
    }
    String hash = Tokens.sha256(token);
    Actor known = devices.get(hash);
    if (known != null) {
      if (!revoked.devices().contains(known.name()) && !revoked.tokens().contains(hash)) {
        seen(known, null);
        return Future.succeededFuture(known);
      }
      // revoked since it was cached; the table decides (it may have been registered again)
      devices.remove(hash);
    }
    return store.deviceByTokenHash(hash).map(d -> {
      Actor actor = d.map(x -> new Actor(x.id(), Actor.Role.ofDevice(x.kind()), null,
              "kiosk".equals(x.kind()) ? x.id() : x.kiosk()))
          .orElseThrow(() -> new QueueException(ErrorCode.UNAUTHENTICATED, "Token tidak sah (invalid token)"));
      devices.put(hash, actor);
      seen(actor, null);
      return actor;
    });
  }

  /**
   * Records that a device authenticated, and the client version it reported (null: none): at most
   * one write per device and node every {@link #SEEN_EVERY}, or sooner when the version changes.
   */
  @Override
  public void seen(Actor actor, String version) {
    if (seenBy == null || actor == null || actor.isStaff()) {
      return;
    }
    String v = version == null ? null : version.length() > 64 ? version.substring(0, 64) : version;
    long now = clock.millis();
    Seen last = lastSeen.get(actor.name());
    boolean versionNews = v != null && (last == null || !v.equals(last.version()));
    if (last != null && now - last.atMillis() < SEEN_EVERY.toMillis() && !versionNews) {
      return;
    }
    lastSeen.put(actor.name(), new Seen(now, v != null ? v : last == null ? null : last.version()));
    seenBy.seen(actor.name(), clock.instant(), v)
        .onFailure(e -> LOG.warn("could not record when device {} was seen: {}", actor.name(), e.getMessage()));
  }

  /** Where {@link #seen} writes; without it nothing is recorded. */
  public AuthService recordingSeenIn(AdminStore store) {
    this.seenBy = store;
    return this;
  }

  /** The session of a valid "Bearer u1..." token, or null (a device token, or none). */
  public String sessionOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return Tokens.isUserToken(token) ? tokens.claims(token).sessionId() : null;
  }

  /** Sessions, users or devices were revoked in the database: this node at once, the others told. */
  public Future<Void> revocationsChanged() {
    return revokedEverywhere();
  }

  /**
   * Whether a token accepted earlier (by a live WebSocket) has since been revoked, from what this
   * node knows now: no database round trip.
   */
  public boolean revokedSince(String token) {
    if (Tokens.isUserToken(token)) {
      try {
        return isRevoked(tokens.claims(token));
      } catch (QueueException e) {
        return true;
      }
    }
    String hash = Tokens.sha256(token);
    Actor known = devices.get(hash);
    return known == null || revoked.devices().contains(known.name()) || revoked.tokens().contains(hash);
  }

  /** Signs out the session of a user token (devices are revoked by an administrator instead). */
  @Override
  public Future<Void> logout(String authorization) {
    return authenticate(authorization).compose(actor -> {
      String token = authorization.substring(7).trim();
      if (!Tokens.isUserToken(token)) {
        return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
            "Perangkat dicabut oleh admin (devices are revoked by an administrator: DELETE /api/v1/devices/{id})"));
      }
      return store.revokeSession(tokens.claims(token).sessionId()).compose(v -> revokedEverywhere());
    });
  }

  /** Activates or deactivates a user account (administrators only). */
  @Override
  public Future<Account> setActive(Actor admin, String username, boolean active) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "Hanya admin (administrators only)"));
    }
    if (!active && admin.name().equals(username)) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST,
          "Akun sendiri tidak dapat dinonaktifkan (you cannot deactivate your own account)"));
    }
    return store.setUserActive(username, active, clock.instant()).compose(account -> {
      if (account.isEmpty()) {
        return Future.failedFuture(new QueueException(ErrorCode.NOT_FOUND, "Pengguna tidak dikenal (no such user)"));
      }
      LOG.info("user account {} by {}", active ? "activated" : "deactivated", admin.name());
      HallStore.Account a = account.get();
      return revokedEverywhere().map(new Account(a.username(), a.role(), a.agency(), a.displayName(), a.active()));
    });
  }

  /** Revokes a device's token (administrators only). */
  @Override
  public Future<Void> revokeDevice(Actor admin, String deviceId) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN, "Hanya admin (administrators only)"));
    }
    return store.deactivateDevice(deviceId).compose(found -> {
      if (!found) {
        return Future.failedFuture(new QueueException(ErrorCode.NOT_FOUND, "Perangkat tidak dikenal (no such device)"));
      }
      LOG.info("device {} revoked by {}", deviceId, admin.name());
      return revokedEverywhere();
    });
  }

  private boolean isRevoked(Tokens.Claims claims) {
    HallStore.Revoked r = revoked;
    return r.sessions().contains(claims.sessionId()) || r.users().contains(claims.actor().name());
  }

  private static QueueException revokedError() {
    return new QueueException(ErrorCode.UNAUTHENTICATED, "Sesi sudah dicabut, silakan masuk lagi (signed out or revoked)");
  }

  /** This node reloads before answering; the others are told to (and reload within a second anyway). */
  private Future<Void> revokedEverywhere() {
    return reload().onComplete(x -> vertx.eventBus().publish(Addresses.REVOCATIONS, new JsonObject()));
  }

  /**
   * Reads start in order and may finish out of order: a read that started earlier than the one
   * already applied is dropped, so an older picture never replaces a newer one.
   */
  private Future<Void> reload() {
    long generation = reads.incrementAndGet();
    return store.revoked(clock.instant()).map(r -> {
      apply(generation, r);
      return (Void) null;
    }).onFailure(e -> LOG.warn("could not read revocations: {}", e.getMessage()));
  }

  private synchronized void apply(long generation, HallStore.Revoked r) {
    if (generation < applied) {
      return;
    }
    applied = generation;
    HallStore.Revoked before = revoked;
    revoked = r;
    if (!r.equals(before)) {
      // gateways close the live sockets of what is now revoked
      vertx.eventBus().publish(Addresses.REVOKED_HERE, new JsonObject(), new DeliveryOptions().setLocalOnly(true));
    }
  }

  private static final String DUMMY_HASH = Passwords.hash("antre-dummy-password");
}
