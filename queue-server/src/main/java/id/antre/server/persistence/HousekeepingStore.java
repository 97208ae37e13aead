package id.antre.server.persistence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;

/** The SQL of the cluster-wide jobs: closing past service days, deleting personal data past retention. */
public class HousekeepingStore {
  /**
   * Every ticket of service day $1 or earlier still open becomes EXPIRED, each with its
   * {@code EXPIRE} event (from-status, counter); counters still open or paused since before $3 (the
   * day's end) or holding an expired ticket are closed with a {@code CLOSE} event (reason
   * {@code END_OF_DAY}). A counter opened after midnight is left alone. A day the statistics had
   * already materialised loses its facts and marker, so the next catch-up counts the expiries. Runs
   * of the cluster's jobs finished over 30 days ago are forgotten. $2 now.
   */
  static final String CLOSE_DAY = LifecycleSql.fill("""
      WITH old AS (
        SELECT id, status, counter_id, service_day FROM ticket
        -- the two arms are the two partial indexes: ticket_waiting and ticket_open_by_day (V018)
        WHERE service_day <= $1 AND (status = {QUEUED} OR status IN {EXPIRE_FROM_UNQUEUED}) FOR UPDATE
      ), t AS (
        UPDATE ticket SET status = {EXPIRE_TO} FROM old WHERE ticket.id = old.id RETURNING ticket.id
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, at)
        SELECT old.id, 'EXPIRE', old.status, {EXPIRE_TO}, old.counter_id, $2 FROM old
      ), revised AS (
        -- a day the statistics materialised before it was closed is materialised again, with its expiries
        DELETE FROM stats_day WHERE service_day IN (SELECT service_day FROM old) RETURNING service_day
      ), sv AS (
        DELETE FROM stats_visit WHERE service_day IN (SELECT service_day FROM revised)
      ), sc AS (
        DELETE FROM stats_counter_day WHERE service_day IN (SELECT service_day FROM revised)
      ), c AS (
        SELECT counter_id, state FROM counter_state
        WHERE (state <> 'CLOSED' AND updated_at < $3) OR current_ticket IN (SELECT id FROM old)
        FOR UPDATE
      ), u AS (
        UPDATE counter_state s SET state = 'CLOSED', pause_reason = NULL, current_ticket = NULL, updated_at = $2
        FROM c WHERE s.counter_id = c.counter_id RETURNING s.counter_id
      ), ce AS (
        INSERT INTO counter_event (counter_id, type, from_state, to_state, reason, officer, at)
        SELECT c.counter_id, 'CLOSE', c.state, 'CLOSED', 'END_OF_DAY', NULL, $2 FROM c WHERE c.state <> 'CLOSED'
      ), history AS (
        -- the runs' own rows (144 a day for a 10-minute job) are kept for a month
        DELETE FROM job_run WHERE finished_at < $2::timestamptz - interval '30 days'
      )
      SELECT (SELECT count(*) FROM old) AS tickets,
             (SELECT count(*) FROM c WHERE c.state <> 'CLOSED') AS counters""");

  /**
   * The survey's free text and profile of responses answered before $1: the answers themselves
   * (the nine scores, anonymous) stay for the index.
   */
  /** The client addresses of audit entries older than the retention period; the entries stay. */
  static final String FORGET_AUDIT_ADDRESSES = """
      WITH u AS (
        UPDATE audit_entry SET address = NULL WHERE at < $1 AND address IS NOT NULL RETURNING 1
      )
      SELECT count(*) AS entries FROM u""";
  static final String FORGET_SURVEY = """
      WITH old AS (
        SELECT id, comment IS NOT NULL AS had_comment FROM survey_response
        WHERE answered_at < $1 AND (comment IS NOT NULL OR age_band IS NOT NULL OR sex IS NOT NULL
                                    OR education IS NOT NULL OR occupation IS NOT NULL)
        FOR UPDATE
      ), u AS (
        UPDATE survey_response s
        SET comment = NULL, age_band = NULL, sex = NULL, education = NULL, occupation = NULL
        FROM old WHERE s.id = old.id RETURNING s.id
      )
      SELECT (SELECT count(*) FROM old) AS responses,
             (SELECT count(*) FROM old WHERE had_comment) AS comments""";

  /** What closing a day changed. */
  public record Closed(long tickets, long counters) {
  }

  /** What retention removed from the survey: responses stripped of their profile or comment, and comments among them. */
  public record Forgotten(long responses, long comments) {
  }

  private final SqlClient db;

  public HousekeepingStore(SqlClient db) {
    this.db = db;
  }

  /** Expires the open tickets of {@code day} and before; {@code dayEnd} is midnight after it, in the hall's zone. */
  public Future<Closed> closeDay(LocalDate day, Instant now, Instant dayEnd) {
    return db.preparedQuery(CLOSE_DAY).execute(Tuple.of(day, TicketStore.ts(now), TicketStore.ts(dayEnd)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Closed(r.getLong("tickets"), r.getLong("counters"));
        });
  }

  public Future<Forgotten> forgetSurveyProfiles(Instant before) {
    return db.preparedQuery(FORGET_SURVEY).execute(Tuple.of(TicketStore.ts(before))).map(rows -> {
      Row r = rows.iterator().next();
      return new Forgotten(r.getLong("responses"), r.getLong("comments"));
    });
  }

  /** Blanks the client address of audit entries recorded before {@code before}: how many. */
  public Future<Long> forgetAuditAddresses(Instant before) {
    return db.preparedQuery(FORGET_AUDIT_ADDRESSES).execute(Tuple.of(TicketStore.ts(before)))
        .map(rows -> rows.iterator().next().getLong("entries"));
  }
}
