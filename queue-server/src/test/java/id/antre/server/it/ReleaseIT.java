package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.DbConfig;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release of scripts/package (from what this build packaged): unpacked into a folder of its
 * own, its systemd unit for that folder passes {@code systemd-analyze verify}, bin/antre create-admin
 * makes the first administrator, and bin/antre starts
 * a node on a fresh database that answers {@code /health} and {@code /metrics}.
 */
@CoreLane
class ReleaseIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  static String run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  @Test
  void theUnpackedReleaseHasAValidUnitAndStartsANode() throws Exception {
    run(ROOT, Map.of(), "scripts/package", "--no-build");
    Path tarball;
    try (Stream<Path> files = Files.list(ROOT.resolve("target/release"))) {
      tarball = files.filter(f -> f.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
    }
    run(dir, Map.of(), "tar", "-xzf", tarball.toString());
    Path home;
    try (Stream<Path> files = Files.list(dir)) {
      home = files.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    for (String part : List.of("bin/antre", "antre.service", "antre.env.example", "halls/cirebon.yaml",
        "scripts/backup", "scripts/restore")) {
      assertThat(home.resolve(part)).as(part).exists();
    }
    Path unit = dir.resolve("antre.service");
    Files.writeString(unit, run(home, Map.of(), "bin/antre", "unit"));
    assertThat(Files.readString(unit)).contains("ExecStart=" + home + "/bin/antre").doesNotContain("/opt/antre");
    run(dir, Map.of(), "systemd-analyze", "verify", unit.toString());

    try (HallFixture fixture = HallFixture.builder().noNode().start()) {
      DbConfig db = fixture.db;
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Map<String, String> dbEnv = Map.of("ANTRE_DB_HOST", db.host(), "ANTRE_DB_PORT", Integer.toString(db.port()),
          "ANTRE_DB_NAME", db.database(), "ANTRE_DB_USER", db.user(), "ANTRE_DB_PASSWORD", db.password());
      // the first administrator, from the release's launcher, the password on standard input
      ProcessBuilder admin = new ProcessBuilder(home.resolve("bin/antre").toString(), "create-admin", "kepala-it")
          .directory(dir.toFile()).redirectErrorStream(true);
      admin.environment().putAll(dbEnv);
      Process created = admin.start();
      created.getOutputStream().write("Sandi-Aula-MPP-71\n".getBytes(StandardCharsets.UTF_8));
      created.getOutputStream().close();
      String said = new String(created.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(created.waitFor()).as(said).isZero();
      assertThat(said).contains("kepala-it").doesNotContain("Sandi-Aula-MPP-71");

      ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/antre").toString()).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve("antre.log").toFile());
      pb.environment().putAll(Map.of("ANTRE_DB_HOST", db.host(), "ANTRE_DB_PORT", Integer.toString(db.port()),
          "ANTRE_DB_NAME", db.database(), "ANTRE_DB_USER", db.user(), "ANTRE_DB_PASSWORD", db.password(),
          "ANTRE_PORT", Integer.toString(port), "ANTRE_HALL_FILE", home.resolve("halls/cirebon.yaml").toString(),
          "ANTRE_HTTP_VERTICLES", "1"));
      pb.environment().remove("ANTRE_DEMO");
      Process node = pb.start();
      try {
        Api api = new Api(port);
        Eventually.until("the release's node answers", Duration.ofSeconds(60),
            () -> {
              try {
                return api.get("/health", null).status();
              } catch (RuntimeException e) {
                return -1;
              }
            }, status -> status == 200);
        assertThat(api.get("/metrics", null).body()).as("Vert.x's metrics, as Main builds it")
            .contains("vertx_http_server_requests_total").contains("antre_event_loop_delay_seconds");
        assertThat(api.login("kepala-it", "Sandi-Aula-MPP-71")).isNotEmpty();
        assertThat(api.get("/metrics", null).body()).as("the documented families only (Metrics.enable)")
            .contains("vertx_pool_in_use").doesNotContain("vertx_eventbus_").doesNotContain("vertx_net_client_");
      } finally {
        node.destroy();
        node.waitFor();
      }
      assertThat(Files.readString(dir.resolve("antre.log"))).contains("hall configuration loaded into the database");
    }
  }
}
