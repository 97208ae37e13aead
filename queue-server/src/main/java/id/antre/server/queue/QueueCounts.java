package id.antre.server.queue;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Map;

/** How many wait in each of some services today, for the queue events. */
public interface QueueCounts {

  /** A service's waiting visitors and how long the longest has waited. */
  record Waiting(int waiting, long oldestWaitMinutes) {
  }

  Future<Map<String, Waiting>> waiting(Collection<String> services);
}
