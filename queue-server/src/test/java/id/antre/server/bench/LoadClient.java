package id.antre.server.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The HTTP load client of scripts/bench (not a test: run with the test classpath).
 *
 * <pre>
 * java -cp ... id.antre.server.bench.LoadClient issue --port 8097 --token d1... --connections 64 \
 *     --services 200 --warmup 5 --duration 20 [--rate 5000]
 * java -cp ... id.antre.server.bench.LoadClient call --port 8097 --user petugas-dukcapil --password ... \
 *     --counters 20 --warmup 5 --duration 20 [--rate 800]
 * </pre>
 *
 * <p>issue: POST /api/v1/tickets for a service drawn uniformly from S1..S{services}. Without --rate
 * it is a closed loop (each connection sends its next request when the previous answer arrives);
 * with --rate it is an open loop: requests are started on a fixed schedule whatever the answers,
 * and latency is measured from the scheduled start, so queueing in the client counts (no
 * coordinated omission).
 *
 * <p>call: counters 1..{counters} are opened, then each counter runs its own loop: call-next
 * (timed), then no-show (timed separately) to free the counter. With --rate the cycles of each
 * counter start on a fixed schedule (rate / counters per second each) and call-next latency is
 * measured from the scheduled start.
 *
 * <p>The last line of output is machine-readable: {@code RESULT key=value ...} (times in ms).
 */
public final class LoadClient {
  /** Vert.x 5 closes clients nobody references: keep them in fields. */
  private final Vertx vertx;
  private final WebClient client;
  private final Map<String, String> opts;
  private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final Histogram secondary = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong okSecondary = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong dry = new AtomicLong();
  private final Map<Integer, AtomicLong> statuses = new HashMap<>();
  private volatile long measureFrom;
  private volatile long measureUntil;
  private volatile boolean stopping;
  private final AtomicLong inFlight = new AtomicLong();

