package id.antre.server.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The booking rush (issue 13): {@code --requests} bookings of distinct, valid NIKs sent on an
 * open-loop schedule over {@code --seconds}, each from one of {@code --addresses} loopback source
 * addresses (127.a.b.c, one HTTP client bound to each, as that many phones), spread over the
 * nodes of {@code --ports} in turn, each for a slot drawn at random from the day's slots. Every
 * answer is counted by status and code; latency is from the request's intended start, so a
 * client that fell behind its schedule shows as latency, not as a gentler load.
 *
 * <pre>RushClient --ports 8097,8099 --service R1 --day 2026-12-01 --requests 10000 --seconds 10 --addresses 2000</pre>
 *
 * Prints {@code RESULT mode=rush requests=.. booked=.. SLOT_FULL=.. ... status_5xx=.. p50=.. p99=.. max=..}.
 */
public final class RushClient {
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String[] ports = o.getOrDefault("ports", "8097").split(",");
    String service = o.getOrDefault("service", "R1");
    String day = o.get("day");
    int requests = Integer.parseInt(o.getOrDefault("requests", "10000"));
    double seconds = Double.parseDouble(o.getOrDefault("seconds", "10"));
    int addresses = Integer.parseInt(o.getOrDefault("addresses", "2000"));
    // where this run's addresses start, so that a warm-up's phones are not the rush's
    int firstAddress = Integer.parseInt(o.getOrDefault("first-address", "0"));
    Vertx vertx = Vertx.vertx();
    Random random = new Random(Long.parseLong(o.getOrDefault("seed", "13")));

    HttpClientAgent probe = vertx.createHttpClient(new HttpClientOptions());
    JsonObject slots = probe.request(new RequestOptions().setHost("127.0.0.1").setPort(Integer.parseInt(ports[0]))
            .setURI("/api/v1/booking/slots?service=" + service + "&day=" + day))
        .compose(r -> r.send().compose(resp -> resp.body()))
        .map(Buffer::toJsonObject).await();
    List<String> starts = new ArrayList<>();
    for (Object s : slots.getJsonArray("slots", new JsonArray())) {
      starts.add(((JsonObject) s).getString("start"));
    }
    if (starts.isEmpty()) {
      System.err.println("no slots: " + slots.encode());
      System.exit(2);
    }

    Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram lag = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(requests);
    long interval = (long) (seconds * 1e9 / requests);
    long t0 = System.nanoTime() + 2_000_000_000L;
    int[] slotOf = new int[requests];
    for (int i = 0; i < requests; i++) {
      slotOf[i] = random.nextInt(starts.size());
    }
    // one shard per event loop, each with its own addresses, clients and timer, so that no one
    // thread sends every request: request i goes out from shard i % shards
    int shards = Integer.parseInt(o.getOrDefault("shards", Integer.toString(2 * Runtime.getRuntime().availableProcessors())));
    // the clients are made here, outside any verticle, so that none is tied to a shard's deployment
    List<HttpClientAgent> clients = new ArrayList<>();
    for (int a = 0; a < addresses; a++) {
      int x = firstAddress + a;
      clients.add(vertx.createHttpClient(new HttpClientOptions()
          .setLocalAddress("127." + (1 + x / 62_500) + "." + ((x / 250) % 250 + 1) + "." + (x % 250 + 1))
          .setKeepAlive(true).setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(1)));
    }
    for (int k = 0; k < shards; k++) {
      int shard = k;
      vertx.deployVerticle(new io.vertx.core.VerticleBase() {
        @Override
        public Future<?> start() {
          int[] next = {shard};
          vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (next[0] < requests && t0 + next[0] * interval <= now) {
              int i = next[0];
              next[0] += shards;
              long intended = t0 + i * interval;
              synchronized (lag) {
                lag.recordValue(Math.max(0, now - intended));
              }
              HttpClientAgent client = clients.get(i % addresses);
              send(client, Integer.parseInt(ports[i % ports.length]), service, day, starts.get(slotOf[i]), nik(i))
                  .onComplete(ar -> {
                    String key = ar.succeeded() ? ar.result() : "failed:" + ar.cause().getClass().getSimpleName();
                    if (answers.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet() == 1 && ar.failed()) {
                      System.err.println("first " + key + ": " + ar.cause().getMessage());
                    }
                    synchronized (latency) {
                      latency.recordValue(Math.max(0, System.nanoTime() - intended));
                    }
                    done.countDown();
                  });
            }
            if (next[0] >= requests) {
              vertx.cancelTimer(id);
            }
          });
          return Future.succeededFuture();
        }
      }).await();
    }
    boolean all = done.await((long) seconds + 120, TimeUnit.SECONDS);
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
    int s5xx = answers.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToInt(e -> e.getValue().get()).sum();
    StringBuilder out = new StringBuilder("RESULT mode=rush requests=" + requests + " answered=" + (requests - done.getCount())
        + " complete=" + all + " ports=" + ports.length + " addresses=" + addresses + " slots=" + starts.size()
        + " elapsed_ms=" + elapsedMs);
    new TreeMap<>(answers).forEach((k, v) -> out.append(' ').append(k).append('=').append(v.get()));
    out.append(" status_5xx=").append(s5xx);
    out.append(String.format(" p50=%.1f p90=%.1f p99=%.1f max=%.1f lag_p99=%.1f", ms(latency, 50), ms(latency, 90),
        ms(latency, 99), latency.getMaxValue() / 1e6, ms(lag, 99)));
    System.out.println(out);
    vertx.close().await();
    System.exit(s5xx == 0 && all ? 0 : 1);
  }

  /** Status and code of one booking: "201", "409:SLOT_FULL", "429:RATE_LIMITED", "500:INTERNAL". */
  static Future<String> send(HttpClientAgent client, int port, String service, String day, String slot, String nik) {
    JsonObject body = new JsonObject().put("service", service).put("day", day).put("slot", slot).put("nik", nik)
        .put("phone", "0812" + nik.substring(8, 16)).put("requestId", UUID.randomUUID().toString());
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/api/v1/bookings").putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(body.encode()))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() == 201) {
            return "201";
          }
          String code;
          try {
            code = b.toJsonObject().getString("code");
          } catch (RuntimeException e) {
            code = "no-code";
          }
          return resp.statusCode() + ":" + code;
        }));
  }

  /** The i-th of many valid, distinct NIKs: West Java (32), Kabupaten Cirebon (09), born 1990, serial and day from i. */
  static String nik(int i) {
    int serial = 1 + i % 9999;
    int dayOfMonth = 1 + (i / 9999) % 28;
    return String.format("320901%02d0890%04d", dayOfMonth, serial);
  }

  static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }
}
