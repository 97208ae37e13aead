package id.antre.server;

import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.agent.AgentConfig;
import id.antre.printer.agent.PrintAgent;
import id.antre.printer.agent.PrinterTarget;
import id.antre.server.api.AdminRoutes;
import id.antre.server.api.ApiVerticle;
import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.Accounts;
import id.antre.server.auth.Devices;
import id.antre.server.auth.FirstAdmin;
import id.antre.server.persistence.AdminStore;
import id.antre.server.persistence.AuditStore;
import id.antre.server.persistence.DbConfig;
import id.antre.server.api.RateLimiter;
import id.antre.server.auth.AuthService;
import id.antre.server.auth.Passwords;
import id.antre.server.auth.Tokens;
import id.antre.server.bus.BusEvents;
import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.jobs.ClusterJobs;
import id.antre.server.jobs.JobRunner;
import id.antre.server.jobs.Retention;
import id.antre.server.metrics.MetricsRoutes;
import id.antre.server.metrics.NodeMetrics;
import id.antre.server.persistence.Db;
import id.antre.server.persistence.HallStore;
import id.antre.server.persistence.HousekeepingStore;
import id.antre.server.persistence.JobStore;
import id.antre.server.persistence.MetricsStore;
import id.antre.server.persistence.Migrations;
import id.antre.server.persistence.StartLock;
import id.antre.server.persistence.TicketStore;
import id.antre.server.queue.Estimates;
import id.antre.server.persistence.PrintStore;
import id.antre.server.queue.PrintService;
import id.antre.server.queue.Application;
import id.antre.server.queue.Pauses;
import id.antre.server.persistence.SurveyStore;
import id.antre.server.api.SurveyRoutes;
import id.antre.server.survey.SurveyService;
import id.antre.server.persistence.StatsStore;
import id.antre.server.api.StatsRoutes;
import id.antre.server.api.ConfigRoutes;
import id.antre.server.liveconfig.ConfigService;
import id.antre.server.liveconfig.LiveHall;
import id.antre.server.persistence.ConfigStore;
import id.antre.server.api.BookingRoutes;
import id.antre.server.booking.BookingService;
import id.antre.server.persistence.BookingStore;
import id.antre.server.stats.StatsService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one node: database, migrations, hall configuration, demo data, the application and
 * the HTTP verticles that call it.
 */
public final class AntreServer {
  private static final Logger LOG = LoggerFactory.getLogger(AntreServer.class);
  /** How long a starting node waits for PostgreSQL to answer before it gives up. */
  static final Duration START_WAIT = Duration.ofSeconds(60);
  static final String DEMO_HALL = "/halls/cirebon.yaml";
  /** How often each node refreshes its wait-estimate figures. */
  static final long ESTIMATE_REFRESH_MS = 10_000;
  /** How often full rate-limit buckets are forgotten. */
  static final long LIMITER_SWEEP_MS = 60_000;
  /** Print attempts before a job is FAILED, and the pause between them. */
  static final int PRINT_ATTEMPTS = 3;
  static final java.time.Duration PRINT_RETRY = java.time.Duration.ofSeconds(3);
  /** Statistics run on connections of their own, with room for a year's export or a catch-up. */
  static final java.time.Duration STATS_DEADLINE = java.time.Duration.ofSeconds(60);

  private final Vertx vertx;
  private final ServerConfig config;
  private final Clock clock;
  private Pool pool;
  private SqlClient client;
  private Pool statsPool;
  private StatsService stats;
  private JobRunner jobs;
  private NodeMetrics metrics;
  /** The configuration in force; every service reads it through this reference. */
  private HallRef hall;
  private Application app;
  private PrintService printing;
  private AuthService auth;
  private SurveyService surveys;
  private SurveyStore surveyStore;
  private LiveHall live;
  private ConfigService configuration;
  private AdminStore adminStore;
  private AuditStore audit;
  private Accounts accounts;
  private Devices devices;
  /** The first administrator from ANTRE_ADMIN_USER / ANTRE_ADMIN_PASSWORD, honoured only while none exists. */
  private Optional<FirstAdminFromEnv> firstAdmin = Optional.empty();
  private BookingService bookings;
  /** One per node, shared by its HTTP verticles. */
  private final RateLimiter limiter;
  private int port;
  private final List<String> deployments = new ArrayList<>();
  private final List<ApiVerticle> apis = new ArrayList<>();
  private PrintAgent localPrinter;
  /** In {@link #demoSecrets()} when another node created the demo credentials: they are not known here. */
  public static final String SEEDED_EARLIER = "seeded-earlier";
  /** Demo credentials created at start, for printing: name -> secret. */
  private final Map<String, String> demoSecrets = new LinkedHashMap<>();

