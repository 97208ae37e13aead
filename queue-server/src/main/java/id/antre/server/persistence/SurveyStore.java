package id.antre.server.persistence;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SKM survey responses (migration V011) and what the index is computed from. A visit is a
 * tracking token; its last ticket (the highest id: a transfer adds a row with the same token) is
 * the one that finished it, so that ticket's service, agency, counter and day are the response's.
 */
public class SurveyStore {
  static final String ONE_PER_VISIT = "survey_response_one_per_visit";

  /**
   * One statement: it inserts only when the visit's last ticket is DONE (and, from a tablet, was
   * finished at the tablet's counter); a second response loses on the unique constraint.
   * {@code u1..u9} are the nine answers, {@code tablet} the tablet's device id or null.
   */
  static final String INSERT = """
      INSERT INTO survey_response (tracking_token, ticket_id, service, agency, counter_id, service_day, answered_at,
                                   channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_band, sex, education, occupation,
                                   comment)
      SELECT t.tracking_token, t.id, t.service, s.agency, t.counter_id, t.service_day, #{now}, #{channel},
             #{u1}, #{u2}, #{u3}, #{u4}, #{u5}, #{u6}, #{u7}, #{u8}, #{u9}, #{ageBand}, #{sex}, #{education}, #{occupation}, #{comment}
      FROM ticket t JOIN service s ON s.code = t.service
      WHERE t.id = (SELECT max(id) FROM ticket WHERE tracking_token = #{token}) AND t.status = 'DONE'
        AND (#{tablet}::text IS NULL
             OR t.counter_id = (SELECT counter_id FROM device WHERE id = #{tablet} AND kind = 'survey' AND active))
      RETURNING id""";

  /** Where a visit stands for the survey: its last ticket's status and counter, and whether it was answered. */
  static final String VISIT = """
      SELECT t.status, t.counter_id,
             EXISTS (SELECT 1 FROM survey_response r WHERE r.tracking_token = #{token}) AS answered
      FROM ticket t WHERE t.tracking_token = #{token} ORDER BY t.id DESC LIMIT 1""";

  /**
   * The visit the survey {@code device}'s counter finished last, since {@code since}, when nobody
   * has answered it yet: once it is answered the tablet asks about nothing (an earlier visitor who
   * walked away is not asked for again). A ticket transferred on is DONE too, but its visit goes
   * on elsewhere: only a visit's last ticket counts.
   */
  static final String PENDING = """
      SELECT d.counter_id AS device_counter, t.tracking_token, t.prefix, t.number, t.service, t.finished_at
      FROM device d
      LEFT JOIN LATERAL (
        SELECT t.* FROM ticket t
        WHERE t.counter_id = d.counter_id AND t.status = 'DONE' AND t.finished_at >= #{since}
          AND t.id = (SELECT max(n.id) FROM ticket n WHERE n.tracking_token = t.tracking_token)
        ORDER BY t.finished_at DESC LIMIT 1
      ) t ON NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.tracking_token = t.tracking_token)
      WHERE d.id = #{device} AND d.kind = 'survey' AND d.active""";

  /**
   * The sums per element and the number of respondents between two service days ({@code from},
   * {@code to}), optionally for one agency and one service.
   */
  static final String SUMS = """
      SELECT count(*) AS respondents,
             coalesce(sum(u1), 0) AS s1, coalesce(sum(u2), 0) AS s2, coalesce(sum(u3), 0) AS s3,
             coalesce(sum(u4), 0) AS s4, coalesce(sum(u5), 0) AS s5, coalesce(sum(u6), 0) AS s6,
             coalesce(sum(u7), 0) AS s7, coalesce(sum(u8), 0) AS s8, coalesce(sum(u9), 0) AS s9
      FROM survey_response
      WHERE service_day BETWEEN #{from} AND #{to} AND (#{agency}::text IS NULL OR agency = #{agency}) AND (#{service}::text IS NULL OR service = #{service})""";

  /** The population: visits served (their last ticket DONE) in the same scope. */
  static final String POPULATION = """
      SELECT count(*) FROM ticket t JOIN service s ON s.code = t.service
      WHERE t.service_day BETWEEN #{from} AND #{to} AND t.status = 'DONE'
        AND (#{agency}::text IS NULL OR s.agency = #{agency}) AND (#{service}::text IS NULL OR t.service = #{service})
        AND NOT EXISTS (SELECT 1 FROM ticket n WHERE n.tracking_token = t.tracking_token AND n.id > t.id)""";

  /** The latest comments in scope, newest first, for the monthly report. */
  static final String COMMENTS = """
      SELECT service, service_day, comment FROM survey_response
      WHERE service_day BETWEEN #{from} AND #{to} AND (#{agency}::text IS NULL OR agency = #{agency}) AND (#{service}::text IS NULL OR service = #{service})
        AND comment IS NOT NULL AND comment <> ''
      ORDER BY answered_at DESC LIMIT #{limit}""";

