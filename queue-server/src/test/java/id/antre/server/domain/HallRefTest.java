package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.config.HallConfigParser;
import org.junit.jupiter.api.Test;

class HallRefTest {
  static final String FILE = """
      hall: { name: MPP, timeZone: Asia/Jakarta }
      defaults: { hours: { mon: "08:00-15:00" } }
      agencies:
        - { code: A, name: A, services: [{ code: S, prefix: S, name: S, dailyQuota: 1 }] }
      counters:
        - { id: "1", agency: A, zone: z, services: [S] }
      """;

  @Test
  void onlyANewerVersionReplacesTheHallInForce() {
    Hall one = HallConfigParser.parse(FILE);
    Hall two = HallConfigParser.parse(FILE.replace("name: MPP", "name: MPP DUA"));
    Hall late = HallConfigParser.parse(FILE.replace("name: MPP", "name: MPP LAMA"));
    HallRef ref = new HallRef(one, 1);
    assertThat(ref.swap(two, 2)).isTrue();
    assertThat(ref.swap(late, 2)).as("the same version again").isFalse();
    assertThat(ref.swap(late, 1)).as("an older version, arriving late").isFalse();
    assertThat(ref.get()).isSameAs(two);
    assertThat(ref.version()).isEqualTo(2);
  }
}
