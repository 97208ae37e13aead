package id.antre.server.auth;

import id.antre.server.audit.AuditTrail;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.AdminStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * The first administrator of a hall outside demo mode: created by {@code scripts/admin
 * create-admin} or, once, from {@code ANTRE_ADMIN_PASSWORD} at start. Refused once any active
 * administrator exists; there is no default password.
 */
public final class FirstAdmin {
  /** Who the audit trail names for a change made from the command line or the environment. */
  public static final Actor SYSTEM = new Actor("system", null, null);

  private FirstAdmin() {
  }

  /** Whether an active administrator exists. */
  public static Future<Boolean> exists(AdminStore store) {
    return store.activeAdmins().map(n -> n > 0);
  }

  /**
   * Creates the administrator; CONFLICT when an active administrator exists already, USER_EXISTS
   * when the name is taken, WEAK_PASSWORD or INVALID_REQUEST for what the policy refuses.
   */
  public static Future<Void> create(Vertx vertx, AdminStore store, AuditTrail audit, Clock clock, String username,
      String password, String how) {
    try {
      if (!Accounts.USERNAME.matcher(username).matches()) {
        throw Accounts.invalid("user name: 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'");
      }
      PasswordPolicy.check(username, password);
    } catch (QueueException e) {
      return Future.failedFuture(e);
    }
    return exists(store).compose(any -> {
      if (any) {
        return Future.failedFuture(new QueueException(ErrorCode.CONFLICT,
            "an administrator exists already: sign in as them and create others on /admin/users"));
      }
      return vertx.executeBlocking(() -> Passwords.hash(password))
          .compose(hash -> store.insertUser(username, hash, "admin", null, "Administrator", clock.instant()))
          .compose(inserted -> inserted ? Future.<Void>succeededFuture()
              : Future.failedFuture(new QueueException(ErrorCode.USER_EXISTS, "the user name is taken: " + username)))
          .compose(v -> audit.record(SYSTEM, how, "user.create", username, null,
              new JsonObject().put("username", username).put("role", "admin").put("active", true)));
    });
  }
}
