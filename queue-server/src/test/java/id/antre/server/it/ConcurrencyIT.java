package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many kiosks and many counters at once, over real HTTP: numbers stay unique and contiguous,
 * quotas hold to the ticket, and every ticket is called exactly once.
 */
@CoreLane
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {
  static final int KIOSKS = 8;
  static final int TICKETS = 2_000;
  static final int COUNTERS = 20;
  /** AKTA's quota in small.yaml: the burst asks for more than that. */
  static final int AKTA_QUOTA = 300;

  HallFixture fixture;
  TestServer hall;
  Pool pool;

  @BeforeAll
  void start() {
    fixture = HallFixture.smallHall(Instant.parse("2026-11-30T02:00:00Z"), true);
    hall = fixture.hall;
    pool = fixture.pool;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void kiosksIssueInABurstAndCountersCallEveryTicketExactlyOnce() throws Exception {
    String[] services = {"KTP", "KK", "AKTA"};
    Map<String, AtomicInteger> quotaRefusals = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService kiosks = Executors.newFixedThreadPool(KIOSKS);
    List<Future<?>> running = new ArrayList<>();
    for (int k = 0; k < KIOSKS; k++) {
      Api api = new Api(hall.server.port());
      running.add(kiosks.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < TICKETS) {
          // AKTA gets every other request, so its 300 quota runs out mid-burst
          String service = i % 2 == 0 ? "AKTA" : services[(i / 2) % 2];
          Api.Response r = api.post("/api/v1/tickets", hall.kioskToken(), new JsonObject().put("service", service));
          if (r.status() == 409 && "QUOTA_EXHAUSTED".equals(r.code())) {
            quotaRefusals.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
          } else if (r.status() != 201) {
            unexpected.add(r.status() + " " + r.body());
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get(5, TimeUnit.MINUTES);
    }
    kiosks.shutdown();
    assertThat(unexpected).isEmpty();

    Map<String, List<Integer>> numbers = new TreeMap<>();
    for (Row r : pool.query("SELECT service, number FROM ticket ORDER BY service, number").execute().await()) {
      numbers.computeIfAbsent(r.getString(0), s -> new ArrayList<>()).add(r.getInteger(1));
    }
    for (Map.Entry<String, List<Integer>> e : numbers.entrySet()) {
      List<Integer> n = e.getValue();
      assertThat(n).as("numbers of %s are 1..N without gaps or repeats", e.getKey())
          .isEqualTo(java.util.stream.IntStream.rangeClosed(1, n.size()).boxed().toList());
    }
    assertThat(numbers.get("AKTA")).hasSize(AKTA_QUOTA);
    assertThat(quotaRefusals.get("AKTA").get()).isEqualTo(TICKETS / 2 - AKTA_QUOTA);
    int issued = numbers.values().stream().mapToInt(List::size).sum();
    assertThat(issued).isEqualTo(TICKETS - quotaRefusals.get("AKTA").get());

    // 20 counters call until nobody waits
    String officer = hall.login("petugas-dukcapil");
    Api api0 = new Api(hall.server.port());
    for (int c = 1; c <= COUNTERS; c++) {
      assertThat(api0.post("/api/v1/counters/" + c + "/open", officer, (String) null).status()).isEqualTo(200);
    }
    ConcurrentLinkedQueue<Long> called = new ConcurrentLinkedQueue<>();
    ExecutorService counters = Executors.newFixedThreadPool(COUNTERS);
    running.clear();
    for (int c = 1; c <= COUNTERS; c++) {
      String id = Integer.toString(c);
      Api api = new Api(hall.server.port());
      running.add(counters.submit(() -> {
        while (true) {
          Api.Response r = api.post("/api/v1/counters/" + id + "/call-next", officer, (String) null);
          if (r.status() == 204) {
            return;
          }
          if (r.status() != 200) {
            unexpected.add("call-next " + r.status() + " " + r.body());
            return;
          }
          called.add(r.json().getLong("id"));
          Api.Response done = api.post("/api/v1/counters/" + id + "/no-show", officer, (String) null);
          if (done.status() != 200) {
            unexpected.add("no-show " + done.status() + " " + done.body());
            return;
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get(5, TimeUnit.MINUTES);
    }
    counters.shutdown();
    assertThat(unexpected).isEmpty();
    assertThat(called).doesNotHaveDuplicates().hasSize(issued);
    assertThat(TestDb.count(pool, "SELECT count(*) FROM ticket WHERE status = 'WAITING'").await()).isZero();
    assertThat(TestDb.count(pool, "SELECT count(*) FROM ticket_event WHERE type = 'CALL'").await()).isEqualTo(issued);
  }
}
