package id.antre.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A command that waited past its deadline is refused, not started; one that started is not waited for past it. */
class DeadlineTest {
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Runs on an event loop, as the routes and the gateway do. */
  <T> Future<T> onEventLoop(Deadline deadline, java.util.function.Supplier<Future<T>> command) {
    Promise<T> p = Promise.promise();
    vertx.runOnContext(v -> deadline.run(command).onComplete(p));
    return p.future();
  }

  @Test
  void aCommandPastItsDeadlineIsRefusedAsUnavailableWithoutStarting() throws Exception {
    Deadline deadline = Deadline.after(Duration.ofMillis(1));
    Thread.sleep(5);
    AtomicBoolean started = new AtomicBoolean();
    assertThat(deadline.expired()).isTrue();
    assertThatThrownBy(() -> onEventLoop(deadline, () -> {
      started.set(true);
      return Future.succeededFuture("done");
    }).await()).isInstanceOfSatisfying(QueueException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(e.getMessage()).contains("requestId");
    });
    assertThat(started).as("the command started").isFalse();
  }

  @Test
  void aCommandWithinItsDeadlineStartsAndAnswers() {
    assertThat(onEventLoop(Deadline.after(Duration.ofSeconds(5)), () -> Future.succeededFuture("done")).await())
        .isEqualTo("done");
  }

  @Test
  void aCommandThatDoesNotAnswerByTheDeadlineIsUnavailable() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> onEventLoop(Deadline.after(Duration.ofMillis(200)), () -> Promise.<String>promise().future())
        .await()).isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms waited").isBetween(150L, 3000L);
  }

  @Test
  void aRefusalPassesUnchanged() {
    assertThatThrownBy(() -> onEventLoop(Deadline.after(Duration.ofSeconds(5)),
        () -> Future.failedFuture(new QueueException(ErrorCode.COUNTER_BUSY, "busy"))).await())
        .isInstanceOfSatisfying(QueueException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUNTER_BUSY));
  }

  @Test
  void aCommandThatThrowsFailsInsteadOfEscaping() {
    assertThatThrownBy(() -> onEventLoop(Deadline.after(Duration.ofSeconds(5)), () -> {
      throw new QueueException(ErrorCode.INVALID_REQUEST, "bad");
    }).await()).isInstanceOfSatisfying(QueueException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
  }
}
