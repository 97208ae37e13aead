package id.antre.server.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.auth.Actor;
import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Hall;
import id.antre.server.domain.QueueException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checking and scoping of statistics requests, and the CSV and XLSX cells, without a server. */
class StatsRequestTest {
  static Hall hall;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  static final Actor MANAGER = new Actor("manager", Actor.Role.MANAGER, null);
  static final Actor POLRES_SUPERVISOR = new Actor("koordinator-polres", Actor.Role.SUPERVISOR, "POLRES");
  static final Actor OFFICER = new Actor("petugas-dukcapil", Actor.Role.OFFICER, "DUKCAPIL");

  @BeforeAll
  static void hall() throws IOException {
    try (InputStream in = StatsRequestTest.class.getResourceAsStream("/halls/small.yaml")) {
      hall = HallConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static StatsRequest of(Actor actor, Map<String, String> params) {
    return StatsRequest.of(params::get, actor, hall, TODAY);
  }

  static ErrorCode refusal(Actor actor, Map<String, String> params) {
    try {
      of(actor, params);
      return null;
    } catch (QueueException e) {
      return e.code();
    }
  }

  @Test
  void withoutARangeItIsTodayForTheWholeHall() {
    StatsRequest r = of(MANAGER, Map.of());
    assertThat(r.from()).isEqualTo(TODAY);
    assertThat(r.to()).isEqualTo(TODAY);
    assertThat(r.groupBy()).isEqualTo("hall");
    assertThat(r.agency()).isNull();
    assertThat(r.officer()).isNull();
  }

  @Test
  void thePreviousPeriodHasTheSameLengthAndEndsTheDayBefore() {
    StatsRequest r = of(MANAGER, Map.of("from", "2026-11-01", "to", "2026-11-30"));
    assertThat(r.previous().from()).isEqualTo(LocalDate.of(2026, 10, 2));
    assertThat(r.previous().to()).isEqualTo(LocalDate.of(2026, 10, 31));
  }

  @Test
  void aSupervisorIsKeptToTheirAgencyAndAnOfficerToTheirOwnFigures() {
    assertThat(of(POLRES_SUPERVISOR, Map.of()).agency()).isEqualTo("POLRES");
    assertThat(of(POLRES_SUPERVISOR, Map.of("agency", "all")).agency()).isEqualTo("POLRES");
    assertThat(refusal(POLRES_SUPERVISOR, Map.of("agency", "DUKCAPIL"))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(POLRES_SUPERVISOR, Map.of("service", "KTP"))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(of(POLRES_SUPERVISOR, Map.of("service", "SKCK")).service()).isEqualTo("SKCK");
    StatsRequest own = of(OFFICER, Map.of());
    assertThat(own.agency()).isEqualTo("DUKCAPIL");
    assertThat(own.officer()).isEqualTo("petugas-dukcapil");
    assertThat(refusal(new Actor("kiosk-1", Actor.Role.KIOSK, null), Map.of())).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(null, Map.of())).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void badInputIsRefusedAsInvalid() {
    for (Map<String, String> bad : new Map[] {Map.of("from", "2026-02-30"), Map.of("from", "2026-1-1"),
        Map.of("from", "2026-11-30", "to", "2026-11-29"), Map.of("from", "2024-01-01", "to", "2026-01-05"),
        Map.of("groupBy", "week"), Map.of("agency", "NOPE"), Map.of("service", "NOPE")}) {
      assertThat(refusal(MANAGER, bad)).as(bad.toString()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
    assertThat(of(MANAGER, Map.of("from", "2025-11-30", "to", "2026-11-30")).from()).as("a year and a day")
        .isEqualTo(LocalDate.of(2025, 11, 30));
  }

  static JsonObject summary() {
    JsonObject minutes = new JsonObject().put("mean", 12.5).put("p50", 10.0).put("p90", null).put("max", 40.0);
    return new JsonObject().put("rows", new JsonArray().add(new JsonObject().put("key", "KTP")
        .put("name", "=cmd|\"KTP\" & <Akta>").put("issued", 3L).put("served", 2L).put("noShow", 0L).put("cancelled", 1L)
        .put("transferred", 0L).put("expired", 0L).put("waitMinutes", minutes).put("serviceMinutes", minutes)
        .put("withinTargetPct", 66.7)));
  }

  @Test
  void csvCellsAreQuotedAndAFormulaIsWrittenAsText() {
    String csv = new String(Exports.csv(summary()), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"Kunci\"");
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("\"KTP\",\"'=cmd|\"\"KTP\"\" & <Akta>\",3,2,0,1,0,0,12.5,10,,40,12.5,10,,40,66.7");
  }

  @Test
  void xlsxColumnsAreLetteredAndTextIsEscaped() {
    assertThat(Exports.column(0)).isEqualTo("A");
    assertThat(Exports.column(25)).isEqualTo("Z");
    assertThat(Exports.column(26)).isEqualTo("AA");
    assertThat(Exports.xlsx(summary(), "Statistik")).startsWith(new byte[] {'P', 'K'});
  }
}
