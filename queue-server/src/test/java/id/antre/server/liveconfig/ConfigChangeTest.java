package id.antre.server.liveconfig;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.config.HallConfigParser;
import org.junit.jupiter.api.Test;

class ConfigChangeTest {
  static final String FILE = """
      hall: { name: MPP, timeZone: Asia/Jakarta }
      defaults: { hours: { mon: "08:00-15:00" } }
      runningText: Selamat datang
      agencies:
        - code: A
          name: A
          services:
            - { code: KTP, prefix: A, name: KTP, dailyQuota: 10 }
            - { code: KK, prefix: B, name: KK, dailyQuota: 10 }
        - { code: P, name: P, services: [{ code: SKCK, prefix: E, name: SKCK, dailyQuota: 10 }] }
      counters:
        - { id: "1", agency: A, zone: z, services: [KTP, KK] }
        - { id: "2", agency: A, zone: z, services: [KK] }
        - { id: "3", agency: P, zone: z, services: [SKCK] }
      """;

  /** The change from FILE to FILE with each {@code from} replaced by the {@code to} after it. */
  static ConfigChange change(String... fromTo) {
    String after = FILE;
    for (int i = 0; i < fromTo.length; i += 2) {
      after = after.replace(fromTo[i], fromTo[i + 1]);
    }
    return new ConfigChange(HallConfigParser.parse(FILE), HallConfigParser.parse(after));
  }

  @Test
  void aCounterGivenOtherServicesLosesASupervisorsReassignmentAndNoOtherDoes() {
    ConfigChange c = change("{ id: \"2\", agency: A, zone: z, services: [KK] }",
        "{ id: \"2\", agency: A, zone: z, services: [KTP] }");
    assertThat(c.countersToReset()).containsExactly("2");
    assertThat(c.removedServices()).isEmpty();
    assertThat(c.removedCounters()).isEmpty();
    assertThat(c.runningTextChanged()).isFalse();
  }

  @Test
  void aServiceTakenOutResetsEveryCountersReassignment() {
    ConfigChange c = change("      - { code: KK, prefix: B, name: KK, dailyQuota: 10 }\n", "",
        "services: [KTP, KK]", "services: [KTP]", "services: [KK]", "services: [KTP]");
    assertThat(c.removedServices()).containsExactly("KK");
    assertThat(c.countersToReset()).containsExactlyInAnyOrder("1", "2", "3");
  }

  @Test
  void aCounterMovedToAnotherAgencyOrTakenOutIsNamed() {
    ConfigChange moved = change("{ id: \"3\", agency: P, zone: z, services: [SKCK] }",
        "{ id: \"3\", agency: A, zone: z, services: [KK] }");
    assertThat(moved.movedCounters()).containsExactly("3");
    ConfigChange gone = change("  - { id: \"3\", agency: P, zone: z, services: [SKCK] }\n", "");
    assertThat(gone.removedCounters()).containsExactly("3");
    assertThat(gone.changedParts().get("after")).containsOnlyKeys("counters");
  }

  @Test
  void theSameHallIsNoChangeAndTheTimeZoneIsNoticed() {
    assertThat(change("name: MPP", "name: MPP").none()).isTrue();
    ConfigChange zone = change("Asia/Jakarta", "Asia/Makassar");
    assertThat(zone.timeZoneChanged()).isTrue();
    assertThat(change("Selamat datang", "Selamat pagi").runningTextChanged()).isTrue();
  }
}
