package id.antre.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.impl.SqlClientInternal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Named parameters as PostgreSQL gets them. The client is never connected: nothing here reaches
 * a database.
 */
class StatementTest {
  static Vertx vertx;
  static SqlClient client;

  @BeforeAll
  static void client() {
    vertx = Vertx.vertx();
    client = Db.client(vertx, new DbConfig("127.0.0.1", 1, "none", "none", "none", 1), Duration.ofSeconds(1));
  }

  @AfterAll
  static void close() {
    client.close().await();
    vertx.close().await();
  }

  @Test
  void aNameUsedTwiceIsOneParameter() {
    // what CALL_NEXT and TRANSITION rely on: one number, so one type, per name
    assertThat(prepared("SELECT #{a} WHERE x = #{b} AND y = #{a}::text"))
        .isEqualTo("SELECT $1 WHERE x = $2 AND y = $1::text");
  }

  @Test
  void theStatementsKeepTheirTextWithNumberedParameters() {
    for (String sql : List.of(Sql.ISSUE, Sql.CALL_NEXT, Sql.CALL_TICKET, Sql.TRANSITION, Sql.TRANSFER)) {
      String prepared = prepared(sql);
      assertThat(prepared).doesNotContain("#{").containsPattern("\\$1\\b");
      assertThat(prepared.replaceAll("\\$\\d+", "?")).isEqualTo(sql.replaceAll("#\\{\\w+}", "?"));
    }
    // the guards are filled before the parameters are named, and the partial indexes still match
    assertThat(prepared(Sql.QUEUES)).isEqualTo(Sql.QUEUES.replace("#{day}", "$1")).contains("status = 'WAITING'");
  }

  /** The text PostgreSQL prepares (Vert.x 5.0 shows it only on the template's implementation). */
  private static String prepared(String sql) {
    return io.vertx.sqlclient.templates.impl.SqlTemplate.create((SqlClientInternal) client, sql).getSql();
  }

  @Test
  void aMissingOrMisspeltNameFailsTheCallBeforeTheDatabase() {
    Statement s = new Statement(client, "SELECT #{service}, #{day}");
    assertThat(Statement.names(Sql.CALLS_AFTER)).containsExactly("afterEvent", "zone", "limit");
    assertFailsWithoutSending(s.execute("service", "A"));
    assertFailsWithoutSending(s.execute("service", "A", "dya", null));
    assertFailsWithoutSending(s.execute("service", "A", "day", null, "extra", 1));
    assertFailsWithoutSending(s.execute("service", "A", "day"));
  }

  private static void assertFailsWithoutSending(Future<?> f) {
    // failed at once: a call that reached for the (absent) database would still be pending
    assertThat(f.failed()).isTrue();
    assertThat(f.cause()).isInstanceOf(IllegalArgumentException.class);
  }
}
