package id.antre.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One read serves everyone who asks for the same snapshot at about the same moment: while a read
 * of a key is under way, whoever asks for that key waits for the next read, which starts when
 * the current one ends and serves all of them. So a crowd subscribing to {@code queues} costs two
 * reads at a time, not one per subscriber.
 *
 * <p>A subscriber never joins a read that began before it asked: the gateway registers a
 * subscriber before asking for its snapshot, and a snapshot read before that could miss a change
 * whose event the subscriber was not registered to get. At most one read per key is under way and
 * one waiting. Single-threaded (the gateway's event loop).
 *
 * @param <T> what a read gives (the encoded snapshot)
 */
final class SharedReads<T> {
  private final Map<String, Future<T>> running = new HashMap<>();
  private final Map<String, Promise<T>> waiting = new HashMap<>();

  /**
   * @param key  what is read: two asks with the same key must want the same answer
   * @param read the read, started now or after the one under way
   */
  Future<T> read(String key, Supplier<Future<T>> read) {
    if (!running.containsKey(key)) {
      return start(key, read);
    }
    Promise<T> next = waiting.get(key);
    if (next == null) {
      next = Promise.promise();
      waiting.put(key, next);
    }
    return next.future();
  }

  /** Reads under way (for tests). */
  int running() {
    return running.size();
  }

  private Future<T> start(String key, Supplier<Future<T>> read) {
    Future<T> f;
    try {
      f = read.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    running.put(key, f);
    f.onComplete(done -> {
      running.remove(key);
      Promise<T> next = waiting.remove(key);
      if (next != null) {
        start(key, read).onComplete(next);
      }
    });
    return f;
  }
}
