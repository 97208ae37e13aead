package id.antre.server.it;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;

/** What a test's logback {@link ListAppender} has captured so far. */
public final class Logged {
  private Logged() {
  }

  /**
   * A copy of the appender's events, taken under its lock: the server's threads go on appending
   * while the test reads (logback appends under the appender's own monitor), and streaming the
   * live list meanwhile threw {@code ConcurrentModificationException}.
   */
  public static List<ILoggingEvent> events(ListAppender<ILoggingEvent> appender) {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }
}
