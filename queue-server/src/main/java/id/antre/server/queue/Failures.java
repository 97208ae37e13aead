package id.antre.server.queue;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.PgErrors;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What any failure of a command stands for, as an error code and a readable detail: a refusal
 * of the application as it is, a database failure as {@link PgErrors} classifies it, a deadline
 * that passed as UNAVAILABLE. Empty for anything else: a bug, INTERNAL for the caller, which
 * logs it. The HTTP problem and the WebSocket error frame are both made from this answer.
 */
public final class Failures {
  private Failures() {
  }

  public static Optional<QueueException> classify(Throwable err) {
    if (err instanceof QueueException q) {
      return Optional.of(q);
    }
    if (err instanceof TimeoutException) {
      return Optional.of(new QueueException(ErrorCode.UNAVAILABLE, Deadline.DETAIL));
    }
    return PgErrors.classify(err);
  }

  /** Whether the failure is a bug rather than a refusal or an unavailable database. */
  public static boolean isInternal(Throwable err) {
    return classify(err).isEmpty();
  }
}
