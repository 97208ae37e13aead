package id.antre.server.queue;

import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.domain.WaitEstimator;
import id.antre.server.queue.OverviewRepository.ServiceTime;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-service minutes each person ahead adds, refreshed from the database every few seconds
 * so issuing needs no extra query. A stale figure only makes one estimate a little off.
 */
public class Estimates {
  private final HallRef halls;
  private final OverviewRepository store;
  private final Map<String, Double> minutesPerPerson = new ConcurrentHashMap<>();
  private final Map<String, Integer> openCounters = new ConcurrentHashMap<>();

  public Estimates(HallRef halls, OverviewRepository store) {
    this.halls = halls;
    this.store = store;
  }

  public Future<Void> refresh(LocalDate day) {
    Hall hall = halls.get();
    return store.recentServiceTimes(day).compose(times -> store.openCounters().map(open -> {
      for (Hall.Service s : hall.services()) {
        ServiceTime t = times.getOrDefault(s.code(), new ServiceTime(0, 0));
        int serving = openCountersOf(hall, s.code(), open);
        openCounters.put(s.code(), serving);
        minutesPerPerson.put(s.code(), WaitEstimator.minutesPerPersonAhead(t.meanMinutes(), t.samples(),
            s.averageServiceMinutes(), serving));
      }
      return null;
    }));
  }

  private static int openCountersOf(Hall hall, String service, List<String> open) {
    return (int) hall.counters().stream()
        .filter(c -> open.contains(c.id()) && c.services().contains(service)).count();
  }

  /** Open counters that call the service, as of the last refresh (none before the first). */
  public int openCounters(Hall.Service service) {
    return openCounters.getOrDefault(service.code(), 0);
  }

  public double minutesPerPerson(Hall.Service service) {
    return minutesPerPerson.getOrDefault(service.code(), service.averageServiceMinutes());
  }
}
