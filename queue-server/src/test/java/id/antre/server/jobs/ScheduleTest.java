package id.antre.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The periods jobs run for, around the hall's midnight (Jakarta, UTC+7) rather than UTC's. */
class ScheduleTest {
  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  static Instant jakarta(String local) {
    return java.time.LocalDateTime.parse(local).atZone(JAKARTA).toInstant();
  }

  @Test
  void theServiceDayThatEndedIsTheOneBeforeTheHallsDate() {
    Schedule s = Schedule.afterEachServiceDay(JAKARTA);
    assertThat(s.period(jakarta("2026-11-30T23:59:59"))).isEqualTo("2026-11-29");
    assertThat(s.period(jakarta("2026-12-01T00:00:00"))).isEqualTo("2026-11-30");
    // 06:30 in Jakarta is still the previous day in UTC: the hall's zone decides
    assertThat(s.period(jakarta("2026-12-01T06:30:00"))).isEqualTo("2026-11-30");
    assertThat(Schedule.afterEachServiceDay(ZoneOffset.UTC).period(jakarta("2026-12-01T06:30:00")))
        .isEqualTo("2026-11-29");
  }

  @Test
  void aDailyJobBelongsToTheDayOnceItsTimeHasCome() {
    Schedule s = Schedule.dailyFrom(LocalTime.of(1, 0), JAKARTA);
    assertThat(s.period(jakarta("2026-12-01T00:59:00"))).isEqualTo("2026-11-30");
    assertThat(s.period(jakarta("2026-12-01T01:00:00"))).isEqualTo("2026-12-01");
  }

  @Test
  void everyNMinutesNamesTheSameSlotOnEveryNode() {
    Schedule s = Schedule.every(Duration.ofMinutes(10));
    Instant t = Instant.parse("2026-12-01T05:00:00Z");
    assertThat(s.period(t)).isEqualTo(s.period(t.plus(Duration.ofMinutes(9))));
    assertThat(s.period(t)).isNotEqualTo(s.period(t.plus(Duration.ofMinutes(10))));
  }

  @Test
  void retentionDaysDefaultAndRefusal() {
    assertThat(Retention.days(Map.of())).isEqualTo(365);
    assertThat(Retention.days(Map.of("ANTRE_RETENTION_DAYS", " 90 "))).isEqualTo(90);
    assertThatThrownBy(() -> Retention.days(Map.of("ANTRE_RETENTION_DAYS", "setahun")))
        .hasMessageContaining("ANTRE_RETENTION_DAYS");
    assertThatThrownBy(() -> new Retention(0, JAKARTA, java.time.Clock.systemUTC(), null))
        .hasMessageContaining("at least 1");
  }
}
