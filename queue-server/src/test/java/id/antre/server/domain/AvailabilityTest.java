package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.Availability.Decision;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Calendar used below: Saturday 2026-11-28, Monday 2026-11-30, Friday 2026-12-04,
 * Wednesday 2026-12-23, and the holidays Thursday 2026-12-24 and Friday 2026-12-25.
 */
class AvailabilityTest {
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private static final Hall HALL = HallConfigParser.parse("""
      hall: { name: MPP UJI, timeZone: Asia/Jakarta }
      defaults:
        hours:
          mon: "08:00-15:00"
          tue: "08:00-15:00"
          wed: "08:00-15:00"
          thu: "08:00-15:00"
          fri: "08:00-15:30"
        issuingOpensMinutesBefore: 15
        cutoffMinutesBeforeClose: 30
      fridayBreak: "11:30-13:00"
      holidays:
        - { date: "2026-12-24", name: "Cuti bersama Natal" }
        - { date: "2026-12-25", name: "Hari Raya Natal" }
      agencies:
        - code: DUKCAPIL
          name: Disdukcapil
          services:
            - { code: KTP, prefix: A, name: KTP-el, dailyQuota: 200 }
            - { code: AKTA, prefix: C, name: Akta, dailyQuota: 100, issuingOpensMinutesBefore: 0,
                cutoffMinutesBeforeClose: 60 }
        - code: POLRES
          name: Polres
          services:
            - { code: SKCK, prefix: E, name: SKCK, dailyQuota: 100, issuingCutoff: "13:30" }
        - code: SAMSAT
          name: Samsat
          services:
            - { code: PKB, prefix: F, name: Pajak Kendaraan, dailyQuota: 300,
                hours: { fri: "08:00-15:30", sat: "08:00-12:00" } }
      counters:
        - { id: "1", agency: DUKCAPIL, zone: lantai-1, services: [KTP, AKTA] }
        - { id: "2", agency: POLRES, zone: lantai-1, services: [SKCK] }
        - { id: "3", agency: SAMSAT, zone: lantai-1, services: [PKB] }
      """);

  private static Decision issuing(String service, String localDateTime) {
    return Availability.issuing(HALL, HALL.service(service).orElseThrow(), wib(localDateTime), false);
  }

