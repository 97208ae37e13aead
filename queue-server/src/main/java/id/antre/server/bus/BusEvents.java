package id.antre.server.bus;

import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.CounterSnapshot;
import id.antre.server.queue.Events;
import id.antre.server.queue.Failures;
import id.antre.server.queue.QueueCounts;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed transitions on the event bus. Queue counts are coalesced: a burst of
 * issues marks services dirty and one query a quarter second later publishes their counts.
 */
public class BusEvents implements Events {
  private static final Logger LOG = LoggerFactory.getLogger(BusEvents.class);
  static final long QUEUE_FLUSH_MS = 250;

  private final Vertx vertx;
  private final EventBus bus;
  private final HallRef halls;
  private final QueueCounts counts;
  private final Clock clock;
  private final Set<String> dirty = new HashSet<>();
  private boolean flushScheduled;

  public BusEvents(Vertx vertx, HallRef halls, QueueCounts counts, Clock clock) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    SharedJson.registerOn(bus);
    this.halls = halls;
    this.counts = counts;
    this.clock = clock;
  }

  @Override
  public void ticket(String type, Ticket ticket) {
    Hall hall = halls.get();
    bus.publish(Addresses.TICKETS, new JsonObject().put("type", "ticket").put("event", type)
        .put("ticket", JsonViews.ticket(hall, ticket).put("trackingToken", ticket.trackingToken())),
        SharedJson.DELIVERY);
  }

  @Override
  public void call(Ticket ticket, Hall.Counter counter, boolean recall) {
    Hall hall = halls.get();
    bus.publish(Addresses.CALLS, JsonViews.call(hall, ticket, counter, recall, ticket.eventId(), clock.instant()),
        SharedJson.DELIVERY);
  }

  @Override
  public void counter(Hall.Counter counter, CounterSnapshot state) {
    Hall hall = halls.get();
    bus.publish(Addresses.COUNTERS, new JsonObject().put("type", "counter")
        .put("counter", JsonViews.counter(hall, counter, state)), SharedJson.DELIVERY);
  }

  @Override
  public void runningText(String text) {
    Hall hall = halls.get();
    bus.publish(Addresses.HALL, new JsonObject().put("type", "hall").put("runningText", text));
  }

  @Override
  public void printer(String kiosk, JsonObject message) {
    bus.publish(Addresses.PRINTERS, message.put("kiosk", kiosk));
  }

  @Override
  public synchronized void queue(String service) {
    dirty.add(service);
    if (!flushScheduled) {
      flushScheduled = true;
      vertx.setTimer(QUEUE_FLUSH_MS, id -> flush());
    }
  }

  private void flush() {
    Set<String> services;
    synchronized (this) {
      services = new HashSet<>(dirty);
      dirty.clear();
      flushScheduled = false;
    }
    counts.waiting(services).onSuccess(queues -> queues.forEach((s, q) ->
        bus.publish(Addresses.QUEUES, new JsonObject().put("type", "queue").put("service", s)
            .put("waiting", q.waiting()).put("oldestWaitMinutes", q.oldestWaitMinutes()), SharedJson.DELIVERY)))
        .onFailure(e -> {
      // a database outage is logged once by PgErrors; anything else is a bug worth its stack trace
      if (Failures.isInternal(e)) {
        LOG.warn("queue counts not published for {}", services, e);
      }
    });
  }
}
