package id.antre.server.bus;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;

/**
 * A command's deadline travels with it on the event bus as a header (epoch milliseconds): the
 * sender stops waiting then, and the queue verticle does not start a command that waited in its
 * queue past it, since nobody waits for its answer any more. A node that stood still for longer
 * than a deadline cannot tell how old the requests it reads on waking are: {@link Pauses}.
 */
public final class Deadlines {
  /** Header with the epoch millisecond after which the command must not start. */
  public static final String HEADER = "deadline";

  private Deadlines() {
  }

  /** A local command {@code action} that must be answered within {@code within}. */
  public static DeliveryOptions command(String action, Duration within) {
    long ms = Math.max(1, within.toMillis());
    return new DeliveryOptions().addHeader("action", action).setLocalOnly(true).setSendTimeout(ms)
        .addHeader(HEADER, Long.toString(System.currentTimeMillis() + ms));
  }

  /**
   * Gives every command sent to the queue verticle without a deadline (the WebSocket gateway's
   * snapshots and print agents' reports) the default one, at the moment it is sent.
   */
  public static void stampCommands(Vertx vertx, Duration within) {
    Pauses.watch(within.toMillis());
    vertx.eventBus().addOutboundInterceptor((DeliveryContext<Object> ctx) -> {
      if (Addresses.QUEUE_COMMANDS.equals(ctx.message().address()) && ctx.message().headers().get(HEADER) == null) {
        ctx.message().headers().add(HEADER, Long.toString(System.currentTimeMillis() + within.toMillis()));
      }
      ctx.next();
    });
  }

  /**
   * Whether a command with these headers is already past its deadline (false when it has none),
   * or may be: received just after this node stood still for longer than a deadline ({@link Pauses}).
   */
  public static boolean expired(MultiMap headers) {
    if (Pauses.waking()) {
      return true;
    }
    String d = headers.get(HEADER);
    if (d == null) {
      return false;
    }
    try {
      return System.currentTimeMillis() > Long.parseLong(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
