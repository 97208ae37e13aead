package id.antre.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.it.HallFixture;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.impl.SqlClientInternal;
import io.vertx.sqlclient.templates.impl.SqlTemplate;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every statement the server keeps as a constant in {@code persistence} prepares as it is, on the
 * real schema, and is short enough for the client's statement cache. A statement that does not
 * (PostgreSQL cannot type one of its parameters, or it is over the cache's length limit) still
 * works: the client prepares it again, with the parameter types, on every execution, and caches
 * none of it. That cost call-next a failed parse, a parse and a fresh plan per call (the
 * {@code priority_streak = CASE ... THEN $n} of {@code CALL_NEXT} without a cast), about half of
 * PostgreSQL's work per call, with an ERROR line in its log each time, and nothing failed.
 */
@CoreLane
class StatementsPrepareIT {
  /** What a text must look like to be a statement; other string constants (names, fragments) are skipped. */
  private static final Pattern STATEMENT = Pattern.compile("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b",
      Pattern.CASE_INSENSITIVE);
  /** A guard of {@link LifecycleSql} not yet filled in: a template, not a statement. */
  private static final Pattern UNFILLED = Pattern.compile("(?<!#)\\{[A-Z_]+(:\\w+)?}");
  /**
   * Statements that cannot be prepared by design: several statements in one text, or a number
   * written in before it is sent. Each is sent as a simple query.
   */
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
  private static final Set<String> NOT_PREPARED = Set.of("Sql.MIGRATION_NO_TIMEOUT", "Sql.MIGRATION_LOCK",
      "Sql.START_LOCK", "Sql.START_UNLOCK");

  @Test
  void everyStatementPreparesWithoutParameterTypesAndFitsTheCache() throws Exception {
    Map<String, String> statements = statements();
    assertThat(statements).as("the statements found").containsKeys("Sql.CALL_NEXT", "Sql.ISSUE", "Sql.TRANSITION",
        "BookingSql.BOOK", "JobStore.CLAIM").hasSizeGreaterThan(60);
    Predicate<String> cached = Db.connectOptions(new DbConfig("127.0.0.1", 1, "x", "x", "x", 1))
        .getPreparedStatementCacheSqlFilter();
    List<String> problems = new ArrayList<>();
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      statements.forEach((name, sql) -> {
        String text = SqlTemplate.create((SqlClientInternal) fixture.pool, sql).getSql();
        if (!cached.test(text)) {
          problems.add(name + ": " + text.length() + " characters, over the statement cache's limit");
        }
        try {
          fixture.pool.withConnection(c -> c.prepare(text).compose(ps -> ps.close())).await();
        } catch (RuntimeException e) {
          problems.add(name + ": " + e.getMessage());
        }
      });
    }
    assertThat(problems).as("statements that the client would prepare again on every execution").isEmpty();
  }

  /**
   * The morning of a hall with history: the table's statistics know only earlier days (10 % of a
   * large table must change before it is analysed again), and today's queue is not in them. A
   * cached generic plan then once read the queue through {@code ticket_open_by_day}, every open
   * ticket of the day in the whole hall filtered down to one service: each issue, position lookup
   * and check-in read thousands of rows. Since V018 that index holds no WAITING ticket; only the
   * closing job, the held tickets and the services in use may plan through it, and the issue
   * counts through {@code ticket_waiting}. The same plans showed a booking joined to its ticket by
   * a hash of the whole ticket table (V019).
   */
  @Test
  void readsOfTheQueueKeepToItsIndexWhenTheStatisticsKnowOnlyEarlierDays() throws Exception {
    Map<String, String> statements = statements();
    Map<String, String> plans = new TreeMap<>();
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      fixture.pool.withConnection(c -> c.query("""
          INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                              issued_at, queued_at, finished_at, ahead_at_issue, minutes_per_person)
          SELECT s, s, DATE '2026-11-27', 'A', g, 'DONE', 'kiosk', md5(g::text), now(), now(), now(), 0, 8
          FROM generate_series(1, 5000) g, (VALUES ('KTP'), ('KK')) v(s)""").execute()
          .compose(r -> c.query("ANALYZE ticket").execute())
          // today's queue, after the statistics were taken
          .compose(r -> c.query("""
              INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                                  issued_at, queued_at, ahead_at_issue, minutes_per_person)
              SELECT 'KK', 'KK', DATE '2026-11-30', 'B', g, 'WAITING', 'kiosk', md5(g::text), now(), now(), 0, 8
              FROM generate_series(1, 2000) g""").execute())
          .compose(r -> c.query("SET plan_cache_mode = force_generic_plan").execute())
          .compose(r -> {
            Future<Void> chain = Future.succeededFuture();
            for (Map.Entry<String, String> s : statements.entrySet()) {
              String text = SqlTemplate.create((SqlClientInternal) fixture.pool, s.getValue()).getSql();
              int parameters = PARAMETER.matcher(text).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
              String nulls = parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
              chain = chain.compose(v -> c.query("PREPARE plan_check AS " + text).execute())
                  .compose(v -> c.query("EXPLAIN EXECUTE plan_check" + nulls).execute())
                  .map(rows -> {
                    StringBuilder plan = new StringBuilder();
                    rows.forEach(row -> plan.append(row.getString(0)).append('\n'));
                    plans.put(s.getKey(), plan.toString());
                    return null;
                  })
                  .compose(v -> c.query("DEALLOCATE plan_check").execute()).mapEmpty();
            }
            return chain;
          })).await();
    }
    assertThat(plans.keySet()).containsAll(statements.keySet());
    assertThat(plans.get("Sql.ISSUE")).as("the issue's plan").contains("ticket_waiting");
    assertThat(plans.get("Sql.AHEAD_OF")).as("the position's plan").contains("ticket_waiting");
    assertThat(plans.get("HousekeepingStore.CLOSE_DAY")).as("the closing job's plan").contains("ticket_open_by_day");
    // a booking's row joined to its ticket (V019), and the open tickets of retired services, by index
    for (String name : List.of("BookingSql.BOOK", "BookingSql.RESCHEDULE", "ConfigSql.SERVICES_IN_USE")) {
      assertThat(plans.get(name)).as(name + "'s plan").doesNotContain("Seq Scan on ticket");
    }
    // the reads of the statuses the index holds: the held tickets, the day's leftovers, the services in use
    Set<String> openByDay = Set.of("HousekeepingStore.CLOSE_DAY", "Sql.HELD_TICKETS", "ConfigSql.SERVICES_IN_USE");
    plans.forEach((name, plan) -> {
      if (!openByDay.contains(name)) {
        assertThat(plan).as(name + "'s plan").doesNotContain("ticket_open_by_day");
      }
    });
  }

  @Test
  void theCacheTakesStatementsLongerThanTheClientsDefault() {
    SqlConnectOptions options = Db.connectOptions(new DbConfig("127.0.0.1", 1, "x", "x", "x", 1));
    assertThat(options.getCachePreparedStatements()).isTrue();
    assertThat(options.getPreparedStatementCacheSqlFilter().test("x".repeat(6000))).isTrue();
  }

  /** The string constants of the package's classes that are statements, by "Class.FIELD". */
  static Map<String, String> statements() throws Exception {
    File where = new File(Sql.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = Sql.class.getPackageName().replace('.', '/') + "/";
    List<String> classes = new ArrayList<>();
    if (where.isDirectory()) {
      for (String file : new File(where, pkg).list((d, n) -> n.endsWith(".class"))) {
        classes.add(file.replace(".class", ""));
      }
    } else {
      // the failsafe run puts the packaged jar on the class path
      try (JarFile jar = new JarFile(where)) {
        jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(pkg) && n.endsWith(".class")
            && n.indexOf('/', pkg.length()) < 0).forEach(n -> classes.add(n.substring(pkg.length(), n.length() - 6)));
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (String simple : classes) {
      Class<?> c = Class.forName(Sql.class.getPackageName() + "." + simple);
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          String sql = (String) f.get(null);
          String name = c.getSimpleName() + "." + f.getName();
          if (sql != null && STATEMENT.matcher(sql).find() && !NOT_PREPARED.contains(name)
              && !UNFILLED.matcher(sql).find()) {
            out.put(name, sql);
          }
        }
      }
    }
    return out;
  }
}
