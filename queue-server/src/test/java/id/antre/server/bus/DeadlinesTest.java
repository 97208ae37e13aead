package id.antre.server.bus;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A command that waited on the event bus past its deadline is refused, not started. */
class DeadlinesTest {
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // no queue service at all: a command that started would fail INTERNAL, not UNAVAILABLE
    vertx.deployVerticle(new QueueVerticle(null, null, null)).await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  int failureCode(DeliveryOptions options) {
    try {
      vertx.eventBus().request(Addresses.QUEUE_COMMANDS, new JsonObject().put("token", "t"), options).await();
      throw new AssertionError("the command succeeded");
    } catch (ReplyException e) {
      return e.failureCode();
    }
  }

  @Test
  void aCommandReceivedPastItsDeadlineIsRefusedAsUnavailableWithoutStarting() {
    DeliveryOptions late = new DeliveryOptions().addHeader("action", "track").setLocalOnly(true)
        .addHeader(Deadlines.HEADER, Long.toString(System.currentTimeMillis() - 1));
    assertThat(failureCode(late)).isEqualTo(ErrorCode.UNAVAILABLE.busCode());
  }

  @Test
  void aCommandWithinItsDeadlineStarts() {
    assertThat(failureCode(Deadlines.command("track", Duration.ofSeconds(5)))).isEqualTo(ErrorCode.INTERNAL.busCode());
  }

  @Test
  void theDeadlineIsTheSendTimeout() {
    DeliveryOptions o = Deadlines.command("issue", Duration.ofMillis(2500));
    assertThat(o.getSendTimeout()).isEqualTo(2500);
    assertThat(Deadlines.expired(o.getHeaders())).isFalse();
  }

  @Test
  void commandsSentWithoutADeadlineGetTheDefaultOneWhenSent() {
    Deadlines.stampCommands(vertx, Duration.ofSeconds(7));
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().addInboundInterceptor(ctx -> {
      if (Addresses.QUEUE_COMMANDS.equals(ctx.message().address())) {
        seen.add(String.valueOf(ctx.message().headers().get(Deadlines.HEADER)));
      }
      ctx.next();
    });
    long sent = System.currentTimeMillis();
    failureCode(new DeliveryOptions().addHeader("action", "track").setLocalOnly(true));
    assertThat(seen).hasSize(1);
    assertThat(Long.parseLong(seen.get(0))).isBetween(sent + 6_000, System.currentTimeMillis() + 7_000);
  }
}
