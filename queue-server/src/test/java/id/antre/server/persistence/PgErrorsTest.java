package id.antre.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.VertxException;
import org.junit.jupiter.api.Test;

class PgErrorsTest {

  @Test
  void aConnectionClosedWithRequestsPendingIsUnavailableNotABug() {
    assertThat(PgErrors.classify(VertxException.noStackTrace(PgErrors.CLOSED_WITH_PENDING)))
        .map(QueueException::code).contains(ErrorCode.UNAVAILABLE);
  }

  @Test
  void aStatementGivenToAConnectionThatJustClosedIsUnavailableNotABug() {
    assertThat(PgErrors.classify(VertxException.noStackTrace("Connection is not active now, current status: CLOSED")))
        .map(QueueException::code).contains(ErrorCode.UNAVAILABLE);
  }

  @Test
  void noConnectionFreeWithinThePoolsTimeoutIsUnavailableNotABug() {
    // the pool's timeout is the command deadline: whichever of the two fires first, the answer is 503
    assertThat(PgErrors.classify(new VertxException("Timeout waiting for connection")))
        .map(QueueException::code).contains(ErrorCode.UNAVAILABLE);
  }

  @Test
  void anUnknownFailureStaysUnclassified() {
    assertThat(PgErrors.classify(new IllegalStateException("a bug"))).isEmpty();
  }
}
