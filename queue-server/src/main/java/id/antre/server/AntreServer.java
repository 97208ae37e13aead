package id.antre.server;

import id.antre.server.api.ApiVerticle;
import id.antre.server.audit.AuditTrail;
import id.antre.server.booking.BookingService;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.jobs.JobRunner;
import id.antre.server.jobs.Retention;
import id.antre.server.persistence.DbConfig;
import id.antre.server.queue.Application;
import id.antre.server.stats.StatsService;
import id.antre.server.wiring.AdminWiring;
import id.antre.server.wiring.BookingWiring;
import id.antre.server.wiring.FirstStart;
import id.antre.server.wiring.HttpWiring;
import id.antre.server.wiring.JobsWiring;
import id.antre.server.wiring.LiveConfigWiring;
import id.antre.server.wiring.MetricsWiring;
import id.antre.server.wiring.QueueWiring;
import id.antre.server.wiring.StatsWiring;
import id.antre.server.wiring.Storage;
import id.antre.server.wiring.SurveyWiring;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts and stops one node: database, migrations, hall configuration, demo data, the application
 * and the HTTP verticles that call it. Each family is made by its factory in {@code wiring}; this
 * class says in which order they are made, started and stopped.
 */
public final class AntreServer {
  private final Vertx vertx;
  private final ServerConfig config;
  private final Clock clock;
  private Storage storage;
  /** The configuration in force; every service reads it through this reference. */
  private HallRef hall;
  private AdminWiring admin;
  private QueueWiring queue;
  private SurveyWiring survey;
  private StatsWiring stats;
  private MetricsWiring metrics;
  private BookingWiring bookings;
  private JobsWiring jobs;
  private LiveConfigWiring liveConfig;
  private final HttpWiring http;
  /** The first administrator from ANTRE_ADMIN_USER / ANTRE_ADMIN_PASSWORD, honoured only while none exists. */
  private Optional<FirstAdminFromEnv> firstAdmin = Optional.empty();
  /** In {@link #demoSecrets()} when another node created the demo credentials: they are not known here. */
  public static final String SEEDED_EARLIER = "seeded-earlier";
  /** Demo credentials created at start, for printing: name -> secret. */
  private final Map<String, String> demoSecrets = new LinkedHashMap<>();

  public AntreServer(Vertx vertx, ServerConfig config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.http = new HttpWiring(vertx, config, clock);
  }

  /** {@code ANTRE_ADMIN_USER} (default {@code admin}) and {@code ANTRE_ADMIN_PASSWORD}, as read at start. */
  public record FirstAdminFromEnv(String username, String password) {
    @Override
    public String toString() {
      return "FirstAdminFromEnv[" + username + "]";
    }

    public static Optional<FirstAdminFromEnv> of(Map<String, String> env) {
      String password = env.get("ANTRE_ADMIN_PASSWORD");
      if (password == null || password.isEmpty()) {
        return Optional.empty();
      }
      String user = env.getOrDefault("ANTRE_ADMIN_USER", "");
      return Optional.of(new FirstAdminFromEnv(user.isBlank() ? "admin" : user.trim(), password));
    }
  }

  /** Creates this administrator at start when the database has no active one (and says so when it has). */
  public AntreServer firstAdmin(Optional<FirstAdminFromEnv> admin) {
    this.firstAdmin = admin;
    return this;
  }

