package id.antre.server.it;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.api.RateLimits;
import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * "A node on a hall with a fresh database": the set-up every integration test starts from. The
 * database is a clone of a migrated template ({@link TestDb}), so a fresh one costs a file copy,
 * not a migration run. A test states only what differs from the defaults (the small test hall, a
 * hand-moved clock at Monday 30 November 2026 09:00 in Jakarta, every service open, any free
 * port) and closes the fixture to stop the node and drop the database.
 *
 * <pre>{@code
 * HallFixture hall = HallFixture.smallHall(MONDAY_0900, true);           // per class or per test
 * HallFixture demo = HallFixture.builder().demoHall().fixedPort().start(); // a page that survives a restart
 * }</pre>
 */
public final class HallFixture implements AutoCloseable {
  /** Monday 30 November 2026, 09:00 in Jakarta. */
  public static final Instant MONDAY_0900 = Instant.parse("2026-11-30T02:00:00Z");

  public final Vertx vertx;
  public final DbConfig db;
  /** The node's clock, moved by hand (unused with {@link Builder#realClock()}). */
  public final MutableClock clock;
  public final Pool pool;
  private final Builder settings;
  /** The running node; replaced by {@link #restart()}. */
  public TestServer hall;

  private HallFixture(Vertx vertx, DbConfig db, MutableClock clock, Builder settings) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.pool = TestDb.pool(vertx, db);
  }

  /** The small test hall on a fresh database, its clock at {@code now}; realHours false keeps every service open. */
  public static HallFixture smallHall(Instant now, boolean realHours) {
    return builder().at(now).realHours(realHours).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The node's HTTP client. */
  public Api api() {
    return hall.api;
  }

  public int port() {
    return hall.server.port();
  }

  public String kioskToken() {
    return hall.kioskToken();
  }

  public String login(String user) {
    return hall.login(user);
  }

  /** Stops the node and starts a new one on the same database (and, with {@link Builder#fixedPort()}, the same port). */
  public TestServer restart() {
    stopNode();
    hall = settings.startNode(vertx, db, clock);
    return hall;
  }

  /** Stops the node, leaving the database for a node the test starts itself. */
  public void stopNode() {
    if (hall != null) {
      hall.close();
      hall = null;
    }
  }

  @Override
  public void close() {
    stopNode();
    pool.close().await();
    vertx.close().await();
    TestDb.dropLater(db);
  }

  /** What a test needs of its node; everything else stays at the defaults. */
  public static final class Builder {
    private String hallFile = "/halls/small.yaml";
    private Instant now = MONDAY_0900;
    private boolean realHours;
    private GatewayOptions gateway = GatewayOptions.defaults();
    private int port;
    private UnaryOperator<ServerConfig> tweak = UnaryOperator.identity();
    private Optional<String> audioDir = Optional.empty();
    private Optional<String> localPrinter = Optional.empty();
    private RateLimits limits = RateLimits.off();
    private Duration httpIdle = ServerConfig.DEFAULT_HTTP_IDLE;
    private int verticles = 1;
    private boolean node = true;
    private boolean realClock;

    private Builder() {
    }

    /** The bundled demo hall (Cirebon: long agency names, two floors) instead of the small test hall. */
    public Builder demoHall() {
      this.hallFile = null;
      return this;
    }

    public Builder at(Instant start) {
      this.now = start;
      return this;
    }

    /** Opening hours as the hall file says, instead of every service open. */
    public Builder realHours(boolean real) {
      this.realHours = real;
      return this;
    }

    public Builder gateway(GatewayOptions options) {
      this.gateway = options;
      return this;
    }

    /** A port chosen once, so a page or a client finds a restarted node at the same address. */
    public Builder fixedPort() {
      this.port = freePort();
      return this;
    }

    /** The hall's own voice clips ({@code ANTRE_AUDIO_DIR}). */
    public Builder audioDir(String dir) {
      this.audioDir = Optional.of(dir);
      return this;
    }

    /** A printer attached to the server machine ({@code ANTRE_LOCAL_PRINTER}). */
    public Builder localPrinter(String spec) {
      this.localPrinter = Optional.of(spec);
      return this;
    }

    /** Sign-in and issuing throttles; a test node has none unless it asks. */
    public Builder limits(RateLimits throttles) {
      this.limits = throttles;
      return this;
    }

    /** How long an HTTP connection may stay silent ({@code ANTRE_HTTP_IDLE_SECONDS}). */
    public Builder httpIdle(Duration idle) {
      this.httpIdle = idle;
      return this;
    }

    /** HTTP verticles (event loops serving HTTP and WebSockets); one unless a test needs several. */
    public Builder verticles(int count) {
      this.verticles = count;
      return this;
    }

    /** Any other setting, applied last to the node's configuration. */
    public Builder config(UnaryOperator<ServerConfig> change) {
      this.tweak = change;
      return this;
    }

    /** The machine's clock instead of the hand-moved one: for pages whose timers run in real time. */
    public Builder realClock() {
      this.realClock = true;
      return this;
    }

    /** Only the database: the test starts its own nodes (another process, a cluster). */
    public Builder noNode() {
      this.node = false;
      return this;
    }

    public HallFixture start() {
      Vertx vertx = Vertx.vertx();
      DbConfig db = TestDb.create(vertx);
      HallFixture fixture = new HallFixture(vertx, db, new MutableClock(now), this);
      try {
        if (node) {
          fixture.hall = startNode(vertx, db, fixture.clock);
        }
        return fixture;
      } catch (RuntimeException e) {
        fixture.close();
        throw e;
      }
    }

    /** The node's configuration: demo users and devices with {@link TestServer#PASSWORD}. */
    public ServerConfig config(DbConfig db) {
      Optional<String> file = Optional.ofNullable(hallFile).map(TestServer::resourcePath);
      ServerConfig base = new ServerConfig(port, db, file, true, realHours, Optional.of(TestServer.PASSWORD),
          Duration.ofHours(10), verticles, "http://127.0.0.1:" + port, gateway, localPrinter, audioDir, limits, httpIdle,
          ServerConfig.DEFAULT_PRINT_BACKLOG, ServerConfig.DEFAULT_COMMAND_DEADLINE);
      return tweak.apply(base);
    }

    TestServer startNode(Vertx vertx, DbConfig db, MutableClock clock) {
      return TestServer.start(vertx, config(db), realClock ? Clock.systemUTC() : clock);
    }
  }

  static int freePort() {
    return Ports.free();
  }
}
