package id.antre.server;

import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import id.antre.server.api.RateLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings, read once from the environment (see docs/configuration.md).
 *
 * @param hallFile   path of the hall configuration; empty means the bundled demo hall
 * @param demo       create demo users and devices, and (unless realHours) keep every service open
 * @param audioDir   a hall's own voice clips, served instead of the bundled ones of the same name
 * @param localPrinter a printer attached to this machine, "kiosk-1=serial:/dev/ttyUSB0:9600" (see docs/printing.md)
 * @param limits     sign-in and issuing throttles, and the proxies trusted for client addresses
 * @param httpIdleTimeout an HTTP connection with nothing received or sent this long is closed (a
 *                   subscribed WebSocket stays open through its heartbeats)
 * @param printBacklog a reconnecting print agent is sent the waiting tickets issued this recently, no older
 * @param commandDeadline how long a command may take: past it, it is not started, its SQL statement
 *                     is cancelled and the answer is 503 UNAVAILABLE
 */
public record ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
    Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway,
    Optional<String> localPrinter, Optional<String> audioDir, RateLimits limits, Duration httpIdleTimeout,
    Duration printBacklog, Duration commandDeadline) {
  /** The default {@link #commandDeadline()}: a few seconds, well inside a kiosk's patience. */
  public static final Duration DEFAULT_COMMAND_DEADLINE = Duration.ofSeconds(3);

  public static final Duration DEFAULT_HTTP_IDLE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PRINT_BACKLOG = Duration.ofMinutes(10);

  /**
   * Without a printer attached to the server machine, and without throttling: for tests and
   * embedding, which drive one kiosk hard. {@link #fromEnv} always throttles.
   */
  public ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
      Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway) {
    this(port, db, hallFile, demo, realHours, demoPassword, tokenLifetime, verticles, publicUrl, gateway,
        Optional.empty(), Optional.empty());
  }

  /** Without throttling: for tests and embedding. {@link #fromEnv} always throttles. */
  public ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
      Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway,
      Optional<String> localPrinter, Optional<String> audioDir) {
    this(port, db, hallFile, demo, realHours, demoPassword, tokenLifetime, verticles, publicUrl, gateway,
        localPrinter, audioDir, RateLimits.off(), DEFAULT_HTTP_IDLE, DEFAULT_PRINT_BACKLOG, DEFAULT_COMMAND_DEADLINE);
  }

  public static ServerConfig fromEnv(Map<String, String> env) {
    int port = Integer.parseInt(env.getOrDefault("ANTRE_PORT", "8080"));
    DbConfig db = new DbConfig(
        env.getOrDefault("ANTRE_DB_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("ANTRE_DB_PORT", "5432")),
        env.getOrDefault("ANTRE_DB_NAME", "antre"),
        env.getOrDefault("ANTRE_DB_USER", "antre"),
        env.getOrDefault("ANTRE_DB_PASSWORD", "antre"),
        Integer.parseInt(env.getOrDefault("ANTRE_DB_POOL", "12")));
    GatewayOptions g = GatewayOptions.defaults();
    RateLimits r = RateLimits.defaults();
    return new ServerConfig(port, db,
        Optional.ofNullable(env.get("ANTRE_HALL_FILE")).filter(s -> !s.isBlank()),
        "1".equals(env.get("ANTRE_DEMO")) || "true".equals(env.get("ANTRE_DEMO")),
        "1".equals(env.get("ANTRE_DEMO_REAL_HOURS")),
        Optional.ofNullable(env.get("ANTRE_DEMO_PASSWORD")).filter(s -> !s.isBlank()),
        Duration.ofHours(Long.parseLong(env.getOrDefault("ANTRE_TOKEN_HOURS", "10"))),
        Integer.parseInt(env.getOrDefault("ANTRE_HTTP_VERTICLES", "2")),
        env.getOrDefault("ANTRE_PUBLIC_URL", "http://127.0.0.1:" + port),
        new GatewayOptions(
            Integer.parseInt(env.getOrDefault("ANTRE_WS_QUEUE_BYTES", Integer.toString(g.writeQueueBytes()))),
            1000L * number(env, "ANTRE_WS_HEARTBEAT_SECONDS", (int) (g.heartbeatMillis() / 1000)),
            1000L * number(env, "ANTRE_WS_IDLE_SECONDS", (int) (g.idleTimeoutMillis() / 1000)),
            list(env, "ANTRE_ALLOWED_ORIGINS"),
            Long.parseLong(env.getOrDefault("ANTRE_WS_SUBSCRIBE_SECONDS",
                Long.toString(g.subscribeTimeoutMillis() / 1000))) * 1000),
        Optional.ofNullable(env.get("ANTRE_LOCAL_PRINTER")).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get("ANTRE_AUDIO_DIR")).filter(s -> !s.isBlank()),
        new RateLimits(
            number(env, "ANTRE_LOGIN_FAILURES_PER_USER", r.loginFailuresPerUser()),
            number(env, "ANTRE_LOGIN_FAILURES_PER_ADDRESS", r.loginFailuresPerAddress()),
            number(env, "ANTRE_ISSUE_PER_MINUTE", r.issuePerMinute()),
            number(env, "ANTRE_ISSUE_BURST", r.issueBurst()),
            number(env, "ANTRE_ANONYMOUS_PER_MINUTE", r.anonymousPerMinute()),
            number(env, "ANTRE_ANONYMOUS_BURST", r.anonymousBurst()),
            list(env, "ANTRE_TRUSTED_PROXIES")).withBooking(
            number(env, "ANTRE_BOOKING_PER_MINUTE", r.bookingPerMinute()),
            number(env, "ANTRE_BOOKING_BURST", r.bookingBurst()),
            number(env, "ANTRE_BOOKING_PER_NIK_PER_MINUTE", r.bookingPerNikPerMinute()),
            number(env, "ANTRE_BOOKING_PER_NIK_BURST", r.bookingPerNikBurst()),
            number(env, "ANTRE_CHECK_IN_PER_MINUTE", r.checkInPerMinute()),
            number(env, "ANTRE_CHECK_IN_BURST", r.checkInBurst())),
        Duration.ofSeconds(number(env, "ANTRE_HTTP_IDLE_SECONDS", (int) DEFAULT_HTTP_IDLE.toSeconds())),
        Duration.ofMinutes(number(env, "ANTRE_PRINT_BACKLOG_MINUTES", (int) DEFAULT_PRINT_BACKLOG.toMinutes())),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("ANTRE_COMMAND_DEADLINE_MS",
            Long.toString(DEFAULT_COMMAND_DEADLINE.toMillis())))));
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  private static List<String> list(Map<String, String> env, String name) {
    return Arrays.stream(env.getOrDefault(name, "").split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }
}
