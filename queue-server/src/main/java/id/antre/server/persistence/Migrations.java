package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered, forward-only migrations under {@code db/migration/} at start-up. Several
 * nodes may start at once: an advisory lock lets one apply them while the others wait.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** Listed, not scanned: a classpath scan differs between a jar and a folder. */
  public static final List<String> FILES = List.of("V001__queue_core.sql", "V002__print_jobs.sql",
      "V003__counter_services.sql",
      "V004__waiting_index.sql",
      "V005__claim_function.sql",
      "V006__running_text.sql",
      "V007__revocation_and_agent_connection.sql",
      "V009__waiting_count.sql",
      "V010__statistics.sql",
      "V011__survey.sql",
      "V012__cluster_liveness.sql",
      "V013__call_index.sql",
      "V014__jobs_and_expiry.sql",
      "V015__admin_users_devices_audit.sql",
      "V016__live_configuration.sql",
      "V017__booking.sql",
      "V018__open_index_without_waiting.sql",
      "V019__booking_functions_one_row.sql");
  private static final long LOCK_KEY = 0x616e747265L; // "antre"

  private Migrations() {
  }

  public static Future<Integer> apply(Pool pool) {
    // no statement_timeout here: another node may hold the lock while it migrates (see the statement)
    return pool.withTransaction(conn -> conn.query(Sql.MIGRATION_NO_TIMEOUT).execute()
        .compose(v -> conn.query(Sql.MIGRATION_LOCK.replace("$KEY", Long.toString(LOCK_KEY))).execute())
        .compose(v -> conn.query(Sql.MIGRATION_TABLE).execute())
        .compose(v -> conn.query(Sql.MIGRATION_APPLIED).execute())
        .compose(rows -> {
          List<Integer> applied = new ArrayList<>();
          rows.forEach(r -> applied.add(r.getInteger(0)));
          Future<Integer> chain = Future.succeededFuture(0);
          for (String file : FILES) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            if (applied.contains(version)) {
              continue;
            }
            chain = chain.compose(n -> conn.query(read(file)).execute()
                .compose(r -> conn.preparedQuery(Sql.MIGRATION_RECORD).execute(Tuple.of(version, file)))
                .map(r -> {
                  LOG.info("applied migration {}", file);
                  return n + 1;
                }));
          }
          return chain;
        }));
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the classpath: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
