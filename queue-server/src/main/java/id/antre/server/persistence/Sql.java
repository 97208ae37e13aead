package id.antre.server.persistence;

import java.util.regex.Pattern;

/**
 * The runtime SQL of the queue, the hall, accounts and devices, named and kept together; printing,
 * booking, configuration and statistics keep theirs beside it ({@code PrintSql},
 * {@code BookingSql}, {@code ConfigSql}, {@code StatsSql}).
 */
final class Sql {
  private Sql() {
  }

  /**
   * {@code {BOOKING_SLOT:t}} in a statement that answers tickets: the slot start of the booking the
   * ticket {@code t} came from, as {@code booking_slot} (null for a walk-in). The ticket keeps only
   * the booking's code, and its queue time is its check-in under {@code order: check-in}, so the
   * slot is read from the booking (a unique-index lookup, none for a walk-in).
   */
  private static final Pattern BOOKING_SLOT = Pattern.compile("\\{BOOKING_SLOT:(\\w+)}");

  static String withBookingSlot(String sql) {
    return BOOKING_SLOT.matcher(sql).replaceAll(
        "(CASE WHEN $1.booking_code IS NOT NULL THEN (SELECT bk.slot_start FROM booking bk WHERE bk.code = $1.booking_code) END)"
            + " AS booking_slot");
  }

