package id.antre.server.queue;

import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Routing;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counters as they stand, their state changes, and the claim of the next ticket, which
 * checks under one lock that the counter is open and free. Implemented by
 * {@code persistence.TicketStore}; the unit tests use an in-memory one.
 */
public interface CounterRepository {

  /** Finished at a counter, finished by an officer, and the officer's transfers, since a moment. */
  record ServedToday(int atCounter, int byOfficer, int transferredByOfficer) {
  }

  /** The counter as stored now; fails with UNKNOWN_COUNTER when there is none. */
  Future<CounterSnapshot> counter(String counterId);

  Future<List<CounterSnapshot>> counters();

  /**
   * Claims the next ticket by the plan; empty when nobody waits, the counter is not free, or its
   * priority streak or a supervisor's reassignment (services, weights) is no longer what the plan
   * was made {@code from} (the plan is out of date). The streak it stores is
   * {@link Routing#nextStreak} of the planned one. The counter's row comes back with the ticket it
   * now holds.
   */
  Future<Optional<CounterSnapshot>> callNext(String counterId, LocalDate day, List<String> services,
      boolean priorityFirst, boolean transfersFirst, CounterSnapshot.PlannedFrom from, String officer, Instant now,
      String requestId);

  /** Returns the previous state, or empty when the counter was busy at the moment of the change. */
  Future<Optional<String>> setCounterState(String counterId, String state, String reason, String officer,
      Instant at, String eventType, boolean requiresIdle);

  /** null services restore the configured ones. */
  Future<Void> setServices(String counterId, List<String> services, Map<String, Integer> weights, Instant at,
      String officer);

  Future<ServedToday> servedToday(String officer, String counterId, Instant since);
}
