package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.Ticket;
import id.antre.server.queue.fakes.InMemoryTickets;
import id.antre.server.queue.fakes.RecordingEvents;
import id.antre.server.queue.fakes.TestClock;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application wired on the in-memory repositories, as {@link Application#create} wires it
 * on PostgreSQL: no database, no Vert.x instance. Every repository answer is already complete, so
 * each call's future is complete when it returns. Monday 30 November 2026, 10.00 in Jakarta.
 */
final class OnFakes {
  static final Instant MONDAY_10 = LocalDateTime.parse("2026-11-30T10:00").atZone(ZoneId.of("Asia/Jakarta"))
      .toInstant();

  static final Actor KIOSK = new Actor("kiosk-1", Actor.Role.KIOSK, null, "kiosk-1");
  static final Actor DISPLAY = new Actor("display-1", Actor.Role.DISPLAY, null);
  static final Actor OFFICER = new Actor("budi", Actor.Role.OFFICER, "DUKCAPIL");
  static final Actor OTHER_AGENCY = new Actor("sari", Actor.Role.OFFICER, "POLRES");
  static final Actor SUPERVISOR = new Actor("wati", Actor.Role.SUPERVISOR, "DUKCAPIL");

  final Hall hall;
  final InMemoryTickets store;
  final RecordingEvents events = new RecordingEvents();
  final TestClock clock = new TestClock(MONDAY_10);
  /** The ticker that ages the plan views: moved by hand. */
  final AtomicLong nanos = new AtomicLong();
  final Application app;

  /**
   * Dukcapil's KTP (counter 1) and AKTA (counter 2), Polres' SKCK (counter 3), and PAS, which
   * serves on Saturdays only; weekday hours 08.00-15.00.
   */
  OnFakes(int priorityCap, boolean transfersFirst) {
    hall = HallConfigParser.parse("""
        hall: { name: MPP UJI, timeZone: Asia/Jakarta }
        routing: { priorityCap: %d, transfersFirst: %s }
        defaults:
          hours: { mon: "08:00-15:00", tue: "08:00-15:00", wed: "08:00-15:00", thu: "08:00-15:00",
                   fri: "08:00-15:00" }
        agencies:
          - code: DUKCAPIL
            name: Disdukcapil
            services:
              - { code: KTP, prefix: A, name: KTP-el, dailyQuota: 200 }
              - { code: AKTA, prefix: C, name: Akta, dailyQuota: 2 }
              - { code: PAS, prefix: P, name: Paspor, dailyQuota: 50, hours: { sat: "08:00-12:00" } }
          - code: POLRES
            name: Polres
            services:
              - { code: SKCK, prefix: E, name: SKCK, dailyQuota: 100 }
        counters:
          - { id: "1", agency: DUKCAPIL, zone: lantai-1, services: [KTP] }
          - { id: "2", agency: DUKCAPIL, zone: lantai-1, services: [AKTA] }
          - { id: "3", agency: POLRES, zone: lantai-1, services: [SKCK] }
        """.formatted(priorityCap, transfersFirst));
    store = new InMemoryTickets(hall);
    Clock c = clock;
    HallRef halls = HallRef.of(hall);
    PrintService printing = new PrintService(halls, null, events, c, "http://127.0.0.1", 3, Duration.ofSeconds(1),
        Duration.ofMinutes(10), () -> Future.succeededFuture(Set.of()));
    app = Application.create(halls, store, store, store, events, new Estimates(halls, store), c, false, printing,
        nanos::get);
  }

  OnFakes() {
    this(3, true);
  }

  /** Issues a ticket at the kiosk and moves the clock on a minute, so issue times differ. */
  Ticket issue(String service, String priority, String requestId) {
    Ticket t = done(app.issuing().issue(KIOSK, new Issuing.IssueRequest(service, "kiosk", priority, requestId,
        false))).ticket();
    clock.advance(Duration.ofMinutes(1));
    return t;
  }

  /** The value of a future that the fakes completed, or its failure rethrown. */
  static <T> T done(Future<T> f) {
    if (!f.isComplete()) {
      throw new AssertionError("the future did not complete on the in-memory repositories");
    }
    if (f.failed()) {
      if (f.cause() instanceof RuntimeException e) {
        throw e;
      }
      throw new AssertionError(f.cause());
    }
    return f.result();
  }

  /** The refusal a future failed with. */
  static QueueException refusal(Future<?> f) {
    if (!f.isComplete() || f.succeeded()) {
      throw new AssertionError("expected a refusal, got " + (f.isComplete() ? f.result() : "an incomplete future"));
    }
    if (f.cause() instanceof QueueException q) {
      return q;
    }
    throw new AssertionError("expected a QueueException", f.cause());
  }
}
