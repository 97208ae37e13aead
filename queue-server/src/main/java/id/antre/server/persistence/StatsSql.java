package id.antre.server.persistence;

/**
 * The statistics' SQL. Every figure comes from the fact tables of closed service days
 * ({@code stats_visit}, {@code stats_counter_day}) united with the same rows computed live from the
 * event logs for the days not closed yet (today), by the functions of migration V010.
 *
 * <p>Parameters common to the views: {@code from}, {@code to} (service days, inclusive),
 * {@code live} the first day not materialised (today), {@code timeZone} the hall's, {@code agency},
 * {@code service}, {@code officer} (each null for all).
 */
final class StatsSql {
  private StatsSql() {
  }

  /** The closed days of a range without their marker row: those still to be materialised. */
  static final String MISSING_DAYS = """
      SELECT d::date AS day FROM generate_series(#{from}::date, #{to}::date, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM stats_day s WHERE s.service_day = d::date) ORDER BY 1""";

  /** The first service day in the log, where a catch-up of every closed day starts. */
  static final String FIRST_DAY = "SELECT min(service_day) FROM ticket";

  /** The day's marker; no row back means another node or request materialised it already. */
  static final String MARK_DAY = """
      INSERT INTO stats_day (service_day, materialised_at, legs) VALUES (#{day}, #{now}, 0)
      ON CONFLICT (service_day) DO NOTHING RETURNING service_day""";

  static final String FILL_VISITS = """
      INSERT INTO stats_visit (ticket_id, service_day, hour, weekday, agency, service, counter_id, officer, channel,
                               priority, issued, outcome, wait_s, service_s, target_s)
      SELECT * FROM antre_stats_legs(#{day}, #{day}, #{timeZone}, #{services}, #{targets})""";

  static final String FILL_COUNTER_TIME = """
      INSERT INTO stats_counter_day (service_day, counter_id, officer, state, reason, seconds, times)
      SELECT * FROM antre_stats_counter_time(#{day}, #{day}, #{timeZone}, #{now})""";

  static final String COUNT_DAY = "UPDATE stats_day SET legs = #{legs} WHERE service_day = #{day}";

  private static final String COLUMNS = """
      service_day, hour, weekday, agency, service, counter_id, officer, channel, priority, issued, outcome, wait_s,
      service_s, target_s""";

  /**
   * The legs of the range in scope as {@code f}: the facts, and (with live) the rows computed from
   * the log for the days from {@code live} on. {@code services} and {@code targets} are the services
   * and their target waits in seconds.
   */
  private static String legs(boolean live) {
    return "WITH v AS (\n  SELECT " + COLUMNS + "\n  FROM stats_visit WHERE service_day BETWEEN #{from} AND #{to} AND service_day < #{live}\n"
        + (live ? "  UNION ALL\n  SELECT " + COLUMNS + "\n  FROM antre_stats_legs(greatest(#{from}, #{live}), #{to}, #{timeZone}, #{services}, #{targets})\n"
            : "  -- nothing live: #{timeZone} #{services} #{targets} unused\n  AND #{timeZone}::text IS NOT NULL AND #{services}::text[] IS NOT NULL AND #{targets}::float8[] IS NOT NULL\n")
        + "), f AS (\n  SELECT " + COLUMNS + "\n  FROM v\n"
        + "  WHERE (#{agency}::text IS NULL OR agency = #{agency}) AND (#{service}::text IS NULL OR service = #{service})\n"
        + "    AND (#{officer}::text IS NULL OR officer = #{officer})\n)\n";
  }

