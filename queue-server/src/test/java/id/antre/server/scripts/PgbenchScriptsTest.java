package id.antre.server.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pgbench scripts of {@code scripts/bench.d} run the statements they claim to copy, so that
 * "pgbench with the same SQL" in the benchmark stays true when a statement changes (they drifted
 * once: the booking queue time and the planned-services guard were missing from the copies).
 *
 * <p>Each copy is the original's text with its parameters ({@code #{name}} of {@code Sql},
 * {@code $n} of {@code BareServer}) replaced by the script's expressions, as the table below says.
 * The test does that replacement and compares, after dropping {@code --} comments, pgbench
 * meta-commands ({@code \set}, {@code \gset}) and a trailing semicolon, and collapsing whitespace
 * (also around parentheses and before commas). Every parameter of the original must be in the table
 * and every entry of the table used. The originals are read by reflection (they are package
 * private) as the server runs them, lifecycle guards and booking slot filled in. A parameter the
 * server casts ({@code #{counter}::text}) comes out cast twice in the script, which is the same cast.
 *
 * <p>What may differ: in {@code call-next.sql}, the column list of each statement's final
 * {@code SELECT} (the script keeps the columns it {@code \gset}s: the called ticket's id, which the
 * no-show needs). Everything else, the final {@code FROM} included, must match. The issue scripts
 * are compared whole.
 */
class PgbenchScriptsTest {

  /** A statement a script copies: from which class and constant, with which parameter values. */
  record Copy(String className, String constant, Map<String, String> parameters, boolean projectionMayDiffer) {
    String origin() {
      return className.substring(className.lastIndexOf('.') + 1) + "." + constant;
    }
  }

  private static final String SQL = "id.antre.server.persistence.Sql";
  private static final String BARE = "id.antre.server.bench.BareServer";

  /** The counter of pgbench client k (0-based) is 101+k; scripts/bench rewrites the services. */
  private static final String COUNTER = "(:client_id::int + 101)::text";
  private static final String COUNTER_SERVICES = "ARRAY['C' || (:client_id::int + 1)]";
  private static final String SERVICE = "('S' || :s)";

  /** Each script and the statements it runs, in order. */
  static final Map<String, List<Copy>> SCRIPTS = Map.of(
      "issue.sql", List.of(new Copy(SQL, "ISSUE", params(
          "service", SERVICE, "day", ":day", "quota", "100000", "prefix", "'PB'", "priority", "NULL",
          "channel", "'kiosk'", "trackingToken", "md5(random()::text)", "requestId", "NULL", "now", "now()",
          "minutesPerPerson", "8", "printKiosk", "NULL::text"), false)),
      "issue-minimal.sql", List.of(new Copy(BARE, "ISSUE", params(
          "1", SERVICE, "2", ":day", "3", "md5(random()::text)"), false)),
      "call-next.sql", List.of(
          new Copy(SQL, "CALL_NEXT", params(
              "counter", COUNTER, "day", ":day", "services", COUNTER_SERVICES, "priorityFirst", "true",
              "transfersFirst", "true", "officer", "'petugas-pgbench'", "now", "now()", "requestId", "NULL",
              "plannedStreak", "0", "plannedServices", "NULL", "plannedWeights", "'{}'",
              "streakAfterPriority", "1", "streakAfterRegular", "0"), true),
          new Copy(SQL, "TRANSITION", params(
              "ticket", ":called", "from", "'CALLED'", "to", "'NO_SHOW'", "recallCount", "0",
              "eventType", "'NO_SHOW'", "now", "now()", "outcome", "NULL::text", "counter", COUNTER,
              "officer", "'petugas-pgbench'", "requestId", "NULL", "data", "NULL",
              "counterKeepsTicket", "false"), true)));

  private static final Pattern NAMED = Pattern.compile("#\\{(\\w+)}");
  private static final Pattern POSITIONAL = Pattern.compile("\\$(\\d+)");

  @Test
  void everyPgbenchScriptRunsTheStatementsItCopies() throws IOException {
    Path dir = ScriptsParseTest.root().resolve("scripts/bench.d");
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, List<Copy>> script : new TreeMap<>(SCRIPTS).entrySet()) {
      Path file = dir.resolve(script.getKey());
      List<String> statements = statements(Files.readString(file, StandardCharsets.UTF_8));
      List<Copy> copies = script.getValue();
      if (statements.size() != copies.size()) {
        failures.add("scripts/bench.d/" + script.getKey() + " has " + statements.size() + " statements, "
            + copies.size() + " expected (" + copies.stream().map(Copy::origin).toList() + ")");
        continue;
      }
      for (int i = 0; i < copies.size(); i++) {
        Copy copy = copies.get(i);
        String expected = normalise(substitute(copy, constant(copy)));
        String actual = normalise(statements.get(i));
        if (copy.projectionMayDiffer()) {
          expected = withoutProjection(expected);
          actual = withoutProjection(actual);
        }
        if (!expected.equals(actual)) {
          failures.add("scripts/bench.d/" + script.getKey() + ", statement " + (i + 1) + ", is no longer "
              + copy.origin() + " (update the script, or the parameter table in " + getClass().getSimpleName()
              + " if a parameter changed). Where they part, " + copy.origin() + ": " + around(expected, actual)
              + ", the script: " + around(actual, expected)
              + "\n  " + copy.origin() + " with the script's parameters:\n    " + expected
              + "\n  the script:\n    " + actual);
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n\n", failures));
    }
  }

  @Test
  void everyPgbenchScriptIsChecked() throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(ScriptsParseTest.root().resolve("scripts/bench.d"))) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql") || n.endsWith(".pgbench"))
          .forEach(found::add);
    }
    assertThat(found).as("the pgbench scripts of scripts/bench.d: each needs its row in "
        + getClass().getSimpleName() + ".SCRIPTS").containsExactlyInAnyOrderElementsOf(SCRIPTS.keySet());
  }

  @Test
  void theOneServiceVariantOfCallNextStillFindsItsServices() throws IOException {
    // scripts/bench makes the one-service variant with sed on this exact text
    String bench = Files.readString(ScriptsParseTest.root().resolve("scripts/bench"), StandardCharsets.UTF_8);
    assertThat(bench).contains("s/ARRAY\\['C' || (:client_id::int + 1)\\]/ARRAY['C1']/");
    assertThat(Files.readString(ScriptsParseTest.root().resolve("scripts/bench.d/call-next.sql"), StandardCharsets.UTF_8))
        .contains(COUNTER_SERVICES + "::text[]");
  }

  @Test
  void aChangedWordIsADifference() {
    String script = "WITH u AS (SELECT 1 FROM t WHERE a = :x) SELECT u.id FROM u";
    Copy copy = new Copy(SQL, "X", params("x", ":x"), true);
    String original = "WITH u AS (\n  SELECT 1 FROM t -- why\n  WHERE a = #{x}\n) SELECT u.*, {B} FROM u";
    assertThat(withoutProjection(normalise(substitute(copy, original)))).isEqualTo(withoutProjection(normalise(script)));
    assertThat(withoutProjection(normalise(substitute(copy, original.replace("WHERE a", "WHERE b")))))
        .isNotEqualTo(withoutProjection(normalise(script)));
    assertThat(withoutProjection(normalise(substitute(copy, original.replace("FROM u", "FROM v")))))
        .isNotEqualTo(withoutProjection(normalise(script)));
  }

  static Map<String, String> params(String... namesAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  /** The constant's text as the server runs it (guards and the booking slot filled in). */
  static String constant(Copy copy) {
    try {
      Field f = Class.forName(copy.className()).getDeclaredField(copy.constant());
      f.setAccessible(true);
      return (String) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no statement " + copy.origin() + " (renamed? update " + PgbenchScriptsTest.class.getSimpleName() + ")", e);
    }
  }

  /** The original with each parameter replaced by the script's expression; every one must be known and used. */
  static String substitute(Copy copy, String sql) {
    Pattern p = copy.className().equals(BARE) ? POSITIONAL : NAMED;
    Set<String> used = new LinkedHashSet<>();
    Matcher m = p.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = copy.parameters().get(m.group(1));
      if (value == null) {
        fail(copy.origin() + " takes the parameter " + m.group() + ", which the table of "
            + PgbenchScriptsTest.class.getSimpleName() + " does not give a value: add it, and the value to the script");
      }
      used.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    Set<String> unused = new TreeSet<>(copy.parameters().keySet());
    unused.removeAll(used);
    assertThat(unused).as(copy.origin() + " no longer takes these parameters of the table").isEmpty();
    return out.toString();
  }

  /** A script's SQL statements: comments and meta-commands dropped; a statement ends at ';' or at \gset. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : withoutComments(script).split("\n")) {
      String t = line.strip();
      if (t.startsWith("\\")) {
        if (t.startsWith("\\gset") || t.startsWith("\\aset")) {
          out.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        out.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString());
    }
    return out;
  }

  /** The text without {@code --} comments (outside string literals). */
  static String withoutComments(String sql) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** One line, single spaces, none inside parentheses' edges or before commas, no trailing ';'. */
  static String normalise(String sql) {
    String s = withoutComments(sql).replaceAll("\\s+", " ").strip();
    s = s.replaceAll("\\( ", "(").replaceAll(" \\)", ")").replaceAll(" ,", ",");
    return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
  }

  /** The statement with the column list of its last top-level SELECT left out. */
  static String withoutProjection(String sql) {
    int depth = 0;
    boolean quoted = false;
    int select = -1;
    List<Integer> froms = new ArrayList<>();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && sql.startsWith("SELECT ", i)) {
        select = i;
        froms.clear();
      } else if (!quoted && depth == 0 && select >= 0 && sql.startsWith(" FROM ", i)) {
        froms.add(i);
      }
    }
    if (select < 0 || froms.isEmpty()) {
      return sql;
    }
    return sql.substring(0, select) + "SELECT ..." + sql.substring(froms.get(0));
  }

  /** {@code a} from a little before where it parts from {@code b}. */
  static String around(String a, String b) {
    int i = firstDifference(a, b);
    return "..." + a.substring(Math.max(0, i - 40), Math.min(a.length(), i + 40)) + "...";
  }

  static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }
}
