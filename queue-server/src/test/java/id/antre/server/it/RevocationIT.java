package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing out, deactivating a user and revoking a device take effect at once, on every node, for HTTP and sockets. */
@CoreLane
class RevocationIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  HallFixture f;
  WsClient ws;
  Vertx otherVertx;
  TestServer otherNode;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
  }

  @AfterEach
  void stop() {
    if (ws != null) {
      ws.close();
    }
    if (otherNode != null) {
      otherNode.close();
      otherVertx.close().await();
    }
    f.close();
  }

  static JsonObject subscribe(String token, String... topics) {
    return new JsonObject().put("type", "subscribe").put("topics", new JsonArray(List.of(topics))).put("token", token)
        .put("terminal", "t-1");
  }

  static void eventually(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aSignedOutTokenIsRefusedAtOnceAndItsSocketIsClosed() throws Exception {
    String officer = f.hall.login("petugas-dukcapil");
    ws = new WsClient(f.hall.server.port());
    ws.send(subscribe(officer, "counter:1"));
    ws.next("snapshot");

    assertThat(f.hall.api.post("/api/v1/auth/logout", officer, (String) null).status()).isEqualTo(204);
    Api.Response after = f.hall.api.get("/api/v1/counters", officer);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
    assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
    // a second sign-out of the same token is refused, and a new sign-in works
    assertThat(f.hall.api.post("/api/v1/auth/logout", officer, (String) null).status()).isEqualTo(401);
    assertThat(f.hall.api.get("/api/v1/counters", f.hall.login("petugas-dukcapil")).status()).isEqualTo(200);
  }

  @Test
  void aDeactivatedUsersTokensAreRefusedAndStayRefusedAfterReactivation() {
    String admin = f.hall.login("admin");
    String officer = f.hall.login("petugas-dukcapil");
    Api.Response off = f.hall.api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"active\":false}");
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().getBoolean("active")).isFalse();

    assertThat(f.hall.api.get("/api/v1/counters", officer).status()).isEqualTo(401);
    Api.Response login = f.hall.api.post("/api/v1/auth/login", null,
        new JsonObject().put("username", "petugas-dukcapil").put("password", TestServer.PASSWORD));
    assertThat(login.status()).isEqualTo(401);

    assertThat(f.hall.api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"active\":true}").status())
        .isEqualTo(200);
    assertThat(f.hall.api.get("/api/v1/counters", officer).status()).isEqualTo(401);
    assertThat(f.hall.api.get("/api/v1/counters", f.hall.login("petugas-dukcapil")).status()).isEqualTo(200);
  }

  @Test
  void onlyAdministratorsChangeAccountsAndDevicesAndBadInputChangesNothing() {
    String manager = f.hall.login("manager");
    String admin = f.hall.login("admin");
    assertThat(f.hall.api.send("PATCH", "/api/v1/users/petugas-dukcapil", manager, "{\"active\":false}").status())
        .isEqualTo(403);
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/kiosk-1", manager, null).status()).isEqualTo(403);
    assertThat(f.hall.api.send("PATCH", "/api/v1/users/nobody", admin, "{\"active\":false}").code())
        .isEqualTo("NOT_FOUND");
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/nothing", admin, null).code()).isEqualTo("NOT_FOUND");
    assertThat(f.hall.api.send("PATCH", "/api/v1/users/petugas-dukcapil", admin, "{\"active\":\"no\"}").code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(f.hall.api.send("PATCH", "/api/v1/users/admin", admin, "{\"active\":false}").code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(f.hall.api.send("PATCH", "/api/v1/users/petugas%00dukcapil", admin, "{\"active\":false}").code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/kiosk-1%00", admin, null).code()).isEqualTo("INVALID_REQUEST");
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/" + "k".repeat(300), admin, null).code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(f.hall.api.get("/api/v1/counters", f.hall.login("petugas-dukcapil")).status()).isEqualTo(200);
    assertThat(f.hall.api.post("/api/v1/tickets", f.hall.kioskToken(), new JsonObject().put("service", "KTP")).status())
        .isEqualTo(201);
  }

  @Test
  void aRevokedDeviceIsRefusedAtOnceAndItsSocketIsClosed() throws Exception {
    String kiosk = f.hall.kioskToken();
    assertThat(f.hall.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status())
        .isEqualTo(201);
    ws = new WsClient(f.hall.server.port());
    ws.send(subscribe(kiosk, "printer:kiosk-1"));
    ws.next("snapshot");

    String admin = f.hall.login("admin");
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/kiosk-1", admin, null).status()).isEqualTo(204);
    Api.Response refused = f.hall.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
  }

  @Test
  void aNodeThatMissesTheMessageStillRefusesARevokedSignInAndDeviceSoonAndClosesItsSockets() throws Exception {
    // a second node on the same database, outside the first one's event bus: it hears nothing
    otherVertx = Vertx.vertx();
    otherNode = TestServer.start(otherVertx, HallFixture.builder().config(f.db), f.clock); // same hall, same database
    String officer = f.hall.login("petugas-dukcapil");
    String kiosk = f.hall.kioskToken();
    assertThat(otherNode.api.get("/api/v1/counters", officer).status()).isEqualTo(200);
    assertThat(otherNode.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status())
        .isEqualTo(201);
    ws = new WsClient(otherNode.server.port());
    ws.send(subscribe(officer, "counter:1"));
    ws.next("snapshot");

    assertThat(f.hall.api.post("/api/v1/auth/logout", officer, (String) null).status()).isEqualTo(204);
    assertThat(f.hall.api.send("DELETE", "/api/v1/devices/kiosk-1", f.hall.login("admin"), null).status())
        .isEqualTo(204);

    eventually(() -> otherNode.api.get("/api/v1/counters", officer).status() == 401, "signed-out token refused");
    eventually(() -> otherNode.api.post("/api/v1/tickets", kiosk, new JsonObject().put("service", "KTP")).status() == 401,
        "revoked kiosk refused");
    assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
  }

  @Test
  void aSocketWhoseSignInExpiresIsClosedAtTheNextHeartbeat() throws Exception {
    // a heartbeat every second instead of 15: the test waits for the next one
    f.close();
    f = HallFixture.builder().at(Instant.parse("2026-11-30T02:00:00Z")).realHours(false)
        .gateway(new GatewayOptions(256 * 1024, 1_000, 60_000, List.of())).start();
    String officer = f.hall.login("petugas-dukcapil");
    ws = new WsClient(f.hall.server.port());
    ws.send(subscribe(officer, "counter:1"));
    ws.next("snapshot");
    f.clock.advance(Duration.ofHours(11));
    assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
  }
}
