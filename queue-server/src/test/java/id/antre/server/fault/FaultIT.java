package id.antre.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Tokens;
import id.antre.server.it.TestServer;
import id.antre.server.it.WsClient;
import id.antre.server.lanes.FaultLane;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The server and PostgreSQL killed, stopped and frozen while kiosks issue and officers call, on
 * the fault tests' own PostgreSQL cluster. After each fault the database is checked in SQL:
 * every acknowledged ticket present, numbers unique and gap-free per service and day, one CALL
 * per called ticket, a print job for every kiosk ticket; and no answer was a 500.
 *
 * <p>Not on {@code HallFixture}: its database lives on the shared PostgreSQL, which these tests
 * must not kill; {@link FaultCluster} gives one on a cluster of their own, and the node runs as a
 * process ({@link ServerProcess}) so that it can be killed too.
 */
@FaultLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {
  /** Short, so a frozen database is noticed quickly; the load repeats its requests anyway. */
  static final long DEADLINE_MS = 2000;
  static final List<String> COUNTERS = List.of("1", "2", "3");
  static final List<String> SERVICES = List.of("KTP", "KK", "AKTA");

  Vertx vertx;
  FaultCluster cluster;
  DbConfig db;
  Pool pool;
  volatile ServerProcess server;
  int port;
  String officer;

  /** What the server acknowledged: issued ticket ids (201), called ticket ids (200 to call-next). */
  final Set<Long> issued = ConcurrentHashMap.newKeySet();
  final Set<Long> called = ConcurrentHashMap.newKeySet();
  /** Answers by status over the whole run. */
  final ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

  @BeforeAll
  void setUp() throws Exception {
    cluster = FaultCluster.find();
    if (!cluster.online()) {
      cluster.start();
    }
    vertx = Vertx.vertx();
    db = cluster.createDatabase(vertx);
    pool = FaultCluster.pool(vertx, db);
    port = ServerProcess.freePort();
    startServer();
    Client c = new Client();
    officer = c.login();
    for (String counter : COUNTERS) {
      assertThat(c.post("/api/v1/counters/" + counter + "/open", officer, null).statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  void tearDown() throws Exception {
    if (server != null) {
      server.kill();
    }
    if (cluster != null && !cluster.online()) {
      cluster.startAfterCrash();
    }
    if (pool != null) {
      pool.close().await();
      cluster.dropDatabase(vertx, db);
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  void startServer() throws Exception {
    server = ServerProcess.start(db, port, TestServer.PASSWORD, TestServer.resourcePath("/halls/small.yaml"),
        DEADLINE_MS);
  }

  // ---------------------------------------------------------------- the faults

  @Test
  @Order(1)
  void aServerKilledDuringABurstLosesNothingItAcknowledged() throws Exception {
    try (Load load = new Load()) {
      load.until(() -> issued.size() >= 30 && called.size() >= 5);
      server.kill();
      startServer();
      int before = issued.size();
      load.until(() -> issued.size() >= before + 30);
    }
    invariantsHold();
  }

  @Test
  @Order(2)
  void postgresqlKilledDuringABurstLosesNothingAcknowledged() throws Exception {
    try (Load load = new Load()) {
      load.until(() -> issued.size() >= 30);
      cluster.crash();
      load.until(() -> statuses.getOrDefault(503, new AtomicInteger()).get() > 0);
      cluster.startAfterCrash();
      int before = issued.size();
      load.until(() -> issued.size() >= before + 30);
    }
    invariantsHold();
  }

  @Test
  @Order(3)
  void postgresqlStoppedAnswers503WithoutAStackTracePerRequestAndComesBack() throws Exception {
    Client c = new Client();
    try (Load load = new Load()) {
      load.until(() -> issued.size() >= 30);
      cluster.stop();
      int stackBefore = server.stackLines.get();
      int unavailableBefore = statuses.getOrDefault(503, new AtomicInteger()).get();
      load.until(() -> statuses.getOrDefault(503, new AtomicInteger()).get() >= unavailableBefore + 20);
      HttpResponse<String> r = c.post("/api/v1/tickets", server.kioskToken, new JsonObject().put("service", "KTP"));
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("UNAVAILABLE");
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(c.get("/health/ready").statusCode()).isEqualTo(503);
      // a print agent whose token this node has not seen yet, and a display's snapshot
      try (WsClient ws = new WsClient(port)) {
        ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("printer:kiosk-1"))
            .put("token", Tokens.derivedDeviceToken(TestServer.PASSWORD, "printer-1")));
        assertThat(ws.next("error").getString("code")).isEqualTo("UNAVAILABLE");
        ws.send(new JsonObject().put("type", "subscribe").put("topics", new JsonArray().add("queues")));
        assertThat(ws.next("error").getString("code")).isEqualTo("UNAVAILABLE");
      }
      assertThat(server.stackLines.get()).as("stack trace lines printed while the database was down")
          .isEqualTo(stackBefore);
      cluster.start();
      int before = issued.size();
      load.until(() -> issued.size() >= before + 30);
    }
    invariantsHold();
  }

  @Test
  @Order(4)
  void postgresqlFrozenAnswers503WithinTheDeadlineAndARepeatedRequestIdGetsTheOutcome() throws Exception {
    Client c = new Client();
    String repeat = "frozen-" + UUID.randomUUID();
    HttpResponse<String> duringFreeze;
    long readyMillis;
    long requestMillis;
    try (Load load = new Load()) {
      load.until(() -> issued.size() >= 30);
      List<ProcessHandle> frozen = cluster.processes();
      cluster.signal("STOP", frozen);
      try {
        Thread.sleep(500); // requests in flight now hang in the database
        long t0 = System.nanoTime();
        HttpResponse<String> ready = c.get("/health/ready");
        readyMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ready.statusCode()).isEqualTo(503);
        t0 = System.nanoTime();
        duringFreeze = c.post("/api/v1/counters/" + COUNTERS.get(0) + "/call-next", officer,
            new JsonObject().put("requestId", repeat));
        requestMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(duringFreeze.statusCode()).as(duringFreeze.body()).isEqualTo(503);
        assertThat(new JsonObject(duringFreeze.body()).getString("detail")).contains("requestId");
        Thread.sleep(2000);
      } finally {
        cluster.signal("CONT", frozen);
      }
      int before = issued.size();
      load.until(() -> issued.size() >= before + 30);
    }
    // generous margins: the point is "about the deadline", not "after the database thaws"
    assertThat(readyMillis).as("readiness answered in ms").isLessThan(1000 + 2000);
    assertThat(requestMillis).as("a command answered in ms").isLessThan(DEADLINE_MS + 3000);
    // the refused call-next, repeated: the first outcome if it committed after all, else a new one
    HttpResponse<String> again = c.untilAnswered(() -> c.post("/api/v1/counters/" + COUNTERS.get(0) + "/call-next",
        officer, new JsonObject().put("requestId", repeat)));
    assertThat(again.statusCode()).as(again.body()).isIn(200, 204, 409);
    if (again.statusCode() == 200) {
      called.add(new JsonObject(again.body()).getLong("id"));
    }
    invariantsHold();
  }

  // ---------------------------------------------------------------- invariants

  void invariantsHold() {
    assertThat(statuses.keySet()).as("statuses answered: %s", statuses).allMatch(s -> s < 500 || s == 503);
    List<Long> present = new ArrayList<>();
    for (Row r : pool.query("SELECT id FROM ticket").execute().await()) {
      present.add(r.getLong(0));
    }
    assertThat(present).as("every acknowledged ticket is stored").containsAll(issued);
    for (Row r : pool.query("""
        SELECT service, service_day, count(*) AS n, count(DISTINCT number) AS distinct_numbers,
               min(number) AS lowest, max(number) AS highest
        FROM ticket GROUP BY service, service_day""").execute().await()) {
      long n = r.getLong("n");
      assertThat(r.getLong("distinct_numbers")).as("numbers of %s unique", r.getString("service")).isEqualTo(n);
      assertThat(r.getInteger("lowest")).as("numbers of %s start at 1", r.getString("service")).isEqualTo(1);
      assertThat(r.getInteger("highest").longValue()).as("numbers of %s without gaps", r.getString("service"))
          .isEqualTo(n);
    }
    assertThat(count("""
        SELECT count(*) FROM ticket t WHERE t.status IN ('CALLED', 'SERVING', 'DONE', 'NO_SHOW')
          AND (SELECT count(*) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'CALL') <> 1"""))
        .as("called tickets without exactly one CALL event").isZero();
    assertThat(count("""
        SELECT count(*) FROM (SELECT ticket_id FROM ticket_event WHERE type = 'CALL'
                              GROUP BY ticket_id HAVING count(*) > 1) twice""")).as("tickets called twice").isZero();
    List<Long> waiting = new ArrayList<>();
    for (Row r : pool.query("SELECT id FROM ticket WHERE status = 'WAITING'").execute().await()) {
      waiting.add(r.getLong(0));
    }
    assertThat(called).as("acknowledged calls are not waiting").doesNotContainAnyElementsOf(waiting);
    assertThat(count("""
        SELECT count(*) FROM ticket t WHERE t.channel = 'kiosk'
          AND NOT EXISTS (SELECT 1 FROM print_job j WHERE j.ticket_id = t.id)"""))
        .as("kiosk tickets without a print job").isZero();
  }

  long count(String sql) {
    return pool.query(sql).execute().await().iterator().next().getLong(0);
  }

  // ---------------------------------------------------------------- load

  /** Kiosks issuing and officers calling, start-finish, until closed; each answer counted. */
  final class Load implements AutoCloseable {
    final AtomicBoolean stop = new AtomicBoolean();
    final List<Thread> threads = new ArrayList<>();

    Load() {
      for (int k = 0; k < 2; k++) {
        threads.add(daemon(this::kiosk));
      }
      for (String counter : COUNTERS) {
        threads.add(daemon(() -> officer(counter)));
      }
    }

    Thread daemon(Runnable r) {
      Thread t = new Thread(r);
      t.setDaemon(true);
      t.start();
      return t;
    }

    void kiosk() {
      Client c = new Client();
      int i = 0;
      while (!stop.get()) {
        String service = SERVICES.get(i++ % SERVICES.size());
        HttpResponse<String> r = c.tryPost("/api/v1/tickets", server.kioskToken,
            new JsonObject().put("service", service).put("requestId", UUID.randomUUID().toString()));
        if (r != null && r.statusCode() == 201) {
          issued.add(new JsonObject(r.body()).getLong("id"));
        }
        pause(r);
      }
    }

    void officer(String counter) {
      Client c = new Client();
      while (!stop.get()) {
        HttpResponse<String> r = c.tryPost("/api/v1/counters/" + counter + "/call-next", officer,
            new JsonObject().put("requestId", UUID.randomUUID().toString()));
        if (r != null && r.statusCode() == 200) {
          called.add(new JsonObject(r.body()).getLong("id"));
        }
        if (r != null && (r.statusCode() == 200 || r.statusCode() == 409)) {
          // start and finish whatever the counter holds; refusals are fine, the next round calls again
          c.tryPost("/api/v1/counters/" + counter + "/start", officer, null);
          c.tryPost("/api/v1/counters/" + counter + "/finish", officer, null);
        }
        pause(r);
      }
    }

    void pause(HttpResponse<String> r) {
      try {
        Thread.sleep(r == null || r.statusCode() >= 500 ? 100 : 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits until the condition holds, failing after a minute. */
    void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("waited a minute for the load to get there; statuses %s, issued %d, called %d",
            statuses, issued.size(), called.size()).isLessThan(until);
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }
    }
  }

  /** A blocking HTTP client to the server process of the moment. */
  final class Client {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String login() {
      HttpResponse<String> r = post("/api/v1/auth/login", null,
          new JsonObject().put("username", "petugas-dukcapil").put("password", TestServer.PASSWORD));
      return new JsonObject(r.body()).getString("token");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, JsonObject body) {
      HttpResponse<String> r = tryPost(path, token, body);
      if (r == null) {
        throw new IllegalStateException("no answer to POST " + path);
      }
      return r;
    }

    /** The answer, or null when the server could not be reached (killed, restarting). */
    HttpResponse<String> tryPost(String path, String token, JsonObject body) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        return r;
      } catch (IOException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** Repeats a request until it is answered other than 503, for up to a minute. */
    HttpResponse<String> untilAnswered(java.util.function.Supplier<HttpResponse<String>> call)
        throws InterruptedException {
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      HttpResponse<String> r = call.get();
      while (r.statusCode() == 503 && System.nanoTime() < until) {
        Thread.sleep(200);
        r = call.get();
      }
      return r;
    }
  }
}
