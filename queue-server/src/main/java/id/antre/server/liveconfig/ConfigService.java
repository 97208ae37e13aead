package id.antre.server.liveconfig;

import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.Actor;
import id.antre.server.config.ConfigException;
import id.antre.server.config.HallConfigParser;
import id.antre.server.config.HallFile;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's configuration read and changed while it runs: a change is checked exactly as the hall
 * file is (the same parser, the same messages), refused when it would orphan what is going on,
 * stored with the next version when nobody changed it meanwhile, put in force on every node, and
 * recorded in the audit trail.
 */
public final class ConfigService {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigService.class);

  private final HallRef halls;
  private final ConfigStore store;
  private final LiveHall live;
  private final AuditTrail audit;
  private final Clock clock;

  public ConfigService(LiveHall live, ConfigStore store, AuditTrail audit, Clock clock) {
    this.halls = live.halls();
    this.live = live;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The configuration in force on this node; managers and admins. */
  public Future<HallRef.Versioned> current(Actor actor) {
    if (!actor.managesHall()) {
      return forbidden();
    }
    return Future.succeededFuture(halls.current());
  }

  /** The configuration in force as a hall file. */
  public Future<String> export(Actor actor) {
    return current(actor).map(v -> HallFile.yaml(v.hall()));
  }

  /**
   * Puts a new configuration (a hall file, YAML or JSON) in force if {@code expectedVersion} is the
   * version in force (null: the caller did not say, which is refused). Answers the configuration in
   * force afterwards.
   */
  public Future<HallRef.Versioned> update(Actor actor, String address, Long expectedVersion, String text) {
    if (!actor.configuresHall()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
          "Hanya admin yang dapat mengubah konfigurasi (administrators only)"));
    }
    if (expectedVersion == null) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST, "Sebutkan versi yang diubah: "
          + "If-Match: \"<versi>\" (ETag dari GET /api/v1/config) atau ?version=<versi> (say which version the "
          + "change is made against: If-Match or ?version=)"));
    }
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new QueueException(ErrorCode.INVALID_REQUEST,
          "Isi permintaan adalah berkas aula, JSON atau YAML (the body is the hall file, as JSON or YAML)"));
    }
    Hall after;
    try {
      after = HallConfigParser.parse(text);
    } catch (ConfigException e) {
      return Future.failedFuture(new ConfigRefusal(ErrorCode.INVALID_CONFIG, e.getMessage(), e.field()));
    }
    return store.current().compose(stored -> {
      if (stored.version() != expectedVersion) {
        return conflict(stored.version());
      }
      Hall before = halls.version() == stored.version() ? halls.get() : HallConfigParser.parse(stored.config());
      ConfigChange change = new ConfigChange(before, after);
      if (change.none()) {
        return Future.succeededFuture(new HallRef.Versioned(before, stored.version()));
      }
      if (change.timeZoneChanged()) {
        return Future.failedFuture(new ConfigRefusal(ErrorCode.CONFIG_IN_USE,
            "Zona waktu tidak dapat diubah selagi aula berjalan: hari layanan dan nomor antrean mengikutinya "
                + "(the time zone cannot change while the hall runs: service days and numbers follow it)",
            "hall.timeZone"));
      }
      Set<String> counters = new LinkedHashSet<>(change.removedCounters());
      counters.addAll(change.movedCounters());
      return store.inUse(change.removedServices(), counters).compose(inUse -> {
        if (!inUse.isEmpty()) {
          return Future.failedFuture(inUseRefusal(inUse));
        }
        return store.replace(after, HallFile.yaml(after), expectedVersion, change.countersToReset(),
            change.runningTextChanged(), actor.name(), clock.instant()).compose(version -> {
          if (version.isEmpty()) {
            return store.version().compose(this::conflict);
          }
          LOG.info("hall configuration version {} stored by {}", version.get(), actor.name());
          Map<String, Map<String, Object>> parts = change.changedParts();
          return live.committed(after, version.get())
              .compose(v -> audit.record(actor, address, "config.update", "hall",
                  new JsonObject(parts.get("before")).put("version", expectedVersion),
                  new JsonObject(parts.get("after")).put("version", version.get())))
              .recover(e -> {
                LOG.warn("hall configuration version {}: not all recorded or refreshed", version.get(), e);
                return Future.succeededFuture();
              })
              .map(v -> new HallRef.Versioned(after, version.get()));
        });
      });
    });
  }

  private static ConfigRefusal inUseRefusal(ConfigStore.InUse inUse) {
    if (!inUse.openTickets().isEmpty()) {
      String list = String.join(", ", inUse.openTickets().entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
      return new ConfigRefusal(ErrorCode.CONFIG_IN_USE, "Layanan masih punya tiket yang belum selesai: " + list
          + "; hapus setelah antreannya habis atau hari ditutup (services still have open tickets: " + list + ")",
          "agencies");
    }
    String list = String.join(", ", inUse.counterStates().keySet());
    return new ConfigRefusal(ErrorCode.CONFIG_IN_USE, "Loket masih dibuka: " + list
        + "; tutup loket dulu sebelum menghapus atau memindahkannya ke instansi lain (counters still open: " + list
        + "; close them before removing them or moving them to another agency)", "counters");
  }

  private <T> Future<T> conflict(long inForce) {
    return Future.failedFuture(new QueueException(ErrorCode.CONFIG_CONFLICT,
        "Konfigurasi sudah diubah (versi " + inForce + "); muat ulang lalu ulangi perubahan (the configuration "
            + "changed, now version " + inForce + "; reload and make the change again)"));
  }

  private static <T> Future<T> forbidden() {
    return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
        "Hanya manajer dan admin yang dapat melihat konfigurasi (managers and administrators only)"));
  }
}
