package id.antre.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.antre.server.domain.Hall;
import id.antre.server.domain.Hall.Counter;
import id.antre.server.domain.Hall.Service;
import id.antre.server.domain.Hall.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HallConfigParserTest {

  /** A valid hall; each bad-input test changes one thing in it. */
  private static final String VALID = """
      hall:
        name: MPP UJI
        timeZone: Asia/Jakarta
      defaults:
        hours:
          mon: "08:00-15:00"
          fri: "08:00-15:30"
      agencies:
        - code: DUKCAPIL
          name: Disdukcapil
          services:
            - code: KTP
              prefix: A
              name: KTP-el
              dailyQuota: 200
            - code: KK
              prefix: B
              name: Kartu Keluarga
              dailyQuota: 100
        - code: POLRES
          name: Polres
          services:
            - code: SKCK
              prefix: E
              name: SKCK
              dailyQuota: 100
      counters:
        - id: "1"
          agency: DUKCAPIL
          zone: lantai-1
          services: [KTP, KK]
        - id: "2"
          agency: POLRES
          zone: lantai-1
          services: [SKCK]
      """;

  private static String resource(String path) {
    try (InputStream in = HallConfigParserTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** VALID with one piece of text replaced; the piece must occur exactly once. */
  private static String validWith(String original, String replacement) {
    assertThat(VALID.split(java.util.regex.Pattern.quote(original), -1)).as("'%s' occurs once", original).hasSize(2);
    return VALID.replace(original, replacement);
  }

  private static ConfigException refused(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> HallConfigParser.parse(yaml));
    assertThat(e).as("refused with a ConfigException").isNotNull();
    assertThat(e.getMessage()).startsWith(e.field() + ": ");
    return e;
  }

  // ---- good input ----

  @Test
  void theDemoHallOfCirebonParses() {
    Hall hall = HallConfigParser.parse(resource("/halls/cirebon.yaml"));

    assertThat(hall.name()).isEqualTo("MAL PELAYANAN PUBLIK");
    assertThat(hall.subtitle()).isEqualTo("KABUPATEN CIREBON");
    assertThat(hall.timeZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    assertThat(hall.agencies()).hasSize(9);
    assertThat(hall.services()).hasSize(16);
    assertThat(hall.counters()).hasSize(20);
    assertThat(hall.routing()).isEqualTo(new Hall.RoutingRules(3, true, 2));
    assertThat(hall.fridayBreak()).contains(new TimeRange(LocalTime.of(11, 30), LocalTime.of(13, 0)));
    assertThat(hall.holidays()).hasSize(6)
        .containsEntry(LocalDate.of(2026, 12, 25), "Hari Raya Natal")
        .containsEntry(LocalDate.of(2027, 3, 11), "Hari Raya Idulfitri 1448 H");
    assertThat(hall.outcomes()).contains("selesai", "dibatalkan-pemohon").hasSize(5);
    assertThat(hall.runningText()).startsWith("Selamat datang");
  }

  @Test
  void theDemoHallsServicesTakeTheirDefaultsAndTheirOwnSettings() {
    Hall hall = HallConfigParser.parse(resource("/halls/cirebon.yaml"));
    Service ktp = hall.service("KTP").orElseThrow();
    Service kk = hall.service("KK").orElseThrow();
    Service skck = hall.service("SKCK").orElseThrow();

    assertThat(ktp.agency()).isEqualTo("DUKCAPIL");
    assertThat(ktp.prefix()).isEqualTo("A");
    assertThat(ktp.dailyQuota()).isEqualTo(250);
    assertThat(ktp.averageServiceMinutes()).isEqualTo(10.0);
    assertThat(kk.averageServiceMinutes()).as("from defaults").isEqualTo(8.0);
    assertThat(ktp.hours()).hasSize(5)
        .containsEntry(DayOfWeek.MONDAY, new TimeRange(LocalTime.of(8, 0), LocalTime.of(15, 0)))
        .containsEntry(DayOfWeek.FRIDAY, new TimeRange(LocalTime.of(8, 0), LocalTime.of(15, 30)))
        .doesNotContainKeys(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(ktp.issuingOpensMinutesBefore()).isEqualTo(15);
    assertThat(ktp.cutoffMinutesBeforeClose()).isEqualTo(30);
    assertThat(ktp.issuingCutoff()).isEmpty();
    assertThat(skck.issuingCutoff()).contains(LocalTime.of(13, 30));
    assertThat(ktp.documents()).containsExactly("Fotokopi Kartu Keluarga", "Surat pengantar desa/kelurahan");
    assertThat(hall.service("BPJSINFO").orElseThrow().documents()).isEmpty();
  }

  @Test
  void theDemoHallsWeightedCounterKeepsItsWeightsAndTheOthersCallInOrder() {
    Hall hall = HallConfigParser.parse(resource("/halls/cirebon.yaml"));
    Counter two = hall.counter("2").orElseThrow();
    Counter one = hall.counter("1").orElseThrow();

    assertThat(two.weighted()).isTrue();
    assertThat(two.weights()).isEqualTo(Map.of("KTP", 2, "KK", 1));
    assertThat(one.weighted()).isFalse();
    assertThat(one.services()).containsExactly("KTP", "KK");
    assertThat(hall.counter("12").orElseThrow().services()).containsExactly("SPT", "NPWP");
    assertThat(hall.counter("20").orElseThrow().zone()).isEqualTo("lantai-2");
  }

  @Test
  void theSmallTestHallParses() {
    Hall hall = HallConfigParser.parse(resource("/halls/small.yaml"));

    assertThat(hall.agencies()).extracting(Hall.Agency::code).containsExactly("DUKCAPIL", "POLRES");
    assertThat(hall.services()).extracting(Service::code).containsExactly("KTP", "KK", "AKTA", "SKCK");
    assertThat(hall.counters()).hasSize(21);
    assertThat(hall.routing()).isEqualTo(new Hall.RoutingRules(2, true, 2));
    assertThat(hall.fridayBreak()).contains(new TimeRange(LocalTime.of(11, 30), LocalTime.of(13, 0)));
    assertThat(hall.holidays()).isEqualTo(Map.of(LocalDate.of(2026, 12, 25), "Hari Raya Natal"));
    assertThat(hall.counter("19").orElseThrow().weights()).isEqualTo(Map.of("KTP", 3, "KK", 1, "AKTA", 1));
    assertThat(hall.counter("P1").orElseThrow().name()).isEqualTo("Loket SKCK");
    assertThat(hall.counter("1").orElseThrow().name()).as("default name").isEqualTo("Loket 1");
    assertThat(hall.service("SKCK").orElseThrow().dailyQuota()).isEqualTo(3);
  }

  @Test
  void whatTheConfigurationLeavesOutTakesTheDefaults() {
    Hall hall = HallConfigParser.parse(VALID);
    Service ktp = hall.service("KTP").orElseThrow();

    assertThat(hall.routing()).isEqualTo(new Hall.RoutingRules(3, true, 2));
    assertThat(hall.subtitle()).isEmpty();
    assertThat(hall.fridayBreak()).isEmpty();
    assertThat(hall.holidays()).isEmpty();
    assertThat(hall.outcomes()).containsExactly("selesai", "berkas-tidak-lengkap", "dirujuk", "ditunda");
    assertThat(hall.agency("DUKCAPIL").orElseThrow().fullName()).as("full name defaults to the name")
        .isEqualTo("Disdukcapil");
    assertThat(ktp.issuingOpensMinutesBefore()).isEqualTo(15);
    assertThat(ktp.cutoffMinutesBeforeClose()).isEqualTo(30);
    assertThat(ktp.targetWaitMinutes()).isEqualTo(30);
    assertThat(ktp.averageServiceMinutes()).isEqualTo(8.0);
  }

  @Test
  void weightsLeftOutForAServedServiceCountAsOne() {
    Hall hall = HallConfigParser.parse(validWith("    services: [KTP, KK]\n",
        "    services: [KTP, KK]\n    weights: { KTP: 3 }\n"));

    assertThat(hall.counter("1").orElseThrow().weights()).isEqualTo(Map.of("KTP", 3, "KK", 1));
  }

  @Test
  void timesMayBeWrittenAsARangeOrAsFromAndTo() {
    Hall hall = HallConfigParser.parse(VALID + "fridayBreak: { from: \"11:30\", to: \"13:00\" }\n");

    assertThat(hall.fridayBreak()).contains(new TimeRange(LocalTime.of(11, 30), LocalTime.of(13, 0)));
  }

  @Test
  void anUnquotedHolidayDateIsReadAsThatCalendarDay() {
    Hall hall = HallConfigParser.parse(VALID + "holidays: [ { date: 2026-12-25, name: Natal } ]\n");

    assertThat(hall.holidays()).containsOnlyKeys(LocalDate.of(2026, 12, 25));
  }

  @Test
  void aDayMarkedClosedOrLeftEmptyHasNoHours() {
    Hall hall = HallConfigParser.parse(validWith("    fri: \"08:00-15:30\"\n",
        "    fri: closed\n    sat:\n"));

    assertThat(hall.service("KTP").orElseThrow().hours()).containsOnlyKeys(DayOfWeek.MONDAY);
  }

  @Test
  void theParsedHallCannotBeChangedAfterwards() {
    Hall hall = HallConfigParser.parse(VALID);

    assertThat(catchThrowableOfType(UnsupportedOperationException.class,
        () -> hall.services().add(hall.services().get(0)))).isNotNull();
    assertThat(catchThrowableOfType(UnsupportedOperationException.class,
        () -> hall.service("KTP").orElseThrow().hours().clear())).isNotNull();
  }

  // ---- bad input: each refusal names the field path and why ----

  @Test
  void aHallWithoutANameIsRefused() {
    ConfigException e = refused(validWith("  name: MPP UJI\n", ""));

    assertThat(e.field()).isEqualTo("hall.name");
    assertThat(e.getMessage()).isEqualTo("hall.name: required");
  }

  @Test
  void anUnknownTimeZoneIsRefused() {
    ConfigException e = refused(validWith("Asia/Jakarta", "Asia/Jakrta"));

    assertThat(e.field()).isEqualTo("hall.timeZone");
    assertThat(e.getMessage()).contains("'Asia/Jakrta'").contains("not a time zone");
  }

  @Test
  void anUnknownTopLevelFieldIsRefusedAndTheAllowedOnesAreListed() {
    ConfigException e = refused(VALID + "colour: blue\n");

    assertThat(e.field()).isEqualTo("colour");
    assertThat(e.getMessage()).contains("unknown field").contains("agencies").contains("counters");
  }

  @Test
  void aTypoInAServiceFieldIsRefusedRatherThanIgnored() {
    ConfigException e = refused(validWith("    dailyQuota: 200\n", "    dailyQuotta: 200\n"));

    assertThat(e.field()).isEqualTo("agencies[0].services[0].dailyQuotta");
    assertThat(e.getMessage()).contains("unknown field").contains("dailyQuota");
  }

  @Test
  void aServiceCodeUsedTwiceIsRefused() {
    ConfigException e = refused(validWith("code: KK\n", "code: KTP\n"));

    assertThat(e.field()).isEqualTo("agencies[0].services[1].code");
    assertThat(e.getMessage()).contains("duplicate service code KTP");
  }

  @Test
  void aServiceCodeUsedAgainByAnotherAgencyIsRefused() {
    ConfigException e = refused(validWith("code: SKCK\n", "code: KK\n"));

    assertThat(e.field()).isEqualTo("agencies[1].services[0].code");
    assertThat(e.getMessage()).contains("duplicate service code KK");
  }

  @Test
  void aPrefixUsedTwiceIsRefused() {
    ConfigException e = refused(validWith("prefix: E\n", "prefix: A\n"));

    assertThat(e.field()).isEqualTo("agencies[1].services[0].prefix");
    assertThat(e.getMessage()).contains("prefix A is already used");
  }

  @Test
  void aLowerCasePrefixIsRefused() {
    ConfigException e = refused(validWith("prefix: B\n", "prefix: b\n"));

    assertThat(e.field()).isEqualTo("agencies[0].services[1].prefix");
    assertThat(e.getMessage()).contains("'b'").contains("upper-case");
  }

  @Test
  void aPrefixOfThreeLettersIsRefused() {
    ConfigException e = refused(validWith("prefix: B\n", "prefix: KKK\n"));

    assertThat(e.field()).isEqualTo("agencies[0].services[1].prefix");
  }

  @Test
  void aDailyQuotaOfZeroIsRefused() {
    ConfigException e = refused(validWith("dailyQuota: 200", "dailyQuota: 0"));

    assertThat(e.field()).isEqualTo("agencies[0].services[0].dailyQuota");
    assertThat(e.getMessage()).contains("0 is out of range 1..");
  }

  @Test
  void aDailyQuotaThatIsNotAWholeNumberIsRefused() {
    for (String quota : List.of("banyak", "\"200\"", "2.5")) {
      ConfigException e = refused(validWith("dailyQuota: 200", "dailyQuota: " + quota));

      assertThat(e.field()).as(quota).isEqualTo("agencies[0].services[0].dailyQuota");
      assertThat(e.getMessage()).as(quota).contains("expected a whole number");
    }
  }

  @Test
  void hoursThatEndBeforeTheyStartAreRefused() {
    ConfigException e = refused(validWith("mon: \"08:00-15:00\"", "mon: \"15:00-08:00\""));

    assertThat(e.field()).isEqualTo("defaults.hours.mon");
    assertThat(e.getMessage()).contains("ends before it starts");
  }

  @Test
  void anUnknownWeekdayIsRefused() {
    ConfigException e = refused(validWith("    mon: ", "    monday: "));

    assertThat(e.field()).isEqualTo("defaults.hours.monday");
    assertThat(e.getMessage()).contains("unknown day");
  }

  @Test
  void aServiceWithNoHoursAnywhereIsRefused() {
    ConfigException e = refused(validWith("""
          hours:
            mon: "08:00-15:00"
            fri: "08:00-15:30"
        """, "  targetWaitMinutes: 20\n"));

    assertThat(e.field()).isEqualTo("agencies[0].services[0].hours");
    assertThat(e.getMessage()).contains("no opening hours");
  }

  @Test
  void anUnquotedTimeThatYamlReadsAsANumberIsRefusedAtItsField() {
    ConfigException cutoff = refused(validWith("dailyQuota: 200\n", "dailyQuota: 200\n        issuingCutoff: 13:30\n"));
    ConfigException prayer = refused(VALID + "fridayBreak: { from: 11:30, to: \"13:00\" }\n");

    assertThat(cutoff.field()).isEqualTo("agencies[0].services[0].issuingCutoff");
    assertThat(cutoff.getMessage()).contains("not a time");
    assertThat(prayer.field()).isEqualTo("fridayBreak.from");
    assertThat(prayer.getMessage()).contains("not a time");
  }

  @Test
  void anUnquotedTimeIsRefusedWithAMessageThatShowsTheTimeAsWrittenAndSaysToQuoteIt() {
    ConfigException cutoff = refused(validWith("dailyQuota: 200\n", "dailyQuota: 200\n        issuingCutoff: 13:30\n"));
    ConfigException prayer = refused(VALID + "fridayBreak: { from: 11:30, to: \"13:00\" }\n");

    assertThat(cutoff.getMessage()).contains("13:30").containsIgnoringCase("quot");
    assertThat(prayer.getMessage()).contains("11:30").containsIgnoringCase("quot");
  }

  @Test
  void aCounterOfAnUnknownAgencyIsRefused() {
    ConfigException e = refused(validWith("agency: DUKCAPIL", "agency: DISDUK"));

    assertThat(e.field()).isEqualTo("counters[0].agency");
    assertThat(e.getMessage()).contains("unknown agency DISDUK");
  }

  @Test
  void aCounterServingAnotherAgencysServiceIsRefused() {
    ConfigException e = refused(validWith("services: [KTP, KK]", "services: [KTP, SKCK]"));

    assertThat(e.field()).isEqualTo("counters[0].services");
    assertThat(e.getMessage()).contains("SKCK belongs to agency POLRES, not DUKCAPIL");
  }

  @Test
  void aCounterServingAnUnknownServiceIsRefused() {
    ConfigException e = refused(validWith("services: [SKCK]", "services: [SIM]"));

    assertThat(e.field()).isEqualTo("counters[1].services");
    assertThat(e.getMessage()).contains("unknown service SIM");
  }

  @Test
  void aCounterIdUsedTwiceIsRefused() {
    ConfigException e = refused(validWith("id: \"2\"", "id: \"1\""));

    assertThat(e.field()).isEqualTo("counters[1].id");
    assertThat(e.getMessage()).contains("duplicate counter id 1");
  }

  @Test
  void aWeightForAServiceTheCounterDoesNotServeIsRefused() {
    ConfigException e = refused(validWith("    services: [KTP, KK]\n",
        "    services: [KTP]\n    weights: { KTP: 3, KK: 1 }\n"));

    assertThat(e.field()).isEqualTo("counters[0].weights.KK");
    assertThat(e.getMessage()).contains("does not serve");
  }

  @Test
  void aWeightOfZeroIsRefused() {
    ConfigException e = refused(validWith("    services: [KTP, KK]\n",
        "    services: [KTP, KK]\n    weights: { KTP: 0 }\n"));

    assertThat(e.field()).isEqualTo("counters[0].weights.KTP");
    assertThat(e.getMessage()).contains("out of range");
  }

  @Test
  void invalidYamlIsRefusedAsAWhole() {
    ConfigException e = refused(VALID + "counters: [ { id: \"3\"\n");

    assertThat(e.field()).isEqualTo("(file)");
    assertThat(e.getMessage()).contains("not valid YAML");
  }

  @Test
  void anEmptyFileOrAListIsRefused() {
    assertThat(refused("").field()).isEqualTo("(root)");
    assertThat(refused("- hall\n").field()).isEqualTo("(root)");
  }

  @Test
  void aHallWithoutCountersIsRefused() {
    ConfigException e = refused(VALID.substring(0, VALID.indexOf("counters:")) + "counters: []\n");

    assertThat(e.field()).isEqualTo("counters");
    assertThat(e.getMessage()).contains("must not be empty");
  }

  @Test
  void aSectionOfTheWrongShapeIsRefusedAtItsPath() {
    ConfigException e = refused(validWith("services: [SKCK]", "services: SKCK"));

    assertThat(e.field()).isEqualTo("counters[1].services");
    assertThat(e.getMessage()).contains("expected a list");
  }

  @Test
  void aWeightKeyedByANumberIsRefusedAtItsField() {
    ConfigException e = refused(validWith("    services: [KTP, KK]\n",
        "    services: [KTP, KK]\n    weights: { 1: 3 }\n"));

    assertThat(e.field()).startsWith("counters[0].weights");
  }

  @Test
  void aFieldWrittenTwiceIsRefused() {
    ConfigException e = refused(validWith("dailyQuota: 200\n", "dailyQuota: 200\n        dailyQuota: 20\n"));

    assertThat(e.getMessage()).contains("dailyQuota");
  }

  @Test
  void everyRefusalIsAConfigExceptionNotAnotherException() {
    for (String yaml : List.of("hall: 3\n", "hall: { name: X, timeZone: [a] }\nagencies: []\n",
        VALID.replace("agencies:", "agencies: 7\nx:"), VALID + "holidays: [ { date: \"25-12-2026\", name: N } ]\n",
        VALID + "outcomes: []\n", VALID + "routing: { priorityCap: -1 }\n",
        VALID + "routing: { transfersFirst: sometimes }\n", VALID + "fridayBreak: \"11:30\"\n")) {
      assertThat(catchThrowable(() -> HallConfigParser.parse(yaml))).as(yaml).isInstanceOf(ConfigException.class);
    }
  }
}
