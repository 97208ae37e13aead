package id.antre.server.auth;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.HallStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs users in and turns an Authorization header into an {@link Actor}. */
public class AuthService {
  private final Vertx vertx;
  private final HallStore store;
  private final Tokens tokens;
  private final Clock clock;
  /** Device tokens by hash; devices are few and long-lived. */
  private final Map<String, Actor> devices = new ConcurrentHashMap<>();

  public AuthService(Vertx vertx, HallStore store, Tokens tokens, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A successful login. */
  public record Login(Tokens.Issued token, Actor actor, String displayName) {
  }

  public Future<Login> login(String username, String password) {
    QueueException refused = new QueueException(ErrorCode.UNAUTHENTICATED,
        "Nama pengguna atau kata sandi salah (wrong username or password)");
    return store.user(username).compose(user -> {
      // hash even for an unknown user so that timing does not tell which names exist
      String hash = user.map(HallStore.UserRow::passwordHash).orElse(DUMMY_HASH);
      return vertx.executeBlocking(() -> Passwords.verify(password, hash)).compose(ok -> {
        if (!ok || user.isEmpty()) {
          return Future.failedFuture(refused);
        }
        HallStore.UserRow u = user.get();
        Actor actor = new Actor(u.username(), Actor.Role.ofUser(u.role()), u.agency());
        Tokens.Issued issued = tokens.issue(actor);
        return store.insertSession(issued.sessionId(), u.username(), clock.instant(), issued.expiresAt())
            .map(v -> new Login(issued, actor, u.displayName()));
      });
    });
  }

  /** The actor behind "Bearer ..."; UNAUTHENTICATED when missing or unknown. */
  public Future<Actor> authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(new QueueException(ErrorCode.UNAUTHENTICATED,
          "Perlu masuk terlebih dahulu (Authorization: Bearer <token> required)"));
    }
    String token = authorization.substring(7).trim();
    if (Tokens.isUserToken(token)) {
      try {
        return Future.succeededFuture(tokens.verify(token));
      } catch (QueueException e) {
        return Future.failedFuture(e);
      }
    }
    String hash = Tokens.sha256(token);
    Actor known = devices.get(hash);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return store.deviceByTokenHash(hash).map(d -> {
      Actor actor = d.map(x -> new Actor(x.id(), Actor.Role.ofDevice(x.kind()), null,
              "kiosk".equals(x.kind()) ? x.id() : x.kiosk()))
          .orElseThrow(() -> new QueueException(ErrorCode.UNAUTHENTICATED, "Token tidak sah (invalid token)"));
      devices.put(hash, actor);
      return actor;
    });
  }

  private static final String DUMMY_HASH = Passwords.hash("antre-dummy-password");
}
