package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outside demo mode: no user at all until the first admin is made, once, from ANTRE_ADMIN_PASSWORD or create-admin. */
@CoreLane
class FirstAdminIT {
  static final String PASSWORD = "Sandi-Aula-MPP-71";

  HallFixture f;
  AntreServer node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop().await();
    }
    if (f != null) {
      f.close();
    }
  }

  static ServerConfig notDemo(ServerConfig c) {
    return new ServerConfig(c.port(), c.db(), c.hallFile(), false, true, Optional.empty(), c.tokenLifetime(),
        c.verticles(), c.publicUrl(), c.gateway(), c.localPrinter(), c.audioDir(), c.limits(), c.httpIdleTimeout(),
        c.printBacklog(), c.commandDeadline());
  }

  AntreServer start(HallFixture.Builder b, Optional<AntreServer.FirstAdminFromEnv> admin) {
    node = new AntreServer(f.vertx, notDemo(b.config(f.db)), f.clock).firstAdmin(admin).start().await();
    return node;
  }

  @Test
  void theEnvironmentsPasswordMakesTheFirstAdminOnceAndIsIgnoredAfterwards() {
    HallFixture.Builder b = HallFixture.builder().noNode();
    f = b.start();
    start(b, Optional.empty());
    assertThat(f.pool.query("SELECT count(*) FROM app_user").execute().await().iterator().next().getLong(0)).isZero();
    node.stop().await();

    start(b, Optional.of(new AntreServer.FirstAdminFromEnv("kepala-it", PASSWORD)));
    Api api = new Api(node.port());
    String admin = api.login("kepala-it", PASSWORD);
    assertThat(new JsonArray(api.get("/api/v1/users", admin).body())).hasSize(1);
    assertThat(api.get("/api/v1/audit?action=user.create", admin).body()).contains("kepala-it").contains("system")
        .doesNotContain(PASSWORD);
    node.stop().await();

    // once an admin exists, another start with another password changes nothing
    start(b, Optional.of(new AntreServer.FirstAdminFromEnv("admin", "Lain-Lagi-Sandi-9")));
    api = new Api(node.port());
    assertThat(new JsonArray(api.get("/api/v1/users", api.login("kepala-it", PASSWORD)).body())).hasSize(1);
  }

  @Test
  void aWeakPasswordFromTheEnvironmentStopsTheStartAndCreateAdminRefusesASecond() {
    HallFixture.Builder b = HallFixture.builder().noNode();
    f = b.start();
    assertThatThrownBy(() -> start(b, Optional.of(new AntreServer.FirstAdminFromEnv("admin", "admin12345"))))
        .hasMessageContaining("ANTRE_ADMIN_PASSWORD refused");
    node = null;

    AntreServer.createAdmin(f.vertx, f.db, "admin", PASSWORD, f.clock).await();
    assertThatThrownBy(() -> AntreServer.createAdmin(f.vertx, f.db, "admin-2", PASSWORD, f.clock).await())
        .hasMessageContaining("an administrator exists already");
    start(b, Optional.empty());
    assertThat(new Api(node.port()).login("admin", PASSWORD)).isNotEmpty();
  }
}
