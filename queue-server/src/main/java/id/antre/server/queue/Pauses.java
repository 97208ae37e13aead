package id.antre.server.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that this whole process stood still (a long GC pause, a stalled VM, SIGSTOP): a thread
 * that wakes every {@link #TICK_MILLIS} finds that far more time passed. A request the node read
 * from its socket just after such a pause may have been sent long before it, by a client that has
 * given up on it (and maybe retried it elsewhere), and nothing tells it from a new one; so for
 * {@link #GRACE_MILLIS} after a pause longer than the command deadline, commands count as past
 * their deadline and are refused as unavailable (a client retries them). One watch per process.
 */
public final class Pauses {
  private static final Logger LOG = LoggerFactory.getLogger(Pauses.class);
  static final long TICK_MILLIS = 200;
  /** How long after a pause commands are refused: the requests buffered during it are read at once. */
  static final long GRACE_MILLIS = 2_000;

  private static volatile long limitMillis = Long.MAX_VALUE;
  private static volatile long lastTick = millis();
  private static volatile long wokeAt = Long.MIN_VALUE / 2;
  private static Thread watch;

  private Pauses() {
  }

  /** Starts the watch (once per process); a pause longer than {@code limitMillis} counts. */
  public static synchronized void watch(long limitMillis) {
    Pauses.limitMillis = Math.min(Pauses.limitMillis, Math.max(limitMillis, 2_000));
    if (watch != null) {
      return;
    }
    lastTick = millis();
    watch = new Thread(Pauses::run, "antre-pause-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void run() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = millis();
      long gap = now - lastTick;
      if (gap > limitMillis) {
        wokeAt = now;
        LOG.warn("this node stood still for {} ms (GC, VM stall or stopped): commands received in the next {} ms "
            + "are refused, they may be old", gap, GRACE_MILLIS);
      }
      lastTick = now;
    }
  }

  /** Whether commands must be refused now: the process is waking from a pause, or just woke. */
  public static boolean waking() {
    return waking(millis(), lastTick, wokeAt, limitMillis);
  }

  static boolean waking(long now, long lastTick, long wokeAt, long limitMillis) {
    // the watch itself may not have run since the pause ended
    return now - lastTick > limitMillis || now - wokeAt < GRACE_MILLIS;
  }

  /** Monotonic milliseconds (they keep counting while the process is stopped). */
  private static long millis() {
    return System.nanoTime() / 1_000_000;
  }
}
