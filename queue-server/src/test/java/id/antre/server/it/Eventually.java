package id.antre.server.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline instead of sleeping and hoping: polls often, returns as
 * soon as the condition holds, and fails with what it last saw when the time is up. The deadline
 * is generous because the machines are shared; the test is only as slow as the system under it.
 */
public final class Eventually {
  public static final Duration PATIENCE = Duration.ofSeconds(20);

  private Eventually() {
  }

  /** The first value of {@code probe} that {@code done} accepts, within {@link #PATIENCE}. */
  public static <T> T until(String what, Supplier<T> probe, Predicate<T> done) {
    return until(what, PATIENCE, probe, done);
  }

  public static <T> T until(String what, Duration patience, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + patience.toNanos();
    T last = null;
    RuntimeException lastError = null;
    while (true) {
      try {
        last = probe.get();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        lastError = e;
      }
      if (System.nanoTime() > deadline) {
        AssertionError failure = new AssertionError("waited " + patience.toSeconds() + " s for " + what
            + "; last seen: " + last);
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  /** Waits until the condition holds. */
  public static void until(String what, Supplier<Boolean> condition) {
    until(what, condition, Boolean.TRUE::equals);
  }
}
