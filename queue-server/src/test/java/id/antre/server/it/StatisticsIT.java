package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Statistics against a fixture day whose figures are worked out by hand below, written through
 * the real API with the hall's clock moved by hand, on Monday 30 November 2026 (Jakarta):
 *
 * <pre>
 * 09:00 Loket 1 opens; A001, A002 (KTP), B001 (KK), A003 (KTP) are issued
 * 09:10 call A001   09:12 start   09:20 finish                wait 10, service 8
 * 09:20 call A002   09:21 start   09:36 transfer to AKTA      wait 20, service 15 (transferred)
 * 09:30 A004 (KTP) issued, 09:35 cancelled by the visitor
 * 09:40 call A002 in AKTA (transfers first)  09:41 start  09:46 finish   wait 4 (transfer -> call), service 5
 * 09:46 call A003   09:50 no-show                              wait 46
 * 09:50 call B001   09:52 start   10:02 finish                wait 50, service 10
 * 10:02 pause "istirahat"   10:17 open again   10:30 close
 * </pre>
 *
 * Hall: issued 5, served 3, no-show 1, cancelled 1, transferred 1, expired 0. Waits 4, 10, 20,
 * 46, 50: mean 26, median 20, p90 46 + 0.6 x 4 = 48.4, max 50; within the 30-minute target 3 of
 * 5 = 60 %. Service 5, 8, 10, 15: mean 9.5, median 9, p90 10 + 0.7 x 5 = 13.5, max 15. Officer:
 * open 62 + 13 = 75 minutes, paused 15, serving 38, idle (75 - 38) / 75 = 49.3 %.
 */
@CoreLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {
  static final Instant T0 = HallFixture.MONDAY_0900;
  static final String DAY = "2026-11-30";
  static HallFixture f;
  static Api api;
  static String officer;

  /** The same figures recomputed by plain SQL over the event log, independently of migration V010. */
  static final String RECOMPUTE = """
      WITH legs AS (
        SELECT t.id, t.service,
          (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.from_status IS NULL) AS arrived,
          (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'CALL') AS called,
          (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'START') AS started,
          (SELECT max(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_status = 'DONE') AS finished,
          EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'ISSUE') AS issued,
          EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'TRANSFER' AND e.to_status = 'DONE')
            AS transferred,
          EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_status = 'NO_SHOW') AS no_show,
          EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_status = 'CANCELLED') AS cancelled
        FROM ticket t WHERE t.service_day = '2026-11-30'
      ), m AS (
        SELECT *, extract(epoch FROM called - arrived) / 60 AS wait, extract(epoch FROM finished - started) / 60 AS serve
        FROM legs
      )
      SELECT count(*) FILTER (WHERE issued) AS issued,
             count(*) FILTER (WHERE finished IS NOT NULL AND NOT transferred) AS served,
             count(*) FILTER (WHERE no_show) AS no_show, count(*) FILTER (WHERE cancelled) AS cancelled,
             count(*) FILTER (WHERE transferred) AS transferred,
             avg(wait) AS wait_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS wait_p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS wait_p90, max(wait) AS wait_max,
             avg(serve) AS serve_mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY serve) AS serve_p50,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY serve) AS serve_p90, max(serve) AS serve_max,
             100.0 * count(*) FILTER (WHERE wait <= 30) / count(wait) AS within_pct
      FROM m""";

  static void at(int minutes) {
    f.clock.set(T0.plus(Duration.ofMinutes(minutes)));
  }

  static String issue(String service) {
    Api.Response r = api.post("/api/v1/tickets", f.kioskToken(), new JsonObject().put("service", service));
    assertThat(r.status()).isEqualTo(201);
    return r.json().getString("trackingToken");
  }

  static void press(String action) {
    press(action, null);
  }

  static void press(String action, JsonObject body) {
    Api.Response r = api.post("/api/v1/counters/1/" + action, officer, body);
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
  }

  @BeforeAll
  static void fixtureDay() {
    f = HallFixture.smallHall(T0, false);
    api = f.api();
    officer = f.login("petugas-dukcapil");
    at(0);
    press("open");
    issue("KTP");
    issue("KTP");
    issue("KK");
    issue("KTP");
    at(10);
    press("call-next");
    at(12);
    press("start");
    at(20);
    press("finish");
    press("call-next");
    at(21);
    press("start");
    at(30);
    String a004 = issue("KTP");
    at(35);
    assertThat(api.post("/api/v1/tickets/" + a004 + "/cancel", null, new JsonObject()).status()).isEqualTo(200);
    at(36);
    press("transfer", new JsonObject().put("service", "AKTA"));
    at(40);
    press("call-next");
    at(41);
    press("start");
    at(46);
    press("finish");
    press("call-next");
    at(50);
    press("no-show");
    press("call-next");
    at(52);
    press("start");
    at(62);
    press("finish");
    press("pause", new JsonObject().put("reason", "istirahat"));
    at(77);
    press("open");
    at(90);
    press("close");
  }

  @AfterAll
  static void stop() {
    if (f != null) {
      f.close();
    }
  }

  static JsonObject get(String path, String token) {
    Api.Response r = api.get(path, token);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonObject hallRow(String token) {
    JsonObject s = get("/api/v1/stats/summary?from=" + DAY + "&to=" + DAY + "&groupBy=hall", token);
    assertThat(s.getJsonArray("rows")).hasSize(1);
    return s.getJsonArray("rows").getJsonObject(0);
  }

  static void assertHandComputed(JsonObject row) {
    assertThat(row.getLong("issued")).isEqualTo(5);
    assertThat(row.getLong("served")).isEqualTo(3);
    assertThat(row.getLong("noShow")).isEqualTo(1);
    assertThat(row.getLong("cancelled")).isEqualTo(1);
    assertThat(row.getLong("transferred")).isEqualTo(1);
    assertThat(row.getLong("expired")).isEqualTo(0);
    JsonObject w = row.getJsonObject("waitMinutes");
    assertThat(w.getDouble("mean")).isEqualTo(26.0);
    assertThat(w.getDouble("p50")).isEqualTo(20.0);
    assertThat(w.getDouble("p90")).isEqualTo(48.4);
    assertThat(w.getDouble("max")).isEqualTo(50.0);
    JsonObject s = row.getJsonObject("serviceMinutes");
    assertThat(s.getDouble("mean")).isEqualTo(9.5);
    assertThat(s.getDouble("p50")).isEqualTo(9.0);
    assertThat(s.getDouble("p90")).isEqualTo(13.5);
    assertThat(s.getDouble("max")).isEqualTo(15.0);
    assertThat(row.getDouble("withinTargetPct")).isEqualTo(60.0);
  }

  static void assertEqualsRecomputation(JsonObject row) {
    Row r = f.pool.query(RECOMPUTE).execute().await().iterator().next();
    assertThat(row.getLong("issued")).isEqualTo(r.getLong("issued"));
    assertThat(row.getLong("served")).isEqualTo(r.getLong("served"));
    assertThat(row.getLong("noShow")).isEqualTo(r.getLong("no_show"));
    assertThat(row.getLong("cancelled")).isEqualTo(r.getLong("cancelled"));
    assertThat(row.getLong("transferred")).isEqualTo(r.getLong("transferred"));
    JsonObject w = row.getJsonObject("waitMinutes");
    JsonObject s = row.getJsonObject("serviceMinutes");
    assertThat(w.getDouble("mean")).isCloseTo(r.getDouble("wait_mean"), within(0.01));
    assertThat(w.getDouble("p50")).isCloseTo(r.getDouble("wait_p50"), within(0.01));
    assertThat(w.getDouble("p90")).isCloseTo(r.getDouble("wait_p90"), within(0.01));
    assertThat(w.getDouble("max")).isCloseTo(r.getDouble("wait_max"), within(0.01));
    assertThat(s.getDouble("mean")).isCloseTo(r.getDouble("serve_mean"), within(0.01));
    assertThat(s.getDouble("p50")).isCloseTo(r.getDouble("serve_p50"), within(0.01));
    assertThat(s.getDouble("p90")).isCloseTo(r.getDouble("serve_p90"), within(0.01));
    assertThat(s.getDouble("max")).isCloseTo(r.getDouble("serve_max"), within(0.01));
    assertThat(row.getDouble("withinTargetPct")).isCloseTo(r.getDouble("within_pct"), within(0.05));
  }

  @Test
  @Order(1)
  void todayLiveFromTheLogMatchesTheHandComputedDayAndThePlainRecomputation() {
    String manager = f.login("manager");
    JsonObject row = hallRow(manager);
    assertHandComputed(row);
    assertEqualsRecomputation(row);
    assertThat(f.pool.query("SELECT count(*) FROM stats_visit").execute().await().iterator().next().getLong(0))
        .as("today is not materialised").isZero();

    JsonObject byService = get("/api/v1/stats/summary?from=" + DAY + "&to=" + DAY + "&groupBy=service", manager);
    Map<String, JsonObject> rows = new HashMap<>();
    byService.getJsonArray("rows").forEach(o -> rows.put(((JsonObject) o).getString("key"), (JsonObject) o));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("KTP", "KK", "AKTA");
    assertThat(rows.get("KTP").getLong("issued")).isEqualTo(4);
    assertThat(rows.get("KTP").getJsonObject("waitMinutes").getDouble("mean")).isEqualTo(25.33);
    assertThat(rows.get("AKTA").getLong("issued")).as("a transfer is no new visit").isZero();
    assertThat(rows.get("AKTA").getJsonObject("waitMinutes").getDouble("max")).as("transfer -> call").isEqualTo(4.0);
    assertThat(rows.get("KK").getString("name")).isEqualTo("Kartu Keluarga");

    JsonObject heat = get("/api/v1/stats/heatmap?from=" + DAY + "&to=" + DAY, manager);
    assertThat(heat.getJsonArray("grid").getJsonArray(0).getLong(9)).as("Monday 09.00-10.00").isEqualTo(5);
    assertThat(heat.getJsonArray("cells")).hasSize(1);

    JsonArray bins = get("/api/v1/stats/histogram?from=" + DAY + "&to=" + DAY, manager).getJsonArray("bins");
    long[] expected = new long[25];
    expected[0] = 1; // 4
    expected[2] = 1; // 10
    expected[4] = 1; // 20
    expected[9] = 1; // 46
    expected[10] = 1; // 50
    for (int i = 0; i < 25; i++) {
      assertThat(bins.getJsonObject(i).getLong("visits")).as("bin " + i).isEqualTo(expected[i]);
    }

    JsonArray officers = get("/api/v1/stats/officers?from=" + DAY + "&to=" + DAY, manager).getJsonArray("rows");
    assertThat(officers).hasSize(1);
    JsonObject o = officers.getJsonObject(0);
    assertThat(o.getString("officer")).isEqualTo("petugas-dukcapil");
    assertThat(o.getLong("served")).isEqualTo(3);
    assertThat(o.getDouble("serviceMinutesMean")).isEqualTo(9.5);
    assertThat(o.getDouble("openMinutes")).isEqualTo(75.0);
    assertThat(o.getDouble("pausedMinutes")).isEqualTo(15.0);
    assertThat(o.getDouble("idlePct")).isEqualTo(49.3);
    assertThat(o.getJsonArray("pauses").getJsonObject(0).getString("reason")).isEqualTo("istirahat");
  }

  @Test
  @Order(2)
  void aClosedDayIsMaterialisedOnceAndItsFactsEqualTheRecomputationOverTheLog() {
    f.clock.set(T0.plus(Duration.ofDays(1)));
    String manager = f.login("manager");
    JsonObject row = hallRow(manager);
    assertHandComputed(row);
    assertEqualsRecomputation(row);
    assertThat(f.pool.query("SELECT count(*) FROM stats_day WHERE service_day = '2026-11-30'").execute().await()
        .iterator().next().getLong(0)).isEqualTo(1);
    // every leg's fact equals the plain recomputation, leg by leg
    long differing = f.pool.query("""
        SELECT count(*) FROM ticket t FULL JOIN stats_visit v ON v.ticket_id = t.id
        WHERE t.service_day = '2026-11-30' AND (v.ticket_id IS NULL
          OR v.wait_s IS DISTINCT FROM extract(epoch FROM
               (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'CALL')
             - (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.from_status IS NULL))::float8
          OR v.service_s IS DISTINCT FROM extract(epoch FROM
               (SELECT max(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.to_status = 'DONE')
             - (SELECT min(at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'START'))::float8
          OR v.service <> t.service OR v.channel <> t.channel)""").execute().await().iterator().next().getLong(0);
    assertThat(differing).isZero();
    assertThat(f.pool.query("SELECT count(*) FROM stats_visit").execute().await().iterator().next().getLong(0))
        .isEqualTo(6);
    // a second catch-up changes nothing
    hallRow(manager);
    f.hall.server.stats().catchUpAll().await();
    assertThat(f.pool.query("SELECT count(*) FROM stats_visit").execute().await().iterator().next().getLong(0))
        .isEqualTo(6);
    JsonObject o = get("/api/v1/stats/officers?from=" + DAY + "&to=" + DAY, manager).getJsonArray("rows")
        .getJsonObject(0);
    assertThat(o.getDouble("openMinutes")).isEqualTo(75.0);
    assertThat(o.getDouble("idlePct")).isEqualTo(49.3);

    JsonObject compared = get("/api/v1/stats/summary?from=" + DAY + "&to=" + DAY + "&compare=previous", manager);
    assertThat(compared.getJsonObject("previous").getString("from")).isEqualTo("2026-11-29");
    assertThat(compared.getJsonObject("previous").getJsonArray("rows")).isEmpty();
    JsonObject trend = get("/api/v1/stats/summary?from=2026-11-29&to=2026-12-01&groupBy=day", manager);
    assertThat(trend.getJsonArray("rows")).hasSize(1);
    assertThat(trend.getJsonArray("rows").getJsonObject(0).getString("key")).isEqualTo(DAY);
    // a day and an hour are grouped as stored and shown as text: "2026-11-30", "09"
    JsonObject hours = get("/api/v1/stats/summary?from=" + DAY + "&to=" + DAY + "&groupBy=hour", manager);
    assertThat(hours.getJsonArray("rows")).isNotEmpty()
        .allSatisfy(r -> assertThat(((JsonObject) r).getString("key")).matches("[0-2][0-9]"));
  }

  @Test
  @Order(3)
  void aSupervisorSeesOnlyTheirAgencyAndAnOfficerOnlyTheirOwnFigures() {
    String polres = f.login("koordinator-polres");
    String range = "from=" + DAY + "&to=" + DAY;
    Api.Response other = api.get("/api/v1/stats/summary?" + range + "&agency=DUKCAPIL", polres);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.code()).isEqualTo("FORBIDDEN");
    assertThat(api.get("/api/v1/stats/summary?" + range + "&service=KTP", polres).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/stats/heatmap?" + range + "&agency=DUKCAPIL", polres).status()).isEqualTo(403);
    JsonObject all = get("/api/v1/stats/summary?" + range + "&groupBy=agency", polres);
    assertThat(all.getString("agency")).isEqualTo("POLRES");
    assertThat(all.getJsonArray("rows")).as("Disdukcapil's visits are not in Polres's 'all'").isEmpty();
    assertThat(get("/api/v1/stats/officers?" + range, polres).getJsonArray("rows")).isEmpty();

    String dukcapil = f.login("koordinator-dukcapil");
    assertThat(get("/api/v1/stats/summary?" + range + "&agency=DUKCAPIL", dukcapil).getJsonArray("rows")).hasSize(1);

    String otherOfficer = f.login("petugas-polres");
    assertThat(api.get("/api/v1/stats/summary?" + range + "&agency=DUKCAPIL", otherOfficer).status()).isEqualTo(403);
    JsonObject own = hallRow(f.login("petugas-dukcapil"));
    assertThat(own.getLong("served")).isEqualTo(3);
    assertThat(api.get("/api/v1/stats/summary?" + range, f.kioskToken()).status()).as("a kiosk").isEqualTo(403);
    assertThat(api.get("/api/v1/stats/summary?" + range, null).status()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void badRangesAndGroupingsAreRefusedWithAStableCode() {
    String manager = f.login("manager");
    for (String q : List.of("from=2026-13-01", "from=30-11-2026", "from=2026-12-01&to=2026-11-30", "groupBy=week",
        "from=2020-01-01&to=2026-01-01", "format=pdf", "agency=NOPE", "compare=next", "from=2026-11-30&from=2026-11-29")) {
      Api.Response r = api.get("/api/v1/stats/summary?" + q, manager);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.code()).as(q).isEqualTo("INVALID_REQUEST");
    }
  }

  static HttpResponse<byte[]> download(String query, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + f.port() + "/api/v1/stats/summary?" + query))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  @Order(5)
  void theCsvAndXlsxDownloadsReadBackToTheSameFigures() throws Exception {
    String manager = f.login("manager");
    HttpResponse<byte[]> csv = download("from=" + DAY + "&to=" + DAY + "&groupBy=service&format=csv", manager);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("statistik-2026-11-30");
    String text = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("\"Kunci\",\"Nama\",\"Diambil\"");
    String ktp = lines.stream().filter(l -> l.startsWith("\"KTP\"")).findFirst().orElseThrow();
    String[] cells = ktp.split(",");
    assertThat(cells[2]).isEqualTo("4"); // issued
    assertThat(cells[8]).isEqualTo("25.33"); // mean wait

    HttpResponse<byte[]> xlsx = download("from=" + DAY + "&to=" + DAY + "&groupBy=hall&format=xlsx", manager);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    Map<String, String> parts = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx.body()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    org.w3c.dom.Document sheet = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(parts.get("xl/worksheets/sheet1.xml").getBytes(StandardCharsets.UTF_8)));
    Map<String, String> byRef = new HashMap<>();
    org.w3c.dom.NodeList cs = sheet.getElementsByTagName("c");
    for (int i = 0; i < cs.getLength(); i++) {
      org.w3c.dom.Element c = (org.w3c.dom.Element) cs.item(i);
      byRef.put(c.getAttribute("r"), c.getTextContent());
    }
    assertThat(byRef.get("A1")).isEqualTo("Kunci");
    assertThat(byRef.get("C2")).isEqualTo("5"); // issued
    assertThat(byRef.get("I2")).isEqualTo("26"); // mean wait
    assertThat(byRef.get("K2")).isEqualTo("48.4"); // p90 wait
    assertThat(byRef.get("Q2")).isEqualTo("60"); // within target
  }
}
