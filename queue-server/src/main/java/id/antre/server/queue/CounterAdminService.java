package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.CounterAssignment;
import id.antre.server.domain.CounterState;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.QueueException;
import id.antre.server.domain.TicketNumber;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens, pauses and closes counters and changes the services they call. */
final class CounterAdminService implements CounterAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(CounterAdminService.class);

  private final HallRef halls;
  private final CounterRepository store;
  private final Events events;
  private final Estimates estimates;
  private final Clock clock;
  private final CounterLookup counters;
  private final HallOverview overview;

  CounterAdminService(HallRef halls, CounterRepository store, Events events, Estimates estimates, Clock clock,
      CounterLookup counters, HallOverview overview) {
    this.halls = halls;
    this.store = store;
    this.events = events;
    this.estimates = estimates;
    this.clock = clock;
    this.counters = counters;
    this.overview = overview;
  }

  private LocalDate today() {
    Hall hall = halls.get();
    return TicketNumber.serviceDay(clock.instant(), hall.timeZone());
  }

  @Override
  public Future<CounterDesk> counter(Actor actor, String counterId) {
    Hall hall = halls.get();
    return counters.counterFor(actor, counterId).compose(c -> store.counter(c.id()).compose(row ->
        store.servedToday(actor.name(), c.id(), today().atStartOfDay(hall.timeZone()).toInstant())
            .map(n -> new CounterDesk(new CounterView(c, row),
                new ServedToday(n.atCounter(), n.byOfficer(), n.transferredByOfficer())))));
  }

  @Override
  public Future<List<CounterView>> counters(Actor actor) {
    if (!actor.isStaff()) {
      return Refusals.forbidden("Hanya petugas (staff only)");
    }
    return overview.counters().map(list -> list.stream().filter(v -> actor.mayActFor(v.counter().agency())).toList());
  }

  @Override
  public Future<CounterView> setServices(Actor actor, String counterId, List<String> services,
      Map<String, Integer> weights) {
    Hall hall = halls.get();
    if (!actor.mayReassignCounters()) {
      return Refusals.forbidden("Hanya koordinator yang dapat mengubah layanan loket (supervisors only)");
    }
    return counters.counterFor(actor, counterId).compose(counter -> {
      Optional<CounterAssignment.Violation> wrong = CounterAssignment.check(hall::service, counter.agency(), services,
          weights);
      if (wrong.isPresent()) {
        String code = wrong.get().service();
        return switch (wrong.get().fault()) {
          case UNKNOWN_SERVICE -> Future.failedFuture(Refusals.unknownService(code));
          case OTHER_AGENCY -> Refusals.invalid("Layanan " + code + " milik instansi lain (service " + code
              + " belongs to another agency)");
          case LISTED_TWICE -> Refusals.invalid("Ada layanan yang tercantum dua kali (a service is listed twice)");
          case WEIGHT_UNLISTED, WEIGHT_OUT_OF_RANGE -> Refusals.invalid(
              "Bobot harus 1..100 untuk layanan yang dipilih (weights must be 1..100 for listed services)");
        };
      }
      return store.setServices(counterId, services.isEmpty() ? null : services, weights, clock.instant(), actor.name())
          .compose(v -> store.counter(counterId)).map(row -> {
            counters.remember(row);
            LOG.info("counter {} now serves {} (by {})", counterId, services.isEmpty() ? counter.services() : services,
                actor.name());
            events.counter(counter, row);
            return new CounterView(counter, row);
          });
    });
  }

  @Override
  public Future<CounterView> open(Actor actor, String counterId) {
    return setState(actor, counterId, CounterState.Command.OPEN, null);
  }

  @Override
  public Future<CounterView> pause(Actor actor, String counterId, String reason) {
    return setState(actor, counterId, CounterState.Command.PAUSE, reason == null ? "istirahat" : reason);
  }

  @Override
  public Future<CounterView> close(Actor actor, String counterId) {
    return setState(actor, counterId, CounterState.Command.CLOSE, null);
  }

  private Future<CounterView> setState(Actor actor, String counterId, CounterState.Command command, String reason) {
    return counters.counterFor(actor, counterId).compose(counter -> store.counter(counterId).compose(row -> {
      CounterState to = CounterState.apply(CounterState.valueOf(row.state()), command, row.current() != null);
      boolean requiresIdle = command != CounterState.Command.OPEN;
      return store.setCounterState(counterId, to.name(), reason, actor.name(), clock.instant(), command.name(),
              requiresIdle)
          .compose(from -> {
            if (from.isEmpty()) {
              return Future.failedFuture(new QueueException(ErrorCode.COUNTER_BUSY,
                  "Selesaikan dulu tiket yang sedang dilayani (finish the current ticket first)"));
            }
            LOG.info("counter {} {} -> {} by {}", counterId, from.get(), to, actor.name());
            // visitors are told at once whether anyone serves, not at the next periodic refresh
            return estimates.refresh(today()).recover(err -> Future.succeededFuture())
                .compose(v -> store.counter(counterId)).map(now -> {
                  counters.remember(now);
                  events.counter(counter, now);
                  return new CounterView(counter, now);
                });
          });
    }));
  }
}
