package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users as administrators keep them: create, change, disable, reset; one's own password; refusals change nothing. */
@CoreLane
class UserAdminIT {
  static final String NEW_PASSWORD = "Loket-Baru-2026";

  HallFixture f;
  Api api;
  String admin;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    api = f.api();
    admin = f.login("admin");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  JsonArray users(String token) {
    Api.Response r = api.get("/api/v1/users", token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return new JsonArray(r.body());
  }

  @Test
  void anAdminCreatesAnOfficerWhoSignsInAndManagersOnlyRead() {
    Api.Response created = api.post("/api/v1/users", admin, new JsonObject().put("username", "petugas-baru")
        .put("password", NEW_PASSWORD).put("role", "officer").put("agency", "DUKCAPIL").put("displayName", "Petugas Baru"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("agency")).isEqualTo("DUKCAPIL");
    assertThat(created.body()).doesNotContain(NEW_PASSWORD).doesNotContain("pbkdf2");

    String manager = f.login("manager");
    JsonArray list = users(manager);
    assertThat(list.stream().map(o -> ((JsonObject) o).getString("username"))).contains("petugas-baru", "admin");
    assertThat(list.encode()).doesNotContain("pbkdf2").doesNotContain("password");
    assertThat(api.post("/api/v1/users", manager, new JsonObject().put("username", "lain-lagi")
        .put("password", NEW_PASSWORD).put("role", "manager")).status()).isEqualTo(403);

    String officer = api.login("petugas-baru", NEW_PASSWORD);
    assertThat(api.get("/api/v1/counters/1", officer).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWithAStableCodeAndChangesNothing() {
    JsonArray before = users(admin);
    record Bad(String method, String path, String body, int status, String code) {
    }
    List<Bad> bad = List.of(
        new Bad("POST", "/api/v1/users", "{\"username\":\"x1-baru\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"officer\"}", 400, "INVALID_REQUEST"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x2-baru\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"manager\",\"agency\":\"DUKCAPIL\"}", 400, "INVALID_REQUEST"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x3-baru\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"officer\",\"agency\":\"TIDAK-ADA\"}", 404, "UNKNOWN_AGENCY"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x4-baru\",\"password\":\"pendek\",\"role\":\"manager\"}", 400, "WEAK_PASSWORD"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x5-baru\",\"password\":\"x5-baru-2026!\",\"role\":\"manager\"}", 400, "WEAK_PASSWORD"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x6-baru\",\"password\":\"password123\",\"role\":\"manager\"}", 400, "WEAK_PASSWORD"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x7-baru\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"raja\"}", 400, "INVALID_REQUEST"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"X 8\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"manager\"}", 400, "INVALID_REQUEST"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"x9-baru\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"manager\",\"rahasia\":1}", 400, "INVALID_REQUEST"),
        new Bad("POST", "/api/v1/users", "{\"username\":\"manager\",\"password\":\"" + NEW_PASSWORD + "\",\"role\":\"manager\"}", 409, "USER_EXISTS"),
        new Bad("PATCH", "/api/v1/users/tidak-ada", "{\"active\":false}", 404, "NOT_FOUND"),
        new Bad("PATCH", "/api/v1/users/manager", "{\"role\":\"officer\"}", 400, "INVALID_REQUEST"),
        new Bad("PATCH", "/api/v1/users/manager", "{\"agency\":\"DUKCAPIL\"}", 400, "INVALID_REQUEST"),
        new Bad("PATCH", "/api/v1/users/petugas-dukcapil", "{\"agency\":\"TIDAK-ADA\"}", 404, "UNKNOWN_AGENCY"),
        new Bad("PATCH", "/api/v1/users/petugas-dukcapil", "{\"password\":\"1234567890\"}", 400, "WEAK_PASSWORD"),
        new Bad("PATCH", "/api/v1/users/petugas-dukcapil", "{}", 400, "INVALID_REQUEST"),
        new Bad("PATCH", "/api/v1/users/admin", "{\"role\":\"manager\"}", 409, "LAST_ADMIN"),
        new Bad("PATCH", "/api/v1/users/admin", "{\"active\":false}", 400, "INVALID_REQUEST"));
    for (Bad b : bad) {
      Api.Response r = api.send(b.method(), b.path(), admin, b.body());
      assertThat(r.status()).as(b + " -> " + r.body()).isEqualTo(b.status());
      assertThat(r.code()).as(b.toString()).isEqualTo(b.code());
    }
    assertThat(users(admin)).isEqualTo(before);
    // the officer still signs in with the old password
    assertThat(f.login("petugas-dukcapil")).isNotEmpty();
  }

  @Test
  void theLastActiveAdminCannotBeDisabledButOneOfTwoCan() {
    assertThat(api.post("/api/v1/users", admin, new JsonObject().put("username", "admin-dua")
        .put("password", NEW_PASSWORD).put("role", "admin")).status()).isEqualTo(201);
    String second = api.login("admin-dua", NEW_PASSWORD);
    assertThat(api.send("PATCH", "/api/v1/users/admin", second, "{\"active\":false}").status()).isEqualTo(200);
    // now admin-dua is the last one: demoting it is refused, by itself
    Api.Response r = api.send("PATCH", "/api/v1/users/admin-dua", second, "{\"role\":\"manager\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("LAST_ADMIN");
    // the disabled admin's token is refused at once
    assertThat(api.get("/api/v1/users", admin).status()).isEqualTo(401);
  }

  @Test
  void twoAdminsDisablingEachOtherAtOnceLeaveOneOfThem() throws Exception {
    assertThat(api.post("/api/v1/users", admin, new JsonObject().put("username", "admin-dua")
        .put("password", NEW_PASSWORD).put("role", "admin")).status()).isEqualTo(201);
    String[] tokens = {admin, api.login("admin-dua", NEW_PASSWORD)};
    for (int round = 0; round < 3; round++) {
      String first = tokens[0];
      String second = tokens[1];
      var one = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> api.send("PATCH", "/api/v1/users/admin-dua", first, "{\"active\":false}"));
      var two = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> api.send("PATCH", "/api/v1/users/admin", second, "{\"active\":false}"));
      List<Api.Response> answers = List.of(one.get(), two.get());
      long active = users(f.login("manager")).stream().map(o -> (JsonObject) o)
          .filter(u -> u.getString("role").equals("admin") && u.getBoolean("active")).count();
      assertThat(active).as(answers.toString()).isEqualTo(1);
      assertThat(answers.stream().map(Api.Response::status).sorted().toList()).as(answers.toString())
          .isIn(List.of(200, 409), List.of(200, 401));
      // both active again for the next round, each with a fresh sign-in
      String still = answers.get(0).status() == 200 ? "admin" : "admin-dua";
      String token = api.login(still, still.equals("admin") ? TestServer.PASSWORD : NEW_PASSWORD);
      String other = still.equals("admin") ? "admin-dua" : "admin";
      assertThat(api.send("PATCH", "/api/v1/users/" + other, token, "{\"active\":true}").status()).isEqualTo(200);
      tokens[0] = api.login("admin", TestServer.PASSWORD);
      tokens[1] = api.login("admin-dua", NEW_PASSWORD);
    }
  }

  @Test
  void aRoleChangeADeactivationAndAPasswordResetEndTheUsersSignInsAtOnce() {
    String officer = f.login("petugas-dukcapil");
    long t0 = System.nanoTime();
    Api.Response r = api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"role\":\"supervisor\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getString("agency")).isEqualTo("DUKCAPIL");
    assertThat(api.get("/api/v1/counters/1", officer).status()).isEqualTo(401);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);

    String supervisor = f.login("petugas-dukcapil");
    assertThat(api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"password\":\"" + NEW_PASSWORD + "\"}")
        .status()).isEqualTo(200);
    assertThat(api.get("/api/v1/counters/1", supervisor).status()).isEqualTo(401);
    String again = api.login("petugas-dukcapil", NEW_PASSWORD);

    // a display name alone ends nothing
    assertThat(api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"displayName\":\"Bu Rina\"}").status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/counters/1", again).status()).isEqualTo(200);

    assertThat(api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"active\":false}").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/counters/1", again).status()).isEqualTo(401);
    assertThat(api.post("/api/v1/auth/login", null, new JsonObject().put("username", "petugas-dukcapil")
        .put("password", NEW_PASSWORD)).status()).isEqualTo(401);
  }

  @Test
  void anotherNodeRefusesTheEndedSignInsAndARotatedDeviceTokenWithinTwoSeconds() {
    io.vertx.core.Vertx otherVertx = io.vertx.core.Vertx.vertx();
    // same hall, same database, no event bus between them: the once-a-second re-read alone
    TestServer other = TestServer.start(otherVertx, HallFixture.builder().config(f.db), f.clock);
    try {
      String officer = f.login("petugas-polres");
      String kiosk = api.post("/api/v1/devices", admin, new JsonObject().put("id", "kiosk-9").put("kind", "kiosk")
          .put("name", "Anjungan 9")).json().getString("token");
      assertThat(other.api.get("/api/v1/counters", officer).status()).isEqualTo(200);
      assertThat(other.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status()).isEqualTo(201);

      long t0 = System.nanoTime();
      assertThat(api.send("PATCH", "/api/v1/users/petugas-polres", admin, "{\"agency\":\"DUKCAPIL\"}").status())
          .isEqualTo(200);
      assertThat(api.post("/api/v1/devices/kiosk-9/rotate", admin, (String) null).status()).isEqualTo(200);
      Eventually.until("refused on the other node", () -> other.api.get("/api/v1/counters", officer).status() == 401
          && other.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status() == 401);
      assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until the other node refused").isLessThan(2000);
    } finally {
      other.close();
      otherVertx.close().await();
    }
  }

  @Test
  void oneOwnPasswordChangeKeepsThisSignInAndEndsTheOthers() {
    String here = f.login("petugas-dukcapil");
    String elsewhere = f.login("petugas-dukcapil");
    Api.Response wrong = api.post("/api/v1/auth/password", here,
        new JsonObject().put("current", "bukan-sandinya-1").put("new", NEW_PASSWORD));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.code()).isEqualTo("WRONG_PASSWORD");
    Api.Response weak = api.post("/api/v1/auth/password", here,
        new JsonObject().put("current", TestServer.PASSWORD).put("new", "petugas-dukcapil1"));
    assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
    assertThat(api.get("/api/v1/counters/1", elsewhere).status()).isEqualTo(200);

    assertThat(api.post("/api/v1/auth/password", here,
        new JsonObject().put("current", TestServer.PASSWORD).put("new", NEW_PASSWORD)).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/counters/1", here).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/counters/1", elsewhere).status()).isEqualTo(401);
    assertThat(api.login("petugas-dukcapil", NEW_PASSWORD)).isNotEmpty();
    assertThat(api.post("/api/v1/auth/login", null, new JsonObject().put("username", "petugas-dukcapil")
        .put("password", TestServer.PASSWORD)).status()).isEqualTo(401);
    // a device has no password
    assertThat(api.post("/api/v1/auth/password", f.kioskToken(),
        new JsonObject().put("current", "a-b-c-d-e-f").put("new", NEW_PASSWORD)).status()).isEqualTo(403);
  }
}
