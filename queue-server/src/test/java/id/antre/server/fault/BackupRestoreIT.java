package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.it.Api;
import id.antre.server.it.Eventually;
import id.antre.server.it.HallFixture;
import id.antre.server.lanes.FaultLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backup and scripts/restore round trip under a running node: back up, drop the database
 * (its connections with it), restore; the node reconnects by itself and carries on with every
 * ticket and the numbering where it was.
 */
@FaultLane
class BackupRestoreIT {
  static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  static String run(DbConfig db, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(Map.of("ANTRE_DB_HOST", db.host(), "ANTRE_DB_PORT", Integer.toString(db.port()),
        "ANTRE_DB_NAME", db.database(), "ANTRE_DB_USER", db.user(), "ANTRE_DB_PASSWORD", db.password(),
        "PGPASSWORD", db.password()));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  @Test
  void backUpDropRestoreAndTheNodeCarriesOnWithEveryTicket() throws Exception {
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Api api = fixture.api();
      List<String> tokens = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        tokens.add(api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP")).json()
            .getString("trackingToken"));
      }
      DbConfig db = fixture.db;
      Path file = dir.resolve("hall.dump");
      run(db, SCRIPTS.resolve("backup").toString(), file.toString());
      run(db, "psql", "-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(), "-d", "postgres", "-qc",
          "DROP DATABASE \"" + db.database() + "\" WITH (FORCE)");
      Eventually.until("the node notices", () -> api.get("/health", null).status() == 503);

      run(db, SCRIPTS.resolve("restore").toString(), file.toString());
      Eventually.until("the node is back by itself", () -> api.get("/health", null).status() == 200);
      for (String token : tokens) {
        assertThat(api.get("/api/v1/tickets/" + token, null).json().getString("status")).isEqualTo("WAITING");
      }
      Api.Response third = Eventually.until("issuing works again",
          () -> api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP")),
          r -> r.status() == 201);
      assertThat(third.json().getString("number")).isEqualTo("A003");
    }
  }
}