  /** A survey tablet's device row, bound to its counter (the hall's other devices are in HallStore). */
  static final String DEVICE_UPSERT = """
      INSERT INTO device (id, kind, name, token_hash, counter_id) VALUES (#{id}, 'survey', #{name}, #{tokenHash}, #{counter})
      ON CONFLICT (id) DO UPDATE SET kind = 'survey', name = EXCLUDED.name, token_hash = EXCLUDED.token_hash,
        zone = NULL, kiosk = NULL, counter_id = EXCLUDED.counter_id, active = true""";

  private final Statement insert;
  private final Statement visit;
  private final Statement pending;
  private final Statement sums;
  private final Statement population;
  private final Statement comments;
  private final Statement upsertTablet;

  public SurveyStore(SqlClient client) {
    insert = new Statement(client, INSERT);
    visit = new Statement(client, VISIT);
    pending = new Statement(client, PENDING);
    sums = new Statement(client, SUMS);
    population = new Statement(client, POPULATION);
    comments = new Statement(client, COMMENTS);
    upsertTablet = new Statement(client, DEVICE_UPSERT);
  }

  public Future<Void> upsertTablet(String id, String name, String tokenHash, String counter) {
    return upsertTablet.execute("id", id, "name", name, "tokenHash", tokenHash, "counter", counter).mapEmpty();
  }

  /** A response to store; {@code tablet} is the survey device's id, null from a phone. */
  public record NewResponse(String token, Instant at, String channel, List<Integer> answers, String ageBand,
      String sex, String education, String occupation, String comment, String tablet) {
  }

  /** The visit's last ticket: its status and counter, and whether it has a response. */
  public record Visit(String status, String counter, boolean answered) {
  }

  /**
   * Stores a response; empty when the visit's last ticket is not DONE (or, from a tablet, was
   * finished elsewhere) and nothing was stored; SURVEY_EXISTS when the visit already has one.
   */
  public Future<Optional<Long>> insert(NewResponse r) {
    Map<String, Object> args = new HashMap<>();
    args.put("token", r.token());
    args.put("now", TicketStore.ts(r.at()));
    args.put("channel", r.channel());
    for (int i = 0; i < r.answers().size(); i++) {
      args.put("u" + (i + 1), r.answers().get(i).shortValue());
    }
    args.put("ageBand", r.ageBand());
    args.put("sex", r.sex());
    args.put("education", r.education());
    args.put("occupation", r.occupation());
    args.put("comment", r.comment());
    args.put("tablet", r.tablet());
    return insert.execute(args)
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0)))
        .recover(err -> Future.failedFuture(PgErrors.violatesUnique(err, ONE_PER_VISIT)
            ? new QueueException(ErrorCode.SURVEY_EXISTS,
                "Survei untuk kunjungan ini sudah diisi (this visit's survey has already been answered)")
            : err));
  }

  public Future<Optional<Visit>> visit(String token) {
    return visit.execute("token", token).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Visit(row.getString("status"), row.getString("counter_id"), row.getBoolean("answered")));
    });
  }

  /** The visit a tablet should ask about now. */
  public record Pending(String token, String prefix, int number, String service, Instant finishedAt) {
  }

  /**
   * @return empty when the device is not an active survey tablet; an empty inner value when its
   *     counter has no unanswered visit finished since {@code since}
   */
  public Future<Optional<Optional<Pending>>> pending(String deviceId, Instant since) {
    return pending.execute("device", deviceId, "since", TicketStore.ts(since)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      if (row.getString("tracking_token") == null) {
        return Optional.of(Optional.empty());
      }
      return Optional.of(Optional.of(new Pending(row.getString("tracking_token"), row.getString("prefix"),
          row.getInteger("number"), row.getString("service"), row.getOffsetDateTime("finished_at").toInstant())));
    });
  }

  /** The answers' sums per element and how many responded, in a scope. */
  public record Sums(long respondents, long[] sums) {
  }

  public Future<Sums> sums(LocalDate from, LocalDate to, String agency, String service) {
    return sums.execute("from", from, "to", to, "agency", agency, "service", service).map(rows -> {
      Row row = rows.iterator().next();
      long[] sums = new long[9];
      for (int i = 0; i < 9; i++) {
        sums[i] = row.getLong("s" + (i + 1));
      }
      return new Sums(row.getLong("respondents"), sums);
    });
  }

  /** Visits served (DONE, not transferred on) in a scope. */
  public Future<Long> population(LocalDate from, LocalDate to, String agency, String service) {
    return population.execute("from", from, "to", to, "agency", agency, "service", service)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** A comment left with a response. */
  public record Comment(String service, LocalDate day, String text) {
  }

  public Future<List<Comment>> comments(LocalDate from, LocalDate to, String agency, String service, int limit) {
    return comments.execute("from", from, "to", to, "agency", agency, "service", service, "limit", limit).map(rows -> {
      List<Comment> out = new java.util.ArrayList<>();
      rows.forEach(r -> out.add(new Comment(r.getString("service"), r.getLocalDate("service_day"), r.getString("comment"))));
      return out;
    });
  }
}
