package id.antre.server.auth;

import id.antre.server.audit.AuditTrail;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.AdminStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kiosks, wall displays, print agents and survey tablets as administrators register them (managers
 * read the list). A token is answered once, at registration or rotation, and stored only as its
 * hash; a rotated or revoked token is refused at once on every node.
 */
public class Devices {
  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);
  public static final Set<String> KINDS = Set.of("kiosk", "display", "print-agent", "survey");
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private final AdminStore store;
  private final AuthService auth;
  private final AuditTrail audit;
  private final Clock clock;

  public Devices(AdminStore store, AuthService auth, AuditTrail audit, Clock clock) {
    this.store = store;
    this.auth = auth;
    this.audit = audit;
    this.clock = clock;
  }

  /** A device to register; {@code id} may be null (one is made from the kind). */
  public record NewDevice(String id, String kind, String name, String zone, String kiosk, String counter) {
  }

  public Future<JsonArray> list(Actor actor) {
    if (!actor.managesHall()) {
      return Future.failedFuture(forbidden());
    }
    return store.devices().map(devices -> {
      JsonArray out = new JsonArray();
      devices.forEach(d -> out.add(view(d)));
      return out;
    });
  }

  /** 201's body: the device and its token, the only time the token is shown. */
  public Future<JsonObject> register(Actor admin, String address, NewDevice d) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(forbidden());
    }
    String id;
    try {
      if (!KINDS.contains(d.kind())) {
        throw invalid("kind must be one of kiosk, display, print-agent, survey");
      }
      if (d.id() != null && !ID.matcher(d.id()).matches()) {
        throw invalid("id: 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
      }
      if (d.kiosk() != null && !d.kind().equals("print-agent")) {
        throw invalid("only a print agent has a kiosk");
      }
      if (d.kind().equals("print-agent") && d.kiosk() == null) {
        throw invalid("a print agent needs its kiosk (the kiosk whose tickets it prints)");
      }
      if (d.counter() != null && !d.kind().equals("survey")) {
        throw invalid("only a survey tablet has a counter");
      }
      if (d.kind().equals("survey") && d.counter() == null) {
        throw invalid("a survey tablet needs its counter (whose finished visits it asks about)");
      }
      id = d.id() != null ? d.id() : d.kind() + "-" + Tokens.randomId(4).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
    } catch (QueueException e) {
      return Future.failedFuture(e);
    }
    String token = Tokens.newDeviceToken();
    return exists(d.zone(), store::zoneExists, ErrorCode.UNKNOWN_ZONE, "zone")
        .compose(v -> exists(d.kiosk(), store::kioskExists, ErrorCode.UNKNOWN_KIOSK, "kiosk"))
        .compose(v -> exists(d.counter(), store::counterExists, ErrorCode.UNKNOWN_COUNTER, "counter"))
        .compose(v -> store.insertDevice(id, d.kind(), d.name().trim(), Tokens.sha256(token), d.zone(), d.kiosk(),
            d.counter(), clock.instant()))
        .compose(inserted -> inserted ? store.device(id)
            : Future.failedFuture(new QueueException(ErrorCode.DEVICE_EXISTS, "Perangkat sudah ada (device id taken): " + id)))
        .compose(stored -> {
          JsonObject view = view(stored.orElseThrow());
          LOG.info("device {} ({}) registered by {}", id, d.kind(), admin.name());
          return audit.record(admin, address, "device.create", id, null, view).map(view.copy().put("token", token));
        });
  }

  /** A new token for the device; the old one is refused from now on, on every node. */
  public Future<JsonObject> rotate(Actor admin, String address, String id) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(forbidden());
    }
    String token = Tokens.newDeviceToken();
    return store.rotateToken(id, Tokens.sha256(token), clock.instant()).compose(found -> {
      if (!found) {
        return Future.failedFuture(new QueueException(ErrorCode.NOT_FOUND,
            "Perangkat tidak dikenal atau sudah dicabut (no such active device)"));
      }
      LOG.info("device {} token rotated by {}", id, admin.name());
      return auth.revocationsChanged()
          .compose(v -> audit.record(admin, address, "device.rotate", id, null, null))
          .map(new JsonObject().put("id", id).put("token", token));
    });
  }

  /** Revokes a device for good (its id stays taken). */
  public Future<Void> revoke(Actor admin, String address, String id) {
    return auth.revokeDevice(admin, id).compose(v -> store.device(id))
        .compose(d -> audit.record(admin, address, "device.revoke", id, null, d.map(Devices::view).orElse(null)));
  }

  private static Future<Void> exists(String value, java.util.function.Function<String, Future<Boolean>> check,
      ErrorCode code, String what) {
    if (value == null) {
      return Future.succeededFuture();
    }
    return check.apply(value).compose(found -> found ? Future.succeededFuture()
        : Future.failedFuture(new QueueException(code, what + " tidak dikenal (no such " + what + "): " + value)));
  }

  static JsonObject view(AdminStore.Device d) {
    return new JsonObject().put("id", d.id()).put("kind", d.kind()).put("name", d.name()).put("zone", d.zone())
        .put("kiosk", d.kiosk()).put("counter", d.counter()).put("active", d.active())
        .put("createdAt", d.createdAt() == null ? null : d.createdAt().toString())
        .put("lastSeenAt", d.lastSeenAt() == null ? null : d.lastSeenAt().toString())
        .put("clientVersion", d.clientVersion());
  }

  private static QueueException invalid(String detail) {
    return new QueueException(ErrorCode.INVALID_REQUEST, detail);
  }

  private static QueueException forbidden() {
    return new QueueException(ErrorCode.FORBIDDEN, "Hanya admin (administrators only; managers may read)");
  }
}