  public AntreServer(Vertx vertx, ServerConfig config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.limiter = new RateLimiter(clock);
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
    pool = Db.pool(vertx, config.db(), 4, config.commandDeadline());
    client = Db.client(vertx, config.db(), config.commandDeadline());
    HallStore halls = new HallStore(pool);
    TicketStore tickets = new TicketStore(client);
    surveyStore = new SurveyStore(client); // the demo seed registers a survey tablet
    adminStore = new AdminStore(pool);
    audit = new AuditStore(pool, clock);
    // nodes started at once: one at a time through migrations, the hall file and the demo seed
    return Db.awaitReady(vertx, pool, START_WAIT).compose(ready -> StartLock.holding(pool, () -> Migrations.apply(pool)
            .compose(n -> loadHall(halls))
            .compose(stored -> seedDemo(halls).map(stored))
            .compose(stored -> createFirstAdmin().map(stored))))
        .compose(stored -> {
          Tokens tokens = new Tokens(stored.secret(), clock, config.tokenLifetime());
          auth = new AuthService(vertx, halls, tokens, clock).recordingSeenIn(adminStore);
          accounts = new Accounts(vertx, adminStore, auth, audit, clock);
          devices = new Devices(adminStore, auth, audit, clock);
          Estimates estimates = new Estimates(hall, tickets);
          boolean alwaysOpen = config.demo() && !config.realHours();
          BusEvents events = new BusEvents(vertx, hall, services -> app.queueCounts().waiting(services), clock);
          printing = new PrintService(hall, new PrintStore(client), events, clock, config.publicUrl(),
              PRINT_ATTEMPTS, PRINT_RETRY, config.printBacklog(), halls::kiosksWithPrinter);
          printing.scheduler((delay, task) -> vertx.setTimer(delay.toMillis(), t -> task.run()));
          app = Application.create(hall, tickets, tickets, tickets, events, estimates, clock, alwaysOpen, printing);
          surveys = new SurveyService(hall, surveyStore, clock);
          vertx.setPeriodic(LIMITER_SWEEP_MS, id -> limiter.sweep());
          Pauses.watch(config.commandDeadline().toMillis());
          vertx.setPeriodic(PrintService.AGENT_ALIVE_EVERY.toMillis(), id -> printing.vouchForAgents());
          // a year's percentiles sort ~600,000 values: in memory, and without JIT compiling each plan
          statsPool = Db.pool(vertx, config.db(), 2, STATS_DEADLINE, Map.of("work_mem", "64MB", "jit", "off"));
          stats = new StatsService(hall, new StatsStore(statsPool), clock);
          metrics = new NodeMetrics(vertx, new MetricsStore(pool), clock, hall.get().timeZone(), this::webSocketConnections,
              this::webSocketTopics);
          metrics.start();
          // closing the day, the statistics' catch-up and retention: once per cluster (jobs.JobRunner)
          int retentionDays = Retention.days(System.getenv());
          bookings = new BookingService(hall, new BookingStore(client), events, estimates, printing, clock, alwaysOpen,
              stored.secret(), retentionDays);
          jobs = ClusterJobs.create(vertx, new JobStore(pool), new HousekeepingStore(pool), clock, hall.get(), stats,
              () -> {
                // queues emptied and counters closed: every node's pages hear of it through the bus
                Hall now = hall.get();
                now.services().forEach(sv -> events.queue(sv.code()));
                now.counters().forEach(c -> tickets.counter(c.id()).onSuccess(row -> events.counter(c, row)));
              }, retentionDays, bookings);
          ConfigStore configStore = new ConfigStore(pool);
          // a configuration changed on any node: put in force here, then visitors' estimates follow it
          live = new LiveHall(vertx, hall, configStore, changed -> estimates.refresh(app.overview().today())
              .recover(e -> Future.succeededFuture()).compose(v -> app.overview().runningText()));
          configuration = new ConfigService(live, configStore, audit, clock);
          vertx.setPeriodic(ESTIMATE_REFRESH_MS, id -> {
            estimates.refresh(app.overview().today());
            printing.refreshKiosks();
          });
          return auth.start()
              .compose(v -> configStore.version().compose(version -> live.catchUp(version)))
              .compose(v -> live.start())
              .compose(v -> estimates.refresh(app.overview().today()))
              .compose(v -> printing.refreshKiosks())
              .compose(v -> deployHttp(auth, config.port(), Math.max(1, config.verticles())))
              .compose(v -> startLocalPrinter(halls))
              // the first tick catches up in the background what a stop missed: a first start on a
              // year of data takes a while, and a view materialises the days it needs itself
              .onSuccess(v -> jobs.start());
        })
        .map(this);
  }

