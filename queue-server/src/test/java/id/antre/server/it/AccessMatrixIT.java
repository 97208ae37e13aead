package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Actor;
import id.antre.server.auth.Passwords;
import id.antre.server.auth.Tokens;
import id.antre.server.lanes.HostileLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP route and every WebSocket topic, asked by every kind of caller, gets the answer its
 * rule says: allowed (any answer but 401, 403 and 5xx), 401 or 403. The routes come from the
 * router itself and the topics from the gateway's topic list, so a route or topic added without a
 * rule here fails this test.
 */
@HostileLane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {
  /** Every kind of caller. "Own" and "other" agency are relative to counter 1 (DUKCAPIL). */
  enum Who {
    ANONYMOUS, KIOSK, DISPLAY, PRINT_AGENT, SURVEY, OFFICER_OWN, OFFICER_OTHER, SUPERVISOR_OWN, SUPERVISOR_OTHER, MANAGER, ADMIN,
    REVOKED_USER, REVOKED_DEVICE, EXPIRED, GARBLED;

    boolean invalid() {
      return this == ANONYMOUS || this == REVOKED_USER || this == REVOKED_DEVICE || this == EXPIRED || this == GARBLED;
    }

    boolean device() {
      return this == KIOSK || this == DISPLAY || this == PRINT_AGENT || this == SURVEY;
    }
  }

  /** What a caller must get. */
  enum Expect {
    ALLOWED, UNAUTHENTICATED, FORBIDDEN
  }

  /** A rule: the expectation per caller, and the request that probes it (null: a guard, probed through its routes). */
  record Rule(Function<Who, Expect> expect, String samplePath, String body) {
  }

  static HallFixture f;
  static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  static String trackingToken;
  static long printJob;

  // ------------------------------------------------------------ rules

  static Expect open(Who w) {
    return Expect.ALLOWED;
  }

  static Expect anyone(Who w, boolean devices, boolean users, Function<Who, Boolean> which) {
    if (w.invalid()) {
      return Expect.UNAUTHENTICATED;
    }
    if (w.device()) {
      return devices && which.apply(w) ? Expect.ALLOWED : Expect.FORBIDDEN;
    }
    return users && which.apply(w) ? Expect.ALLOWED : Expect.FORBIDDEN;
  }

  static Expect signedIn(Who w) {
    return anyone(w, true, true, x -> true);
  }

  static Expect staff(Who w) {
    return anyone(w, false, true, x -> true);
  }

  static Expect ownAgency(Who w) {
    return anyone(w, false, true, x -> x != Who.OFFICER_OTHER && x != Who.SUPERVISOR_OTHER);
  }

  static Expect supervisorsOfOwnAgency(Who w) {
    return anyone(w, false, true, x -> x == Who.SUPERVISOR_OWN || x == Who.MANAGER || x == Who.ADMIN);
  }

  static Expect managers(Who w) {
    return anyone(w, false, true, x -> x == Who.MANAGER || x == Who.ADMIN);
  }

  static Expect admins(Who w) {
    return anyone(w, false, true, x -> x == Who.ADMIN);
  }

  static Expect issuers(Who w) {
    return anyone(w, true, true, x -> x != Who.DISPLAY && x != Who.PRINT_AGENT && x != Who.SURVEY);
  }

  static Expect printerFollowers(Who w) {
    return anyone(w, true, true, x -> x == Who.KIOSK || x == Who.PRINT_AGENT || x == Who.MANAGER || x == Who.ADMIN);
  }

  /** No token, or any valid one (a survey tablet answers with its own); a token sent must be valid. */
  static Expect tokenOptional(Who w) {
    return w.invalid() && w != Who.ANONYMOUS ? Expect.UNAUTHENTICATED : Expect.ALLOWED;
  }

  static Expect surveyTablets(Who w) {
    return anyone(w, true, false, x -> x == Who.SURVEY);
  }

  /** The matrix: one rule per route, as the router lists it. */
  static Map<String, Rule> httpRules() {
    Map<String, Rule> m = new LinkedHashMap<>();
    Rule page = new Rule(AccessMatrixIT::open, null, null);
    m.put("GET /", new Rule(AccessMatrixIT::open, "/", null));
    m.put("GET /kiosk", new Rule(AccessMatrixIT::open, "/kiosk", null));
    m.put("GET /display", new Rule(AccessMatrixIT::open, "/display", null));
    m.put("GET /counter", new Rule(AccessMatrixIT::open, "/counter", null));
    m.put("GET /manager", new Rule(AccessMatrixIT::open, "/manager", null));
    m.put("GET /t/:token", new Rule(AccessMatrixIT::open, "/t/" + trackingToken, null));
    m.put("GET /survey", new Rule(AccessMatrixIT::open, "/survey", null));
    m.put("GET /booking", new Rule(AccessMatrixIT::open, "/booking", null));
    m.put("GET /favicon.ico", new Rule(AccessMatrixIT::open, "/favicon.ico", null));
    m.put("GET /audio/:clip", new Rule(AccessMatrixIT::open, "/audio/nomor-antrian.wav", null));
    m.put("* /web/*", new Rule(AccessMatrixIT::open, "/web/visitor/kiosk.html", null));
    m.put("GET /ws", new Rule(AccessMatrixIT::open, "/ws", null));
    m.put("GET /health/ready", new Rule(AccessMatrixIT::open, "/health/ready", null));
    m.put("GET /health/live", new Rule(AccessMatrixIT::open, "/health/live", null));
    m.put("GET /health", new Rule(AccessMatrixIT::open, "/health", null));
    // open from this machine whatever the token (the test's requests come from loopback); from
    // elsewhere or through a proxy only with ANTRE_METRICS_TOKEN: MetricsIT
    m.put("GET /metrics", new Rule(AccessMatrixIT::open, "/metrics", null));
    m.put("GET /api/v1/openapi.yaml", new Rule(AccessMatrixIT::open, "/api/v1/openapi.yaml", null));
    m.put("POST /api/v1/auth/login", new Rule(AccessMatrixIT::open, "/api/v1/auth/login",
        "{\"username\":\"petugas-cadangan\",\"password\":\"" + TestServer.PASSWORD + "\"}"));
    m.put("PATCH /api/v1/users/:username", new Rule(AccessMatrixIT::admins, "/api/v1/users/petugas-cadangan",
        "{\"active\":true}"));
    m.put("DELETE /api/v1/devices/:device", new Rule(AccessMatrixIT::admins, "/api/v1/devices/tidak-ada", null));
    // administration: bodies that every caller allowed in gets refused (weak password, unknown zone), so nothing changes
    m.put("GET /api/v1/users", new Rule(AccessMatrixIT::managers, "/api/v1/users", null));
    m.put("POST /api/v1/users", new Rule(AccessMatrixIT::admins, "/api/v1/users",
        "{\"username\":\"uji-matriks\",\"password\":\"pendek\",\"role\":\"manager\"}"));
    m.put("POST /api/v1/auth/password", new Rule(AccessMatrixIT::staff, "/api/v1/auth/password",
        "{\"current\":\"apa-saja-123\",\"new\":\"pendek\"}"));
    m.put("GET /api/v1/devices", new Rule(AccessMatrixIT::managers, "/api/v1/devices", null));
    m.put("POST /api/v1/devices", new Rule(AccessMatrixIT::admins, "/api/v1/devices",
        "{\"kind\":\"display\",\"name\":\"Uji\",\"zone\":\"tidak-ada\"}"));
    m.put("POST /api/v1/devices/:device/rotate", new Rule(AccessMatrixIT::admins, "/api/v1/devices/tidak-ada/rotate",
        null));
    m.put("GET /api/v1/audit", new Rule(AccessMatrixIT::managers, "/api/v1/audit", null));
    m.put("GET /admin/users", new Rule(AccessMatrixIT::open, "/admin/users", null));
    m.put("GET /admin/devices", new Rule(AccessMatrixIT::open, "/admin/devices", null));
    m.put("GET /admin/audit", new Rule(AccessMatrixIT::open, "/admin/audit", null));
    m.put("GET /api/v1/hall", new Rule(AccessMatrixIT::open, "/api/v1/hall", null));
    m.put("GET /api/v1/queues", new Rule(AccessMatrixIT::open, "/api/v1/queues", null));
    m.put("PUT /api/v1/hall/running-text", new Rule(AccessMatrixIT::managers, "/api/v1/hall/running-text",
        "{\"text\":\"\"}"));
    m.put("POST /api/v1/tickets", new Rule(AccessMatrixIT::issuers, "/api/v1/tickets", "{\"service\":\"KTP\"}"));
    m.put("GET /api/v1/tickets/:token", new Rule(AccessMatrixIT::open, "/api/v1/tickets/" + trackingToken, null));
    m.put("GET /api/v1/tickets/:token/qr.svg", new Rule(AccessMatrixIT::open,
        "/api/v1/tickets/" + trackingToken + "/qr.svg", null));
    m.put("POST /api/v1/tickets/:token/cancel", new Rule(AccessMatrixIT::open,
        "/api/v1/tickets/" + trackingToken + "/cancel", null));
    m.put("GET /api/v1/printers", new Rule(AccessMatrixIT::staff, "/api/v1/printers", null));
    m.put("POST /api/v1/print-jobs/:job/cancel", new Rule(AccessMatrixIT::managers,
        "/api/v1/print-jobs/" + printJob + "/cancel", null));
    m.put("GET /api/v1/print-jobs/:job/preview.png", new Rule(AccessMatrixIT::staff,
        "/api/v1/print-jobs/" + printJob + "/preview.png", null));
    // the ticket is still waiting: every caller allowed in gets 409 INVALID_TRANSITION, and nothing is stored
    m.put("POST /api/v1/surveys", new Rule(AccessMatrixIT::tokenOptional, "/api/v1/surveys",
        "{\"ticket\":\"" + trackingToken + "\",\"answers\":[4,4,4,4,4,4,4,4,4]}"));
    m.put("GET /api/v1/surveys/pending", new Rule(AccessMatrixIT::surveyTablets, "/api/v1/surveys/pending", null));
    m.put("GET /api/v1/surveys/:token", new Rule(AccessMatrixIT::open, "/api/v1/surveys/" + trackingToken, null));
    // another agency's index: only its own supervisor, managers and admins
    m.put("GET /api/v1/stats/ikm", new Rule(AccessMatrixIT::supervisorsOfOwnAgency,
        "/api/v1/stats/ikm?from=2026-11-30&to=2026-11-30&agency=DUKCAPIL", null));
    // guards in front of the counter routes: probed through the routes they guard
    m.put("* /api/v1/counters", new Rule(AccessMatrixIT::signedIn, null, null));
    m.put("* /api/v1/counters/*", new Rule(AccessMatrixIT::signedIn, null, null));
    m.put("GET /api/v1/counters", new Rule(AccessMatrixIT::staff, "/api/v1/counters", null));
    String c = "/api/v1/counters/1";
    m.put("GET /api/v1/counters/:counter", new Rule(AccessMatrixIT::ownAgency, c, null));
    m.put("GET /api/v1/counters/:counter/waiting", new Rule(AccessMatrixIT::ownAgency, c + "/waiting", null));
    m.put("GET /api/v1/counters/:counter/held", new Rule(AccessMatrixIT::ownAgency, c + "/held", null));
    m.put("POST /api/v1/counters/:counter/call", new Rule(AccessMatrixIT::ownAgency, c + "/call",
        "{\"ticket\":1,\"reason\":\"uji akses\"}"));
    m.put("POST /api/v1/counters/:counter/services", new Rule(AccessMatrixIT::supervisorsOfOwnAgency, c + "/services",
        "{\"services\":[\"KTP\",\"KK\",\"AKTA\"]}"));
    for (String action : List.of("call-next", "recall", "start", "no-show", "open", "close", "finish", "pause", "hold")) {
      m.put("POST /api/v1/counters/:counter/" + action, new Rule(AccessMatrixIT::ownAgency, c + "/" + action, null));
    }
    m.put("POST /api/v1/counters/:counter/transfer", new Rule(AccessMatrixIT::ownAgency, c + "/transfer",
        "{\"service\":\"KK\"}"));
    m.put("POST /api/v1/counters/:counter/resume", new Rule(AccessMatrixIT::ownAgency, c + "/resume", "{\"ticket\":1}"));
    // statistics: staff; another agency's figures are refused, "all" is quietly one's own
    m.put("GET /manager/stats", new Rule(AccessMatrixIT::open, "/manager/stats", null));
    m.put("GET /manager/report", new Rule(AccessMatrixIT::open, "/manager/report", null));
    m.put("* /webjars/echarts/*", new Rule(AccessMatrixIT::open, "/webjars/echarts/5.3.1/dist/echarts.min.js", null));
    m.put("* /api/v1/stats/*", new Rule(AccessMatrixIT::staff, null, null));
    String day = "?from=2026-11-30&to=2026-11-30";
    m.put("GET /api/v1/stats/summary", new Rule(AccessMatrixIT::ownAgency, "/api/v1/stats/summary" + day
        + "&agency=DUKCAPIL", null));
    m.put("GET /api/v1/stats/heatmap", new Rule(AccessMatrixIT::ownAgency, "/api/v1/stats/heatmap" + day
        + "&agency=DUKCAPIL", null));
    m.put("GET /api/v1/stats/histogram", new Rule(AccessMatrixIT::staff, "/api/v1/stats/histogram" + day, null));
    m.put("GET /api/v1/stats/officers", new Rule(AccessMatrixIT::staff, "/api/v1/stats/officers" + day, null));
    // booking: no sign-in from a phone (an unknown code or a refused NIK stores nothing); check-in by kiosks and staff
    m.put("GET /api/v1/booking/slots", new Rule(AccessMatrixIT::open, "/api/v1/booking/slots?service=KTP&day=2026-12-01",
        null));
    m.put("POST /api/v1/bookings", new Rule(AccessMatrixIT::open, "/api/v1/bookings",
        "{\"service\":\"KTP\",\"day\":\"2026-12-01\",\"slot\":\"10:00\",\"nik\":\"1\",\"requestId\":\"akses\"}"));
    m.put("GET /api/v1/bookings/:code", new Rule(AccessMatrixIT::open, "/api/v1/bookings/ZZZZZZZZ", null));
    m.put("GET /api/v1/bookings/:code/qr.svg", new Rule(AccessMatrixIT::open, "/api/v1/bookings/ZZZZZZZZ/qr.svg", null));
    m.put("POST /api/v1/bookings/:code/cancel", new Rule(AccessMatrixIT::open, "/api/v1/bookings/ZZZZZZZZ/cancel", null));
    m.put("POST /api/v1/bookings/:code/reschedule", new Rule(AccessMatrixIT::open,
        "/api/v1/bookings/ZZZZZZZZ/reschedule", "{\"day\":\"2026-12-01\",\"slot\":\"10:00\"}"));
    m.put("GET /api/v1/stats/bookings", new Rule(AccessMatrixIT::ownAgency, "/api/v1/stats/bookings" + day
        + "&agency=DUKCAPIL", null));
    m.put("POST /api/v1/bookings/:code/check-in", new Rule(AccessMatrixIT::issuers, "/api/v1/bookings/ZZZZZZZZ/check-in",
        null));
    // last, and after the topics: it signs each caller out
    m.put("GET /admin/config", new Rule(AccessMatrixIT::open, "/admin/config", null));
    m.put("GET /api/v1/config", new Rule(AccessMatrixIT::managers, "/api/v1/config", null));
    // without If-Match: an administrator gets past the guard and is refused for the missing version
    m.put("PUT /api/v1/config", new Rule(AccessMatrixIT::admins, "/api/v1/config", "{}"));
    m.put("GET /api/v1/config.yaml", new Rule(AccessMatrixIT::managers, "/api/v1/config.yaml", null));
    m.put("POST /api/v1/auth/logout", new Rule(w -> anyone(w, false, true, x -> true), "/api/v1/auth/logout", null));
    return m;
  }

  /** One sample topic per kind of topic, with its rule. */
  static Map<String, Function<Who, Expect>> topicRules() {
    Map<String, Function<Who, Expect>> m = new LinkedHashMap<>();
    m.put("calls", AccessMatrixIT::open);
    m.put("calls:zone:lantai-1", AccessMatrixIT::open);
    m.put("queues", AccessMatrixIT::open);
    m.put("queues:KTP", AccessMatrixIT::open);
    m.put("counters", AccessMatrixIT::open);
    m.put("hall", AccessMatrixIT::open);
    m.put("ticket:" + trackingToken, AccessMatrixIT::open);
    m.put("counter:1", AccessMatrixIT::ownAgency);
    m.put("printer:kiosk-1", AccessMatrixIT::printerFollowers);
    return m;
  }

  // ------------------------------------------------------------ callers

  @BeforeAll
  static void start() {
    f = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    Api api = f.hall.api;
    String hash = Passwords.hash(TestServer.PASSWORD);
    for (String user : List.of("petugas-lama", "petugas-cadangan")) {
      f.pool.preparedQuery("INSERT INTO app_user (username, password_hash, role, agency, display_name) "
          + "VALUES ($1, $2, 'officer', 'DUKCAPIL', $1)").execute(Tuple.of(user, hash)).await();
    }
    String oldKiosk = Tokens.newDeviceToken();
    f.pool.preparedQuery("INSERT INTO device (id, kind, name, token_hash) VALUES ('kiosk-lama', 'kiosk', 'Lama', $1)")
        .execute(Tuple.of(Tokens.sha256(oldKiosk))).await();

    TOKENS.put(Who.KIOSK, f.hall.kioskToken());
    TOKENS.put(Who.DISPLAY, f.hall.server.demoSecrets().get("display-1"));
    TOKENS.put(Who.PRINT_AGENT, f.hall.server.demoSecrets().get("printer-1"));
    TOKENS.put(Who.SURVEY, f.hall.server.demoSecrets().get("survey-1"));
    TOKENS.put(Who.OFFICER_OWN, f.hall.login("petugas-dukcapil"));
    TOKENS.put(Who.OFFICER_OTHER, f.hall.login("petugas-polres"));
    TOKENS.put(Who.SUPERVISOR_OWN, f.hall.login("koordinator-dukcapil"));
    TOKENS.put(Who.SUPERVISOR_OTHER, f.hall.login("koordinator-polres"));
    TOKENS.put(Who.MANAGER, f.hall.login("manager"));
    TOKENS.put(Who.ADMIN, f.hall.login("admin"));

    String revokedUser = f.hall.login("petugas-lama");
    assertThat(api.get("/api/v1/counters", revokedUser).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/hall", oldKiosk).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/counters", oldKiosk).status()).isEqualTo(403); // known, but not staff
    assertThat(api.send("PATCH", "/api/v1/users/petugas-lama", TOKENS.get(Who.ADMIN), "{\"active\":false}").status())
        .isEqualTo(200);
    assertThat(api.send("DELETE", "/api/v1/devices/kiosk-lama", TOKENS.get(Who.ADMIN), null).status()).isEqualTo(204);
    TOKENS.put(Who.REVOKED_USER, revokedUser);
    TOKENS.put(Who.REVOKED_DEVICE, oldKiosk);

    byte[] secret = f.pool.query("SELECT secret FROM hall").execute().await().iterator().next().getBuffer(0).getBytes();
    Tokens past = new Tokens(secret, Clock.fixed(f.clock.instant().minus(Duration.ofHours(11)), ZoneOffset.UTC),
        Duration.ofHours(10));
    TOKENS.put(Who.EXPIRED, past.issue(new Actor("petugas-dukcapil", Actor.Role.OFFICER, "DUKCAPIL")).token());
    TOKENS.put(Who.GARBLED, "u1.Z2FyYmxlZA.bm90LWEtc2lnbmF0dXJl");

    JsonObject ticket = api.post("/api/v1/tickets", f.hall.kioskToken(), new JsonObject().put("service", "KTP")).json();
    trackingToken = ticket.getString("trackingToken");
    printJob = ticket.getLong("printJob");
  }

  @AfterAll
  static void stop() {
    if (f != null) {
      f.close();
    }
  }

  // ------------------------------------------------------------ the matrix

  @Test
  @Order(2)
  void everyRouteHasARuleAndEveryCallerGetsWhatTheRuleSays() {
    Map<String, Rule> rules = httpRules();
    List<String> routes = f.hall.server.routes();
    assertThat(rules.keySet()).as("routes without a rule in the access matrix")
        .containsAll(routes);
    assertThat(routes).as("rules for routes that no longer exist").containsAll(rules.keySet());

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Rule> e : rules.entrySet()) {
      Rule rule = e.getValue();
      if (rule.samplePath() == null) {
        continue;
      }
      String method = e.getKey().substring(0, e.getKey().indexOf(' '));
      for (Who who : Who.values()) {
        Api.Response r = f.hall.api.send(method.equals("*") ? "GET" : method, rule.samplePath(), TOKENS.get(who),
            rule.body());
        Expect expected = rule.expect().apply(who);
        boolean ok = r.status() < 500 && switch (expected) {
          case ALLOWED -> r.status() != 401 && r.status() != 403;
          case UNAUTHENTICATED -> r.status() == 401;
          case FORBIDDEN -> r.status() == 403;
        };
        if (!ok) {
          wrong.add(e.getKey() + " as " + who + ": expected " + expected + ", got " + r.status() + " "
              + (r.body().length() > 160 ? r.body().substring(0, 160) : r.body()));
        }
      }
    }
    assertThat(wrong).as("answers that break the access matrix").isEmpty();
  }

  @Test
  @Order(1)
  void everyKindOfTopicHasARuleAndEveryCallerGetsWhatTheRuleSays() throws Exception {
    Map<String, Function<Who, Expect>> rules = topicRules();
    // every kind of topic the gateway knows has a sample here
    Class<?> topics = Class.forName("id.antre.server.realtime.Topics");
    TreeSet<String> kinds = new TreeSet<>();
    for (Field field : topics.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        kinds.add((String) field.get(null));
      }
    }
    for (String kind : kinds) {
      assertThat(rules.keySet()).as("a topic rule for " + kind)
          .anyMatch(t -> kind.endsWith(":") ? t.startsWith(kind) && !isLongerKind(t, kind, kinds) : t.equals(kind));
    }

    List<String> wrong = new ArrayList<>();
    for (Who who : Who.values()) {
      try (WsClient ws = new WsClient(f.hall.server.port())) {
        for (Map.Entry<String, Function<Who, Expect>> e : rules.entrySet()) {
          JsonObject sub = new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add(e.getKey()));
          if (TOKENS.get(who) != null) {
            sub.put("token", TOKENS.get(who));
          }
          ws.send(sub);
          JsonObject answer = ws.next(m -> ("snapshot".equals(m.getString("type"))
              && e.getKey().equals(m.getString("topic"))) || "error".equals(m.getString("type")), Duration.ofSeconds(20));
          String got = "snapshot".equals(answer.getString("type")) ? "ALLOWED" : answer.getString("code");
          Expect expected = e.getValue().apply(who);
          boolean ok = switch (expected) {
            case ALLOWED -> got.equals("ALLOWED");
            case UNAUTHENTICATED -> got.equals("UNAUTHENTICATED") || got.equals("TOKEN_EXPIRED");
            case FORBIDDEN -> got.equals("FORBIDDEN");
          };
          if (!ok) {
            wrong.add(e.getKey() + " as " + who + ": expected " + expected + ", got " + got);
          }
        }
      }
    }
    assertThat(wrong).as("subscriptions that break the access matrix").isEmpty();
  }

  @Test
  @Order(3)
  void everyApiRouteIsInTheOpenApiDocument() {
    TreeSet<String> documented = new TreeSet<>();
    String path = null;
    for (String line : f.hall.api.get("/api/v1/openapi.yaml", null).body().split("\n")) {
      java.util.regex.Matcher p = java.util.regex.Pattern.compile("^  (/\\S*):\\s*$").matcher(line);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^    (get|post|put|patch|delete):").matcher(line);
      if (p.find()) {
        path = p.group(1).replaceAll("\\{[^}]+}", "{}");
      } else if (path != null && m.find()) {
        documented.add(m.group(1).toUpperCase() + " /api/v1" + path);
      } else if (!line.startsWith(" ")) {
        path = null;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String route : f.hall.server.routes()) {
      String[] mp = route.split(" ", 2);
      if (mp[0].equals("*") || !mp[1].startsWith("/api/v1/") || mp[1].equals("/api/v1/openapi.yaml")) {
        continue;
      }
      if (!documented.contains(mp[0] + " " + mp[1].replaceAll(":[A-Za-z]+", "{}"))) {
        missing.add(route);
      }
    }
    assertThat(missing).as("routes missing from openapi.yaml").isEmpty();
  }

  /** "calls:zone:x" is a calls:zone: topic, not a plain calls topic. */
  private static boolean isLongerKind(String topic, String kind, TreeSet<String> kinds) {
    return kinds.stream().anyMatch(k -> k.length() > kind.length() && k.startsWith(kind) && topic.startsWith(k));
  }
}
