package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every sign-in and administrative change is in the audit trail, readable and exportable, never with a secret. */
@CoreLane
class AuditIT {
  static final String WRONG = "Salah-Sekali-778";
  static final String NEW_PASSWORD = "Sandi-Rahasia-2026";

  HallFixture f;
  Api api;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    api = f.api();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void signInsAndChangesAreRecordedNewestFirstWithoutAnySecret() {
    String admin = f.login("admin");
    assertThat(api.post("/api/v1/auth/login", null, new JsonObject().put("username", "manager").put("password", WRONG))
        .status()).isEqualTo(401);
    assertThat(api.post("/api/v1/users", admin, new JsonObject().put("username", "petugas-audit")
        .put("password", NEW_PASSWORD).put("role", "officer").put("agency", "POLRES")).status()).isEqualTo(201);
    assertThat(api.send("PATCH", "/api/v1/users/petugas-audit", admin, new JsonObject().put("role", "supervisor")
        .put("password", NEW_PASSWORD + "x").encode()).status()).isEqualTo(200);
    Api.Response device = api.post("/api/v1/devices", admin, new JsonObject().put("id", "layar-2").put("kind", "display")
        .put("name", "Layar 2"));
    String deviceToken = device.json().getString("token");
    String rotated = api.post("/api/v1/devices/layar-2/rotate", admin, (String) null).json().getString("token");
    assertThat(api.send("DELETE", "/api/v1/devices/layar-2", admin, null).status()).isEqualTo(204);
    String officer = f.login("petugas-dukcapil");
    assertThat(api.post("/api/v1/auth/password", officer, new JsonObject().put("current", TestServer.PASSWORD)
        .put("new", NEW_PASSWORD)).status()).isEqualTo(204);

    assertThat(api.post("/api/v1/auth/logout", officer, (String) null).status()).isEqualTo(204);
    String manager = f.login("manager");
    Api.Response r = api.get("/api/v1/audit?from=2026-11-30&to=2026-11-30", manager);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonObject> entries = new JsonArray(r.body()).stream().map(o -> (JsonObject) o).toList();
    List<String> actions = entries.stream().map(e -> e.getString("action")).toList();
    assertThat(actions).containsSubsequence("auth.login", "auth.logout", "auth.password", "auth.login", "device.revoke",
        "device.rotate", "device.create", "user.update", "user.create", "auth.login.failed", "auth.login");
    JsonObject update = entries.stream().filter(e -> e.getString("action").equals("user.update")).findFirst().orElseThrow();
    assertThat(update.getString("actor")).isEqualTo("admin");
    assertThat(update.getString("target")).isEqualTo("petugas-audit");
    assertThat(update.getString("address")).isEqualTo("127.0.0.1");
    assertThat(update.getJsonObject("before").getString("role")).isEqualTo("officer");
    assertThat(update.getJsonObject("after").getString("role")).isEqualTo("supervisor");
    assertThat(update.getJsonObject("after").getBoolean("credentialsReset")).isTrue();
    JsonObject failed = entries.stream().filter(e -> e.getString("action").equals("auth.login.failed")).findFirst()
        .orElseThrow();
    assertThat(failed.getString("actor")).isEqualTo("manager");

    // never a password, hash or token: not in the answer, the export, nor the table itself
    String csv = api.get("/api/v1/audit?from=2026-11-30&to=2026-11-30&format=csv", f.login("admin")).body();
    String table = f.pool.query("SELECT * FROM audit_entry").execute().await().stream().map(Row::deepToString)
        .collect(Collectors.joining("\n"));
    for (String text : List.of(r.body(), csv, table)) {
      assertThat(text).doesNotContain(WRONG).doesNotContain(NEW_PASSWORD).doesNotContain(TestServer.PASSWORD)
          .doesNotContain("pbkdf2").doesNotContain(deviceToken).doesNotContain(rotated).doesNotContain(officer)
          .doesNotContain("d1.");
    }
  }

  @Test
  void filtersTheCsvExportAndRefusals() {
    String admin = f.login("admin");
    f.login("manager");
    Api.Response mine = api.get("/api/v1/audit?actor=manager&action=auth", admin);
    List<JsonObject> entries = new JsonArray(mine.body()).stream().map(o -> (JsonObject) o).toList();
    assertThat(entries).isNotEmpty().allMatch(e -> e.getString("actor").equals("manager")
        && e.getString("action").startsWith("auth."));
    assertThat(new JsonArray(api.get("/api/v1/audit?limit=1", admin).body())).hasSize(1);
    assertThat(new JsonArray(api.get("/api/v1/audit?from=2026-11-29&to=2026-11-29", admin).body())).isEmpty();

    Api.Response csv = api.get("/api/v1/audit?format=csv&action=auth.login", admin);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFat,actor,role,address,action,target,before,after\r\n").contains("\"manager\"");

    for (String bad : List.of("from=kemarin", "from=2026-11-30&to=2026-11-01", "limit=0", "limit=1001", "format=xml",
        "from=2025-01-01&to=2026-11-30")) {
      Api.Response r = api.get("/api/v1/audit?" + bad, admin);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.code()).isEqualTo("INVALID_REQUEST");
    }
    assertThat(api.get("/api/v1/audit", f.login("koordinator-dukcapil")).status()).isEqualTo(403);
  }
}
