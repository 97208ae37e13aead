package id.antre.server.wiring;

import id.antre.server.AntreServer;
import id.antre.server.AntreServer.FirstAdminFromEnv;
import id.antre.server.ServerConfig;
import id.antre.server.auth.FirstAdmin;
import id.antre.server.auth.Tokens;
import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.AdminStore;
import id.antre.server.persistence.AuditStore;
import id.antre.server.persistence.Db;
import id.antre.server.persistence.DbConfig;
import id.antre.server.persistence.HallStore;
import id.antre.server.persistence.Migrations;
import id.antre.server.persistence.StartLock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does before it serves: wait for PostgreSQL, then, one node at a time, apply the
 * migrations, read the hall (from the database, else from the hall file), seed the demo and
 * create the first administrator. Logs under the node's name, as it always did.
 */
public final class FirstStart {
  private static final Logger LOG = LoggerFactory.getLogger(AntreServer.class);
  /** How long a starting node waits for PostgreSQL to answer before it gives up. */
  static final Duration START_WAIT = Duration.ofSeconds(60);
  static final String DEMO_HALL = "/halls/cirebon.yaml";

  /** The hall in force at start and its stored row (whose secret signs the tokens). */
  public record Loaded(HallRef hall, HallStore.StoredHall stored) {
  }

  private final Vertx vertx;
  private final ServerConfig config;
  private final Clock clock;
  private final Storage storage;
  private HallRef hall;

  public FirstStart(Vertx vertx, ServerConfig config, Clock clock, Storage storage) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.storage = storage;
  }

  /** {@code demoSecrets} receives the demo credentials created here, for printing. */
  public Future<Loaded> run(Optional<FirstAdminFromEnv> firstAdmin, Map<String, String> demoSecrets) {
    Pool pool = storage.pool();
    HallStore halls = storage.halls();
    // nodes started at once: one at a time through migrations, the hall file and the demo seed
    return Db.awaitReady(vertx, pool, START_WAIT).compose(ready -> StartLock.holding(pool, () -> Migrations.apply(pool)
            .compose(n -> loadHall(halls))
            .compose(stored -> new DemoSeed(vertx, config, storage, demoSecrets).seed(hall).map(stored))
            .compose(stored -> createFirstAdmin(firstAdmin).map(stored))))
        .map(stored -> new Loaded(hall, stored));
  }

  /**
   * {@code create-admin}: the first administrator of the database {@code db}, migrated first; fails
   * when an active administrator exists or the password is refused by the policy.
   */
  public static Future<Void> createAdmin(Vertx vertx, DbConfig db, String username, String password, Clock clock) {
    Pool pool = Db.pool(vertx, db, 1, Duration.ofSeconds(30));
    AdminStore store = new AdminStore(pool);
    return Migrations.apply(pool)
        .compose(n -> FirstAdmin.create(vertx, store, new AuditStore(pool, clock), clock, username, password,
            "create-admin"))
        .eventually(() -> pool.close());
  }

  private Future<Void> createFirstAdmin(Optional<FirstAdminFromEnv> firstAdmin) {
    AdminStore adminStore = storage.admin();
    if (firstAdmin.isEmpty()) {
      // a new hall outside demo mode: say how its first administrator is made
      return config.demo() ? Future.succeededFuture() : FirstAdmin.exists(adminStore).map(exists -> {
        if (!exists) {
          LOG.warn("no administrator yet: create one with scripts/admin create-admin NAME (bin/antre create-admin NAME "
              + "in a release), or set ANTRE_ADMIN_PASSWORD for one start");
        }
        return (Void) null;
      });
    }
    FirstAdminFromEnv admin = firstAdmin.get();
    return FirstAdmin.exists(adminStore).compose(exists -> {
      if (exists) {
        LOG.info("ANTRE_ADMIN_PASSWORD ignored: an administrator exists already (unset it)");
        return Future.succeededFuture();
      }
      return FirstAdmin.create(vertx, adminStore, storage.audit(), clock, admin.username(), admin.password(),
              "ANTRE_ADMIN_PASSWORD")
          .onSuccess(v -> LOG.info("first administrator created from ANTRE_ADMIN_USER/ANTRE_ADMIN_PASSWORD; unset them now"))
          .recover(e -> Future.failedFuture(new IllegalArgumentException(
              "ANTRE_ADMIN_PASSWORD refused for " + admin.username() + ": " + e.getMessage())));
    });
  }

  private Future<HallStore.StoredHall> loadHall(HallStore halls) {
    return halls.load().compose(stored -> {
      if (stored.isPresent()) {
        hall = new HallRef(HallConfigParser.parse(stored.get().config()), 1);
        LOG.info("hall configuration read from the database: {} {}", hall.get().name(), hall.get().subtitle());
        return Future.succeededFuture(stored.get());
      }
      // file I/O and parsing off the event loop; a bad file is refused before anything is stored
      return vertx.executeBlocking(() -> {
        String text = readHallFile();
        hall = new HallRef(HallConfigParser.parse(text), 1);
        return text;
      }).compose(text -> halls.store(hall.get(), text, Tokens.newSecret(), clock.instant()))
          .compose(v -> halls.load())
          .map(s -> {
            LOG.info("hall configuration loaded into the database: {} services, {} counters",
                hall.get().services().size(), hall.get().counters().size());
            return s.orElseThrow();
          });
    });
  }

  private String readHallFile() {
    try {
      if (config.hallFile().isPresent()) {
        return Files.readString(Path.of(config.hallFile().get()), StandardCharsets.UTF_8);
      }
      if (!config.demo()) {
        throw new IllegalStateException("ANTRE_HALL_FILE is not set (or set ANTRE_DEMO=1 for the demo hall)");
      }
      try (InputStream in = FirstStart.class.getResourceAsStream(DEMO_HALL)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
