package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo hall as a newcomer meets it, and a bad hall file refused at start. */
@CoreLane
class DemoHallIT {

  @Test
  void theDemoHallIsCirebonWithItsTenantsAndIsOpenOnASundayNightWithNumbersRestartingAtJakartaMidnight() {
    try (HallFixture fixture = HallFixture.builder().demoHall().at(Instant.parse("2026-11-29T16:58:00Z")) // Sunday 23:58 WIB
        .start()) {
      TestServer hall = fixture.hall;
      MutableClock clock = fixture.clock;
      JsonObject h = hall.api.get("/api/v1/hall", null).json();
      assertThat(h.getString("subtitle")).isEqualTo("KABUPATEN CIREBON");
      assertThat(h.getJsonArray("agencies").stream().map(a -> ((JsonObject) a).getString("code")).toList())
          .contains("DUKCAPIL", "POLRES", "SAMSAT", "KPP", "BPJSTK", "BPN", "DINSOS", "DINKES", "DPMPTSP");
      assertThat(h.getJsonArray("counters").size()).isBetween(18, 24);
      for (String user : new String[] {"admin", "manager", "petugas-dukcapil", "petugas-polres", "petugas-dpmptsp"}) {
        assertThat(hall.login(user)).startsWith("u1.");
      }
      JsonObject body = new JsonObject().put("service", "KTP");
      assertThat(hall.api.post("/api/v1/tickets", hall.kioskToken(), body).json().getString("number")).isEqualTo("A001");
      assertThat(hall.api.post("/api/v1/tickets", hall.kioskToken(), body).json().getString("number")).isEqualTo("A002");
      clock.advance(Duration.ofMinutes(3)); // 00:01 WIB Monday, still Sunday in UTC
      assertThat(hall.api.post("/api/v1/tickets", hall.kioskToken(), body).json().getString("number")).isEqualTo("A001");
    }
  }

  @Test
  void aBadHallFileIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    HallFixture fixture = HallFixture.builder().noNode().start();
    Vertx vertx = fixture.vertx;
    DbConfig db = fixture.db;
    Path bad = Files.createTempFile("hall", ".yaml");
    String text = Files.readString(Path.of(TestServer.resourcePath("/halls/small.yaml")))
        .replace("prefix: B,", "prefix: b2,");
    Files.writeString(bad, text);
    ServerConfig config = new ServerConfig(0, db, Optional.of(bad.toString()), false, true, Optional.empty(),
        Duration.ofHours(1), 1, "http://127.0.0.1:0",
        id.antre.server.realtime.GatewayOptions.defaults());
    AntreServer server = new AntreServer(vertx, config, java.time.Clock.systemUTC());
    try {
      assertThatThrownBy(() -> server.start().await())
          .hasMessageContaining("agencies[0].services[1].prefix")
          .hasMessageContaining("b2");
      assertThat(TestDb.count(fixture.pool, "SELECT count(*) FROM hall").await()).isZero();
      assertThat(TestDb.count(fixture.pool, "SELECT count(*) FROM service").await()).isZero();
    } finally {
      server.stop().await();
      Files.deleteIfExists(bad);
      fixture.close();
    }
  }
}
