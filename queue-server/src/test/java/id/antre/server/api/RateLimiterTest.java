package id.antre.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.it.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
  final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void aBurstIsAllowedThenThePerMinutePaceWithTheWaitToldInSeconds() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.take("issue:kiosk-1", 30, 10)).isZero();
    }
    assertThat(limiter.take("issue:kiosk-1", 30, 10)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.take("issue:kiosk-1", 30, 10)).isZero();
    assertThat(limiter.take("issue:kiosk-1", 30, 10)).isPositive();
  }

  @Test
  void keysAreCountedApartAndZeroMeansNoLimit() {
    for (int i = 0; i < 5; i++) {
      limiter.take("login-user:budi", 5, 5);
    }
    assertThat(limiter.peek("login-user:budi", 5)).isPositive();
    assertThat(limiter.peek("login-user:sari", 5)).isZero();
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.take("issue:kiosk-1", 0, 0)).isZero();
    }
  }

  @Test
  void peekingTakesNothingAndFullBucketsAreForgotten() {
    limiter.take("login-user:budi", 5, 5);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.peek("login-user:budi", 5)).isZero();
    }
    clock.advance(Duration.ofMinutes(1));
    limiter.sweep();
    assertThat(limiter.size()).isZero();
  }
}
