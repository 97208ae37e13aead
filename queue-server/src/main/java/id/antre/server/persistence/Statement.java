package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement of {@link Sql} with named parameters ({@code #{service}}), made once per store.
 * PostgreSQL gets the same text with {@code $1..$n}, one number per name, so a name used twice is
 * one parameter of one type. A call gives every name the statement uses and no other: the
 * template would send null for a misspelt name, this fails the call instead.
 */
final class Statement {
  /** The template's own syntax; {@code {QUEUED}} guards of {@link LifecycleSql} are filled before. */
  private static final Pattern PARAMETER = Pattern.compile("#\\{(\\w+)}");

  private final String sql;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> template;
  private final Set<String> names;

  Statement(SqlClient client, String sql) {
    this.sql = sql;
    this.template = SqlTemplate.forQuery(client, sql);
    this.names = names(sql);
  }

  /**
   * The same statement on one connection (a transaction's). A template of Vert.x 5.0 is bound to
   * the client it was made with, so this reads the text again: for the rare transactions only.
   */
  Statement on(SqlClient connection) {
    return new Statement(connection, sql);
  }

  /** The parameter names of a statement, in order of first use. */
  static Set<String> names(String sql) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = PARAMETER.matcher(sql);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Runs the statement with names and values alternating: {@code "service", "A", "day", day}. Values may be null. */
  Future<RowSet<Row>> execute(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      return Future.failedFuture(new IllegalArgumentException("a name without a value"));
    }
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return execute(params);
  }

  /** Runs the statement with these parameters, which must be exactly the statement's names. */
  Future<RowSet<Row>> execute(Map<String, Object> params) {
    if (!params.keySet().equals(names)) {
      return Future.failedFuture(new IllegalArgumentException(
          "the statement takes " + names + ", not " + params.keySet()));
    }
    return template.execute(params);
  }
}
