package id.antre.server.queue;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** Opening, pausing and closing counters, and which services they call. */
public interface CounterAdmin {

  /** A counter's state for its terminal, with what was served there today. */
  record CounterDesk(CounterView view, ServedToday served) {
  }

  /** Finished at the counter and by the officer today, and the officer's transfers apart. */
  record ServedToday(int atCounter, int byOfficer, int transferredByOfficer) {
  }

  Future<CounterDesk> counter(Actor actor, String counterId);

  /** Counters an actor may see: their agency's, or all for managers. */
  Future<List<CounterView>> counters(Actor actor);

  Future<CounterView> open(Actor actor, String counterId);

  /** {@code reason} null: a break ("istirahat"). */
  Future<CounterView> pause(Actor actor, String counterId, String reason);

  Future<CounterView> close(Actor actor, String counterId);

  /** A supervisor changes which services a counter calls, live; an empty list restores the configuration. */
  Future<CounterView> setServices(Actor actor, String counterId, List<String> services, Map<String, Integer> weights);
}
