package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SKM survey over HTTP against a real database: one response per visit, only once it is
 * DONE, bad input refused with nothing stored, the counter's tablet, and the index scoped by
 * who asks. One node for the class: each test has visits of its own and counts only those; the
 * counter's tablet is bound to Loket 1, so the other tests serve at Loket 2.
 */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyApiIT {
  static final JsonArray GOOD = new JsonArray(List.of(4, 3, 4, 3, 4, 4, 4, 3, 4));
  static final String TODAY = "2026-11-30";
  static final String SUNDAY = "2026-11-29";

  HallFixture fixture;
  Api api;
  String officer;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    api = fixture.api();
    officer = fixture.login("petugas-dukcapil");
    api.post("/api/v1/counters/1/open", officer, (String) null);
    api.post("/api/v1/counters/2/open", officer, (String) null);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  String issue(String service) {
    return issued(service).getString("trackingToken");
  }

  JsonObject issued(String service) {
    Api.Response r = api.post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", service));
    assertThat(r.status()).isEqualTo(201);
    return r.json();
  }

  void serveAndFinish(String counter) {
    assertThat(api.post("/api/v1/counters/" + counter + "/call-next", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/" + counter + "/start", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/" + counter + "/finish", officer, (String) null).status()).isEqualTo(200);
  }

  Api.Response answer(String token, JsonObject extra) {
    return answer(null, token, extra);
  }

  Api.Response answer(String device, String token, JsonObject extra) {
    JsonObject body = new JsonObject().put("ticket", token).put("answers", GOOD.copy());
    if (extra != null) {
      extra.forEach(e -> body.put(e.getKey(), e.getValue()));
    }
    return api.post("/api/v1/surveys", device, body);
  }

  long stored(String token) {
    return fixture.pool.preparedQuery("SELECT count(*) FROM survey_response WHERE tracking_token = $1")
        .execute(Tuple.of(token)).await().iterator().next().getLong(0);
  }

  io.vertx.sqlclient.Row row(String token) {
    return fixture.pool.preparedQuery("SELECT * FROM survey_response WHERE tracking_token = $1")
        .execute(Tuple.of(token)).await().iterator().next();
  }

  JsonObject ikm(String token, String query) {
    return ikmOn(token, TODAY, query);
  }

  JsonObject ikmOn(String token, String day, String query) {
    Api.Response r = api.get("/api/v1/stats/ikm?from=" + day + "&to=" + day + query, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aVisitIsAnsweredOnlyOnceItIsDoneAndOnlyOnce() {
    String token = issue("KTP");
    Api.Response early = answer(token, null);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.code()).isEqualTo("INVALID_TRANSITION");
    assertThat(api.get("/api/v1/surveys/" + token, null).json())
        .isEqualTo(new JsonObject().put("open", false).put("answered", false));

    serveAndFinish("2");
    assertThat(api.get("/api/v1/surveys/" + token, null).json())
        .isEqualTo(new JsonObject().put("open", true).put("answered", false));
    Api.Response first = answer(token, new JsonObject().put("profile", new JsonObject().put("ageBand", "30-39")
        .put("sex", "P").put("education", "S1").put("occupation", "SWASTA")).put("comment", "Cepat dan ramah."));
    assertThat(first.status()).as(first.body()).isEqualTo(201);

    Api.Response second = answer(token, null);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.code()).isEqualTo("SURVEY_EXISTS");
    assertThat(api.get("/api/v1/surveys/" + token, null).json())
        .isEqualTo(new JsonObject().put("open", false).put("answered", true));
    assertThat(stored(token)).isEqualTo(1);

    var row = row(token);
    assertThat(row.getString("channel")).isEqualTo("phone");
    assertThat(row.getString("service")).isEqualTo("KTP");
    assertThat(row.getString("agency")).isEqualTo("DUKCAPIL");
    assertThat(row.getString("counter_id")).isEqualTo("2");
    assertThat(row.getInteger("u1")).isEqualTo(4);
    assertThat(row.getString("age_band")).isEqualTo("30-39");
    assertThat(row.getString("comment")).isEqualTo("Cepat dan ramah.");
  }

  @Test
  void twoAnswersSentAtOnceStoreOneAndTheOtherIsToldItExists() throws Exception {
    String token = issue("KTP");
    serveAndFinish("2");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Api.Response>> sends = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Api own = new Api(fixture.port());
        sends.add(() -> own.post("/api/v1/surveys", null,
            new JsonObject().put("ticket", token).put("answers", GOOD.copy())));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> f : pool.invokeAll(sends)) {
        statuses.add(f.get().status());
        if (f.get().status() == 409) {
          assertThat(f.get().code()).isEqualTo("SURVEY_EXISTS");
        }
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored(token)).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithItsCodeAndNothingIsStored() {
    String token = issue("KTP");
    serveAndFinish("2");
    List<String> bodies = List.of(
        new JsonObject().put("ticket", token).put("answers", new JsonArray(List.of(4, 4, 4, 4, 4, 4, 4, 4))).encode(),
        new JsonObject().put("ticket", token).put("answers", new JsonArray(List.of(4, 4, 4, 4, 5, 4, 4, 4, 4))).encode(),
        new JsonObject().put("ticket", token).put("answers", new JsonArray(List.of(4, 4, 4, 4, 0, 4, 4, 4, 4))).encode(),
        new JsonObject().put("ticket", token).put("answers", new JsonArray(List.of(4, 4, 4, 4, "4", 4, 4, 4, 4))).encode(),
        "{\"ticket\":\"" + token + "\",\"answers\":[4,4,4,4,3.5,4,4,4,4]}",
        new JsonObject().put("ticket", token).put("answers", GOOD.copy().add(4)).encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy())
            .put("profile", new JsonObject().put("sex", "X")).encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy())
            .put("profile", new JsonObject().put("income", "tinggi")).encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy())
            .put("profile", new JsonObject().put("education", 3)).encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy()).put("comment", "x".repeat(501)).encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy()).put("comment", "baik\u0000sekali").encode(),
        new JsonObject().put("ticket", token).put("answers", GOOD.copy()).put("name", "Budi").encode(),
        new JsonObject().put("ticket", token).encode(),
        new JsonObject().put("answers", GOOD.copy()).encode(),
        new JsonObject().put("ticket", "../../etc").put("answers", GOOD.copy()).encode(),
        "[4,4,4]",
        "{\"ticket\":");
    List<String> wrong = new ArrayList<>();
    for (String body : bodies) {
      Api.Response r = api.post("/api/v1/surveys", null, body);
      if (r.status() != 400 || !"INVALID_REQUEST".equals(r.code())) {
        wrong.add(body + " -> " + r.status() + " " + r.body());
      }
    }
    assertThat(wrong).isEmpty();
    Api.Response unknown = answer("tidak-ada-tiket-ini", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("UNKNOWN_TICKET");
    assertThat(stored(token)).isZero();

    assertThat(answer(token, new JsonObject().put("comment", "x".repeat(500))).status()).isEqualTo(201);
    assertThat(stored(token)).isEqualTo(1);
  }

  @Test
  void aTransferredVisitIsAnsweredOnceItsLastServiceIsDoneAndCountsThere() {
    String manager = fixture.login("manager");
    long before = ikm(manager, "").getLong("population");
    String token = issue("KTP");
    assertThat(api.post("/api/v1/counters/2/call-next", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/2/start", officer, (String) null).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/counters/2/transfer", officer, new JsonObject().put("service", "AKTA")).status())
        .isEqualTo(200);
    assertThat(answer(token, null).code()).as("the visit goes on at AKTA").isEqualTo("INVALID_TRANSITION");
    assertThat(ikm(manager, "").getLong("population")).as("a transfer is not a visit served").isEqualTo(before);

    serveAndFinish("2");
    assertThat(answer(token, null).status()).isEqualTo(201);
    var row = row(token);
    assertThat(row.getString("service")).isEqualTo("AKTA");
    assertThat(row.getString("counter_id")).isEqualTo("2");
    assertThat(ikm(manager, "").getLong("population")).isEqualTo(before + 1);
  }

  @Test
  void theCountersTabletShowsItsJustFinishedVisitUntilAnsweredOrTenMinutesOld() {
    String tablet = fixture.hall.server.demoSecrets().get("survey-1");
    assertThat(api.get("/api/v1/surveys/pending", tablet).status()).isEqualTo(204);

    String atTwo = issue("KTP");
    serveAndFinish("2");
    assertThat(api.get("/api/v1/surveys/pending", tablet).status()).as("finished at another counter").isEqualTo(204);
    Api.Response elsewhere = answer(tablet, atTwo, null);
    assertThat(elsewhere.status()).as("a tablet answers only for its own counter").isEqualTo(403);

    String first = issue("KTP");
    serveAndFinish("1");
    fixture.clock.advance(Duration.ofMinutes(1));
    JsonObject secondTicket = issued("KTP");
    String second = secondTicket.getString("trackingToken");
    serveAndFinish("1");
    Api.Response pending = api.get("/api/v1/surveys/pending", tablet);
    assertThat(pending.status()).isEqualTo(200);
    assertThat(pending.json().getString("ticket")).as("the latest finished").isEqualTo(second);
    assertThat(pending.json().getString("number")).isEqualTo(secondTicket.getString("number"));

    assertThat(answer(tablet, second, null).status()).isEqualTo(201);
    assertThat(api.get("/api/v1/surveys/pending", tablet).status())
        .as("the visitor before, who walked away, is not asked for again").isEqualTo(204);
    assertThat(answer(first, null).status()).as("but may still answer on their phone").isEqualTo(201);

    String third = issue("KTP");
    serveAndFinish("1");
    assertThat(api.get("/api/v1/surveys/pending", tablet).json().getString("ticket")).isEqualTo(third);
    fixture.clock.advance(Duration.ofMinutes(10));
    assertThat(api.get("/api/v1/surveys/pending", tablet).status()).as("ten minutes on: still").isEqualTo(200);
    fixture.clock.advance(Duration.ofSeconds(1));
    assertThat(api.get("/api/v1/surveys/pending", tablet).status()).as("too old to ask about").isEqualTo(204);

    assertThat(fixture.pool.preparedQuery("SELECT channel FROM survey_response WHERE tracking_token = $1")
        .execute(Tuple.of(second)).await().iterator().next().getString(0)).isEqualTo("tablet");
    assertThat(api.get("/api/v1/surveys/pending", fixture.kioskToken()).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/surveys/pending", officer).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/surveys/pending", null).status()).isEqualTo(401);
  }

  /**
   * The worked example of IkmTest (247 respondents, IKM 88.18, B) stored as rows of a day of its
   * own (Sunday 29 November, when nobody was served) and read back through the API.
   */
  @Test
  void theIndexOfStoredResponsesIsTheHandComputedOne() {
    String any = issue("KTP");
    assertThat(api.post("/api/v1/tickets/" + any + "/cancel", null, "{}").status()).isEqualTo(200);
    long ticket = fixture.pool.query("SELECT min(id) FROM ticket").execute().await().iterator().next().getLong(0);
    int[][] counts = {{2, 10, 95, 140}, {1, 12, 90, 144}, {2, 12, 95, 138}, {0, 3, 60, 184}, {2, 15, 102, 128},
        {1, 8, 92, 146}, {0, 5, 70, 172}, {3, 18, 110, 116}, {3, 14, 101, 129}};
    // answers[r][e]: respondent r's score on element e, the counts of each element laid out in order
    int[][] answers = new int[247][9];
    for (int e = 0; e < 9; e++) {
      int r = 0;
      for (int score = 1; score <= 4; score++) {
        for (int k = 0; k < counts[e][score - 1]; k++) {
          answers[r++][e] = score;
        }
      }
    }
    List<Tuple> rows = new ArrayList<>();
    for (int r = 0; r < 247; r++) {
      Tuple t = Tuple.tuple().addString("contoh-" + r).addLong(ticket);
      for (int e = 0; e < 9; e++) {
        t.addShort((short) answers[r][e]);
      }
      rows.add(t);
    }
    fixture.pool.preparedQuery("INSERT INTO survey_response (tracking_token, ticket_id, service, agency, counter_id, "
        + "service_day, answered_at, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9) VALUES ($1, $2, 'KTP', 'DUKCAPIL', "
        + "'1', DATE '2026-11-29', now(), 'phone', $3, $4, $5, $6, $7, $8, $9, $10, $11)").executeBatch(rows).await();

    String manager = fixture.login("manager");
    JsonObject all = ikmOn(manager, SUNDAY, "");
    assertThat(all.getLong("respondents")).isEqualTo(247);
    assertThat(all.getLong("population")).isZero();
    assertThat(all.getLong("minSample")).isZero();
    assertThat(all.getJsonArray("nrr").getList())
        .containsExactly(3.51, 3.526, 3.494, 3.733, 3.441, 3.551, 3.676, 3.372, 3.441);
    assertThat(all.getDouble("ikm")).isEqualTo(88.18);
    assertThat(all.getString("grade")).isEqualTo("B");
    assertThat(all.getString("label")).isEqualTo("Baik");

    JsonObject polres = ikmOn(manager, SUNDAY, "&agency=POLRES");
    assertThat(polres.getLong("respondents")).isZero();
    assertThat(polres.getValue("ikm")).isNull();
    assertThat(polres.getBoolean("enough")).isFalse();
    assertThat(ikmOn(manager, SUNDAY, "&service=KTP").getLong("respondents")).isEqualTo(247);
    assertThat(ikmOn(manager, SUNDAY, "&service=KK").getLong("respondents")).isZero();
    assertThat(ikmOn(manager, "2026-11-28", "").getLong("respondents")).as("another day").isZero();
  }

  @Test
  void aPolresSupervisorCannotReadDisdukcapilsIndexAndSeesOnlyTheirOwn() {
    String token = issue("KTP");
    serveAndFinish("2");
    assertThat(answer(token, null).status()).isEqualTo(201);

    String polres = fixture.login("koordinator-polres");
    Api.Response other = api.get("/api/v1/stats/ikm?from=" + TODAY + "&to=" + TODAY + "&agency=DUKCAPIL", polres);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.code()).isEqualTo("FORBIDDEN");
    assertThat(api.get("/api/v1/stats/ikm?from=" + TODAY + "&to=" + TODAY + "&service=KTP", polres).status())
        .isEqualTo(403);
    JsonObject own = ikm(polres, "");
    assertThat(own.getString("agency")).isEqualTo("POLRES");
    assertThat(own.getLong("respondents")).as("Disdukcapil's answer is not in Polres's figures").isZero();
    assertThat(ikm(fixture.login("koordinator-dukcapil"), "").getLong("respondents")).isPositive();
    assertThat(api.get("/api/v1/stats/ikm?from=" + TODAY + "&to=" + TODAY, officer).status())
        .as("officers are refused the index").isEqualTo(403);
    assertThat(api.get("/api/v1/stats/ikm?from=" + TODAY + "&to=" + TODAY, fixture.kioskToken()).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/stats/ikm?from=" + TODAY + "&to=" + TODAY, null).status()).isEqualTo(401);
  }

  @Test
  void aPeriodIsTwoDaysInOrder() {
    String manager = fixture.login("manager");
    for (String q : List.of("", "?from=2026-11-30", "?from=2026-11-30&to=30-11-2026", "?from=2026-12-01&to=2026-11-30",
        "?from=2025-01-01&to=2026-11-30", "?from=2026-11-30&to=2026-11-30&agency=..%2F",
        "?from=2026-11-30&to=2026-11-30&agency=TIDAKADA")) {
      Api.Response r = api.get("/api/v1/stats/ikm" + q, manager);
      assertThat(r.status()).as(q).isEqualTo(400);
    }
    assertThat(api.get("/api/v1/stats/ikm?from=2026-11-30&to=2026-11-30&service=TIDAKADA", manager).status())
        .isEqualTo(404);
  }
}