  private LoadClient(Map<String, String> opts) {
    this.opts = opts;
    int connections = intOpt("connections", 64);
    this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(2));
    WebClientOptions wo = new WebClientOptions();
    wo.setDefaultHost(opts.getOrDefault("host", "127.0.0.1")).setDefaultPort(intOpt("port", 8097))
        .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true).setUserAgentEnabled(false);
    this.client = WebClient.create(vertx, wo, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LoadClient issue|call --option value ...");
      System.exit(2);
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    LoadClient lc = new LoadClient(opts);
    int rc;
    try {
      rc = switch (args[0]) {
        case "issue" -> lc.issue();
        case "call" -> lc.call();
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      };
    } finally {
      lc.client.close();
      lc.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    System.exit(rc);
  }

  // ------------------------------------------------------------------ issue

  private int issue() throws Exception {
    String token = req("token");
    int services = intOpt("services", 200);
    int connections = intOpt("connections", 64);
    double rate = doubleOpt("rate", 0);
    Buffer[] bodies = new Buffer[services];
    for (int i = 0; i < services; i++) {
      bodies[i] = new JsonObject().put("service", "S" + (i + 1)).put("channel", "kiosk").toBuffer();
    }
    Runnable[] one = new Runnable[1];
    // send one issue; the callback gets the scheduled start
    java.util.function.LongConsumer send = scheduled -> {
      inFlight.incrementAndGet();
      Buffer body = bodies[ThreadLocalRandom.current().nextInt(services)];
      client.post("/api/v1/tickets").putHeader("Authorization", "Bearer " + token)
          .putHeader("Content-Type", "application/json").sendBuffer(body)
          .onComplete(ar -> {
            long done = System.nanoTime();
            inFlight.decrementAndGet();
            record(ar.succeeded() ? ar.result().statusCode() : -1, 201, scheduled, done, latency, ok);
            if (ar.failed() && errors.get() < 5) {
              System.err.println("request failed: " + ar.cause());
            }
            if (rate <= 0 && !stopping) {
              one[0].run();
            }
          });
    };
    one[0] = () -> send.accept(System.nanoTime());
    startWindow();
    if (rate <= 0) {
      System.out.printf("issue: closed loop, %d connections, %d services, warm-up %ss, measured %ss%n",
          connections, services, opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
      for (int i = 0; i < connections; i++) {
        vertx.runOnContext(v -> one[0].run());
      }
      sleepUntil(measureUntil);
    } else {
      System.out.printf("issue: open loop at %.0f/s, up to %d connections, %d services, warm-up %ss, measured %ss%n",
          rate, connections, services, opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
      pace(rate, send);
    }
    stopping = true;
    drain();
    report("issue", rate, latency, ok, "issue");
    return 0;
  }

  /** Starts requests on a fixed schedule from this thread until the window ends. */
  private void pace(double rate, java.util.function.LongConsumer send) {
    long interval = (long) (1e9 / rate);
    long start = System.nanoTime();
    long n = 0;
    while (true) {
      long scheduled = start + n * interval;
      if (scheduled >= measureUntil) {
        break;
      }
      long wait = scheduled - System.nanoTime();
      if (wait > 50_000) {
        LockSupport.parkNanos(wait - 20_000);
        continue;
      }
      while (System.nanoTime() < scheduled) {
        Thread.onSpinWait();
      }
      send.accept(scheduled);
      n++;
    }
  }

  // ------------------------------------------------------------------ call-next

  private int call() throws Exception {
    int counters = intOpt("counters", 20);
    double rate = doubleOpt("rate", 0);
    String token = login(req("user"), req("password"));
    for (int c = 1; c <= counters; c++) {
      HttpResponse<Buffer> r = await(post("/api/v1/counters/" + c + "/open", token));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("counter " + c + " did not open: " + r.statusCode() + " " + r.bodyAsString());
      }
    }
    System.out.printf("call-next: %d counters, %s, warm-up %ss, measured %ss%n", counters,
        rate <= 0 ? "closed loop (call-next then no-show, back to back)"
            : String.format("paced at %.0f cycles/s in all (%.1f/s per counter)", rate, rate / counters),
        opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
    startWindow();
    long period = rate <= 0 ? 0 : (long) (1e9 * counters / rate);
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 1; c <= counters; c++) {
      Promise<Void> p = Promise.promise();
      loops.add(p.future());
      // spread the counters' schedules over one period
      long first = start + (period * (c - 1)) / counters;
      int counter = c;
      vertx.runOnContext(v -> cycle(counter, token, first, period, p));
    }
    Future.all(loops).toCompletionStage().toCompletableFuture().get(measureUntil - System.nanoTime()
        + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    report("call-next", rate, latency, ok, "call");
    return 0;
  }

  /** One counter's loop: call-next (timed from the scheduled start), then no-show. */
  private void cycle(int counter, String token, long scheduled, long period, Promise<Void> done) {
    long now = System.nanoTime();
    if (now >= measureUntil) {
      done.complete();
      return;
    }
    if (period > 0 && scheduled > now) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(scheduled - now)),
          id -> cycle(counter, token, scheduled, period, done));
      return;
    }
    long start = period > 0 ? scheduled : now;
    post("/api/v1/counters/" + counter + "/call-next", token).onComplete(ar -> {
      long t = System.nanoTime();
      int status = ar.succeeded() ? ar.result().statusCode() : -1;
      long next = period > 0 ? scheduled + period : 0;
      if (status == 204) {
        // nobody waiting: the pre-issued tickets ran out; this counter stops
        dry.incrementAndGet();
        count(status);
        done.complete();
        return;
      }
      record(status, 200, start, t, latency, ok);
      if (status == 200 || status == 409) { // 409 COUNTER_BUSY: a ticket is still held; free it
        long ns = System.nanoTime();
        post("/api/v1/counters/" + counter + "/no-show", token).onComplete(ar2 -> {
          record(ar2.succeeded() ? ar2.result().statusCode() : -1, 200, ns, System.nanoTime(), secondary,
              okSecondary);
          cycle(counter, token, next, period, done);
        });
      } else {
        if (errors.get() < 5) {
          System.err.println("call-next on counter " + counter + ": " + status
              + (ar.succeeded() ? " " + ar.result().bodyAsString() : " " + ar.cause()));
        }
        vertx.setTimer(10, id -> cycle(counter, token, next, period, done));
      }
    });
  }

  // ------------------------------------------------------------------ helpers

  private void startWindow() {
    long now = System.nanoTime();
    measureFrom = now + TimeUnit.MILLISECONDS.toNanos((long) (doubleOpt("warmup", 5) * 1000));
    measureUntil = measureFrom + TimeUnit.MILLISECONDS.toNanos((long) (doubleOpt("duration", 20) * 1000));
  }

  /** Counts an answer; latency and successes only for requests that started inside the window. */
  private void record(int status, int expected, long start, long end, Histogram h, AtomicLong okCount) {
    count(status);
    if (status != expected) {
      errors.incrementAndGet();
      return;
    }
    if (start >= measureFrom && start < measureUntil) {
      synchronized (h) {
        h.recordValue(Math.max(0, end - start));
      }
      okCount.incrementAndGet();
    }
  }

  private void count(int status) {
    synchronized (statuses) {
      statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }
  }

  private void report(String what, double rate, Histogram h, AtomicLong okCount, String mode) {
    double seconds = doubleOpt("duration", 20);
    double tput = okCount.get() / seconds;
    System.out.printf("%s: %d ok in %.0f s = %.0f/s; latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
        what, okCount.get(), seconds, tput, ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), ms(h.getMaxValue()));
    StringBuilder extra = new StringBuilder();
    if ("call".equals(mode)) {
      double cycles = okSecondary.get() / seconds;
      System.out.printf("no-show: %d ok = %.0f/s; latency ms p50 %.2f p99 %.2f; full cycles (call-next + no-show)"
          + " %.0f/s = %.0f HTTP requests/s%n", okSecondary.get(), cycles, ms(secondary, 50), ms(secondary, 99),
          cycles, tput + cycles);
      extra.append(String.format(" cycles=%.1f noshow_p50=%.3f noshow_p99=%.3f dry=%d", cycles, ms(secondary, 50),
          ms(secondary, 99), dry.get()));
      if (dry.get() > 0) {
        System.out.println("WARNING: " + dry.get() + " counter(s) found nobody waiting (204): pre-issue more tickets");
      }
    }
    System.out.println("answers by status: " + statuses);
    System.out.printf("RESULT mode=%s rate=%.1f throughput=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f"
        + " count=%d errors=%d%s%n", mode, rate, tput, ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
        ms(h.getMaxValue()), okCount.get(), errors.get(), extra);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long ms;
    while ((ms = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime())) > 0) {
      Thread.sleep(Math.min(ms, 100));
    }
  }

  private Future<HttpResponse<Buffer>> post(String path, String token) {
    return client.post(path).putHeader("Authorization", "Bearer " + token).send();
  }

  private String login(String user, String password) throws Exception {
    HttpResponse<Buffer> r = await(client.post("/api/v1/auth/login")
        .sendJsonObject(new JsonObject().put("username", user).put("password", password)));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private String req(String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  private int intOpt(String key, int def) {
    return opts.containsKey(key) ? Integer.parseInt(opts.get(key)) : def;
  }

  private double doubleOpt(String key, double def) {
    return opts.containsKey(key) ? Double.parseDouble(opts.get(key)) : def;
  }
}
