package id.antre.server.queue;

import id.antre.server.domain.HallRef;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The application's typed API, one interface per family, as the HTTP routes and the WebSocket
 * gateway call it: directly, on the caller's event loop. Nothing here goes over the event bus;
 * what happened is published afterwards through {@link Events}. {@code hall} is the configuration
 * in force on this node, which an administrator may replace while it runs.
 */
public record Application(HallRef hall, Issuing issuing, CounterActions counterActions, CounterAdmin counterAdmin,
    HallOverview overview, Printing printing, QueueCounts queueCounts) {

  /**
   * Wires the services of one node. In the server one store implements the three repositories;
   * the unit tests pass in-memory ones.
   *
   * @param alwaysOpen the demo's round-the-clock hours
   * @param printing the print service; the issuing service files a job for kiosks with a printer
   */
  public static Application create(HallRef hall, TicketRepository tickets, CounterRepository counterStore,
      OverviewRepository records, Events events, Estimates estimates, Clock clock, boolean alwaysOpen,
      PrintService printing) {
    return create(hall, tickets, counterStore, records, events, estimates, clock, alwaysOpen, printing,
        System::nanoTime);
  }

  /** The same with the ticker that ages the node's view of each counter ({@link CounterLookup}). */
  static Application create(HallRef hall, TicketRepository tickets, CounterRepository counterStore,
      OverviewRepository records, Events events, Estimates estimates, Clock clock, boolean alwaysOpen,
      PrintService printing, LongSupplier ticker) {
    Transitions transitions = new Transitions(tickets, events, clock);
    CounterLookup counters = new CounterLookup(hall, counterStore, ticker);
    OverviewService overview = new OverviewService(hall, records, counterStore, events, clock, alwaysOpen);
    IssuingService issuing = new IssuingService(hall, tickets, events, estimates, clock, alwaysOpen, printing,
        transitions);
    printing.outlook(issuing::outlook);
    return new Application(hall, issuing,
        new CounterActionService(hall, tickets, counterStore, events, clock, alwaysOpen, counters, transitions),
        new CounterAdminService(hall, counterStore, events, estimates, clock, counters, overview),
        overview, printing, overview);
  }
}
