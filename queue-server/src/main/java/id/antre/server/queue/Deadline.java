package id.antre.server.queue;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * How long a command may take, from the moment its request arrived (before signing in) to its
 * answer ({@code ANTRE_COMMAND_DEADLINE_MS}). A command still waiting to start when its deadline
 * has passed is refused with UNAVAILABLE and not started, since nobody waits for its answer any
 * more and starting it could commit what the caller was told failed; one that started is no
 * longer waited for at the deadline (its SQL statement is cancelled by the database's own
 * {@code statement_timeout}). Measured on a monotonic clock.
 */
public final class Deadline {
  /** What a caller is told when the deadline passed: the same request id is safe to repeat. */
  public static final String DETAIL = "Basis data tidak menjawab, coba lagi dengan requestId yang sama "
      + "(the database did not answer in time; the request may be repeated with the same requestId)";

  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  /** A deadline {@code within} from now. */
  public static Deadline after(Duration within) {
    return new Deadline(System.nanoTime() + Math.max(1, within.toNanos()));
  }

  /**
   * Past the deadline, or possibly so: just after this process stood still for longer than a
   * deadline ({@link Pauses}) a request read now may have been sent long before.
   */
  public boolean expired() {
    return System.nanoTime() - endNanos >= 0 || Pauses.waking();
  }

  long remainingMillis() {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
  }

  /** Starts the command unless the deadline has passed, and waits for it until the deadline. */
  public <T> Future<T> run(Supplier<Future<T>> command) {
    if (expired()) {
      return Future.failedFuture(unavailable());
    }
    Future<T> started;
    try {
      started = command.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return started.timeout(remainingMillis(), TimeUnit.MILLISECONDS)
        .recover(err -> Future.failedFuture(err instanceof TimeoutException ? unavailable() : err));
  }

  private static QueueException unavailable() {
    return new QueueException(ErrorCode.UNAVAILABLE, DETAIL);
  }
}
