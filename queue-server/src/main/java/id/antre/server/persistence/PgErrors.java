package id.antre.server.persistence;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.queue.Deadline;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a PostgreSQL failure becomes an error code: by SQLSTATE for errors the
 * server sent, by class for a connection that failed or never came. Anything not listed here is
 * a bug and stays INTERNAL.
 */
public final class PgErrors {
  private static final Logger LOG = LoggerFactory.getLogger(PgErrors.class);
  /** SQLSTATE classes: connection exception, insufficient resources, operator intervention. */
  static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");
  /** SQLSTATE serialization_failure, deadlock_detected: the same request may simply be repeated. */
  static final Set<String> RETRYABLE = Set.of("40001", "40P01");
  /** SQLSTATE class data exception (NUL byte, bad encoding, value out of range): the input's fault. */
  static final String DATA_EXCEPTION_CLASS = "22";
  /** SQLSTATE query_canceled: statement_timeout, the command's deadline inside the database. */
  static final String QUERY_CANCELED = "57014";
  /**
   * What the SQL client says when a connection closes with requests pipelined on it, sent or not:
   * whether they committed is unknown, as after a timeout. Its only mark is this message.
   */
  static final String CLOSED_WITH_PENDING = "Pending requests failed to be sent due to connection has been closed.";
  /** What it says when a statement is given to a pooled connection that has just closed. */
  static final String NOT_ACTIVE = "Connection is not active now";
  /** At most one line about an unreachable database per this many milliseconds. */
  static final long LOG_EVERY_MILLIS = 10_000;

  /** The same words as a command's deadline: either way the request id is safe to repeat. */
  public static final String UNAVAILABLE_DETAIL = Deadline.DETAIL;

  private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() / 1_000_000 - LOG_EVERY_MILLIS);
  private static final AtomicLong suppressed = new AtomicLong();

  private PgErrors() {
  }

  /**
   * The pool's own answer when no connection was free within its connection timeout (the command
   * deadline): the database is not answering, as when a statement times out. It races the
   * command's deadline, so it must mean 503 just the same.
   */
  static final String POOL_TIMEOUT = "Timeout waiting for connection";

  /** The error code a database failure stands for, or empty when it is not one this class knows. */
  public static Optional<QueueException> classify(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg && pg.getSqlState() != null) {
        String state = pg.getSqlState();
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
          return Optional.of(new QueueException(ErrorCode.INVALID_REQUEST,
              "Data tidak dapat disimpan (a value is not acceptable: SQLSTATE " + state + ")"));
        }
        if (UNAVAILABLE_CLASSES.contains(state.substring(0, 2)) || RETRYABLE.contains(state)) {
          return Optional.of(unavailable(state.equals(QUERY_CANCELED) ? "statement timeout" : "SQLSTATE " + state));
        }
        return Optional.empty();
      }
      if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof TimeoutException
          || t.getClass().getSimpleName().contains("Timeout") || CLOSED_WITH_PENDING.equals(t.getMessage())
          || (t.getMessage() != null && t.getMessage().startsWith(NOT_ACTIVE))
          || POOL_TIMEOUT.equals(t.getMessage())) {
        return Optional.of(unavailable(t.getClass().getSimpleName()));
      }
    }
    return Optional.empty();
  }

  /** SQLSTATE unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Whether a failure is PostgreSQL refusing a row because of the named unique constraint. */
  public static boolean violatesUnique(Throwable err, String constraint) {
    for (Throwable t = err; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PgException pg) {
        return UNIQUE_VIOLATION.equals(pg.getSqlState()) && constraint.equals(pg.getConstraint());
      }
    }
    return false;
  }

  private static QueueException unavailable(String why) {
    long now = System.nanoTime() / 1_000_000; // a monotonic count of milliseconds
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
      long more = suppressed.getAndSet(0);
      LOG.warn("PostgreSQL unavailable ({}); requests answer 503{}", why,
          more == 0 ? "" : " (" + more + " more since the last line)");
    } else {
      suppressed.incrementAndGet();
    }
    return new QueueException(ErrorCode.UNAVAILABLE, UNAVAILABLE_DETAIL);
  }
}
