package id.antre.server.bus;

import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import id.antre.server.persistence.PgErrors;
import id.antre.server.persistence.TicketStore;
import id.antre.server.persistence.TicketStore.CounterRow;
import id.antre.server.queue.Events;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
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
  private final Hall hall;
  private final TicketStore store;
  private final Clock clock;
  private final Supplier<LocalDate> today;
  private final Set<String> dirty = new HashSet<>();
  private boolean flushScheduled;

  public BusEvents(Vertx vertx, Hall hall, TicketStore store, Clock clock, Supplier<LocalDate> today) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.hall = hall;
    this.store = store;
    this.clock = clock;
    this.today = today;
  }

  @Override
  public void ticket(String type, Ticket ticket) {
    bus.publish(Addresses.TICKETS, new JsonObject().put("type", "ticket").put("event", type)
        .put("ticket", JsonViews.ticket(hall, ticket).put("trackingToken", ticket.trackingToken())));
  }

  @Override
  public void call(Ticket ticket, Hall.Counter counter, boolean recall) {
    bus.publish(Addresses.CALLS, JsonViews.call(hall, ticket, counter, recall, ticket.eventId(), clock.instant()));
  }

  @Override
  public void counter(Hall.Counter counter, CounterRow state) {
    bus.publish(Addresses.COUNTERS, new JsonObject().put("type", "counter")
        .put("counter", JsonViews.counter(hall, counter, state)));
  }

  @Override
  public void runningText(String text) {
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
    store.queues(today.get(), services).onSuccess(queues -> {
      for (String s : services) {
        TicketStore.QueueRow q = queues.get(s);
        long oldest = q == null || q.oldest() == null ? 0
            : Duration.between(q.oldest(), clock.instant()).toMinutes();
        bus.publish(Addresses.QUEUES, new JsonObject().put("type", "queue").put("service", s)
            .put("waiting", q == null ? 0 : q.waiting()).put("oldestWaitMinutes", oldest));
      }
    }).onFailure(e -> {
      // a database outage is logged once by PgErrors; anything else is a bug worth its stack trace
      if (PgErrors.classify(e).isEmpty()) {
        LOG.warn("queue counts not published for {}", services, e);
      }
    });
  }
}
