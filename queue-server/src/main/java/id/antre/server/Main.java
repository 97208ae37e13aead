package id.antre.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import id.antre.server.metrics.Metrics;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one Antre node from environment variables and prints where everything is. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length > 0) {
      System.exit(command(args));
    }
    ServerConfig config = ServerConfig.fromEnv(System.getenv());
    String members = System.getenv("ANTRE_CLUSTER_MEMBERS");
    Future<Vertx> vertx = members == null || members.isBlank()
        ? Future.succeededFuture(Metrics.enable(Vertx.builder(), new VertxOptions().setPreferNativeTransport(true)).build())
        : Clustering.clusteredVertx(System.getenv().getOrDefault("ANTRE_CLUSTER_NAME", "antre"),
            System.getenv().getOrDefault("ANTRE_CLUSTER_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("ANTRE_CLUSTER_PORT", "5801")),
            List.of(members.split(",")));
    int expected = Integer.parseInt(System.getenv().getOrDefault("ANTRE_CLUSTER_EXPECTED", "0"));
    vertx.compose(v -> {
      ClusterView.watch(v, expected);
      return new AntreServer(v, config, Clock.systemUTC())
          .firstAdmin(AntreServer.FirstAdminFromEnv.of(System.getenv())).start().onSuccess(s -> NodeShutdown.onSignal(v, s));
    })
        .onSuccess(server -> {
          String base = config.publicUrl().replace(":" + config.port(), ":" + server.port());
          StringBuilder out = new StringBuilder("\n")
              .append("Antre is running: ").append(server.hall().name()).append(' ').append(server.hall().subtitle())
              .append("\n");
          boolean seededEarlier = server.demoSecrets().containsKey(AntreServer.SEEDED_EARLIER);
          String kiosk = config.demo() && !seededEarlier ? "/kiosk?device=" + server.demoSecrets().get("kiosk-1") : "/kiosk";
          String display = config.demo() && !seededEarlier
              ? "/display?zone=lantai-1&device=" + server.demoSecrets().get("display-1") : "/display?zone=lantai-1";
          String survey = config.demo() && !seededEarlier ? "/survey?device=" + server.demoSecrets().get("survey-1") : "/survey";
          for (String[] page : List.of(
              new String[] {"Home", "/"},
              new String[] {"Kiosk (anjungan)", kiosk},
              new String[] {"Wall display", display},
              new String[] {"Wall display 2", "/display?zone=lantai-2"},
              new String[] {"Counter terminal", "/counter"},
              new String[] {"Manager monitor", "/manager"},
              new String[] {"Administration", "/admin/users"},
              new String[] {"Booking (phone)", "/booking"},
              new String[] {"Phone tracking", "/t/<token from a ticket's QR>"},
              new String[] {"Survey tablet", survey},
              new String[] {"API (OpenAPI)", "/api/v1/openapi.yaml"},
              new String[] {"Hall (JSON)", "/api/v1/hall"},
              new String[] {"Health", "/health/ready"})) {
            out.append(String.format("  %-18s %s%s%n", page[0], base, page[1]));
          }
          if (config.demo() && seededEarlier) {
            out.append("Demo users: admin, manager, petugas-<agency>, koordinator-<agency>. Their password and the\n")
                .append("  device tokens were printed by the node that first started on this database; they are\n")
                .append("  stored hashed and still valid. Set ANTRE_DEMO_PASSWORD on every node to choose them.\n");
          } else if (config.demo()) {
            out.append("Demo users: admin, manager, petugas-<agency> (e.g. petugas-dukcapil), koordinator-<agency>\n");
            String pw = server.demoSecrets().get("password");
            out.append("  password: ").append(pw != null ? pw + "  (random; set ANTRE_DEMO_PASSWORD to choose one)"
                : "the value of ANTRE_DEMO_PASSWORD").append("\n");
            out.append("  kiosk device token:   ").append(server.demoSecrets().get("kiosk-1")).append("\n");
            out.append("  display device token: ").append(server.demoSecrets().get("display-1")).append("\n");
            out.append("  print agent token:    ").append(server.demoSecrets().get("printer-1"))
                .append("  (kiosk-1's printer: scripts/virtual-printer, then scripts/print-agent)\n");
            out.append("  survey tablet token:  ").append(server.demoSecrets().get("survey-1"))
                .append("  (the SKM survey at the first counter)\n");
          }
          System.out.println(out);
          System.out.flush();
        })
        .onFailure(e -> {
          LOG.error("start-up failed: {}", e.getMessage(), e);
          System.err.println("Antre could not start: " + e.getMessage());
          System.exit(1);
        });
  }

  /**
   * {@code create-admin <username>}: the first administrator, on the database of the ANTRE_DB_*
   * variables. The password is asked twice on a terminal, else read from the first line of
   * standard input. Refused when an active administrator exists. Answers the exit status.
   */
  static int command(String[] args) {
    if (!args[0].equals("create-admin") || args.length != 2) {
      System.err.println("usage: create-admin <username>");
      return 2;
    }
    String username = args[1];
    String password;
    java.io.Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Kata sandi untuk %s (password, at least %d characters): ", username,
          id.antre.server.auth.PasswordPolicy.MIN_LENGTH);
      char[] again = console.readPassword("Ulangi kata sandi (again): ");
      if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
        System.err.println("Kata sandi tidak sama (the passwords differ); nothing was created");
        return 1;
      }
      password = new String(first);
    } else {
      try {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
            java.nio.charset.StandardCharsets.UTF_8)).readLine();
        password = line == null ? "" : line;
      } catch (java.io.IOException e) {
        System.err.println("could not read the password from standard input: " + e.getMessage());
        return 1;
      }
    }
    Vertx vertx = Vertx.vertx();
    try {
      AntreServer.createAdmin(vertx, ServerConfig.fromEnv(System.getenv()).db(), username, password, Clock.systemUTC())
          .await();
      System.out.println("Administrator " + username + " dibuat (created). Sign in at /admin/users.");
      return 0;
    } catch (RuntimeException e) {
      System.err.println("Administrator tidak dibuat (not created): " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }
}