  private Future<Void> deployHttp(AuthService auth, int wantedPort, int remaining) {
    ApiVerticle api = new ApiVerticle(wantedPort, app, auth, () -> pool.query("SELECT 1").execute().mapEmpty(),
        config.gateway(), config.audioDir(), id -> hall.get().counter(id).map(Hall.Counter::agency), limiter, config.limits(),
        config.httpIdleTimeout(), config.commandDeadline()).extend(new SurveyRoutes(surveys)).extend(new StatsRoutes(stats))
        .extend(new ConfigRoutes(configuration))
        .extend(new MetricsRoutes(metrics, Optional.ofNullable(System.getenv("ANTRE_METRICS_TOKEN"))))
        .extend(new BookingRoutes(bookings))
        .extend(new AdminRoutes(accounts, devices, audit, () -> hall.get().timeZone(), clock)).audit(audit);
    return vertx.deployVerticle(api).compose(id -> {
      deployments.add(id);
      apis.add(api);
      port = api.actualPort();
      // further instances share the first one's port (port 0 picks it once)
      return remaining > 1 ? deployHttp(auth, port, remaining - 1) : Future.succeededFuture();
    });
  }

  /**
   * A printer on the server machine itself is driven by the same print agent code, in this
   * process, connected to this node's gateway like any other agent.
   */
  private Future<Void> startLocalPrinter(HallStore halls) {
    if (config.localPrinter().isEmpty()) {
      return Future.succeededFuture();
    }
    String spec = config.localPrinter().get();
    int eq = spec.indexOf('=');
    if (eq < 1) {
      return Future.failedFuture(new IllegalArgumentException(
          "ANTRE_LOCAL_PRINTER must look like kiosk-1=serial:/dev/ttyUSB0:9600, not " + spec));
    }
    String kiosk = spec.substring(0, eq);
    String[] parts = spec.substring(eq + 1).split(",paper=");
    PrinterTarget target = PrinterTarget.parse(parts[0]);
    String token = Tokens.newDeviceToken();
    return halls.upsertDevice("local-printer-" + kiosk, "print-agent", "Printer di server (" + kiosk + ")",
            Tokens.sha256(token), null, kiosk)
        .compose(v -> printing.refreshKiosks())
        .compose(v -> vertx.executeBlocking(() -> {
          AgentConfig agent = AgentConfig.of("http://127.0.0.1:" + port, token, kiosk, target);
          if (parts.length > 1) {
            agent = agent.withProfile(PrinterProfile.named(parts[1]));
          }
          localPrinter = PrintAgent.start(agent);
          LOG.info("printer of {} driven in-process: {}", kiosk, parts[0]);
          return null;
        }));
  }

