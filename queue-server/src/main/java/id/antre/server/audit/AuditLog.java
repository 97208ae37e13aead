package id.antre.server.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Instant;

/** The audit trail as administrators and managers read it. */
public interface AuditLog {
  /**
   * Entries recorded from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most
   * {@code limit}; {@code actor} and {@code action} (an exact action or its dotted prefix) narrow it
   * when not null. Each is {@code {at, actor, role, address, action, target, before, after}}.
   */
  Future<JsonArray> entries(Instant from, Instant to, String actor, String action, int limit);
}
