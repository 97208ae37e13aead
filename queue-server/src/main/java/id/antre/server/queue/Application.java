package id.antre.server.queue;

import id.antre.server.domain.Hall;
import id.antre.server.persistence.TicketStore;
import java.time.Clock;

/**
 * The application's typed API, one interface per family, as the HTTP routes and the WebSocket
 * gateway call it: directly, on the caller's event loop. Nothing here goes over the event bus;
 * what happened is published afterwards through {@link Events}.
 */
public record Application(Hall hall, Issuing issuing, CounterActions counterActions, CounterAdmin counterAdmin,
    HallOverview overview, Printing printing, QueueCounts queueCounts) {

  /**
   * Wires the services of one node.
   *
   * @param alwaysOpen the demo's round-the-clock hours
   * @param printing the print service; the issuing service files a job for kiosks with a printer
   */
  public static Application create(Hall hall, TicketStore store, Events events, Estimates estimates, Clock clock,
      boolean alwaysOpen, PrintService printing) {
    Transitions transitions = new Transitions(store, events, clock);
    CounterLookup counters = new CounterLookup(hall, store, System::nanoTime);
    OverviewService overview = new OverviewService(hall, store, events, clock, alwaysOpen);
    IssuingService issuing = new IssuingService(hall, store, events, estimates, clock, alwaysOpen, printing,
        transitions);
    printing.outlook(issuing::outlook);
    return new Application(hall, issuing,
        new CounterActionService(hall, store, events, clock, alwaysOpen, counters, transitions),
        new CounterAdminService(hall, store, events, estimates, clock, counters, overview),
        overview, printing, overview);
  }
}