  private Future<Void> createFirstAdmin() {
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
      return FirstAdmin.create(vertx, adminStore, audit, clock, admin.username(), admin.password(), "ANTRE_ADMIN_PASSWORD")
          .onSuccess(v -> LOG.info("first administrator created from ANTRE_ADMIN_USER/ANTRE_ADMIN_PASSWORD; unset them now"))
          .recover(e -> Future.failedFuture(new IllegalArgumentException(
              "ANTRE_ADMIN_PASSWORD refused for " + admin.username() + ": " + e.getMessage())));
    });
  }

  /**
   * {@code create-admin}: the first administrator of the database {@code db}, migrated first; fails
   * when an active administrator exists or the password is refused by the policy.
   */
  public static Future<Void> createAdmin(Vertx vertx, DbConfig db, String username, String password, Clock clock) {
    Pool pool = Db.pool(vertx, db, 1, java.time.Duration.ofSeconds(30));
    AdminStore store = new AdminStore(pool);
    return Migrations.apply(pool)
        .compose(n -> FirstAdmin.create(vertx, store, new AuditStore(pool, clock), clock, username, password,
            "create-admin"))
        .eventually(() -> pool.close());
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
      try (InputStream in = AntreServer.class.getResourceAsStream(DEMO_HALL)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Demo users and devices; passwords are hashed on a worker thread. With ANTRE_DEMO_PASSWORD every
   * node derives the same password and tokens. Without it the first node invents them and stores
   * them hashed; a node that joins a cluster whose database already has them keeps them (its own
   * would replace the ones the first node printed) and says so instead of printing new ones.
   */
  private Future<Void> seedDemo(HallStore halls) {
    if (!config.demo()) {
      return Future.succeededFuture();
    }
    if (config.demoPassword().isEmpty() && vertx.isClustered()) {
      return halls.user("admin").compose(admin -> {
        if (admin.isPresent()) {
          demoSecrets.put(SEEDED_EARLIER, "true");
          return Future.succeededFuture();
        }
        return seedDemoNow(halls);
      });
    }
    return seedDemoNow(halls);
  }

  private Future<Void> seedDemoNow(HallStore halls) {
    String password = config.demoPassword().orElseGet(() -> Tokens.randomId(9));
    if (config.demoPassword().isEmpty()) {
      demoSecrets.put("password", password);
    }
    Hall hall = this.hall.get();
    return vertx.executeBlocking(() -> Passwords.hash(password)).compose(hash -> {
      Future<Void> chain = halls.upsertUser("admin", hash, "admin", null, "Administrator")
          .compose(v -> halls.upsertUser("manager", hash, "manager", null, "Manajer MPP"));
      for (Hall.Agency a : hall.agencies()) {
        String agency = a.code();
        chain = chain.compose(v -> halls.upsertUser("petugas-" + agency.toLowerCase(), hash, "officer", agency,
                "Petugas " + a.name()))
            .compose(v -> halls.upsertUser("koordinator-" + agency.toLowerCase(), hash, "supervisor", agency,
                "Koordinator " + a.name()));
      }
      // derived from the demo password when one is given, so every node of a demo cluster and
      // every restart agree on the same device tokens
      String kiosk = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "kiosk-1")).orElseGet(Tokens::newDeviceToken);
      String display = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "display-1"))
          .orElseGet(Tokens::newDeviceToken);
      String agent = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "printer-1"))
          .orElseGet(Tokens::newDeviceToken);
      demoSecrets.put("kiosk-1", kiosk);
      demoSecrets.put("display-1", display);
      String tablet = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "survey-1"))
          .orElseGet(Tokens::newDeviceToken);
      demoSecrets.put("printer-1", agent);
      demoSecrets.put("survey-1", tablet);
      String firstCounter = hall.counters().get(0).id();
      return chain
          .compose(v -> halls.upsertDevice("kiosk-1", "kiosk", "Anjungan Lantai 1", Tokens.sha256(kiosk), "lantai-1", null))
          .compose(v -> halls.upsertDevice("display-1", "display", "Layar Lantai 1", Tokens.sha256(display), "lantai-1",
              null))
          .compose(v -> halls.upsertDevice("printer-1", "print-agent", "Printer Anjungan Lantai 1", Tokens.sha256(agent),
              "lantai-1", "kiosk-1"))
          .compose(v -> surveyStore.upsertTablet("survey-1", "Tablet Survei " + hall.counters().get(0).name(),
              Tokens.sha256(tablet), firstCounter));
    });
  }

  public int port() {
    return port;
  }

  /** The configuration in force on this node now. */
  public Hall hall() {
    return hall.get();
  }

  public Application app() {
    return app;
  }

  public StatsService stats() {
    return stats;
  }

  public BookingService bookings() {
    return bookings;
  }

  /** The cluster-wide jobs as this node runs them. */
  public JobRunner jobs() {
    return jobs;
  }

  /** Open WebSocket connections on this node. */
  public int webSocketConnections() {
    return apis.stream().mapToInt(a -> a.gateway().connectionCount()).sum();
  }

  /** WebSocket subscriptions on this node per kind of topic. */
  public Map<String, Integer> webSocketTopics() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    apis.forEach(a -> a.gateway().subscriptionsByKind().forEach((k, n) -> out.merge(k, n, Integer::sum)));
    return out;
  }

  /** Every HTTP route of the node ("METHOD /path"), for the access-matrix test. */
  public List<String> routes() {
    return apis.get(0).routes();
  }

  /**
   * The audit trail every administrative change and sign-in goes to (the same store that
   * {@code GET /api/v1/audit} reads; route families reach it as {@code ApiContext.audit()}).
   */
  public AuditTrail audit() {
    return audit;
  }

  public Map<String, String> demoSecrets() {
    return demoSecrets;
  }

  public Future<Void> stop() {
    if (localPrinter != null) {
      localPrinter.stop();
    }
    if (live != null) {
      live.stop();
    }
    if (jobs != null) {
      jobs.stop();
      metrics.stop();
    }
    // the HTTP verticles, newest first (they stop accepting and let requests in flight finish)
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    return chain.compose(v -> auth == null ? Future.succeededFuture() : auth.stop())
        .compose(v -> client == null ? Future.succeededFuture() : client.close())
        .compose(v -> statsPool == null ? Future.succeededFuture() : statsPool.close())
        .compose(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
