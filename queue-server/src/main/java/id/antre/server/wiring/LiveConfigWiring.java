package id.antre.server.wiring;

import id.antre.server.api.ApiVerticle;
import id.antre.server.api.ConfigRoutes;
import id.antre.server.domain.HallRef;
import id.antre.server.liveconfig.ConfigService;
import id.antre.server.liveconfig.LiveHall;
import id.antre.server.persistence.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The hall's configuration changed while it runs: the node's hall kept on the version in force, and its routes. */
public record LiveConfigWiring(ConfigStore store, LiveHall live, ConfigService service) {

  public static LiveConfigWiring create(Vertx vertx, Storage storage, Clock clock, HallRef hall, QueueWiring queue) {
    ConfigStore store = new ConfigStore(storage.pool());
    // a configuration changed on any node: put in force here, then visitors' estimates follow it
    LiveHall live = new LiveHall(vertx, hall, store, changed -> queue.refreshEstimates()
        .recover(e -> Future.succeededFuture()).compose(v -> queue.app().overview().runningText()));
    return new LiveConfigWiring(store, live, new ConfigService(live, store, storage.audit(), clock));
  }

  /** Catches up with the version stored (a change made while this node was down), then follows changes. */
  public Future<Void> start() {
    return store.version().compose(version -> live.catchUp(version)).compose(v -> live.start());
  }

  public ApiVerticle.Extension routes() {
    return new ConfigRoutes(service);
  }
}
