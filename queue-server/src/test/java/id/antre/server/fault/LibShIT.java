package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.FaultLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/lib.sh creates the role and database on the PostgreSQL that ANTRE_DB_HOST/PORT name,
 * not on the default port: shown on the fault tests' cluster, which is never the default (so
 * not on {@code HallFixture}, whose databases are on the default one).
 */
@FaultLane
class LibShIT {

  @Test
  void ensurePostgresCreatesTheDatabaseOnThePortItIsGiven() throws Exception {
    FaultCluster cluster = FaultCluster.find();
    Path lib = Path.of("..", "scripts", "lib.sh").toAbsolutePath().normalize();
    assertThat(Files.exists(lib)).as(lib.toString()).isTrue();
    String name = "antre_libsh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". \"$1\" && ensure_postgres", "lib", lib.toString())
        .redirectErrorStream(true);
    pb.environment().put("ANTRE_DB_HOST", "127.0.0.1");
    pb.environment().put("ANTRE_DB_PORT", Integer.toString(cluster.port));
    pb.environment().put("ANTRE_DB_NAME", name);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();

    Vertx vertx = Vertx.vertx();
    DbConfig db = new DbConfig("127.0.0.1", cluster.port, name, cluster.base.user(), cluster.base.password(), 1);
    Pool pool = FaultCluster.pool(vertx, db);
    try {
      String owner = pool.query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
          .execute().await().iterator().next().getString(0);
      assertThat(owner).isEqualTo(cluster.base.user());
    } finally {
      pool.close().await();
      cluster.dropDatabase(vertx, db);
      vertx.close().await();
    }
    // and nothing of that name on the main cluster's default port
    String main = FaultCluster.run(List.of("runuser", "-u", "postgres", "--", "psql", "-Atc",
        "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"), true).trim();
    assertThat(main).isEqualTo("0");
  }
}