  /**
   * No statement_timeout while migrating (another node may hold the lock meanwhile), and no
   * NOTICE for the bookkeeping table that already exists on every start but the first.
   */
  static final String MIGRATION_NO_TIMEOUT = "SET LOCAL statement_timeout = 0; SET LOCAL client_min_messages = warning";
  static final String MIGRATION_LOCK = "SELECT pg_advisory_xact_lock($KEY)";
  /** The first-start path, one node at a time: no statement deadline while another node holds it. */
  static final String START_LOCK = "SET statement_timeout = 0; SELECT pg_advisory_lock($KEY)";
  static final String START_UNLOCK = "SELECT pg_advisory_unlock($KEY); RESET statement_timeout";
  static final String MIGRATION_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_migration (
        version int PRIMARY KEY, file text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())""";
  static final String MIGRATION_APPLIED = "SELECT version FROM schema_migration ORDER BY version";
  static final String MIGRATION_RECORD = "INSERT INTO schema_migration (version, file) VALUES ($1, $2)";

  // ---- hall configuration
  static final String HALL_GET = "SELECT config, secret FROM hall WHERE id = 1";
  static final String RUNNING_TEXT_GET = "SELECT running_text FROM hall WHERE id = 1";
  static final String RUNNING_TEXT_SET = "UPDATE hall SET running_text = #{text} WHERE id = 1";
  static final String HALL_INSERT = """
      INSERT INTO hall (id, name, time_zone, config, secret, loaded_at) VALUES (1, #{name}, #{timeZone}, #{config}, #{secret}, #{now})
      ON CONFLICT (id) DO NOTHING""";
  static final String AGENCY_UPSERT = """
      INSERT INTO agency (code, name, full_name) VALUES (#{code}, #{name}, #{fullName})
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name""";
  static final String SERVICE_UPSERT = """
      INSERT INTO service (code, agency, prefix, name, daily_quota) VALUES (#{code}, #{agency}, #{prefix}, #{name}, #{dailyQuota})
      ON CONFLICT (code) DO UPDATE SET agency = EXCLUDED.agency, prefix = EXCLUDED.prefix,
        name = EXCLUDED.name, daily_quota = EXCLUDED.daily_quota""";
  static final String COUNTER_UPSERT = """
      INSERT INTO counter (id, name, agency, zone) VALUES (#{id}, #{name}, #{agency}, #{zone})
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, agency = EXCLUDED.agency, zone = EXCLUDED.zone""";
  static final String COUNTER_STATE_INIT = """
      INSERT INTO counter_state (counter_id) VALUES (#{counter}) ON CONFLICT (counter_id) DO NOTHING""";

  // ---- users, sessions, devices
  static final String USER_COUNT = "SELECT count(*) FROM app_user";
  static final String USER_UPSERT = """
      INSERT INTO app_user (username, password_hash, role, agency, display_name) VALUES (#{username}, #{passwordHash}, #{role}, #{agency}, #{displayName})
      ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
        agency = EXCLUDED.agency, display_name = EXCLUDED.display_name, active = true""";
  static final String USER_GET = """
      SELECT username, password_hash, role, agency, display_name FROM app_user WHERE username = #{username} AND active""";
  static final String SESSION_INSERT = """
      INSERT INTO session (id, username, created_at, expires_at) VALUES (#{id}, #{username}, #{createdAt}, #{expiresAt})""";
  static final String DEVICE_UPSERT = """
      INSERT INTO device (id, kind, name, token_hash, zone, kiosk) VALUES (#{id}, #{kind}, #{name}, #{tokenHash}, #{zone}, #{kiosk})
      ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
        token_hash = EXCLUDED.token_hash, zone = EXCLUDED.zone, kiosk = EXCLUDED.kiosk, active = true""";
  static final String DEVICE_BY_TOKEN = "SELECT id, kind, name, zone, kiosk FROM device WHERE token_hash = #{tokenHash} AND active";
  /** What no node may accept any more: revoked unexpired sessions, inactive users, inactive devices, rotated device tokens. */
  static final String REVOKED = """
      SELECT 'session' AS kind, id AS subject FROM session WHERE revoked AND expires_at > #{now}
      UNION ALL SELECT 'user', username FROM app_user WHERE NOT active
      UNION ALL SELECT 'device', id FROM device WHERE NOT active
      UNION ALL SELECT 'token', token_hash FROM device_token_retired""";
  static final String SESSION_REVOKE = "UPDATE session SET revoked = true WHERE id = #{id}";
  /** Deactivating a user also revokes their sessions, so a reactivation does not revive old tokens. */
  static final String USER_SET_ACTIVE = """
      WITH u AS (
        UPDATE app_user SET active = #{active} WHERE username = #{username}
        RETURNING username, role, agency, display_name, active),
      s AS (
        UPDATE session SET revoked = true
        WHERE NOT #{active} AND username = #{username} AND NOT revoked AND expires_at > #{now} AND EXISTS (SELECT 1 FROM u))
      SELECT username, role, agency, display_name, active FROM u""";
  static final String DEVICE_DEACTIVATE = "UPDATE device SET active = false WHERE id = #{id} RETURNING id";
  static final String KIOSKS_WITH_PRINTER = """
      SELECT DISTINCT kiosk FROM device WHERE kind = 'print-agent' AND active AND kiosk IS NOT NULL""";

  // ---- tickets
  /**
   * Issue in one statement: the daily sequence upsert refuses past the quota (no row comes back),
   * the ticket takes the number, the event log gets ISSUE. {@code ahead_at_issue} is the number of
   * waiting tickets of the service as the statement's snapshot saw them, read from
   * {@code waiting_count} (migration V009: kept by triggers on ticket), so the statement does not
   * count the queue while it holds the sequence row, less the checked-in bookings queued after now
   * (an index range that is empty but for early check-ins). The quota counts walk-ins only:
   * {@code booked} numbers went to checked-in bookings (migration V017). {@code now} is the issue time,
   * {@code printKiosk} the kiosk whose printer prints the ticket (null: nobody prints it).
   */
  static final String ISSUE = LifecycleSql.fill("""
      WITH seq AS (
        INSERT INTO daily_sequence AS d (service, service_day, last_number) VALUES (#{service}, #{day}, 1)
        ON CONFLICT (service, service_day) DO UPDATE SET last_number = d.last_number + 1
          WHERE d.last_number - d.booked < #{quota}
        RETURNING last_number
      ), t AS (
        INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, priority, channel,
                            tracking_token, request_id, issued_at, queued_at, ahead_at_issue, minutes_per_person)
        SELECT #{service}, #{service}, #{day}, #{prefix}, seq.last_number, {QUEUED}, #{priority}, #{channel}, #{trackingToken}, #{requestId}, #{now}, #{now},
               (SELECT COALESCE(sum(w.n), 0)::int FROM waiting_count w WHERE w.service = #{service} AND w.service_day = #{day})
                 -- checked-in bookings whose slot is still to come queue behind this visitor
                 - (SELECT count(*)::int FROM ticket b WHERE b.service = #{service} AND b.service_day = #{day}
                      AND b.status = {QUEUED} AND b.queued_at > #{now}),
               #{minutesPerPerson}
        FROM seq
        RETURNING *
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, at)
        SELECT id, 'ISSUE', NULL, {QUEUED}, issued_at FROM t
      ), p AS (
        INSERT INTO print_job (ticket_id, kiosk, created_at, updated_at)
        SELECT id, #{printKiosk}, issued_at, issued_at FROM t WHERE #{printKiosk}::text IS NOT NULL
        RETURNING id
      )
      SELECT t.*, (SELECT id FROM p) AS print_job FROM t""");

  static final String TICKET_BY_REQUEST = """
      SELECT t.*, (SELECT j.id FROM print_job j WHERE j.ticket_id = t.id) AS print_job
      FROM ticket t WHERE t.request_id = #{requestId}""";
  static final String TICKET_BY_ID = withBookingSlot("SELECT t.*, {BOOKING_SLOT:t} FROM ticket t WHERE t.id = #{id}");
  /** The newest step of a visit: a transfer adds a row with the same token. */
  static final String TICKET_BY_TOKEN = withBookingSlot(
      "SELECT t.*, {BOOKING_SLOT:t} FROM ticket t WHERE t.tracking_token = #{token} ORDER BY t.id DESC LIMIT 1");
  static final String AHEAD_OF = LifecycleSql.fill("""
      SELECT count(*) FROM ticket
      WHERE service = #{service} AND service_day = #{day} AND status = {QUEUED} AND (queued_at, id) < (#{queuedAt}, #{id})""");
  static final String EVENT_BY_REQUEST = withBookingSlot("""
      SELECT e.type, e.counter_id, t.*, {BOOKING_SLOT:t} FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
      WHERE e.request_id = #{requestId}""");

  // ---- counters
  static final String COUNTER_GET = withBookingSlot("""
      SELECT cs.counter_id, cs.state, cs.pause_reason, cs.officer AS counter_officer, cs.current_ticket,
             cs.priority_streak, cs.served_day, cs.served, cs.services AS counter_services,
             cs.weights AS counter_weights, t.*, {BOOKING_SLOT:t}
      FROM counter_state cs LEFT JOIN ticket t ON t.id = cs.current_ticket
      WHERE cs.counter_id = #{counter}""");
  static final String COUNTERS_ALL = withBookingSlot("""
      SELECT cs.counter_id, cs.state, cs.pause_reason, cs.officer AS counter_officer, cs.current_ticket,
             cs.priority_streak, cs.served_day, cs.served, cs.services AS counter_services,
             cs.weights AS counter_weights, t.*, {BOOKING_SLOT:t}
      FROM counter_state cs LEFT JOIN ticket t ON t.id = cs.current_ticket""");

  /**
   * Call-next in one statement. The counter row is locked first, so two presses on one counter
   * run one after the other and the second finds the counter busy; the claim
   * ({@code antre_claim_next}, migration V005) is {@code Routing.order} as index lookups with
   * SKIP LOCKED, so other counters claim other tickets meanwhile. {@code services} are in plan
   * order; {@code plannedStreak} is the priority streak the plan was made from, and
   * {@code streakAfterPriority} and {@code streakAfterRegular} the streak after calling a priority
   * or a regular visitor ({@code Routing.nextStreak}). {@code plannedServices} and
   * {@code plannedWeights} are the reassignment the plan was made from (null and {} for the
   * configured services). A plan made from another streak or another reassignment than the
   * stored ones claims nothing: the caller plans again. So a reassignment made through any node,
   * split off or not, applies to the very next call.
   */
  static final String CALL_NEXT = withBookingSlot(LifecycleSql.fill("""
      WITH cs AS (
        SELECT counter_id FROM counter_state
        WHERE counter_id = #{counter} AND state = 'OPEN' AND current_ticket IS NULL AND priority_streak = #{plannedStreak}
          AND services IS NOT DISTINCT FROM #{plannedServices}::text[] AND COALESCE(weights, '{}') = #{plannedWeights}::jsonb
        FOR UPDATE
      ), c AS (
        SELECT antre_claim_next(#{day}, #{services}::text[], #{priorityFirst}::boolean, #{transfersFirst}::boolean) AS id WHERE EXISTS (SELECT 1 FROM cs)
      ), u AS (
        UPDATE ticket t SET status = {CALL_TO}, counter_id = #{counter}, officer = #{officer}, called_at = #{now}, recall_count = 0
        FROM c WHERE t.id = c.id AND t.status IN {CALL_FROM}
        RETURNING t.*
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id)
        SELECT id, 'CALL', {CALL_FROM_STATUS}, {CALL_TO}, #{counter}, #{officer}, #{now}, #{requestId} FROM u
        RETURNING id
      ), s AS (
        UPDATE counter_state SET current_ticket = u.id,
          priority_streak = CASE WHEN u.priority IS NULL THEN #{streakAfterRegular}::int ELSE #{streakAfterPriority}::int END,
          served = (CASE WHEN counter_state.served_day = #{day} THEN counter_state.served ELSE '{}'::jsonb END)
            || jsonb_build_object(u.service, COALESCE(
                 ((CASE WHEN counter_state.served_day = #{day} THEN counter_state.served ELSE '{}'::jsonb END) ->> u.service)::int,
                 0) + 1),
          served_day = #{day}, updated_at = #{now}
        FROM u WHERE counter_state.counter_id = #{counter}
        RETURNING counter_state.state AS cs_state, counter_state.pause_reason AS cs_pause_reason,
          counter_state.officer AS cs_officer, counter_state.priority_streak AS cs_priority_streak,
          counter_state.served_day AS cs_served_day, counter_state.served AS cs_served,
          counter_state.services AS cs_services, counter_state.weights AS cs_weights
      )
      SELECT u.*, e.id AS event_id, s.*, {BOOKING_SLOT:u} FROM u, e, s"""));

  /**
   * One ticket transition guarded by the status it was decided from and the counter that holds
   * it, so a concurrent change makes it a no-op (no row) instead of a double step. {@code from}
   * is the status the step was decided from; {@code counter} may be null (a held ticket is resumed
   * from anywhere); {@code data} is the event's JSON.
   */
  static final String TRANSITION = withBookingSlot(LifecycleSql.fill("""
      WITH u AS (
        UPDATE ticket SET status = #{to}, recall_count = #{recallCount},
          started_at = CASE WHEN #{eventType} = 'START' THEN #{now} ELSE started_at END,
          finished_at = CASE WHEN #{to} IN {FINAL} THEN #{now} ELSE finished_at END,
          counter_id = CASE WHEN #{to} = {QUEUED} THEN NULL ELSE counter_id END,
          outcome = COALESCE(#{outcome}, outcome),
          -- a hold's note stays on the ticket, so the held list says why it was parked
          note = CASE WHEN #{eventType} = 'HOLD' AND #{data}::jsonb ? 'note' THEN #{data}::jsonb ->> 'note' ELSE note END
        WHERE id = #{ticket} AND status = #{from}
          -- the counter acts on its own ticket only (a held ticket may be resumed anywhere)
          AND (#{counter}::text IS NULL OR #{from} IN {RESUME_FROM} OR counter_id = #{counter})
          AND (#{eventType} <> 'RECALL' OR recall_count = #{recallCount} - 1)
        RETURNING *
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id, data)
        SELECT id, #{eventType}, #{from}, #{to}, #{counter}, #{officer}, #{now}, #{requestId}, #{data}::jsonb FROM u
        RETURNING id
      ), s AS (
        UPDATE counter_state SET current_ticket = NULL, updated_at = #{now}
        FROM u WHERE counter_state.counter_id = #{counter} AND counter_state.current_ticket = u.id AND NOT #{counterKeepsTicket}::boolean
      )
      SELECT u.*, e.id AS event_id, {BOOKING_SLOT:u} FROM u, e"""));

  /**
   * Transfer: the served ticket is DONE (outcome "dirujuk"), and the visitor waits again in the
   * {@code target} service with the same number, token and issue time.
   */
  static final String TRANSFER = withBookingSlot(LifecycleSql.fill("""
      WITH u AS (
        UPDATE ticket SET status = {TRANSFER_TO}, finished_at = #{now}, outcome = #{outcome}
        WHERE id = #{ticket} AND status IN {TRANSFER_FROM}
        RETURNING *
      ), n AS (
        INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, priority, channel,
                            tracking_token, issued_at, queued_at, booking_code, transferred_from, note)
        SELECT #{target}, origin_service, service_day, prefix, number, {QUEUED}, priority, channel,
               tracking_token, issued_at, queued_at, booking_code, id, #{note}
        FROM u
        RETURNING *
      ), e1 AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id, data)
        SELECT id, 'TRANSFER', {TRANSFER_FROM_STATUS}, {TRANSFER_TO}, #{counter}, #{officer}, #{now}, #{requestId}, jsonb_build_object('to', #{target}::text) FROM u
      ), e2 AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, data)
        SELECT n.id, 'TRANSFER', NULL, {QUEUED}, #{counter}, #{officer}, #{now}, jsonb_build_object('from', u.service, 'note', #{note}::text)
        FROM n, u
      ), s AS (
        UPDATE counter_state SET current_ticket = NULL, updated_at = #{now}
        FROM u WHERE counter_state.counter_id = #{counter} AND counter_state.current_ticket = u.id
      )
      SELECT n.*, {BOOKING_SLOT:n} FROM n"""));

  /** Counter open/pause/close. The busy guard ({@code requiresIdle}) is repeated here for concurrent calls. */
  static final String COUNTER_SET_STATE = """
      WITH old AS (
        SELECT state FROM counter_state WHERE counter_id = #{counter} FOR UPDATE
      ), u AS (
        UPDATE counter_state SET state = #{state}, pause_reason = #{reason}, officer = #{officer}, updated_at = #{now}
        WHERE counter_id = #{counter} AND (NOT #{requiresIdle}::boolean OR current_ticket IS NULL)
        RETURNING counter_id
      ), e AS (
        INSERT INTO counter_event (counter_id, type, from_state, to_state, reason, officer, at)
        SELECT #{counter}, #{eventType}, old.state, #{state}, #{reason}, #{officer}, #{now} FROM old, u
      )
      SELECT old.state AS from_state FROM old, u""";

  /**
   * Calls and recalls after an event-log position, oldest first, optionally of one zone: what a
   * display missed while it was away (zone null: every zone).
   */
  static final String CALLS_AFTER = LifecycleSql.fill("""
      SELECT * FROM (
        SELECT e.id AS event_id, e.type AS event_type, e.at AS event_at, e.counter_id AS event_counter, t.*
        FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id JOIN counter c ON c.id = e.counter_id
        WHERE e.type IN ('CALL', 'RECALL') AND e.to_status = {CALL_TO} AND e.id > #{afterEvent}
          AND (#{zone}::text IS NULL OR c.zone = #{zone})
        ORDER BY e.id DESC LIMIT #{limit}
      ) recent ORDER BY event_id""");
  /** The positions of the calls after a position, newest first: cheap, for finding the missed ones. */
  static final String CALL_SEQS_AFTER = LifecycleSql.fill("""
      SELECT e.id FROM ticket_event e
      WHERE e.type IN ('CALL', 'RECALL') AND e.to_status = {CALL_TO} AND e.id > #{afterEvent}
      ORDER BY e.id DESC LIMIT #{limit}""");
  /** The calls at the given positions, oldest first. */
  static final String CALLS_AT = LifecycleSql.fill("""
      SELECT e.id AS event_id, e.type AS event_type, e.at AS event_at, e.counter_id AS event_counter, t.*
      FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
      WHERE e.id = ANY(#{seqs}::bigint[]) AND e.type IN ('CALL', 'RECALL') AND e.to_status = {CALL_TO}
      ORDER BY e.id""");
  static final String LATEST_CALL = LifecycleSql.fill("""
      SELECT coalesce(max(id), 0) FROM ticket_event WHERE type IN ('CALL', 'RECALL') AND to_status = {CALL_TO}""");

  /** A counter's services and weights; null services restore the configured ones. */
  static final String COUNTER_SET_SERVICES = """
      WITH u AS (
        UPDATE counter_state SET services = #{services}::text[], weights = #{weights}::jsonb, updated_at = #{now}
        WHERE counter_id = #{counter} RETURNING counter_id
      )
      INSERT INTO counter_event (counter_id, type, from_state, to_state, reason, officer, at)
      SELECT #{counter}, 'SERVICES', NULL, 'SERVICES', array_to_string(#{services}::text[], ','), #{officer}, #{now} FROM u""";

  /**
   * Call a chosen waiting ticket out of order, with the reason in the event ({@code data}). Same
   * locking as call-next; {@code services} are the ones the counter serves.
   */
  static final String CALL_TICKET = withBookingSlot(LifecycleSql.fill("""
      WITH cs AS (
        SELECT counter_id FROM counter_state
        WHERE counter_id = #{counter} AND state = 'OPEN' AND current_ticket IS NULL
        FOR UPDATE
      ), u AS (
        UPDATE ticket t SET status = {CALL_TO}, counter_id = #{counter}, officer = #{officer}, called_at = #{now}, recall_count = 0
        WHERE t.id = #{ticket} AND t.status IN {CALL_FROM} AND t.service = ANY(#{services}::text[]) AND t.service_day = #{day}
          AND EXISTS (SELECT 1 FROM cs)
        RETURNING t.*
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, officer, at, request_id, data)
        SELECT id, 'CALL', {CALL_FROM_STATUS}, {CALL_TO}, #{counter}, #{officer}, #{now}, #{requestId}, #{data}::jsonb FROM u
        RETURNING id
      ), s AS (
        UPDATE counter_state SET current_ticket = u.id, updated_at = #{now} FROM u WHERE counter_state.counter_id = #{counter}
      )
      SELECT u.*, e.id AS event_id, {BOOKING_SLOT:u} FROM u, e"""));

  /**
   * "Dilayani hari ini": tickets finished since {@code since} at the counter (by anyone) and by the
   * officer (at any counter), and the officer's transfers apart: a transfer hands the visitor on,
   * it is not a service.
   */
  static final String SERVED_TODAY = LifecycleSql.fill("""
      SELECT count(*) FILTER (WHERE type = 'FINISH' AND counter_id = #{counter}),
             count(*) FILTER (WHERE type = 'FINISH' AND officer = #{officer}),
             count(*) FILTER (WHERE type = 'TRANSFER' AND officer = #{officer})
      FROM ticket_event
      WHERE at >= #{since} AND to_status = {FINISH_TO} AND type IN ('FINISH', 'TRANSFER') AND (officer = #{officer} OR counter_id = #{counter})""");

  /** The waiting tickets of some services today, in queue order: for choosing one out of order. */
  static final String WAITING_OF = withBookingSlot(LifecycleSql.fill("""
      SELECT ticket.*, {BOOKING_SLOT:ticket} FROM ticket
      WHERE service_day = #{day} AND status = {QUEUED} AND service = ANY(#{services}::text[])
      ORDER BY queued_at, id LIMIT #{limit}"""));

  static final String HELD_TICKETS = withBookingSlot(LifecycleSql.fill("""
      SELECT t.*, {BOOKING_SLOT:t} FROM ticket t
      WHERE t.status IN {RESUME_FROM} AND t.service_day = #{day} AND t.service = ANY(#{services}::text[])
      ORDER BY t.issued_at"""));

  // ---- queues and estimates
  static final String QUEUES = LifecycleSql.fill("""
      SELECT w.service, sum(w.n) AS waiting,
        (SELECT min(t.queued_at) FROM ticket t
         WHERE t.service = w.service AND t.service_day = #{day} AND t.status = {QUEUED}) AS oldest
      FROM waiting_count w WHERE w.service_day = #{day} GROUP BY w.service HAVING sum(w.n) > 0""");
  /**
   * The same for some services only: what a burst of issues changed. Both read the counts the
   * triggers keep (V009) and the oldest from the waiting index: O(1) however long the queue. The
   * oldest is the earliest queue time (a walk-in's issue, a booking's slot start, V017), which is
   * the index's order.
   */
  static final String QUEUES_OF = LifecycleSql.fill("""
      SELECT w.service, sum(w.n) AS waiting,
        (SELECT min(t.queued_at) FROM ticket t
         WHERE t.service = w.service AND t.service_day = #{day} AND t.status = {QUEUED}) AS oldest
      FROM waiting_count w WHERE w.service = ANY(#{services}::text[]) AND w.service_day = #{day}
      GROUP BY w.service HAVING sum(w.n) > 0""");
  static final String ISSUED_TODAY = "SELECT service, last_number FROM daily_sequence WHERE service_day = #{day}";
  /** Mean service minutes of each service's last finished tickets today. */
  static final String RECENT_SERVICE_TIMES = LifecycleSql.fill("""
      SELECT service, avg(minutes) AS mean, count(*) AS samples FROM (
        SELECT service, extract(epoch FROM finished_at - started_at) / 60.0 AS minutes,
               row_number() OVER (PARTITION BY service ORDER BY finished_at DESC) AS rn
        FROM ticket WHERE service_day = #{day} AND status = {FINISH_TO} AND started_at IS NOT NULL
      ) recent WHERE rn <= 20 GROUP BY service""");
  static final String OPEN_COUNTERS = "SELECT counter_id FROM counter_state WHERE state = 'OPEN'";
}
