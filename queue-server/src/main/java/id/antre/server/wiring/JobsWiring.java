package id.antre.server.wiring;

import id.antre.server.bus.BusEvents;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.jobs.ClusterJobs;
import id.antre.server.jobs.JobRunner;
import id.antre.server.persistence.HousekeepingStore;
import id.antre.server.persistence.JobStore;
import id.antre.server.persistence.TicketStore;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Closing the day, the statistics' catch-up, the booking no-shows and retention: once per cluster. */
public record JobsWiring(JobRunner runner) {

  public static JobsWiring create(Vertx vertx, Storage storage, Clock clock, HallRef hall, StatsWiring stats,
      QueueWiring queue, BookingWiring bookings, int retentionDays) {
    BusEvents events = queue.events();
    TicketStore tickets = storage.tickets();
    return new JobsWiring(ClusterJobs.create(vertx, new JobStore(storage.pool()), new HousekeepingStore(storage.pool()),
        clock, hall.get(), stats.service(), () -> {
          // queues emptied and counters closed: every node's pages hear of it through the bus
          Hall now = hall.get();
          now.services().forEach(sv -> events.queue(sv.code()));
          now.counters().forEach(c -> tickets.counter(c.id()).onSuccess(row -> events.counter(c, row)));
        }, retentionDays, bookings.service()));
  }
}
