package id.antre.server.persistence;

import id.antre.server.audit.AuditLog;
import id.antre.server.audit.AuditTrail;
import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The audit trail in PostgreSQL ({@code audit_entry}). Whatever a caller passes, a field whose name
 * speaks of a password, hash, token or secret is dropped before it is stored, at any depth.
 */
public class AuditStore implements AuditTrail, AuditLog {
  /** The most entries one read returns. */
  public static final int MAX_LIMIT = 1000;
  private static final Pattern SECRET = Pattern.compile(".*(password|passwd|hash|token|secret).*");
  private static final int MAX_TEXT = 200;

  static final String INSERT = """
      INSERT INTO audit_entry (at, actor, role, address, action, target, before, after)
      VALUES (#{at}, #{actor}, #{role}, #{address}, #{action}, #{target}, #{before}::jsonb, #{after}::jsonb)""";
  static final String LIST = """
      SELECT at, actor, role, address, action, target, before, after
      FROM audit_entry
      WHERE at >= #{from} AND at < #{to}
        AND (#{actor}::text IS NULL OR actor = #{actor})
        AND (#{action}::text IS NULL OR action = #{action} OR action LIKE #{action} || '.%')
      ORDER BY at DESC, id DESC
      LIMIT #{limit}""";

  private final Statement insert;
  private final Statement list;
  private final Clock clock;

  public AuditStore(Pool pool, Clock clock) {
    this.insert = new Statement(pool, INSERT);
    this.list = new Statement(pool, LIST);
    this.clock = clock;
  }

  @Override
  public Future<Void> record(Actor actor, String address, String action, String target, JsonObject before,
      JsonObject after) {
    return insert.execute("at", TicketStore.ts(clock.instant()),
        "actor", clip(actor == null ? "system" : actor.name()),
        "role", actor == null || actor.role() == null ? null : actor.role().name().toLowerCase(Locale.ROOT),
        "address", clip(address), "action", clip(action), "target", clip(target),
        "before", before == null ? null : withoutSecrets(before),
        "after", after == null ? null : withoutSecrets(after)).mapEmpty();
  }

  @Override
  public Future<JsonArray> entries(Instant from, Instant to, String actor, String action, int limit) {
    return list.execute("from", TicketStore.ts(from), "to", TicketStore.ts(to), "actor", actor, "action", action,
        "limit", Math.max(1, Math.min(limit, MAX_LIMIT))).map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            out.add(new JsonObject()
                .put("at", r.getOffsetDateTime("at").toInstant().toString())
                .put("actor", r.getString("actor"))
                .put("role", r.getString("role"))
                .put("address", r.getString("address"))
                .put("action", r.getString("action"))
                .put("target", r.getString("target"))
                .put("before", r.getJsonObject("before"))
                .put("after", r.getJsonObject("after")));
          }
          return out;
        });
  }

  /** A copy without any field whose name speaks of a secret, at any depth. */
  public static JsonObject withoutSecrets(JsonObject o) {
    JsonObject out = new JsonObject();
    for (String key : o.fieldNames()) {
      if (SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
        continue;
      }
      out.put(key, clean(o.getValue(key)));
    }
    return out;
  }

  private static Object clean(Object v) {
    if (v instanceof JsonObject o) {
      return withoutSecrets(o);
    }
    if (v instanceof JsonArray a) {
      JsonArray out = new JsonArray();
      a.forEach(x -> out.add(clean(x)));
      return out;
    }
    return v;
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }
}
