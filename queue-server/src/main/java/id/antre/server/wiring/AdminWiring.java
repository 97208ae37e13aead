package id.antre.server.wiring;

import id.antre.server.ServerConfig;
import id.antre.server.api.AdminRoutes;
import id.antre.server.api.ApiVerticle;
import id.antre.server.auth.Accounts;
import id.antre.server.auth.AuthService;
import id.antre.server.auth.Devices;
import id.antre.server.auth.Tokens;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.AuditStore;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Signing in and the administration of users, devices and the audit trail: the sign-in service,
 * with tokens signed by the hall's secret, the accounts and devices it checks, and their routes.
 */
public record AdminWiring(AuthService auth, Accounts accounts, Devices devices, AuditStore audit) {

  public static AdminWiring create(Vertx vertx, ServerConfig config, Clock clock, Storage storage, byte[] secret) {
    Tokens tokens = new Tokens(secret, clock, config.tokenLifetime());
    AuthService auth = new AuthService(vertx, storage.halls(), tokens, clock).recordingSeenIn(storage.admin());
    return new AdminWiring(auth, new Accounts(vertx, storage.admin(), auth, storage.audit(), clock),
        new Devices(storage.admin(), auth, storage.audit(), clock), storage.audit());
  }

  public ApiVerticle.Extension routes(HallRef hall, Clock clock) {
    return new AdminRoutes(accounts, devices, audit, () -> hall.get().timeZone(), clock);
  }
}
