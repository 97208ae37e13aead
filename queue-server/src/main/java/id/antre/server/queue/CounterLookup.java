package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Finds a counter an actor may act for, and keeps this node's recent view of each counter for
 * planning calls (at most {@link #PLAN_CACHE_MILLIS} old). The age is measured on a monotonic
 * ticker, not the hall's clock: it is about how fresh a copy is, not about the time of day.
 */
final class CounterLookup {
  /** How long a node trusts its view of a counter for planning a call. */
  static final long PLAN_CACHE_MILLIS = 5_000;

  /** {@code hallVersion}: a new configuration may reassign the counter, so a view from before it is not used. */
  private record PlanView(CounterSnapshot row, long atNanos, long hallVersion) {
  }

  private final HallRef halls;
  private final CounterRepository store;
  private final LongSupplier nanos;
  private final Map<String, PlanView> planViews = new ConcurrentHashMap<>();

  CounterLookup(HallRef halls, CounterRepository store, LongSupplier nanos) {
    this.halls = halls;
    this.store = store;
    this.nanos = nanos;
  }

  /** The configured counter, when it exists and the actor acts for its agency. */
  Future<Hall.Counter> counterFor(Actor actor, String counterId) {
    Hall hall = halls.get();
    Hall.Counter counter = counterId == null ? null : hall.counter(counterId).orElse(null);
    if (counter == null) {
      return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + counterId));
    }
    if (!actor.mayActFor(counter.agency())) {
      return Refusals.forbidden("Loket ini milik instansi lain (this counter belongs to another agency)");
    }
    return Future.succeededFuture(counter);
  }

  /** The counter as stored now. */
  Future<CounterSnapshot> read(String counterId) {
    return store.counter(counterId);
  }

  /** A recent view of the counter, read afresh when the cached one is too old. */
  Future<CounterSnapshot> planView(String counterId) {
    Optional<CounterSnapshot> cached = cached(counterId);
    if (cached.isPresent()) {
      return Future.succeededFuture(cached.get());
    }
    return store.counter(counterId).map(row -> {
      remember(row);
      return row;
    });
  }

  /** The cached view when it is recent enough to plan with. */
  Optional<CounterSnapshot> cached(String counterId) {
    PlanView v = planViews.get(counterId);
    if (v != null && v.hallVersion() == halls.version()
        && (nanos.getAsLong() - v.atNanos()) / 1_000_000 < PLAN_CACHE_MILLIS) {
      return Optional.of(v.row());
    }
    return Optional.empty();
  }

  void remember(CounterSnapshot row) {
    planViews.put(row.counterId(), new PlanView(row, nanos.getAsLong(), halls.version()));
  }
}
