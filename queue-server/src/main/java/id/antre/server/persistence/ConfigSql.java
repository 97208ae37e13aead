package id.antre.server.persistence;

/**
 * The SQL of the hall's configuration changed while it runs (migration V016): the stored hall file
 * and its version, the rows of agencies, services and counters made to match it, and what a change
 * must not orphan.
 */
final class ConfigSql {
  private ConfigSql() {
  }

  static final String CONFIG_GET = "SELECT config, version FROM hall WHERE id = 1";

  /** What a node polls to notice a change whose announcement it missed. */
  static final String VERSION_GET = "SELECT version FROM hall WHERE id = 1";

  /** Taken first in a change: changes are serialised, and the version read is the one replaced. */
  static final String VERSION_LOCK = "SELECT version FROM hall WHERE id = 1 FOR UPDATE";

  static final String CONFIG_SET = """
      UPDATE hall SET config = #{config}, name = #{name}, version = version + 1, changed_at = #{now},
        changed_by = #{by}
      WHERE id = 1 RETURNING version""";

  /** Everything is retired first and what the configuration lists made active again, so prefixes may swap. */
  static final String RETIRE_SERVICES = "UPDATE service SET active = false WHERE active";
  static final String RETIRE_COUNTERS = "UPDATE counter SET active = false WHERE active";
  static final String RETIRE_AGENCIES = "UPDATE agency SET active = false WHERE active";

  static final String AGENCY_ACTIVATE = """
      INSERT INTO agency (code, name, full_name, active) VALUES (#{code}, #{name}, #{fullName}, true)
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name, active = true""";

  static final String SERVICE_ACTIVATE = """
      INSERT INTO service (code, agency, prefix, name, daily_quota, active)
      VALUES (#{code}, #{agency}, #{prefix}, #{name}, #{dailyQuota}, true)
      ON CONFLICT (code) DO UPDATE SET agency = EXCLUDED.agency, prefix = EXCLUDED.prefix, name = EXCLUDED.name,
        daily_quota = EXCLUDED.daily_quota, active = true""";

  static final String COUNTER_ACTIVATE = """
      INSERT INTO counter (id, name, agency, zone, active) VALUES (#{id}, #{name}, #{agency}, #{zone}, true)
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, agency = EXCLUDED.agency, zone = EXCLUDED.zone,
        active = true""";

  /** A counter reassigned by the configuration calls what it now says, not a supervisor's earlier choice. */
  static final String COUNTER_OVERRIDES_CLEAR = """
      UPDATE counter_state SET services = NULL, weights = NULL, updated_at = #{now}
      WHERE counter_id = ANY(#{counters}::text[]) AND services IS NOT NULL""";

  /** The configuration's running text replaces a manager's. */
  static final String RUNNING_TEXT_CLEAR = "UPDATE hall SET running_text = NULL WHERE id = 1";

  /**
   * Services with visitors still in their queue or at a counter: the open statuses in the two
   * partial indexes that hold them, ticket_waiting and ticket_open_by_day (V018; its predicate
   * names service_day, hence the condition that is always true), not the whole table.
   */
  static final String SERVICES_IN_USE = LifecycleSql.fill("""
      SELECT service, count(*) AS tickets FROM ticket
      WHERE service = ANY(#{services}::text[]) AND service_day IS NOT NULL
        AND (status = {QUEUED} OR status IN {EXPIRE_FROM_UNQUEUED})
      GROUP BY service ORDER BY service""");

  /** Counters open, paused, or holding a ticket. */
  static final String COUNTERS_IN_USE = """
      SELECT counter_id, state FROM counter_state
      WHERE counter_id = ANY(#{counters}::text[]) AND (state <> 'CLOSED' OR current_ticket IS NOT NULL)
      ORDER BY counter_id""";
}
