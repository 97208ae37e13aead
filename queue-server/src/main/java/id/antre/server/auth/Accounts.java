package id.antre.server.auth;

import id.antre.server.audit.AuditTrail;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.AdminStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User accounts as administrators keep them (managers read the list), and one's own password.
 * Every input is checked before anything is written; every change is recorded in the audit trail.
 * A change of role or agency, a deactivation or a password reset ends the user's sign-ins on every
 * node (V007's revocation); changing one's own password ends the other sign-ins and keeps this one.
 */
public class Accounts {
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  public static final Set<String> ROLES = Set.of("admin", "manager", "supervisor", "officer");
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

  private final Vertx vertx;
  private final AdminStore store;
  private final AuthService auth;
  private final AuditTrail audit;
  private final Clock clock;

  public Accounts(Vertx vertx, AdminStore store, AuthService auth, AuditTrail audit, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.auth = auth;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new account: {@code {username, password, role, agency?, displayName?}}. */
  public record NewUser(String username, String password, String role, String agency, String displayName) {
  }

  /** A change: absent fields stay; {@code agencyGiven} tells an explicit null from an absent agency. */
  public record Change(String role, String agency, boolean agencyGiven, Boolean active, String password,
      String displayName) {
  }

  public Future<JsonArray> list(Actor actor) {
    if (!actor.managesHall()) {
      return Future.failedFuture(forbidden());
    }
    return store.users().map(users -> {
      JsonArray out = new JsonArray();
      users.forEach(u -> out.add(view(u)));
      return out;
    });
  }

  public Future<JsonObject> create(Actor admin, String address, NewUser n) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(forbidden());
    }
    try {
      if (!USERNAME.matcher(n.username()).matches()) {
        throw invalid("username: 2 to 64 lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
      }
      role(n.role(), n.agency());
      PasswordPolicy.check(n.username(), n.password());
    } catch (QueueException e) {
      return Future.failedFuture(e);
    }
    String displayName = n.displayName() == null ? n.username() : n.displayName().trim();
    return agencyKnown(n.agency())
        .compose(v -> vertx.executeBlocking(() -> Passwords.hash(n.password())))
        .compose(hash -> store.insertUser(n.username(), hash, n.role(), n.agency(), displayName, clock.instant()))
        .compose(inserted -> {
          if (!inserted) {
            return Future.failedFuture(new QueueException(ErrorCode.USER_EXISTS,
                "Nama pengguna sudah dipakai (user name taken): " + n.username()));
          }
          return store.user(n.username());
        })
        .compose(stored -> {
          JsonObject after = view(stored.orElseThrow().user());
          // the audit trail names the user; the log does not (habit 8)
          LOG.info("user account created by {} (role {})", admin.name(), n.role());
          return audit.record(admin, address, "user.create", n.username(), null, after).map(after);
        });
  }

  public Future<JsonObject> update(Actor admin, String address, String username, Change c) {
    if (!admin.administersAccounts()) {
      return Future.failedFuture(forbidden());
    }
    try {
      if (c.role() != null && !ROLES.contains(c.role())) {
        throw invalid("role must be one of admin, manager, supervisor, officer");
      }
      if (Boolean.FALSE.equals(c.active()) && admin.name().equals(username)) {
        throw invalid("Akun sendiri tidak dapat dinonaktifkan (you cannot deactivate your own account)");
      }
      if (c.password() != null) {
        PasswordPolicy.check(username, c.password());
      }
      if (c.displayName() != null && c.displayName().isBlank()) {
        throw invalid("displayName must not be empty");
      }
    } catch (QueueException e) {
      return Future.failedFuture(e);
    }
    Future<String> hash = c.password() == null ? Future.succeededFuture(null)
        : vertx.executeBlocking(() -> Passwords.hash(c.password()));
    return agencyKnown(c.agencyGiven() ? c.agency() : null).compose(v -> hash).compose(h -> store.updateUser(username, h,
        clock.instant(), (before, otherAdmins) -> next(before, c, otherAdmins),
        (before, after) -> !Objects.equals(before.role(), after.role()) || !Objects.equals(before.agency(), after.agency())
            || (before.active() && !after.active())))
        .compose(changed -> {
          if (changed.isEmpty()) {
            return Future.failedFuture(new QueueException(ErrorCode.NOT_FOUND, "Pengguna tidak dikenal (no such user)"));
          }
          AdminStore.User before = changed.get()[0];
          AdminStore.User after = changed.get()[1];
          boolean ended = c.password() != null || !Objects.equals(before.role(), after.role())
              || !Objects.equals(before.agency(), after.agency()) || (before.active() && !after.active());
          JsonObject afterView = view(after);
          JsonObject recorded = afterView.copy();
          if (c.password() != null) {
            recorded.put("credentialsReset", true);
          }
          LOG.info("user account changed by {}{}", admin.name(), ended ? "; its sign-ins end" : "");
          // a reactivation too: every node must stop refusing the user's new sign-ins at once
          boolean revocations = ended || before.active() != after.active();
          return (revocations ? auth.revocationsChanged() : Future.<Void>succeededFuture())
              .compose(v -> audit.record(admin, address, "user.update", username, view(before), recorded))
              .map(afterView);
        });
  }

  /** One's own password: {@code authorization} is the request's, whose session stays signed in. */
  public Future<Void> changeOwnPassword(Actor actor, String authorization, String address, String current,
      String wanted) {
    if (!actor.isStaff()) {
      return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
          "Perangkat tidak punya kata sandi (devices have no password)"));
    }
    try {
      PasswordPolicy.check(actor.name(), wanted);
      if (wanted.equals(current)) {
        throw new QueueException(ErrorCode.WEAK_PASSWORD, "Kata sandi baru harus berbeda (the new password must differ)");
      }
    } catch (QueueException e) {
      return Future.failedFuture(e);
    }
    String keep = auth.sessionOf(authorization);
    return store.user(actor.name()).compose(stored -> {
      Optional<AdminStore.Stored> s = stored.filter(x -> x.user().active());
      if (s.isEmpty()) {
        return Future.failedFuture(new QueueException(ErrorCode.UNAUTHENTICATED, "Akun tidak aktif (account inactive)"));
      }
      return vertx.executeBlocking(() -> Passwords.verify(current, s.get().passwordHash())
          ? Passwords.hash(wanted) : null);
    }).compose(hash -> {
      if (hash == null) {
        return audit.record(actor, address, "auth.password.refused", actor.name(), null, null)
            .compose(v -> Future.failedFuture(new QueueException(ErrorCode.WRONG_PASSWORD,
                "Kata sandi lama salah (the current password is wrong)")));
      }
      return store.changeOwnPassword(actor.name(), hash, keep, clock.instant())
          .compose(v -> auth.revocationsChanged())
          .compose(v -> audit.record(actor, address, "auth.password", actor.name(), null, null));
    });
  }

  /** The user as {@code change} must leave them; refuses what the rules forbid, changing nothing. */
  static AdminStore.User next(AdminStore.User before, Change c, int otherActiveAdmins) {
    String role = c.role() != null ? c.role() : before.role();
    boolean agencyRole = role.equals("supervisor") || role.equals("officer");
    String agency;
    if (c.agencyGiven()) {
      agency = c.agency();
    } else {
      // a manager or admin has no agency; an officer or supervisor keeps theirs
      agency = agencyRole ? before.agency() : null;
    }
    role(role, agency);
    boolean active = c.active() != null ? c.active() : before.active();
    boolean wasAdmin = before.active() && before.role().equals("admin");
    boolean isAdmin = active && role.equals("admin");
    if (wasAdmin && !isAdmin && otherActiveAdmins == 0) {
      throw new QueueException(ErrorCode.LAST_ADMIN,
          "Admin aktif terakhir tidak dapat diturunkan atau dinonaktifkan (the last active administrator)");
    }
    return before.with(role, agency, c.displayName() != null ? c.displayName().trim() : before.displayName(), active);
  }

  /** Officers and supervisors belong to exactly one agency; managers and admins to none. */
  static void role(String role, String agency) {
    if (!ROLES.contains(role)) {
      throw invalid("role must be one of admin, manager, supervisor, officer");
    }
    boolean agencyRole = role.equals("supervisor") || role.equals("officer");
    if (agencyRole && agency == null) {
      throw invalid("agency is required for a " + role);
    }
    if (!agencyRole && agency != null) {
      throw invalid("a " + role + " has no agency");
    }
  }

  private Future<Void> agencyKnown(String agency) {
    if (agency == null) {
      return Future.succeededFuture();
    }
    return store.agencyExists(agency).compose(found -> found ? Future.succeededFuture()
        : Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_AGENCY, "Instansi tidak dikenal (no such agency): " + agency)));
  }

  static JsonObject view(AdminStore.User u) {
    return new JsonObject().put("username", u.username()).put("role", u.role()).put("agency", u.agency())
        .put("displayName", u.displayName()).put("active", u.active())
        .put("createdAt", u.createdAt() == null ? null : u.createdAt().toString());
  }

  static QueueException invalid(String detail) {
    return new QueueException(ErrorCode.INVALID_REQUEST, detail);
  }

  private static QueueException forbidden() {
    return new QueueException(ErrorCode.FORBIDDEN, "Hanya admin (administrators only; managers may read)");
  }
}
