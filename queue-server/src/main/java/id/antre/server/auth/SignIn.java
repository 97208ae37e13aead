package id.antre.server.auth;

import io.vertx.core.Future;

/** Signing in and out, who a token stands for, and the administration of accounts and devices. */
public interface SignIn {

  /** A successful login. */
  record Login(Tokens.Issued token, Actor actor, String displayName) {
  }

  /** A user account as administrators see it. */
  record Account(String username, String role, String agency, String displayName, boolean active) {
  }

  /** UNAUTHENTICATED for a wrong name or password (the same answer for both). */
  Future<Login> login(String username, String password);

  /** The actor behind "Bearer ..."; UNAUTHENTICATED when missing, unknown or revoked. */
  Future<Actor> authenticate(String authorization);

  /** Revokes the session of a "Bearer ..." user token. */
  Future<Void> logout(String authorization);

  /** Activates or deactivates a user account (administrators only). */
  Future<Account> setActive(Actor admin, String username, boolean active);

  /** Revokes a device's token (administrators only). */
  Future<Void> revokeDevice(Actor admin, String deviceId);

  /** A device authenticated and said which client version it runs (null: it did not say). */
  default void seen(Actor actor, String version) {
  }
}