  private static ZonedDateTime wib(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WIB);
  }

  @Test
  void aServiceIssuesDuringItsOpeningHours() {
    Decision d = issuing("KTP", "2026-11-30T10:00");

    assertThat(d.open()).isTrue();
    assertThat(d.opensAt()).isEmpty();
  }

  @Test
  void ticketMachinesOpenTheConfiguredMinutesBeforeServiceStarts() {
    assertThat(issuing("KTP", "2026-11-30T07:45").open()).isTrue();
    assertThat(issuing("KTP", "2026-11-30T07:59").open()).isTrue();
  }

  @Test
  void beforeTheEarlyOpeningIssuingIsClosedAndSaysWhenItOpensToday() {
    Decision d = issuing("KTP", "2026-11-30T07:44:59");

    assertThat(d.open()).isFalse();
    assertThat(d.reasonId()).contains("07.45");
    assertThat(d.reasonEn()).contains("07.45");
    assertThat(d.opensAt()).contains(wib("2026-11-30T07:45"));
  }

  @Test
  void aServiceWithoutEarlyOpeningIssuesFromTheStartOfServiceOnly() {
    assertThat(issuing("AKTA", "2026-11-30T07:59").open()).isFalse();
    assertThat(issuing("AKTA", "2026-11-30T07:59").opensAt()).contains(wib("2026-11-30T08:00"));
    assertThat(issuing("AKTA", "2026-11-30T08:00").open()).isTrue();
  }

  @Test
  void issuingStopsTheConfiguredMinutesBeforeClosingAndReopensTheNextWorkingMorning() {
    assertThat(issuing("KTP", "2026-11-30T14:29:59").open()).isTrue();

    Decision d = issuing("KTP", "2026-11-30T14:30");

    assertThat(d.open()).isFalse();
    assertThat(d.reasonId()).contains("14.30");
    assertThat(d.reasonEn()).contains("14.30");
    assertThat(d.opensAt()).contains(wib("2026-12-01T07:45"));
  }

  @Test
  void theCutOffFollowsEachServicesOwnMinutesBeforeClose() {
    assertThat(issuing("AKTA", "2026-11-30T13:59").open()).isTrue();
    assertThat(issuing("AKTA", "2026-11-30T14:00").open()).isFalse();
  }

  @Test
  void theCutOffFollowsTheLaterClosingTimeOnFriday() {
    assertThat(issuing("KTP", "2026-12-04T14:59").open()).isTrue();
    assertThat(issuing("KTP", "2026-12-04T15:00").open()).isFalse();
  }

  @Test
  void anExplicitIssuingCutOffWinsOverMinutesBeforeClose() {
    assertThat(issuing("SKCK", "2026-11-30T13:29:59").open()).isTrue();

    Decision d = issuing("SKCK", "2026-11-30T13:30");

    assertThat(d.open()).isFalse();
    assertThat(d.reasonId()).contains("13.30");
    assertThat(d.opensAt()).contains(wib("2026-12-01T07:45"));
    assertThat(issuing("KTP", "2026-11-30T13:30").open()).as("other services keep issuing").isTrue();
  }

  @Test
  void onTheWeekendIssuingIsClosedAndTheNextOpeningIsMondayMorning() {
    for (String moment : new String[] {"2026-11-28T10:00", "2026-11-29T23:59"}) {
      Decision d = issuing("KTP", moment);

      assertThat(d.open()).as(moment).isFalse();
      assertThat(d.reasonEn()).as(moment).isEqualTo("Not open today");
      assertThat(d.opensAt()).as(moment).contains(wib("2026-11-30T07:45"));
    }
  }

  @Test
  void afterFridaysCutOffTheNextOpeningIsMonday() {
    assertThat(issuing("KTP", "2026-12-04T16:00").opensAt()).contains(wib("2026-12-07T07:45"));
  }

  @Test
  void hoursAreKeptPerWeekdaySoASaturdayServiceIssuesOnSaturday() {
    assertThat(issuing("PKB", "2026-11-28T10:00").open()).isTrue();
    assertThat(issuing("PKB", "2026-11-28T11:30").open()).as("cut-off 30 minutes before 12:00").isFalse();
    assertThat(issuing("PKB", "2026-11-30T10:00").open()).as("no Monday hours").isFalse();
    assertThat(issuing("PKB", "2026-11-30T10:00").opensAt()).contains(wib("2026-12-04T07:45"));
  }

  @Test
  void onAHolidayIssuingIsClosedAndTheReasonNamesTheHoliday() {
    Decision d = issuing("KTP", "2026-12-25T10:00");

    assertThat(d.open()).isFalse();
    assertThat(d.reasonId()).contains("Hari Raya Natal");
    assertThat(d.reasonEn()).contains("Hari Raya Natal");
    assertThat(d.opensAt()).contains(wib("2026-12-28T07:45"));
  }

  @Test
  void theNextOpeningSkipsHolidays() {
    Decision d = issuing("KTP", "2026-12-23T15:00");

    assertThat(d.open()).isFalse();
    assertThat(d.opensAt()).as("24th and 25th are holidays, then the weekend").contains(wib("2026-12-28T07:45"));
  }

  @Test
  void duringTheFridayPrayerBreakIssuingIsClosedAndSaysWhenItReopens() {
    assertThat(issuing("KTP", "2026-12-04T11:29:59").open()).isTrue();

    for (String moment : new String[] {"2026-12-04T11:30", "2026-12-04T12:59:59"}) {
      Decision d = issuing("KTP", moment);

      assertThat(d.open()).as(moment).isFalse();
      assertThat(d.reasonId()).as(moment).contains("13.00");
      assertThat(d.reasonEn()).as(moment).contains("13.00");
      assertThat(d.opensAt()).as(moment).contains(wib("2026-12-04T13:00"));
    }
  }

  @Test
  void rightAfterTheFridayPrayerBreakIssuingIsOpenAgain() {
    assertThat(issuing("KTP", "2026-12-04T13:00").open()).isTrue();
  }

  @Test
  void thePrayerBreakAppliesOnFridaysOnly() {
    assertThat(issuing("KTP", "2026-12-03T12:00").open()).isTrue();
  }

  @Test
  void theMomentIsJudgedInTheHallsTimeZoneWhateverZoneItComesIn() {
    Hall.Service ktp = HALL.service("KTP").orElseThrow();

    // 00:45 UTC is 07:45 WIB on the same Monday
    assertThat(Availability.issuing(HALL, ktp, Instant.parse("2026-11-30T00:45:00Z").atZone(ZoneId.of("UTC")), false)
        .open()).isTrue();
    assertThat(Availability.issuing(HALL, ktp, Instant.parse("2026-11-30T00:44:00Z").atZone(ZoneId.of("UTC")), false)
        .open()).isFalse();
    // 01:00 UTC on Friday the 25th is 08:00 WIB on the holiday
    assertThat(Availability.issuing(HALL, ktp, Instant.parse("2026-12-25T01:00:00Z").atZone(ZoneId.of("UTC")), false)
        .reasonEn()).contains("Hari Raya Natal");
  }

  @Test
  void alwaysOpenIgnoresHoursHolidaysCutOffsAndThePrayerBreak() {
    for (String moment : new String[] {
        "2026-11-29T03:00", // Sunday night
        "2026-11-30T06:00", // before opening
        "2026-11-30T20:00", // after the cut-off
        "2026-12-04T12:00", // Friday prayer
        "2026-12-25T10:00", // holiday
    }) {
      Decision d = Availability.issuing(HALL, HALL.service("SKCK").orElseThrow(), wib(moment), true);

      assertThat(d.open()).as(moment).isTrue();
      assertThat(d.opensAt()).as(moment).isEmpty();
    }
  }
}
