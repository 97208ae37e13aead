package id.antre.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Commands are refused while the process wakes from a pause longer than a deadline, and shortly after. */
class PausesTest {
  @Test
  void refusesWhileWakingAndForAMomentAfter() {
    long limit = 3_000;
    long never = Long.MIN_VALUE / 2;
    assertThat(Pauses.waking(10_000, 9_800, never, limit)).as("running normally").isFalse();
    assertThat(Pauses.waking(20_000, 9_800, never, limit)).as("woken, the watch has not run yet").isTrue();
    assertThat(Pauses.waking(20_100, 20_000, 20_000, limit)).as("just woken").isTrue();
    assertThat(Pauses.waking(20_000 + Pauses.GRACE_MILLIS + 1, 22_000, 20_000, limit)).isFalse();
  }
}
