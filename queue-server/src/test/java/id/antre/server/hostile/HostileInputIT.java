package id.antre.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antre.server.it.HallFixture;
import id.antre.server.it.Logged;
import id.antre.server.it.RawWebSocket;
import id.antre.server.it.TestServer;
import id.antre.server.lanes.HostileLane;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A few thousand generated hostile HTTP requests against every endpoint (paths, headers and
 * bodies: bad JSON, huge numbers, wrong types, NUL, unicode, overlong strings) and a few hundred
 * hostile WebSocket frames, over raw sockets so that nothing is cleaned up on the way: no answer
 * is a 5xx, no refused request changes the database, the server logs no error. The generator is
 * seeded; the seed is printed, and {@code -Dantre.hostile.seed=N} repeats a run.
 */
@HostileLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  static final int HTTP_REQUESTS = 3000;
  static final int WS_SESSIONS = 40;
  static final int FRAMES_PER_SESSION = 10;
  static final String FINGERPRINT = """
      SELECT (SELECT count(*) FROM ticket) || '/' || (SELECT count(*) FROM ticket_event) || '/'
          || (SELECT coalesce(sum(last_number), 0) FROM daily_sequence) || '/' || (SELECT count(*) FROM counter_event)
          || '/' || (SELECT count(*) FROM print_job) || '/' || (SELECT count(*) FROM session)
          || '/' || (SELECT count(*) FROM survey_response)
          || '/' || (SELECT coalesce(string_agg(id || status || coalesce(counter_id, '') || recall_count, ',' ORDER BY id), '') FROM ticket)
          || '/' || (SELECT string_agg(counter_id || state || coalesce(current_ticket::text, '')
                     || coalesce(services::text, ''), ',' ORDER BY counter_id) FROM counter_state)
          || '/' || (SELECT coalesce(string_agg(id || status || attempts, ',' ORDER BY id), '') FROM print_job)""";

  static final String TICKETS_AND_COUNTERS = """
      SELECT (SELECT count(*) FROM ticket) || '/' || (SELECT count(*) FROM ticket_event) || '/'
          || (SELECT count(*) FROM counter_event) || '/' || (SELECT count(*) FROM session)
          || '/' || (SELECT string_agg(id || status || coalesce(counter_id, '') || recall_count, ',' ORDER BY id) FROM ticket)
          || '/' || (SELECT string_agg(counter_id || state || coalesce(current_ticket::text, ''), ',' ORDER BY counter_id)
                     FROM counter_state)""";

  HallFixture fixture;
  TestServer hall;
  long seed;
  Random random;
  Map<String, String> identities;
  ListAppender<ILoggingEvent> errors;
  Logger root;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), false);
    hall = fixture.hall;
    seed = Long.getLong("antre.hostile.seed", System.nanoTime());
    System.out.println("HostileInputIT seed: " + seed + " (repeat with -Dantre.hostile.seed=" + seed + ")");
    random = new Random(seed);
    String officer = hall.login("petugas-dukcapil");
    identities = new TreeMap<>(Map.of(
        "none", "",
        "kiosk", hall.kioskToken(),
        "display", hall.server.demoSecrets().get("display-1"),
        "agent", hall.server.demoSecrets().get("printer-1"),
        "officer", officer,
        "polres", hall.login("petugas-polres"),
        "manager", hall.login("manager"),
        "admin", hall.login("admin"),
        "garbage", "u1.AAAA.BBBB",
        "nul", "d1.\u0000abc"));
    identities.put("tablet", hall.server.demoSecrets().get("survey-1"));
    // some state worth damaging: an open counter holding a called ticket, waiting tickets, a print job
    hall.api.post("/api/v1/counters/1/open", officer, (String) null);
    for (int i = 0; i < 4; i++) {
      hall.api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", "KTP"));
    }
    hall.api.post("/api/v1/counters/1/call-next", officer, (String) null);
    errors = new ListAppender<>();
    errors.start();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(errors);
  }

  @AfterAll
  void stop() {
    if (root != null) {
      root.detachAppender(errors);
    }
    fixture.close();
  }

  String fingerprint() {
    return fixture.pool.query(FINGERPRINT).execute().await().iterator().next().getString(0);
  }

  String ticketsAndCounters() {
    return fixture.pool.query(TICKETS_AND_COUNTERS).execute().await().iterator().next().getString(0);
  }

  // ---------------------------------------------------------------- HTTP

  static final String[] TEMPLATES = {
      "GET /api/v1/hall", "GET /api/v1/queues", "GET /api/v1/openapi.yaml", "POST /api/v1/auth/login",
      "PUT /api/v1/hall/running-text", "POST /api/v1/tickets", "GET /api/v1/tickets/{token}",
      "POST /api/v1/tickets/{token}/cancel", "GET /api/v1/printers", "POST /api/v1/print-jobs/{job}/cancel",
      "GET /api/v1/print-jobs/{job}/preview.png", "GET /api/v1/counters", "GET /api/v1/counters/{counter}",
      "GET /api/v1/counters/{counter}/waiting", "POST /api/v1/counters/{counter}/call",
      "POST /api/v1/counters/{counter}/services", "GET /api/v1/counters/{counter}/held",
      "POST /api/v1/counters/{counter}/call-next", "POST /api/v1/counters/{counter}/recall",
      "POST /api/v1/counters/{counter}/start", "POST /api/v1/counters/{counter}/no-show",
      "POST /api/v1/counters/{counter}/open", "POST /api/v1/counters/{counter}/close",
      "POST /api/v1/counters/{counter}/finish", "POST /api/v1/counters/{counter}/pause",
      "POST /api/v1/counters/{counter}/hold", "POST /api/v1/counters/{counter}/transfer",
      "POST /api/v1/counters/{counter}/resume", "GET /", "GET /kiosk", "GET /t/{token}", "GET /display",
      "GET /counter", "GET /manager", "GET /audio/{clip}", "GET /web/{file}", "GET /health/ready",
      "GET /health/live", "GET /ws", "GET /api/v1/{anything}", "POST /api/v1/surveys", "GET /api/v1/surveys/{token}",
      "GET /api/v1/surveys/pending", "GET /api/v1/stats/ikm", "GET /survey"};

  static final String[] FIELDS = {"service", "channel", "priority", "requestId", "print", "username", "password",
      "text", "ticket", "reason", "services", "weights", "outcome", "note", "token", "since", "topics", "job",
      "answers", "profile", "comment"};

  /** Hostile text: NUL and other controls, unicode of every kind, overlong, traversal, injection. */
  String hostileText() {
    return switch (random.nextInt(16)) {
      case 0 -> "\u0000";
      case 1 -> "a\u0000b";
      case 2 -> "KTP\r\nX-Injected: 1";
      case 3 -> "\u202e\u0644\u0627 \ud83d\ude00 \u00e9\u0301 \uffff";
      case 4 -> "\ud800";
      case 5 -> "x".repeat(501);
      case 6 -> "y".repeat(5000 + random.nextInt(20_000));
      case 7 -> "../../../../etc/passwd";
      case 8 -> "' OR '1'='1'; DROP TABLE ticket; --";
      case 9 -> "<script>alert(1)</script>";
      case 10 -> "%00%zz%";
      case 11 -> " ";
      case 12 -> "\u001b[2J\u0007";
      case 13 -> "KTP";
      case 14 -> "1";
      default -> Long.toString(random.nextLong());
    };
  }

  String hostileValue() {
    return switch (random.nextInt(14)) {
      case 0 -> "1e309";
      case 1 -> "99999999999999999999999999999";
      case 2 -> "-0";
      case 3 -> "1.5";
      case 4 -> "-9223372036854775809";
      case 5 -> "true";
      case 6 -> "null";
      case 7 -> "[]";
      case 8 -> "{}";
      case 9 -> "[\"KTP\",\"KTP\"]";
      case 10 -> "{\"KTP\":1e400,\"\\u0000\":1}";
      case 11 -> "[" + "\"a\",".repeat(60) + "\"a\"]";
      default -> JsonObject.of("x", hostileText()).encode().substring(5).replaceAll("}$", "");
    };
  }

  byte[] hostileBody() {
    String body = switch (random.nextInt(12)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[1,2]";
      case 3 -> "nul";
      case 4 -> "\ufeff{\"service\":\"KTP\"}";
      case 5 -> "[".repeat(5000) + "]".repeat(5000);
      case 6 -> "{\"service\":\"KTP\",\"service\":\"KK\"}";
      case 7 -> "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001);
      default -> {
        StringBuilder b = new StringBuilder("{");
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          String field = random.nextInt(8) == 0 ? hostileText() : FIELDS[random.nextInt(FIELDS.length)];
          b.append(JsonObject.of("k", field).encode(), 5, JsonObject.of("k", field).encode().length() - 1).append(':');
          b.append(random.nextBoolean() ? hostileValue() : JsonObject.of("v", hostileText()).encode()
              .replaceFirst("^\\{\"v\":", "").replaceAll("}$", ""));
        }
        yield b.append('}').toString();
      }
    };
    if (random.nextInt(20) == 0) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      byte[] bad = new byte[bytes.length + 2];
      System.arraycopy(bytes, 0, bad, 0, bytes.length);
      bad[bytes.length] = (byte) 0xC3;
      bad[bytes.length + 1] = (byte) 0x28;
      return bad;
    }
    return body.getBytes(StandardCharsets.UTF_8);
  }

  String pathParam() {
    String raw = hostileText();
    return switch (random.nextInt(5)) {
      case 0 -> "%00";
      case 1 -> "%zz";
      case 2 -> raw.length() > 300 ? raw.substring(0, 300) : URLEncoder.encode(raw, StandardCharsets.UTF_8);
      case 3 -> "1";
      default -> URLEncoder.encode(raw, StandardCharsets.UTF_8);
    };
  }

  /** One generated request as bytes. */
  byte[] request() {
    String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
    String method = template.substring(0, template.indexOf(' '));
    if (random.nextInt(10) == 0) {
      method = new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"}[random.nextInt(9)];
    }
    String path = template.substring(template.indexOf(' ') + 1);
    for (String p : new String[] {"{token}", "{job}", "{counter}", "{clip}", "{file}", "{anything}"}) {
      path = path.replace(p, pathParam());
    }
    if (random.nextInt(6) == 0) {
      path += "?" + new String[] {"paper", "since", "zone", "format", "x", "from", "to", "agency", "service"}[random.nextInt(9)] + "=" + pathParam();
    }
    String token = new ArrayList<>(identities.values()).get(random.nextInt(identities.size()));
    byte[] body = method.equals("GET") && random.nextInt(4) != 0 ? new byte[0] : hostileBody();
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1\r\nConnection: close\r\n");
    if (!token.isEmpty()) {
      head.append("Authorization: ").append(random.nextInt(10) == 0 ? "Basic " : "Bearer ")
          .append(token.replace("\u0000", "%00")).append("\r\n");
    }
    switch (random.nextInt(8)) {
      case 0 -> head.append("Content-Type: text/plain\r\n");
      case 1 -> head.append("Content-Type: application/json; charset=latin1\r\n");
      case 2 -> head.append("X-Forwarded-For: ").append("1.2.3.4, ".repeat(50)).append("\r\n");
      case 3 -> head.append("Origin: http://evil.example\r\n");
      case 4 -> head.append("Accept: */*\r\nAccept-Language: ").append("x".repeat(2000)).append("\r\n");
      default -> head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The status of the answer, or 0 when the connection was closed without one. */
  int send(byte[] request) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", hall.server.port()), 5000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before reading a body it refuses
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        line.write(b);
      }
      String status = line.toString(StandardCharsets.US_ASCII);
      if (!status.startsWith("HTTP/1.1 ")) {
        return 0;
      }
      return Integer.parseInt(status.substring(9, 12));
    } catch (java.net.SocketException e) {
      return 0;
    }
  }

  @Test
  void generatedHostileHttpRequestsGetNo5xxAndRefusedOnesChangeNothing() throws Exception {
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < HTTP_REQUESTS; i++) {
      byte[] req = request();
      String before = fingerprint();
      int status = send(req);
      statuses.merge(status, 1, Integer::sum);
      String shown = new String(req, 0, Math.min(req.length, 300), StandardCharsets.UTF_8);
      if (status >= 500) {
        failures.add(status + " for " + shown);
      }
      if (status == 0 && statuses.get(0) <= 3) {
        System.out.println("HostileInputIT closed without an answer: " + shown.replace("\r\n", " | "));
      }
      if (status >= 400 || status == 0) {
        String after = fingerprint();
        if (!after.equals(before)) {
          failures.add("refused with " + status + " but changed the database: " + shown);
        }
      }
    }
    System.out.println("HostileInputIT HTTP statuses (0 = closed without an answer): " + statuses);
    assertThat(failures).as("seed %d", seed).isEmpty();
    assertThat(errorsLogged()).as("errors logged, seed %d", seed).isEmpty();
  }

  // ---------------------------------------------------------------- WebSocket

  byte[] hostileFrame(ByteArrayOutputStream firstByte) {
    int kind = random.nextInt(14);
    byte[] payload;
    int first;
    switch (kind) {
      case 0 -> {
        first = 0x82; // binary
        payload = new byte[] {1, 2, 3};
      }
      case 1 -> {
        first = 0x81;
        payload = new byte[] {'{', (byte) 0xFF, '}'};
      }
      case 2 -> {
        first = 0x80 | (3 + random.nextInt(5)); // reserved opcodes
        payload = new byte[] {1};
      }
      case 3 -> {
        first = 0x01; // a text frame never finished, then another text frame
        payload = "{\"type\":".getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> {
        first = 0x89; // ping with a payload too long for a control frame
        payload = new byte[200];
      }
      case 5 -> {
        first = 0x81;
        payload = ("{\"type\":\"subscribe\",\"topics\":[\"" + new String[] {"ticket:\\u0000", "counter:\\u0000",
            "printer:kiosk-1", "calls:zone:" + "z".repeat(300), "ticket:" + "t".repeat(100), "queues", "counter:P1"}
            [random.nextInt(7)] + "\"],\"token\":\"" + new ArrayList<>(identities.values())
            .get(random.nextInt(identities.size())).replace("\u0000", "\\u0000") + "\",\"since\":"
            + hostileValue() + "}").getBytes(StandardCharsets.UTF_8);
      }
      case 6 -> {
        first = 0x81;
        payload = ("{\"type\":\"print-result\",\"job\":" + hostileValue() + ",\"status\":\"printed\",\"reason\":"
            + JsonObject.of("r", hostileText()).encode().substring(5).replaceAll("}$", "") + "}")
            .getBytes(StandardCharsets.UTF_8);
      }
      case 7 -> {
        first = 0x81;
        payload = ("{\"type\":\"printer-status\",\"status\":" + hostileValue() + ",\"detail\":\"a\\u0000\\r\\nb\"}")
            .getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> {
        first = 0x81;
        payload = hostileBody();
      }
      case 9 -> {
        first = 0x81;
        payload = ("{\"type\":" + hostileValue() + "}").getBytes(StandardCharsets.UTF_8);
      }
      case 10 -> {
        first = 0x81;
        payload = "x".repeat(70_000 + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
      }
      case 11 -> {
        first = 0x81;
        payload = "{\"type\":\"here\"}".getBytes(StandardCharsets.UTF_8);
      }
      case 12 -> {
        first = 0x80; // a continuation without a start
        payload = "}".getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        first = 0x81;
        payload = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
      }
    }
    firstByte.write(first);
    return payload;
  }

  /** Every text the server sent until it closed or went quiet. */
  static List<String> texts(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    DataInputStream d = new DataInputStream(in);
    try {
      while (true) {
        int b0 = d.read();
        if (b0 < 0) {
          return out;
        }
        byte[] payload = RawWebSocket.readPayload(d);
        if ((b0 & 0x0f) == 1) {
          out.add(new String(payload, StandardCharsets.UTF_8));
        }
        if ((b0 & 0x0f) == 8) {
          return out;
        }
      }
    } catch (SocketTimeoutException | java.io.EOFException | java.net.SocketException e) {
      return out;
    }
  }

  @Test
  void generatedHostileWebSocketFramesNeverCauseAnInternalErrorNorAChange() throws Exception {
    // without print jobs: a print agent's report on its own job is accepted, not refused
    String before = ticketsAndCounters();
    List<String> internal = new ArrayList<>();
    int frames = 0;
    for (int session = 0; session < WS_SESSIONS; session++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", hall.server.port()), 5000);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + hall.server.port() + "\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        try {
          for (int i = 0; i < FRAMES_PER_SESSION; i++) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            byte[] payload = hostileFrame(first);
            RawWebSocket.writeFrame(out, first.toByteArray()[0] & 0xff, payload);
            frames++;
          }
        } catch (IOException e) {
          // the server closed the socket on a frame it refused: the rest of this session is moot
        }
        s.setSoTimeout(1000);
        for (String text : texts(in)) {
          if (text.contains("\"INTERNAL\"")) {
            internal.add(text);
          }
        }
      }
    }
    System.out.println("HostileInputIT WebSocket frames sent: " + frames);
    assertThat(frames).isGreaterThan(WS_SESSIONS);
    assertThat(internal).as("seed %d", seed).isEmpty();
    assertThat(ticketsAndCounters()).as("tickets and counters unchanged, seed %d", seed).isEqualTo(before);
    assertThat(errorsLogged()).as("errors logged, seed %d", seed).isEmpty();
    // and the server still serves
    assertThat(hall.api.get("/health/ready", null).status()).isEqualTo(200);
  }

  List<String> errorsLogged() {
    return Logged.events(errors).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
  }
}
