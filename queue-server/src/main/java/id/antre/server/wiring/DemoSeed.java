package id.antre.server.wiring;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.auth.Passwords;
import id.antre.server.auth.Tokens;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.HallStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * Demo users and devices; passwords are hashed on a worker thread. With ANTRE_DEMO_PASSWORD every
 * node derives the same password and tokens. Without it the first node invents them and stores
 * them hashed; a node that joins a cluster whose database already has them keeps them (its own
 * would replace the ones the first node printed) and says so instead of printing new ones.
 */
final class DemoSeed {
  private final Vertx vertx;
  private final ServerConfig config;
  private final Storage storage;
  /** Demo credentials created here, for printing: name -> secret. */
  private final Map<String, String> secrets;

  DemoSeed(Vertx vertx, ServerConfig config, Storage storage, Map<String, String> secrets) {
    this.vertx = vertx;
    this.config = config;
    this.storage = storage;
    this.secrets = secrets;
  }

  Future<Void> seed(HallRef hall) {
    if (!config.demo()) {
      return Future.succeededFuture();
    }
    HallStore halls = storage.halls();
    if (config.demoPassword().isEmpty() && vertx.isClustered()) {
      return halls.user("admin").compose(admin -> {
        if (admin.isPresent()) {
          secrets.put(AntreServer.SEEDED_EARLIER, "true");
          return Future.succeededFuture();
        }
        return seedNow(halls, hall.get());
      });
    }
    return seedNow(halls, hall.get());
  }

  private Future<Void> seedNow(HallStore halls, Hall hall) {
    String password = config.demoPassword().orElseGet(() -> Tokens.randomId(9));
    if (config.demoPassword().isEmpty()) {
      secrets.put("password", password);
    }
    return vertx.executeBlocking(() -> Passwords.hash(password)).compose(hash -> {
      Future<Void> chain = halls.upsertUser("admin", hash, "admin", null, "Administrator")
          .compose(v -> halls.upsertUser("manager", hash, "manager", null, "Manajer MPP"));
      for (Hall.Agency a : hall.agencies()) {
        String agency = a.code();
        chain = chain.compose(v -> halls.upsertUser("petugas-" + agency.toLowerCase(), hash, "officer", agency,
                "Petugas " + a.name()))
            .compose(v -> halls.upsertUser("koordinator-" + agency.toLowerCase(), hash, "supervisor", agency,
                "Koordinator " + a.name()));
      }
      // derived from the demo password when one is given, so every node of a demo cluster and
      // every restart agree on the same device tokens
      String kiosk = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "kiosk-1")).orElseGet(Tokens::newDeviceToken);
      String display = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "display-1"))
          .orElseGet(Tokens::newDeviceToken);
      String agent = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "printer-1"))
          .orElseGet(Tokens::newDeviceToken);
      secrets.put("kiosk-1", kiosk);
      secrets.put("display-1", display);
      String tablet = config.demoPassword().map(p -> Tokens.derivedDeviceToken(p, "survey-1"))
          .orElseGet(Tokens::newDeviceToken);
      secrets.put("printer-1", agent);
      secrets.put("survey-1", tablet);
      String firstCounter = hall.counters().get(0).id();
      return chain
          .compose(v -> halls.upsertDevice("kiosk-1", "kiosk", "Anjungan Lantai 1", Tokens.sha256(kiosk), "lantai-1", null))
          .compose(v -> halls.upsertDevice("display-1", "display", "Layar Lantai 1", Tokens.sha256(display), "lantai-1",
              null))
          .compose(v -> halls.upsertDevice("printer-1", "print-agent", "Printer Anjungan Lantai 1", Tokens.sha256(agent),
              "lantai-1", "kiosk-1"))
          .compose(v -> storage.surveys().upsertTablet("survey-1", "Tablet Survei " + hall.counters().get(0).name(),
              Tokens.sha256(tablet), firstCounter));
    });
  }
}
