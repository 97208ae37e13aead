package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.Availability;
import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.TicketNumber;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole hall at a glance: services, counters, the running text, the calls. */
final class OverviewService implements HallOverview, QueueCounts {
  private static final Logger LOG = LoggerFactory.getLogger(OverviewService.class);

  private final HallRef halls;
  private final OverviewRepository store;
  private final CounterRepository counterStore;
  private final Events events;
  private final Clock clock;
  private final boolean alwaysOpen;

  OverviewService(HallRef halls, OverviewRepository store, CounterRepository counterStore, Events events, Clock clock,
      boolean alwaysOpen) {
    this.halls = halls;
    this.store = store;
    this.counterStore = counterStore;
    this.events = events;
    this.clock = clock;
    this.alwaysOpen = alwaysOpen;
  }

  @Override
  public Hall hall() {
    return halls.get();
  }

  @Override
  public LocalDate today() {
    Hall hall = halls.get();
    return TicketNumber.serviceDay(clock.instant(), hall.timeZone());
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Future<List<ServiceStatus>> services() {
    Hall hall = halls.get();
    LocalDate day = today();
    Instant now = clock.instant();
    return store.queues(day).compose(queues -> store.issuedToday(day).compose(issued ->
        counterStore.counters().map(rows -> {
      List<String> open = rows.stream().filter(r -> "OPEN".equals(r.state())).map(CounterSnapshot::counterId).toList();
      return hall.services().stream().map(s -> {
        OverviewRepository.QueueRow q = queues.get(s.code());
        List<String> serving = hall.counters().stream()
            .filter(c -> c.services().contains(s.code()) && open.contains(c.id())).map(Hall.Counter::id).toList();
        return new ServiceStatus(s, Availability.issuing(hall, s, now.atZone(hall.timeZone()), alwaysOpen),
            Math.max(0, s.dailyQuota() - issued.getOrDefault(s.code(), 0)), q == null ? 0 : q.waiting(),
            q == null ? null : q.oldest(), serving);
      }).toList();
    })));
  }

  @Override
  public Future<List<CounterView>> counters() {
    Hall hall = halls.get();
    return counterStore.counters().map(rows -> rows.stream()
        .sorted(Comparator.comparingInt(r -> hall.counterOrder(r.counterId())))
        // a counter the configuration no longer lists (or not yet, on a node a change has not reached) is not shown
        .flatMap(r -> hall.counter(r.counterId()).map(c -> new CounterView(c, r)).stream()).toList());
  }

  @Override
  public Future<String> runningText() {
    Hall hall = halls.get();
    return store.runningText().map(t -> t == null ? hall.runningText() : t);
  }

  @Override
  public Future<String> runningText(Actor actor, String text) {
    Hall hall = halls.get();
    if (!actor.managesHall()) {
      return Refusals.forbidden("Hanya manajer yang dapat mengubah teks berjalan (managers only)");
    }
    String stored = text == null || text.isBlank() ? null : text.strip();
    return store.runningText(stored).map(v -> {
      String shown = stored == null ? hall.runningText() : stored;
      LOG.info("running text set by {}", actor.name());
      events.runningText(shown);
      return shown;
    });
  }

  @Override
  public Future<Calls> callsAfter(long afterSeq, String zone, int limit) {
    return store.latestCallSeq().compose(seq -> store.callsAfter(afterSeq, zone, limit).map(rows ->
        new Calls(seq, rows.stream().map(r -> new Call(r.seq(), r.recall(), r.at(), r.counterId(), r.ticket()))
            .toList())));
  }

  @Override
  public Future<List<Long>> callSeqsAfter(long afterSeq, int limit) {
    return store.callSeqsAfter(afterSeq, limit);
  }

  @Override
  public Future<List<Call>> callsAt(List<Long> seqs) {
    return store.callsAt(seqs).map(rows -> rows.stream()
        .map(r -> new Call(r.seq(), r.recall(), r.at(), r.counterId(), r.ticket())).toList());
  }

  @Override
  public Future<Map<String, Waiting>> waiting(Collection<String> services) {
    Instant now = clock.instant();
    return store.queues(today(), services).map(queues -> services.stream().collect(Collectors.toMap(s -> s, s -> {
      OverviewRepository.QueueRow q = queues.get(s);
      long oldest = q == null || q.oldest() == null ? 0 : Duration.between(q.oldest(), now).toMinutes();
      return new Waiting(q == null ? 0 : q.waiting(), oldest);
    })));
  }
}