  public Future<AntreServer> start() {
    if (config.gateway().heartbeatMillis() >= config.httpIdleTimeout().toMillis()) {
      return Future.failedFuture(new IllegalArgumentException("ANTRE_HTTP_IDLE_SECONDS must be longer than the "
          + "WebSocket heartbeat (" + config.gateway().heartbeatMillis() + " ms), or subscribed sockets would be closed"));
    }
    storage = Storage.open(vertx, config, clock);
    return new FirstStart(vertx, config, clock, storage).run(firstAdmin, demoSecrets)
        .compose(loaded -> {
          hall = loaded.hall();
          byte[] secret = loaded.stored().secret();
          admin = AdminWiring.create(vertx, config, clock, storage, secret);
          queue = QueueWiring.create(vertx, config, clock, hall, storage);
          survey = SurveyWiring.create(hall, storage, clock);
          http.sweepLimiter();
          queue.watchPauses(config);
          queue.printing().vouchForAgents();
          stats = StatsWiring.create(vertx, config, clock, hall);
          metrics = MetricsWiring.create(vertx, storage, clock, hall, http);
          metrics.node().start();
          // closing the day, the statistics' catch-up and retention: once per cluster (jobs.JobRunner)
          int retentionDays = Retention.days(System.getenv());
          bookings = BookingWiring.create(hall, storage, queue, clock, secret, retentionDays);
          jobs = JobsWiring.create(vertx, storage, clock, hall, stats, queue, bookings, retentionDays);
          liveConfig = LiveConfigWiring.create(vertx, storage, clock, hall, queue);
          queue.refreshEvery(vertx);
          return admin.auth().start()
              .compose(v -> liveConfig.start())
              .compose(v -> queue.refreshEstimates())
              .compose(v -> queue.printing().service().refreshKiosks())
              .compose(v -> http.deploy(new HttpWiring.Served(queue.app(), admin.auth(), storage::ready, hall,
                  this::routeFamilies, admin.audit())))
              .compose(v -> queue.printing().startLocalPrinter(http.port()))
              // the first tick catches up in the background what a stop missed: a first start on a
              // year of data takes a while, and a view materialises the days it needs itself
              .onSuccess(v -> jobs.runner().start());
        })
        .map(this);
  }

  /** The route families from outside the api package, in the order they are mounted; new ones per verticle. */
  private List<ApiVerticle.Extension> routeFamilies() {
    return List.of(survey.routes(), stats.routes(), liveConfig.routes(), metrics.routes(), bookings.routes(),
        admin.routes(hall, clock));
  }

  /**
   * {@code create-admin}: the first administrator of the database {@code db}, migrated first; fails
   * when an active administrator exists or the password is refused by the policy.
   */
  public static Future<Void> createAdmin(Vertx vertx, DbConfig db, String username, String password, Clock clock) {
    return FirstStart.createAdmin(vertx, db, username, password, clock);
  }

  public int port() {
    return http.port();
  }

  /** The configuration in force on this node now. */
  public Hall hall() {
    return hall.get();
  }

  public Application app() {
    return queue.app();
  }

  public StatsService stats() {
    return stats.service();
  }

  public BookingService bookings() {
    return bookings.service();
  }

  /** The cluster-wide jobs as this node runs them. */
  public JobRunner jobs() {
    return jobs.runner();
  }

  /** Open WebSocket connections on this node. */
  public int webSocketConnections() {
    return http.webSocketConnections();
  }

  /** WebSocket subscriptions on this node per kind of topic. */
  public Map<String, Integer> webSocketTopics() {
    return http.webSocketTopics();
  }

  /** Every HTTP route of the node ("METHOD /path"), for the access-matrix test. */
  public List<String> routes() {
    return http.routes();
  }

  /**
   * The audit trail every administrative change and sign-in goes to (the same store that
   * {@code GET /api/v1/audit} reads; route families reach it as {@code ApiContext.audit()}).
   */
  public AuditTrail audit() {
    return storage.audit();
  }

  public Map<String, String> demoSecrets() {
    return demoSecrets;
  }

  public Future<Void> stop() {
    if (queue != null) {
      queue.printing().stop();
    }
    if (liveConfig != null) {
      liveConfig.live().stop();
    }
    if (jobs != null) {
      jobs.runner().stop();
      metrics.node().stop();
    }
    return http.undeploy()
        .compose(v -> admin == null ? Future.succeededFuture() : admin.auth().stop())
        .compose(v -> storage == null ? Future.succeededFuture() : storage.closeClient())
        .compose(v -> stats == null ? Future.succeededFuture() : stats.close())
        .compose(v -> storage == null ? Future.succeededFuture() : storage.closePool());
  }
}
