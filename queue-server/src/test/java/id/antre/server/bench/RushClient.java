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
 * <p>With {@code --warmup-requests N} it first sends N bookings over {@code --warmup-seconds} to
 * {@code --warmup-service} from other addresses, in the same JVM, so that neither the server nor
 * this client compiles its code during the rush; {@code client_cpu} and {@code client_jit_ms} say
 * what the client itself used in the rush's window.
 *
 * Prints {@code RESULT mode=rush requests=.. 201=.. 409:SLOT_FULL=.. ... status_5xx=.. p50=.. p99=.. max=..
 * client_cpu=..% client_jit_ms=..}.
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
    List<String> starts = starts(probe, ports, service, day);

    // a warm-up in this JVM first (another service, other addresses): a cold client compiles its
    // own code during the rush (C1 and C2 took 14 s of CPU in a 13 s rush) and takes a core from
    // the server it measures
    int warmup = Integer.parseInt(o.getOrDefault("warmup-requests", "0"));
    if (warmup > 0) {
      String warmupService = o.getOrDefault("warmup-service", "W1");
      Phase w = new Phase(vertx, ports, warmupService, day, starts(probe, ports, warmupService, day), warmup, Double.parseDouble(o.getOrDefault("warmup-seconds", "10")),
          Integer.parseInt(o.getOrDefault("warmup-addresses", "500")), firstAddress + 1_000_000, random, shards(o));
      w.run();
      System.out.println("WARMUP " + w.summary());
      Thread.sleep(2_000);
    }
    Phase rush = new Phase(vertx, ports, service, day, starts, requests, seconds, addresses, firstAddress, random, shards(o));
    java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long jit0 = jit.getTotalCompilationTime();
    long wall0 = System.nanoTime();
    boolean all = rush.run();
    double wallS = (System.nanoTime() - wall0) / 1e9;
    double cpuPct = 100.0 * (os.getProcessCpuTime() - cpu0) / 1e9 / wallS;
    long jitMs = jit.getTotalCompilationTime() - jit0;
    String out = "RESULT " + rush.summary() + String.format(" client_cpu=%.0f%% client_jit_ms=%d", cpuPct, jitMs);
    System.out.println(out);
    vertx.close().await();
    System.exit(rush.status5xx() == 0 && all ? 0 : 1);
  }

  static int shards(Map<String, String> o) {
    return Integer.parseInt(o.getOrDefault("shards", Integer.toString(2 * Runtime.getRuntime().availableProcessors())));
  }

  static List<String> starts(HttpClientAgent probe, String[] ports, String service, String day) {
    JsonObject slots = probe.request(new RequestOptions().setHost("127.0.0.1").setPort(Integer.parseInt(ports[0]))
            .setURI("/api/v1/booking/slots?service=" + service + "&day=" + day))
        .compose(r -> r.send().compose(resp -> resp.body()))
        .map(Buffer::toJsonObject).await();
    List<String> starts = new ArrayList<>();
    for (Object s : slots.getJsonArray("slots", new JsonArray())) {
      starts.add(((JsonObject) s).getString("start"));
    }
    if (starts.isEmpty()) {
      System.err.println("no slots for " + service + ": " + slots.encode());
      System.exit(2);
    }
    return starts;
  }

  /** One open-loop burst: its requests, answers and histograms. */
  static final class Phase {
    final Vertx vertx;
    final String[] ports;
    final String service;
    final String day;
    final List<String> starts;
    final int requests;
    final double seconds;
    final int addresses;
    final int shards;
    final int[] slotOf;
    final List<HttpClientAgent> clients = new ArrayList<>();
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Histogram lag = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    /** The successful bookings alone: they take the slot's and the day's row locks, the others only read. */
    final Histogram booked = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final CountDownLatch done;
    long t0;

    Phase(Vertx vertx, String[] ports, String service, String day, List<String> starts, int requests, double seconds,
        int addresses, int firstAddress, Random random, int shards) {
      this.vertx = vertx;
      this.ports = ports;
      this.service = service;
      this.day = day;
      this.starts = starts;
      this.requests = requests;
      this.seconds = seconds;
      this.addresses = addresses;
      this.shards = shards;
      this.done = new CountDownLatch(requests);
      slotOf = new int[requests];
      for (int i = 0; i < requests; i++) {
        slotOf[i] = random.nextInt(starts.size());
      }
      // the clients are made here, outside any verticle, so that none is tied to a shard's deployment
      for (int a = 0; a < addresses; a++) {
        int x = firstAddress + a;
        clients.add(vertx.createHttpClient(new HttpClientOptions()
            .setLocalAddress("127." + (1 + x / 62_500) + "." + ((x / 250) % 250 + 1) + "." + (x % 250 + 1))
            .setKeepAlive(true).setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(1)));
      }
    }

    /** Sends every request on schedule and waits for the answers; false when some never came. */
    boolean run() throws InterruptedException {
      long interval = (long) (seconds * 1e9 / requests);
      t0 = System.nanoTime() + 2_000_000_000L;
      // one shard per event loop, each with its own timer, so that no one thread sends every
      // request: request i goes out from shard i % shards
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
                      long took = Math.max(0, System.nanoTime() - intended);
                      synchronized (latency) {
                        latency.recordValue(took);
                        if ("201".equals(key)) {
                          booked.recordValue(took);
                        }
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
      return done.await((long) seconds + 120, TimeUnit.SECONDS);
    }

    int status5xx() {
      return answers.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToInt(e -> e.getValue().get()).sum();
    }

    String summary() {
      long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      StringBuilder out = new StringBuilder("mode=rush service=" + service + " requests=" + requests + " answered="
          + (requests - done.getCount()) + " complete=" + (done.getCount() == 0) + " ports=" + ports.length
          + " addresses=" + addresses + " slots=" + starts.size() + " elapsed_ms=" + elapsedMs);
      new TreeMap<>(answers).forEach((k, v) -> out.append(' ').append(k).append('=').append(v.get()));
      out.append(" status_5xx=").append(status5xx());
      out.append(String.format(" p50=%.1f p90=%.1f p99=%.1f max=%.1f lag_p99=%.1f", ms(latency, 50), ms(latency, 90),
          ms(latency, 99), latency.getMaxValue() / 1e6, ms(lag, 99)));
      out.append(String.format(" booked_p50=%.1f booked_p99=%.1f", ms(booked, 50), ms(booked, 99)));
      return out.toString();
    }
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