  /**
   * Volumes and times per group; the grouping is one of {@link #KEYS}, never request text. Groups
   * are sorted bytewise (COLLATE "C"): the ordered-set aggregates need the legs sorted by group, and
   * a year sorted by the locale's rules costs more than everything else. A day or an hour is
   * grouped as it is stored and shown as text only per group: a year's legs in the order of their
   * day's index need no sort at all, where a year's day as text was sorted on disk (about 360 ms
   * against 750-1,050 ms for the year's trend on the generated hall-year).
   */
  static String summary(Grouping grouping, boolean live) {
    return legs(live) + """
        SELECT KEY AS key,
               count(*) FILTER (WHERE f.issued) AS issued,
               count(*) FILTER (WHERE f.outcome = 'served') AS served,
               count(*) FILTER (WHERE f.outcome = 'no_show') AS no_show,
               count(*) FILTER (WHERE f.outcome = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE f.outcome = 'transferred') AS transferred,
               count(*) FILTER (WHERE f.outcome = 'expired') AS expired,
               count(f.wait_s) AS called,
               avg(f.wait_s) AS wait_mean,
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY f.wait_s) AS wait_p,
               max(f.wait_s) AS wait_max,
               avg(f.service_s) AS service_mean,
               percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY f.service_s) AS service_p,
               max(f.service_s) AS service_max,
               count(*) FILTER (WHERE f.wait_s <= f.target_s) AS within_target
        FROM f
        GROUP BY GROUPS ORDER BY 1""".replace("KEY", grouping.key()).replace("GROUPS", grouping.by());
  }

  /**
   * A summary's grouping: {@code key} the key column's expression (text), {@code by} what the
   * legs are grouped by ("1": the key itself).
   */
  record Grouping(String key, String by) {
    static Grouping text(String expression) {
      return new Grouping(expression + " COLLATE \"C\"", "1");
    }
  }

  /** Arrivals (issued tickets) by ISO weekday (1 Monday) and hour of the day. */
  static String heatmap(boolean live) {
    return legs(live) + "SELECT weekday, hour, count(*) AS arrivals FROM f WHERE issued GROUP BY 1, 2 ORDER BY 1, 2";
  }

  /** Waiting times of the called legs in bins of {@code binWidth} seconds, the last bin ({@code lastBin}) holding the rest. */
  static String histogram(boolean live) {
    return legs(live) + """
        SELECT least(floor(wait_s / #{binWidth}), #{lastBin})::int AS bin, count(*) AS legs FROM f
        WHERE wait_s IS NOT NULL GROUP BY 1 ORDER BY 1""";
  }

  /** Served legs and service time per officer. */
  static String officerWork(boolean live) {
    return legs(live) + """
        SELECT officer, count(*) FILTER (WHERE outcome = 'served') AS served,
               count(*) FILTER (WHERE outcome = 'transferred') AS transferred,
               count(*) FILTER (WHERE outcome = 'no_show') AS no_show,
               avg(service_s) AS service_mean, coalesce(sum(service_s), 0) AS service_total
        FROM f WHERE officer IS NOT NULL GROUP BY 1 ORDER BY 1""";
  }

  /** The grouping expressions of the summary, by the API's {@code groupBy}. */
  static final java.util.Map<String, Grouping> KEYS = java.util.Map.of(
      "hall", Grouping.text("'hall'"),
      "agency", Grouping.text("f.agency"),
      "service", Grouping.text("f.service"),
      "counter", Grouping.text("coalesce(f.counter_id, '')"),
      "officer", Grouping.text("coalesce(f.officer, '')"),
      "channel", Grouping.text("f.channel"),
      "priority", Grouping.text("f.priority"),
      "day", new Grouping("to_char(f.service_day, 'YYYY-MM-DD')", "f.service_day"),
      "hour", new Grouping("lpad(f.hour::text, 2, '0')", "f.hour"));




  /** Open and paused time per officer and pause reason, from counter_event; {@code service} is unused. */
  static final String OFFICER_TIME = """
      WITH ct AS (
        SELECT service_day, counter_id, officer, state, reason, seconds, times
        FROM stats_counter_day WHERE service_day BETWEEN #{from} AND #{to} AND service_day < #{live}
        UNION ALL
        SELECT * FROM antre_stats_counter_time(greatest(#{from}, #{live}), #{to}, #{timeZone}, #{now})
      )
      SELECT ct.officer, ct.state, ct.reason, sum(ct.seconds) AS seconds, sum(ct.times)::int AS times
      FROM ct JOIN counter c ON c.id = ct.counter_id
      WHERE (#{agency}::text IS NULL OR c.agency = #{agency}) AND (#{service}::text IS NULL OR true)
        AND (#{officer}::text IS NULL OR ct.officer = #{officer}) AND ct.officer <> ''
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""";

  static final String USER_NAMES = "SELECT username, display_name FROM app_user";
}
