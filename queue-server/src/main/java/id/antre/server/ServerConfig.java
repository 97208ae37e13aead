package id.antre.server;

import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings, read once from the environment (see docs/configuration.md).
 *
 * @param hallFile   path of the hall configuration; empty means the bundled demo hall
 * @param demo       create demo users and devices, and (unless realHours) keep every service open
 * @param audioDir   a hall's own voice clips, served instead of the bundled ones of the same name
 * @param localPrinter a printer attached to this machine, "kiosk-1=serial:/dev/ttyUSB0:9600" (see docs/printing.md)
 * @param commandDeadline how long a command may take: past it, it is not started, its SQL statement
 *                     is cancelled and the answer is 503 UNAVAILABLE
 */
public record ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
    Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway,
    Optional<String> localPrinter, Optional<String> audioDir, Duration commandDeadline) {
  /** The default {@link #commandDeadline()}: a few seconds, well inside a kiosk's patience. */
  public static final Duration DEFAULT_COMMAND_DEADLINE = Duration.ofSeconds(3);

  /** With the default command deadline. */
  public ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
      Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway,
      Optional<String> localPrinter, Optional<String> audioDir) {
    this(port, db, hallFile, demo, realHours, demoPassword, tokenLifetime, verticles, publicUrl, gateway,
        localPrinter, audioDir, DEFAULT_COMMAND_DEADLINE);
  }

  /** Without a printer attached to the server machine. */
  public ServerConfig(int port, DbConfig db, Optional<String> hallFile, boolean demo, boolean realHours,
      Optional<String> demoPassword, Duration tokenLifetime, int verticles, String publicUrl, GatewayOptions gateway) {
    this(port, db, hallFile, demo, realHours, demoPassword, tokenLifetime, verticles, publicUrl, gateway,
        Optional.empty(), Optional.empty());
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
    return new ServerConfig(port, db,
        Optional.ofNullable(env.get("ANTRE_HALL_FILE")).filter(s -> !s.isBlank()),
        "1".equals(env.get("ANTRE_DEMO")) || "true".equals(env.get("ANTRE_DEMO")),
        "1".equals(env.get("ANTRE_DEMO_REAL_HOURS")),
        Optional.ofNullable(env.get("ANTRE_DEMO_PASSWORD")).filter(s -> !s.isBlank()),
        Duration.ofHours(Long.parseLong(env.getOrDefault("ANTRE_TOKEN_HOURS", "10"))),
        Integer.parseInt(env.getOrDefault("ANTRE_HTTP_VERTICLES", "2")),
        env.getOrDefault("ANTRE_PUBLIC_URL", "http://127.0.0.1:" + port),
        new GatewayOptions(
            Integer.parseInt(env.getOrDefault("ANTRE_WS_QUEUE_BYTES", Integer.toString(GatewayOptions.defaults().writeQueueBytes()))),
            GatewayOptions.defaults().heartbeatMillis(), GatewayOptions.defaults().idleTimeoutMillis(),
            java.util.Arrays.stream(env.getOrDefault("ANTRE_ALLOWED_ORIGINS", "").split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()),
        Optional.ofNullable(env.get("ANTRE_LOCAL_PRINTER")).filter(s -> !s.isBlank()),
        Optional.ofNullable(env.get("ANTRE_AUDIO_DIR")).filter(s -> !s.isBlank()),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("ANTRE_COMMAND_DEADLINE_MS",
            Long.toString(DEFAULT_COMMAND_DEADLINE.toMillis())))));
  }

}
