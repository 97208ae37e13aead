package id.antre.server.wiring;

import id.antre.server.ServerConfig;
import id.antre.server.bus.BusEvents;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.TicketStore;
import id.antre.server.queue.Application;
import id.antre.server.queue.Estimates;
import id.antre.server.queue.Pauses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue core of a node: the wait estimates, the events published on the bus, the printing
 * the issuing hands tickets to, and the application the routes and the gateway call.
 *
 * @param alwaysOpen the demo without real hours: every service open at any time
 */
public record QueueWiring(Estimates estimates, BusEvents events, PrintingWiring printing, Application app,
    boolean alwaysOpen) {
  /** How often each node refreshes its wait-estimate figures. */
  static final long ESTIMATE_REFRESH_MS = 10_000;

  public static QueueWiring create(Vertx vertx, ServerConfig config, Clock clock, HallRef hall, Storage storage) {
    TicketStore tickets = storage.tickets();
    Estimates estimates = new Estimates(hall, tickets);
    boolean alwaysOpen = config.demo() && !config.realHours();
    // the events read a service's waiting count from the application, which publishes through them
    AtomicReference<Application> app = new AtomicReference<>();
    BusEvents events = new BusEvents(vertx, hall, services -> app.get().queueCounts().waiting(services), clock);
    PrintingWiring printing = PrintingWiring.create(vertx, config, clock, hall, storage, events);
    app.set(Application.create(hall, tickets, tickets, tickets, events, estimates, clock, alwaysOpen, printing.service()));
    return new QueueWiring(estimates, events, printing, app.get(), alwaysOpen);
  }

  /** A process that stood still longer than the command deadline refuses commands for a moment after. */
  public void watchPauses(ServerConfig config) {
    Pauses.watch(config.commandDeadline().toMillis());
  }

  /** Each node's own caches: the wait estimates and which kiosks have a printer. */
  public void refreshEvery(Vertx vertx) {
    vertx.setPeriodic(ESTIMATE_REFRESH_MS, id -> {
      estimates.refresh(app.overview().today());
      printing.service().refreshKiosks();
    });
  }

  public Future<Void> refreshEstimates() {
    return estimates.refresh(app.overview().today());
  }
}
