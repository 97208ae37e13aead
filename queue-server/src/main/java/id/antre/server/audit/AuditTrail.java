package id.antre.server.audit;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where every administrative change and every sign-in is recorded: who, when, from which client
 * address, what, and the state before and after. Never given passwords or tokens: callers pass the
 * public view of what changed.
 */
public interface AuditTrail {

  /**
   * Records one entry. {@code action} is a stable dotted name ({@code user.create},
   * {@code device.revoke}, {@code config.update}, {@code auth.login}, ...); {@code target} names the
   * thing changed (a user name, a device id, a service code); {@code before} and {@code after} may be
   * null (a creation has no before, a sign-in neither).
   */
  Future<Void> record(Actor actor, String address, String action, String target, JsonObject before,
      JsonObject after);

  /** For tests and tools that do not keep a trail. */
  AuditTrail NONE = (actor, address, action, target, before, after) -> Future.succeededFuture();
}
