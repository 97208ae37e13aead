package id.antre.server.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * java -cp ... id.antre.server.bench.LoadClient fanout --port 8097 --user petugas-dukcapil --password ... \
 *     --subscribers 5000 --counters 4 --rate 5 --warmup 2 --duration 15 [--batch 250] [--server-pid 1234] \
 *     [--ws-ports 8099,8100]
 * </pre>
 *
 * <p>issue: POST /api/v1/tickets for a service drawn uniformly from S1..S{services}, without a
 * print job (as pgbench's copy of the statement and the bare server issue). Without --rate
 * it is a closed loop (each connection sends its next request when the previous answer arrives);
 * with --rate it is an open loop: requests are started on a fixed schedule whatever the answers,
 * and latency is measured from the intended start, so queueing in the client counts (no
 * coordinated omission).
 *
 * <p>call: counters 1..{counters} are opened, then each counter runs its own loop: call-next
 * (timed), then no-show (timed separately) to free the counter. With --rate the cycles of each
 * counter start on a fixed schedule (rate / counters per second each) and call-next latency is
 * measured from the scheduled start.
 *
 * <p>fanout: {subscribers} WebSocket clients connect to /ws (no Origin header, no compression) in
 * batches of {batch}, each subscribes to {@code calls} and waits for its snapshot; then counters
 * 1..{counters} call (call-next, then no-show) on a fixed schedule adding up to {rate} calls/s.
 * For every call made inside the window, the delay from sending its call-next to the arrival of
 * the matching {@code call} message (matched on ticketId) is recorded at each subscriber; after the
 * window the client waits up to {grace} s for late messages and counts what never arrived. With
 * --ws-ports the subscribers are spread in turn over those ports (other nodes of one cluster) while
 * the calls go through --port: the fan-out across nodes. With
 * --server-pid it also reads the server's heap ({@code jcmd GC.heap_info}, before and after
 * {@code GC.run}), RSS, CPU time and GC counts ({@code jstat -gc}) while the subscribers are open.
 *
 * <p>storm and mixed: see {@link #storm()} and {@link #mixed()}.
 *
 * <p>Everything runs on one event loop (the core HTTP client for issue, call-next and the hall day;
 * see {@link Schedule} for the open loop's schedule). Each issue and call-next figure comes with the
 * proof that the client kept its schedule: the lag from each request's intended start to its going
 * out, the client's CPU (process and event loop) and a verdict ({@code valid=ok} or the reasons).
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
  /** The hot path's client (issue, call-next, no-show): the core client, without WebClient's layers. */
  private final HttpClientAgent http;
  /** Schedule lag: from the intended start to the request going out (ns), inside the window. */
  private final Histogram lagH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final AtomicLong sentInWindow = new AtomicLong();
  /** The part of the lag that is the event loop's own: from the intended start to the send call. */
  private final Histogram dispatchH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
  /** fanout: the WebSocket client and its sockets, kept in fields (see above). */
  private WebSocketClient wsClient;
  /** mixed: the event loop of the displays and phones, apart from the one that keeps the schedule. */
  private Vertx screens;
  private final List<WebSocket> sockets = new ArrayList<>();

  private LoadClient(Map<String, String> opts) {
    this.opts = opts;
    int connections = intOpt("connections", 64);
    // one event loop: every request, answer and timer of the client runs on it, so its CPU time is
    // the client's capacity (reported with each figure) and nothing in the client competes for a lock
    this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1)
        .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    WebClientOptions wo = new WebClientOptions();
    wo.setDefaultHost(opts.getOrDefault("host", "127.0.0.1")).setDefaultPort(intOpt("port", 8097))
        .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true).setUserAgentEnabled(false);
    this.client = WebClient.create(vertx, wo, new PoolOptions().setHttp1MaxSize(16).setMaxWaitQueueSize(-1));
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(opts.getOrDefault("host", "127.0.0.1"))
            .setDefaultPort(intOpt("port", 8097)).setKeepAlive(true).setPipelining(false).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
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
        case "fanout" -> lc.fanout();
        case "storm" -> lc.storm();
        case "mixed" -> lc.mixed();
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      };
    } finally {
      if (lc.wsClient != null) {
        lc.wsClient.close();
      }
      lc.client.close();
      lc.http.close();
      lc.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (lc.screens != null) {
        lc.screens.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    }
    System.exit(rc);
  }

  // ------------------------------------------------------------------ issue

  private int issue() throws Exception {
    String token = req("token");
    int services = intOpt("services", 200);
    int connections = intOpt("connections", 64);
    double rate = doubleOpt("rate", 0);
    String path = opts.getOrDefault("path", "/api/v1/tickets");
    // no print job: pgbench's copy of the issue statement, the reference of this phase, has none
    // (printKiosk NULL), nor has the bare server's; the mixed hall day's kiosks print
    Buffer[] bodies = new Buffer[services];
    for (int i = 0; i < services; i++) {
      bodies[i] = new JsonObject().put("service", "S" + (i + 1)).put("channel", "kiosk").put("print", false).toBuffer();
    }
    String auth = "Bearer " + token;
    Runnable[] one = new Runnable[1];
    // sends one issue stamped with its intended start (the schedule's, or now in the closed loop)
    java.util.function.LongConsumer send = intended -> {
      inFlight.incrementAndGet();
      Buffer body = bodies[ThreadLocalRandom.current().nextInt(services)];
      send(path, auth, body, intended, intended).onComplete(ar -> {
        long done = System.nanoTime();
        inFlight.decrementAndGet();
        record(ar.succeeded() ? ar.result().status() : -1, 201, intended, done, latency, ok);
        if (ar.failed() && errors.get() < 5) {
          System.err.println("request failed: " + ar.cause());
        }
        if (rate <= 0 && !stopping) {
          one[0].run();
        }
      });
    };
    one[0] = () -> send.accept(System.nanoTime());
    beginWindow();
    Schedule schedule = null;
    if (rate <= 0) {
      System.out.printf("issue: closed loop, %d connections, %d services, warm-up %ss, measured %ss%n",
          connections, services, opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
      for (int i = 0; i < connections; i++) {
        vertx.runOnContext(v -> one[0].run());
      }
    } else {
      System.out.printf("issue: open loop at %.0f/s, up to %d connections, %d services, warm-up %ss, measured %ss%n",
          rate, connections, services, opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
      schedule = new Schedule(loadStart(), rate, measureUntil);
      // in turns, only the requests due in this client's own turns go out
      pace(schedule, turnNanos > 0 ? intended -> {
        if (turnAt(intended) >= 0) {
          send.accept(intended);
        }
      } : send);
    }
    Cpu cpu = measureCpu();
    stopping = true;
    drain();
    report("issue", rate, latency, ok, "issue", schedule, cpu);
    return 0;
  }

  /**
   * Starts requests on the schedule until the window ends. A 1 ms timer on the (only) event loop
   * sends every request that has fallen due, each stamped with its intended start; no thread per
   * request and no spinning thread, so the client leaves the cores it shares with the server alone.
   */
  private void pace(Schedule schedule, java.util.function.LongConsumer send) {
    long[] sent = {0};
    long total = schedule.total();
    vertx.runOnContext(v -> vertx.setPeriodic(1, id -> {
      long due = schedule.dueBy(System.nanoTime());
      while (sent[0] < due) {
        send.accept(schedule.intended(sent[0]++));
      }
      if (sent[0] >= total) {
        vertx.cancelTimer(id);
      }
    }));
  }

  // ------------------------------------------------------------------ call-next

  private int call() throws Exception {
    int counters = intOpt("counters", 20);
    counterBase = intOpt("counter-base", 0);
    double rate = doubleOpt("rate", 0);
    String token = login(req("user"), req("password"));
    for (int c = counterBase + 1; c <= counterBase + counters; c++) {
      HttpResponse<Buffer> r = await(post("/api/v1/counters/" + c + "/open", token));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("counter " + c + " did not open: " + r.statusCode() + " " + r.bodyAsString());
      }
    }
    System.out.printf("call-next: %d counters, %s, warm-up %ss, measured %ss%n", counters,
        rate <= 0 ? "closed loop (call-next then no-show, back to back)"
            : String.format("open loop at %.0f cycles/s in all (%.1f/s per counter)", rate, rate / counters),
        opts.getOrDefault("warmup", "5"), opts.getOrDefault("duration", "20"));
    beginWindow();
    long period = rate <= 0 ? 0 : Schedule.loopPeriod(rate, counters);
    long start = loadStart();
    Schedule schedule = rate <= 0 ? null : new Schedule(start, rate, measureUntil);
    List<Future<Void>> loops = new ArrayList<>();
    String auth = "Bearer " + token;
    for (int c = 1; c <= counters; c++) {
      Promise<Void> p = Promise.promise();
      loops.add(p.future());
      long first = rate <= 0 ? 0 : Schedule.firstOfLoop(start, rate, c - 1);
      int counter = counterBase + c;
      vertx.runOnContext(v -> cycle(counter, auth, first, period, p, first));
    }
    Cpu cpu = measureCpu();
    Future.all(loops).toCompletionStage().toCompletableFuture().get(measureUntil - System.nanoTime()
        + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    report("call-next", rate, latency, ok, "call", schedule, cpu);
    return 0;
  }

  /**
   * One counter's loop: call-next (timed from its intended start), then no-show. A counter is
   * sequential, as a real one is: when the previous cycle ends after the next one was due, the
   * next one starts at once and its latency still counts from the intended start; the schedule lag
   * counts only the client's own delay after the counter was ready.
   */
  private void cycle(int counter, String auth, long scheduled, long period, Promise<Void> done, long readySince) {
    long now = System.nanoTime();
    if (now >= measureUntil) {
      done.complete();
      return;
    }
    if (turnNanos > 0 && period > 0 && turnAt(scheduled) < 0) {
      // in turns: the cycles due in the other client's turns are skipped, not sent late
      long s = scheduled;
      while (s < measureUntil && turnAt(s) < 0) {
        s += period;
      }
      if (s >= measureUntil) {
        done.complete();
        return;
      }
      long next = s;
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now)),
          id -> cycle(counter, auth, next, period, done, next));
      return;
    }
    if (period > 0 && scheduled > now) {
      // the timer's own lateness is the client's: the counter is ready from the intended start
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(scheduled - now)),
          id -> cycle(counter, auth, scheduled, period, done, scheduled));
      return;
    }
    long intended = period > 0 ? scheduled : now;
    long lagFrom = period > 0 ? Math.max(scheduled, readySince) : -1;
    send("/api/v1/counters/" + counter + "/call-next", auth, null, intended, lagFrom).onComplete(ar -> {
      long t = System.nanoTime();
      int status = ar.succeeded() ? ar.result().status() : -1;
      long next = period > 0 ? scheduled + period : 0;
      if (status == 204) {
        // nobody waiting: the pre-issued tickets ran out; this counter stops
        dry.incrementAndGet();
        count(status);
        done.complete();
        return;
      }
      record(status, 200, intended, t, latency, ok);
      if (status == 200 || status == 409) { // 409 COUNTER_BUSY: a ticket is still held; free it
        long ns = System.nanoTime();
        send("/api/v1/counters/" + counter + "/no-show", auth, null, ns, -1).onComplete(ar2 -> {
          long t2 = System.nanoTime();
          record(ar2.succeeded() ? ar2.result().status() : -1, 200, ns, t2, secondary, okSecondary);
          cycle(counter, auth, next, period, done, t2);
        });
      } else {
        if (errors.get() < 5) {
          System.err.println("call-next on counter " + counter + ": " + status
              + (ar.succeeded() ? " " + ar.result().body() : " " + ar.cause()));
        }
        vertx.setTimer(10, id -> cycle(counter, auth, next, period, done, System.nanoTime()));
      }
    });
  }

  // ------------------------------------------------------------------ the hot path

  /** An answer: its status and body. */
  record Answer(int status, Buffer body) {}

  /**
   * POST {@code path} on the core HTTP client (no per-request objects beyond Vert.x's own). When a
   * connection is free and the request goes out, the lag from {@code lagFrom} (the intended start,
   * or when the counter was ready; negative: not a scheduled request) is recorded.
   */
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private Future<Answer> send(String path, String auth, Buffer body, long intended, long lagFrom) {
    if (lagFrom >= 0 && intended >= measureFrom && intended < measureUntil) {
      dispatchH.recordValue(Math.max(0, System.nanoTime() - lagFrom));
    }
    RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
        .putHeader(HttpHeaders.AUTHORIZATION, auth);
    if (body != null) {
      ro.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    }
    return http.request(ro).compose(req -> {
      if (lagFrom >= 0) {
        recordLag(intended, System.nanoTime() - lagFrom);
      }
      return body == null ? req.send() : req.send(body);
    }).compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b)));
  }

  private void recordLag(long intended, long lag) {
    if (intended >= measureFrom && intended < measureUntil) {
      sentInWindow.incrementAndGet();
      synchronized (lagH) {
        lagH.recordValue(Math.max(0, lag));
      }
    }
  }

  /** CPU over the window: the whole client process and its event-loop thread, % of one core. */
  /** The client's CPU in the window, and its own collections there (each one held every request due meanwhile). */
  record Cpu(double processPct, double loopPct, long collections, long collectionMs) {}

  /** Waits for the window and measures the client's CPU use over it (on the calling thread). */
  private Cpu measureCpu() throws Exception {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long loopId = loopThread().getId();
    sleepUntil(measureFrom);
    long w0 = System.nanoTime();
    long p0 = os.getProcessCpuTime();
    long l0 = threads.getThreadCpuTime(loopId);
    long[] gc0 = collections();
    sleepUntil(measureUntil);
    long w1 = System.nanoTime();
    long p1 = os.getProcessCpuTime();
    long l1 = threads.getThreadCpuTime(loopId);
    long[] gc1 = collections();
    // with turns the client idles through the other client's turns: its CPU is per second of its own
    double wall = Math.max(1, turnNanos > 0 ? (myTurns.length - 1) * turnNanos : w1 - w0);
    return new Cpu(100.0 * (p1 - p0) / wall, l0 < 0 || l1 < 0 ? 0 : 100.0 * (l1 - l0) / wall,
        gc1[0] - gc0[0], gc1[1] - gc0[1]);
  }

  /** The collections so far and the milliseconds they took, all collectors together. */
  private static long[] collections() {
    long count = 0;
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  /** The client's only event loop. */
  private Thread loopThread() throws Exception {
    Promise<Thread> p = Promise.promise();
    vertx.runOnContext(v -> p.complete(Thread.currentThread()));
    return await(p.future());
  }


  // ------------------------------------------------------------------ fan-out

  /** One call made by a counter: when its call-next was sent, and how many subscribers got it. */
  private static final class Sent {
    final long sentAt;
    final boolean measured;
    /** The turn it was sent in (--turns), or 0 without turns. */
    final int turn;
    final AtomicInteger receipts = new AtomicInteger();
    /** The first and the last receipt (nanoTime): the first shows the call itself, last - first the fan-out. */
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong();

    Sent(long sentAt, boolean measured, int turn) {
      this.sentAt = sentAt;
      this.measured = measured;
      this.turn = turn;
    }
  }

  private final Map<Long, Sent> byTicket = new ConcurrentHashMap<>();
  private final List<Sent> measuredCalls = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicLong lateOrWarmup = new AtomicLong();
  private final AtomicLong snapshots = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();
  private final AtomicLong resyncCloses = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final Map<String, AtomicLong> closeCodes = new ConcurrentHashMap<>();
  /**
   * The call-next and fan-out counters are counterBase+1 .. counterBase+counters (--counter-base):
   * the bare server's client uses 201.. while Antre's uses 1.. at the same time (turns), so that
   * its no-show never finds a ticket Antre's counter of the same id has just called.
   */
  private int counterBase;
  /**
   * Turns (--turns N --turn-s S --mine "i,j,..."): two clients, one for Antre and one for the bare
   * server, each holding its subscribers (the fan-out) or connections (the curve) open, send in
   * turns of S seconds from a common start (--ready-file / --go-file), so that both are measured
   * by turns on the same machine in the same minute. A client sends only in its own turns; its
   * first is a warm-up. 0 and empty without turns (one window, as before).
   */
  private long turnsBegin;
  private long turnNanos;
  private int[] myTurns = new int[0];
  private int turnsTotal;
  private final Map<Integer, Histogram> turnH = new ConcurrentHashMap<>();

  /** The own turn that nanoTime t falls in, -1 if none. */
  private int turnAt(long t) {
    if (turnNanos <= 0 || t < turnsBegin) {
      return -1;
    }
    long i = (t - turnsBegin) / turnNanos;
    for (int m : myTurns) {
      if (m == i) {
        return m;
      }
    }
    return -1;
  }

  /** The start of the first own turn after nanoTime t, or Long.MAX_VALUE. */
  private long nextTurnStart(long t) {
    for (int m : myTurns) {
      long start = turnsBegin + m * turnNanos;
      if (start > t) {
        return start;
      }
    }
    return Long.MAX_VALUE;
  }

  private int fanout() throws Exception {
    int subscribers = intOpt("subscribers", 1000);
    int counters = intOpt("counters", 4);
    double rate = doubleOpt("rate", 5);
    int batch = intOpt("batch", 250);
    double grace = doubleOpt("grace", 10);
    String pid = opts.get("server-pid");
    String token = login(req("user"), req("password"));
    counterBase = intOpt("counter-base", 0);
    for (int c = counterBase + 1; c <= counterBase + counters; c++) {
      HttpResponse<Buffer> r = await(post("/api/v1/counters/" + c + "/open", token));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("counter " + c + " did not open: " + r.statusCode() + " " + r.bodyAsString());
      }
    }
    Heap before = pid == null ? null : heap(pid, true);

    wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(subscribers + 16)
        .setTryUsePerMessageCompression(false)
        .setTryUsePerFrameCompression(false)
        .setConnectTimeout(30_000)
        .setTcpNoDelay(true));
    // --ws-ports: the subscribers spread over these nodes (calls still go through --port)
    List<WebSocketConnectOptions> targets = new ArrayList<>();
    for (String p : opts.getOrDefault("ws-ports", Integer.toString(intOpt("port", 8097))).split(",")) {
      targets.add(new WebSocketConnectOptions().setHost(opts.getOrDefault("host", "127.0.0.1"))
          .setPort(Integer.parseInt(p.trim())).setURI("/ws").setAllowOriginHeader(false));
    }
    AtomicReferenceArray<Sent> pending = new AtomicReferenceArray<>(counters + 1);
    String subscribe = new JsonObject().put("type", "subscribe").put("topics", new io.vertx.core.json.JsonArray().add("calls"))
        .encode();
    long t0 = System.nanoTime();
    for (int from = 0; from < subscribers; from += batch) {
      List<Future<Void>> ready = new ArrayList<>();
      for (int i = from; i < Math.min(subscribers, from + batch); i++) {
        Promise<Void> snap = Promise.promise();
        ready.add(snap.future());
        wsClient.connect(targets.get(i % targets.size())).onComplete(ar -> {
          if (ar.failed()) {
            if (connectFailures.incrementAndGet() <= 5) {
              System.err.println("websocket connect failed: " + ar.cause());
            }
            snap.tryComplete();
            return;
          }
          WebSocket ws = ar.result();
          synchronized (sockets) {
            sockets.add(ws);
          }
          ws.closeHandler(v -> {
            closes.incrementAndGet();
            Short code = ws.closeStatusCode();
            if (code != null && code == 4001) {
              resyncCloses.incrementAndGet();
            }
            closeCodes.computeIfAbsent(String.valueOf(code), k -> new AtomicLong()).incrementAndGet();
            snap.tryComplete();
          });
          ws.textMessageHandler(text -> onFanoutMessage(text, System.nanoTime(), pending, snap));
          ws.writeTextMessage(subscribe);
        });
      }
      Future.all(ready).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
    double connectSeconds = (System.nanoTime() - t0) / 1e9;
    int open;
    synchronized (sockets) {
      open = sockets.size();
    }
    long closedBefore = closes.get();
    int live = (int) (open - closedBefore);
    System.out.printf("fanout: %d of %d subscribers connected and got their snapshot in %.1f s (%d failed, %d closed)%n",
        snapshots.get(), subscribers, connectSeconds, connectFailures.get(), closedBefore);
    System.out.printf("fanout: %d counters calling at %.1f calls/s in all, warm-up %ss, measured %ss%n", counters, rate,
        opts.getOrDefault("warmup", "2"), opts.getOrDefault("duration", "15"));

    Thread.sleep(1000); // let the connection burst settle
    startWindow();
    if (opts.containsKey("turns")) {
      waitForTurns();
    }
    long[] cpu0 = cpuTicks(pid);
    Map<String, Double> gc0 = jstat(pid);
    long[] own0 = collections();
    long period = (long) (1e9 * counters / rate);
    long start = turnNanos > 0 ? turnsBegin + myTurns[0] * turnNanos : System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 1; c <= counters; c++) {
      Promise<Void> p = Promise.promise();
      loops.add(p.future());
      long first = start + (period * (c - 1)) / counters;
      int counter = c;
      vertx.runOnContext(v -> fanCycle(counter, token, first, period, pending, p));
    }
    Future.all(loops).toCompletionStage().toCompletableFuture().get(measureUntil - System.nanoTime()
        + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    if (turnNanos > 0) { // the other client's last turn is no place for this one's jstat and jcmd
      sleepUntil(turnsBegin + turnsTotal * turnNanos);
    }
    long[] cpu1 = cpuTicks(pid);
    Map<String, Double> gc1 = jstat(pid);
    long[] own1 = collections();
    // late messages: wait until every measured call reached every live subscriber, or the grace ends
    long graceEnd = System.nanoTime() + (long) (grace * 1e9);
    long expectedEach = live - (closes.get() - closedBefore);
    while (System.nanoTime() < graceEnd) {
      boolean all;
      synchronized (measuredCalls) {
        all = measuredCalls.stream().allMatch(s -> s.receipts.get() >= expectedEach);
      }
      if (all) {
        break;
      }
      Thread.sleep(50);
    }
    Heap after = pid == null ? null : heap(pid, false);
    Heap afterGc = pid == null ? null : heap(pid, true);
    long rssKb = pid == null ? 0 : rss(pid);

    long calls;
    long receipts = 0;
    long missing = 0;
    long callsMissing = 0;
    long duplicates = 0;
    Histogram firstH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram spreadH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    synchronized (measuredCalls) {
      calls = measuredCalls.size();
      for (Sent s : measuredCalls) {
        int r = s.receipts.get();
        if (r > 0) {
          firstH.recordValue(Math.max(0, s.first.get() - s.sentAt));
          spreadH.recordValue(Math.max(0, s.last.get() - s.first.get()));
        }
        receipts += r;
        if (r < live) {
          missing += live - r;
          callsMissing++;
        }
        if (r > live) {
          duplicates += r - live;
        }
      }
    }
    long expected = calls * live;
    long closedDuring = closes.get() - closedBefore;
    double seconds = turnNanos > 0 ? (myTurns.length - 1) * turnNanos / 1e9 : doubleOpt("duration", 15);
    double cpuServer = cpu0 == null || cpu1 == null ? 0 : pct(cpu1[0] - cpu0[0], cpu1[2] - cpu0[2]);
    double cpuClient = cpu0 == null || cpu1 == null ? 0 : pct(cpu1[1] - cpu0[1], cpu1[2] - cpu0[2]);
    double ygc = gc1.getOrDefault("YGC", 0.0) - gc0.getOrDefault("YGC", 0.0);
    double fgc = gc1.getOrDefault("FGC", 0.0) - gc0.getOrDefault("FGC", 0.0)
        + gc1.getOrDefault("CGC", 0.0) - gc0.getOrDefault("CGC", 0.0);
    double gcMs = 1000 * (gc1.getOrDefault("GCT", 0.0) - gc0.getOrDefault("GCT", 0.0));
    Histogram h = latency;
    System.out.printf("fanout: %d calls (%.1f/s), %d receipts of %d expected (%d missing over %d calls, %d duplicates,"
            + " %d unmatched); delay ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
        calls, calls / seconds, receipts, expected, missing, callsMissing, duplicates, unmatched.get(),
        ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), ms(h.getMaxValue()));
    System.out.printf("fanout: per call, first receipt after ms p50 %.2f p99 %.2f max %.2f; last minus first receipt"
            + " ms p50 %.2f p99 %.2f max %.2f; call-next answer ms p50 %.2f p99 %.2f%n", ms(firstH, 50), ms(firstH, 99),
        ms(firstH.getMaxValue()), ms(spreadH, 50), ms(spreadH, 99), ms(spreadH.getMaxValue()), ms(secondary, 50),
        ms(secondary, 99));
    System.out.printf("fanout: closes during the window %d (4001 resync %d in all), close codes %s;"
            + " call-next errors %d%n", closedDuring, resyncCloses.get(), closeCodes, errors.get());
    if (pid != null) {
      System.out.printf("server: heap used %.1f MB of %.1f MB committed at the end; live %.1f MB after GC.run"
              + " (%.1f MB before the subscribers: %.1f KB per subscriber); RSS %.1f MB; CPU %.0f%% of one core"
              + " (client %.0f%%); %d young GCs, %d other GCs, %.0f ms of GC in the window%n",
          after.usedMb(), after.committedMb(), afterGc.usedMb(), before.usedMb(),
          (afterGc.usedMb() - before.usedMb()) * 1024 / Math.max(1, live), rssKb / 1024.0, cpuServer, cpuClient,
          (long) ygc, (long) fgc, gcMs);
    }
    System.out.printf("client: %d collections in the window, %d ms in all (every receipt waits for them)%n",
        own1[0] - own0[0], own1[1] - own0[1]);
    StringBuilder turnP99 = new StringBuilder();
    for (int i = 1; i < myTurns.length; i++) {
      Histogram th = turnH.get(myTurns[i]);
      turnP99.append(i > 1 ? "," : "").append(myTurns[i]).append(':')
          .append(th == null ? "0" : String.format(java.util.Locale.ROOT, "%.3f", ms(th, 99)));
    }
    if (turnNanos > 0) {
      System.out.println("fanout: p99 in each measured turn (turn:ms) " + turnP99);
    }
    System.out.println("answers by status: " + statuses);
    System.out.printf("RESULT mode=fanout turn_p99=%s client_gc=%d client_gc_ms=%d subscribers=%d live=%d connect_s=%.1f calls=%d rate=%.2f receipts=%d expected=%d"
            + " missing=%d calls_missing=%d duplicates=%d unmatched=%d p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f"
            + " closes=%d resync=%d connect_failures=%d errors=%d heap_used_mb=%.1f heap_committed_mb=%.1f"
            + " heap_live_mb=%.1f heap_before_mb=%.1f rss_mb=%.1f server_cpu=%.0f client_cpu=%.0f ygc=%d ogc=%d"
            + " gc_ms=%.0f first_p50=%.3f first_p99=%.3f spread_p50=%.3f spread_p99=%.3f spread_max=%.3f"
            + " callnext_p50=%.3f callnext_p99=%.3f%n",
        turnNanos > 0 ? turnP99 : "-", own1[0] - own0[0], own1[1] - own0[1], subscribers, live, connectSeconds, calls, calls / seconds, receipts, expected, missing, callsMissing, duplicates,
        unmatched.get(), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), ms(h.getMaxValue()), closedDuring,
        resyncCloses.get(), connectFailures.get(), errors.get(), after == null ? 0 : after.usedMb(),
        after == null ? 0 : after.committedMb(), afterGc == null ? 0 : afterGc.usedMb(),
        before == null ? 0 : before.usedMb(), rssKb / 1024.0, cpuServer, cpuClient, (long) ygc, (long) fgc, gcMs,
        ms(firstH, 50), ms(firstH, 99), ms(spreadH, 50), ms(spreadH, 99), ms(spreadH.getMaxValue()), ms(secondary, 50),
        ms(secondary, 99));
    return 0;
  }

  /**
   * Says it is connected (--ready-file), waits for the common start (--go-file: epoch millis,
   * written once both clients are ready), and sets the window to its own turns after the first.
   */
  private void waitForTurns() throws Exception {
    int turns = intOpt("turns", 2);
    turnsTotal = turns;
    turnNanos = (long) (doubleOpt("turn-s", 4) * 1e9);
    myTurns = java.util.Arrays.stream(req("mine").split(",")).map(String::trim).mapToInt(Integer::parseInt)
        .filter(t -> t >= 0 && t < turns).sorted().toArray();
    if (myTurns.length < 2) {
      throw new IllegalArgumentException("--mine needs two turns or more (the first is a warm-up)");
    }
    java.nio.file.Path go = java.nio.file.Path.of(req("go-file"));
    java.nio.file.Files.writeString(java.nio.file.Path.of(req("ready-file")), "ready\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    String at = "";
    while (at.isBlank()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no common start in " + go);
      }
      Thread.sleep(20);
      at = java.nio.file.Files.exists(go) ? java.nio.file.Files.readString(go).trim() : "";
    }
    turnsBegin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(at) - System.currentTimeMillis());
    measureFrom = turnsBegin + myTurns[1] * turnNanos;
    measureUntil = turnsBegin + (myTurns[myTurns.length - 1] + 1) * turnNanos;
    System.out.printf("turns: turns of %.1f s from the common start; mine %s (the first a warm-up)%n",
        turnNanos / 1e9, java.util.Arrays.toString(myTurns));
  }

  /** A message at one subscriber: the snapshot, or a call to match with its call-next. */
  private void onFanoutMessage(String text, long now, AtomicReferenceArray<Sent> pending, Promise<Void> snap) {
    if (text.startsWith("{\"type\":\"call\"")) {
      long ticket = longField(text, "\"ticketId\":");
      Sent s = byTicket.get(ticket);
      if (s == null) {
        // the event came before the call-next's answer: it is the counter's call in flight
        int counter = (int) longField(text, "\"counter\":\"") - counterBase;
        Sent p = counter > 0 && counter < pending.length() ? pending.get(counter) : null;
        if (p == null) {
          unmatched.incrementAndGet();
          return;
        }
        s = byTicket.computeIfAbsent(ticket, k -> p);
      }
      if (!s.measured) {
        lateOrWarmup.incrementAndGet();
        return;
      }
      s.receipts.incrementAndGet();
      s.first.accumulateAndGet(now, Math::min);
      s.last.accumulateAndGet(now, Math::max);
      synchronized (latency) {
        latency.recordValue(Math.max(0, now - s.sentAt));
      }
      if (turnNanos > 0) { // without turns the window is one turn: latency above is all there is
        Histogram th = turnH.computeIfAbsent(s.turn, k -> new Histogram(TimeUnit.SECONDS.toNanos(60), 3));
        synchronized (th) {
          th.recordValue(Math.max(0, now - s.sentAt));
        }
      }
    } else if (text.startsWith("{\"type\":\"snapshot\"")) {
      snapshots.incrementAndGet();
      snap.tryComplete();
    } else if (text.startsWith("{\"type\":\"error\"")) {
      System.err.println("websocket error message: " + text);
      snap.tryComplete();
    }
  }

  /** The digits after key in a JSON text (no parsing: the client shares the cores with the server). */
  private static long longField(String text, String key) {
    int i = text.indexOf(key);
    if (i < 0) {
      return -1;
    }
    i += key.length();
    long v = 0;
    int n = 0;
    for (; i < text.length() && Character.isDigit(text.charAt(i)); i++, n++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return n == 0 ? -1 : v;
  }

  /** One counter's loop: call-next (the fan-out is timed from its sending), then no-show. */
  private void fanCycle(int counter, String token, long scheduled, long period, AtomicReferenceArray<Sent> pending,
      Promise<Void> done) {
    long now = System.nanoTime();
    if (now >= measureUntil) {
      done.complete();
      return;
    }
    if (scheduled > now) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(scheduled - now)),
          id -> fanCycle(counter, token, scheduled, period, pending, done));
      return;
    }
    if (turnNanos > 0 && turnAt(now) < 0) { // between own turns: the other server's turn
      long resume = nextTurnStart(now);
      if (resume == Long.MAX_VALUE) {
        done.complete();
        return;
      }
      long again = resume + Math.floorMod(scheduled - turnsBegin, period);
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(again - now)),
          id -> fanCycle(counter, token, again, period, pending, done));
      return;
    }
    long next = scheduled + period;
    long sentAt = System.nanoTime();
    int turn = turnNanos > 0 ? turnAt(sentAt) : 0;
    Sent sent = new Sent(sentAt, sentAt >= measureFrom && sentAt < measureUntil && turn >= 0, turn);
    pending.set(counter, sent);
    post("/api/v1/counters/" + (counterBase + counter) + "/call-next", token).onComplete(ar -> {
      long t = System.nanoTime();
      int status = ar.succeeded() ? ar.result().statusCode() : -1;
      if (status == 204) {
        dry.incrementAndGet();
        count(status);
        done.complete();
        return;
      }
      record(status, 200, sentAt, t, secondary, ok);
      if (status == 200) {
        JsonObject body = ar.result().bodyAsJsonObject();
        JsonObject ticket = body.containsKey("ticket") ? body.getJsonObject("ticket") : body;
        Long id = ticket.getLong("id");
        if (id != null) {
          Sent s = byTicket.computeIfAbsent(id, k -> sent);
          if (s != sent) {
            System.err.println("ticket " + id + " matched to another call-next");
          }
        }
        if (sent.measured) {
          measuredCalls.add(sent);
        }
      } else if (errors.get() < 5) {
        System.err.println("call-next on counter " + (counterBase + counter) + ": " + status
            + (ar.succeeded() ? " " + ar.result().bodyAsString() : " " + ar.cause()));
      }
      post("/api/v1/counters/" + (counterBase + counter) + "/no-show", token).onComplete(ar2 -> {
        count(ar2.succeeded() ? ar2.result().statusCode() : -1);
        fanCycle(counter, token, next, period, pending, done);
      });
    });
  }

  // ------------------------------------------------------------------ mixed hall-day profile

  /** A receipt at a display or a phone: which ticket, when. */
  private record Receipt(long ticket, long at) {}

  /**
   * mixed: a hall day. {kiosks} kiosks issue {issue-rate} tickets/s in all (open loop, services
   * {services}, comma separated); counters {first-counter}.. ({counters} of them) each run call-next,
   * start and finish once every {cycle} s, a third of a cycle apart (open loop, spread over the
   * cycle); {displays} displays follow calls, queues, counters and hall; {phones} phones each follow
   * their ticket and its service's queue ("token service" one a line in {tokens}). Reports p50/p99 of every
   * request kind, timed from its intended start, and of call delivery: from sending the call-next
   * to the call at each display and to the ticket update at the phone of the called ticket.
   */
  private int mixed() throws Exception {
    String kiosk = "Bearer " + req("token");
    String officer = "Bearer " + login(req("user"), req("password"));
    int kiosks = intOpt("kiosks", 20);
    double issueRate = doubleOpt("issue-rate", 2);
    String[] services = opts.getOrDefault("services", "M1").split(",");
    int counters = intOpt("counters", 40);
    int firstCounter = intOpt("first-counter", 201);
    double cycle = doubleOpt("cycle", 30);
    int displays = intOpt("displays", 20);
    int phones = intOpt("phones", 2000);
    int batch = intOpt("batch", 1000);
    List<String> tokens = java.nio.file.Files.readAllLines(java.nio.file.Path.of(req("tokens"))).stream()
        .filter(s -> !s.isBlank()).limit(phones).toList();
    if (tokens.size() < phones) {
      throw new IllegalStateException("only " + tokens.size() + " tracking tokens for " + phones + " phones");
    }
    for (int c = firstCounter; c < firstCounter + counters; c++) {
      Answer a = await(send("/api/v1/counters/" + c + "/open", officer, null, 0, -1));
      if (a.status() != 200) { // an open counter from an earlier step answers 409
        System.err.println("counter " + c + " open: " + a.status() + " " + a.body());
      }
    }
    // the displays and phones are the hall's screens, not the load: they read their sockets on an
    // event loop of their own, so that 5,000 phones' queue updates do not hold up the schedule of
    // the kiosks and counters (at x10 they kept the one loop 42 % busy and 95 ms behind it)
    screens = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1)
        .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    wsClient = screens.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(displays + phones + 16)
        .setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false).setConnectTimeout(30_000)
        .setTcpNoDelay(true));
    WebSocketConnectOptions co = new WebSocketConnectOptions().setHost(opts.getOrDefault("host", "127.0.0.1"))
        .setPort(intOpt("port", 8097)).setURI("/ws").setAllowOriginHeader(false);
    List<Receipt> atDisplays = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Receipt> atPhones = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < displays; i++) {
      subscriptions.add(new JsonObject().put("type", "subscribe").put("topics",
          new io.vertx.core.json.JsonArray().add("calls").add("queues").add("counters").add("hall")).encode());
    }
    for (String line : tokens) {
      // "token service", as the phone page subscribes once it knows its ticket: its own service's
      // queue only; a bare token follows every service's
      String[] parts = line.trim().split("\\s+");
      String queues = parts.length > 1 ? "queues:" + parts[1] : "queues";
      subscriptions.add(new JsonObject().put("type", "subscribe").put("topics",
          new io.vertx.core.json.JsonArray().add("ticket:" + parts[0]).add(queues)).encode());
    }
    for (int from = 0; from < subscriptions.size(); from += batch) {
      List<Future<Void>> ready = new ArrayList<>();
      for (int i = from; i < Math.min(subscriptions.size(), from + batch); i++) {
        boolean display = i < displays;
        String sub = subscriptions.get(i);
        Promise<Void> snap = Promise.promise();
        ready.add(snap.future());
        subscriber(co, sub, display, atDisplays, atPhones, snap);
      }
      try {
        Future.all(ready).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        System.out.printf("mixed: %d of a batch of %d not subscribed after 120 s; going on%n",
            ready.stream().filter(f -> !f.isComplete()).count(), ready.size());
      }
    }
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("mixed: %d subscriptions refused with an error message (the client reconnected)%n",
        subscribeErrors.get());
    System.out.printf("mixed: %d displays and %d phones subscribed in %.1f s (%d failed, %d closed)%n", displays, phones,
        openSeconds, connectFailures.get(), closes.get());

    Histogram issueH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram callH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram startH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram finishH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Map<Long, Long> callSent = new ConcurrentHashMap<>();
    Buffer[] bodies = new Buffer[services.length];
    for (int i = 0; i < services.length; i++) {
      bodies[i] = new JsonObject().put("service", services[i]).put("channel", "kiosk").toBuffer();
    }
    startWindow();
    long start = System.nanoTime();
    Schedule issues = new Schedule(start, issueRate, measureUntil);
    pace(issues, intended -> send("/api/v1/tickets", kiosk,
        bodies[ThreadLocalRandom.current().nextInt(bodies.length)], intended, intended)
        .onComplete(ar -> timed(ar, 201, intended, issueH)));
    long period = (long) (cycle * 1e9);
    for (int k = 0; k < counters; k++) {
      long first = start + period * k / counters;
      String base = "/api/v1/counters/" + (firstCounter + k) + "/";
      vertx.runOnContext(v -> counterDay(base, officer, first, period, callH, startH, finishH, callSent));
    }
    Cpu cpu = measureCpu();
    Thread.sleep((long) (cycle * 1000 * 2 / 3) + 1000); // the last cycles' start and finish
    long graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < graceEnd && inFlight.get() > 0) {
      Thread.sleep(50);
    }
    Thread.sleep(1000); // the last deliveries

    // deliveries of the calls whose call-next started inside the window
    Histogram displayH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    Histogram phoneH = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    long displayMissing = 0;
    java.util.Map<Long, Integer> perTicket = new HashMap<>();
    synchronized (atDisplays) {
      for (Receipt r : atDisplays) {
        Long sent = callSent.get(r.ticket());
        if (sent != null && sent >= measureFrom && sent < measureUntil) {
          displayH.recordValue(Math.max(0, r.at() - sent));
          perTicket.merge(r.ticket(), 1, Integer::sum);
        }
      }
    }
    long measuredCalls = callSent.values().stream().filter(s -> s >= measureFrom && s < measureUntil).count();
    for (Map.Entry<Long, Long> e : callSent.entrySet()) {
      if (e.getValue() >= measureFrom && e.getValue() < measureUntil) {
        displayMissing += Math.max(0, displays - perTicket.getOrDefault(e.getKey(), 0));
      }
    }
    synchronized (atPhones) {
      for (Receipt r : atPhones) {
        Long sent = callSent.get(r.ticket());
        if (sent != null && sent >= measureFrom && sent < measureUntil) {
          phoneH.recordValue(Math.max(0, r.at() - sent));
        }
      }
    }
    long intended = issues.dueBy(measureUntil - 1) - issues.dueBy(measureFrom - 1);
    String valid = Schedule.verdict(Schedule.Limits.DEFAULT, 0, 0, ms(lagH, 99), ms(lagH.getMaxValue()),
        cpu.loopPct());
    System.out.printf("mixed: issue %d (of %d due) p50 %.1f p99 %.1f ms; call-next %d p50 %.1f p99 %.1f; start p99 %.1f;"
            + " finish p99 %.1f; call at displays p50 %.1f p99 %.1f (%d missing); at phones %d p50 %.1f p99 %.1f;"
            + " errors %d %s%n", issueH.getTotalCount(), intended, ms(issueH, 50), ms(issueH, 99), callH.getTotalCount(),
        ms(callH, 50), ms(callH, 99), ms(startH, 99), ms(finishH, 99), ms(displayH, 50), ms(displayH, 99),
        displayMissing, phoneH.getTotalCount(), ms(phoneH, 50), ms(phoneH, 99), errors.get(), statuses);
    System.out.printf("schedule: lag from the intended start ms p50 %.2f p99 %.2f max %.2f; client CPU %.0f%% (loop %.0f%%),"
        + " %d collections in the window (%d ms): %s%n", ms(lagH, 50), ms(lagH, 99), ms(lagH.getMaxValue()),
        cpu.processPct(), cpu.loopPct(), cpu.collections(), cpu.collectionMs(), valid);
    System.out.printf("RESULT mode=mixed open_s=%.1f issues=%d issue_p50=%.3f issue_p99=%.3f calls=%d call_p50=%.3f"
            + " call_p99=%.3f start_p50=%.3f start_p99=%.3f finish_p50=%.3f finish_p99=%.3f display_p50=%.3f"
            + " display_p99=%.3f display_missing=%d phone_calls=%d phone_p50=%.3f phone_p99=%.3f errors=%d dry=%d"
            + " lag_p50=%.3f lag_p99=%.3f lag_max=%.3f client_cpu=%.0f loop_cpu=%.0f valid=%s measured_calls=%d"
            + " subscribe_errors=%d%n",
        openSeconds, issueH.getTotalCount(), ms(issueH, 50), ms(issueH, 99), callH.getTotalCount(), ms(callH, 50),
        ms(callH, 99), ms(startH, 50), ms(startH, 99), ms(finishH, 50), ms(finishH, 99), ms(displayH, 50),
        ms(displayH, 99), displayMissing, phoneH.getTotalCount(), ms(phoneH, 50), ms(phoneH, 99), errors.get(),
        dry.get(), ms(lagH, 50), ms(lagH, 99), ms(lagH.getMaxValue()), cpu.processPct(), cpu.loopPct(), valid,
        measuredCalls, subscribeErrors.get());
    return 0;
  }

  /**
   * A display or a phone of the hall day: connects, subscribes, and like the pages drops the socket
   * and tries again 200-700 ms later when the subscription is refused or the socket closes before
   * its first snapshot. Completes {@code snap} at the first snapshot.
   */
  private void subscriber(WebSocketConnectOptions co, String sub, boolean display, List<Receipt> atDisplays,
      List<Receipt> atPhones, Promise<Void> snap) {
    Runnable again = () -> screens.setTimer(200 + ThreadLocalRandom.current().nextInt(500),
        id -> subscriber(co, sub, display, atDisplays, atPhones, snap));
    wsClient.connect(co).onComplete(ar -> {
      if (ar.failed()) {
        connectFailures.incrementAndGet();
        again.run();
        return;
      }
      WebSocket ws = ar.result();
      synchronized (sockets) {
        sockets.add(ws);
      }
      ws.closeHandler(v -> {
        closes.incrementAndGet();
        if (!snap.future().isComplete()) {
          again.run();
        }
      });
      ws.textMessageHandler(text -> {
        long now = System.nanoTime();
        if (display && text.startsWith("{\"type\":\"call\"")) {
          atDisplays.add(new Receipt(longField(text, "\"ticketId\":"), now));
        } else if (!display && text.startsWith("{\"type\":\"ticket\",\"event\":\"CALL\"")) {
          atPhones.add(new Receipt(longField(text, "\"id\":"), now));
        } else if (text.startsWith("{\"type\":\"snapshot\"")) {
          snap.tryComplete(); // the first snapshot: subscribed
        } else if (text.startsWith("{\"type\":\"error\"") && !snap.future().isComplete()) {
          subscribeErrors.incrementAndGet();
          ws.close();
        }
      });
      ws.writeTextMessage(sub);
    });
  }

  /** Records an answer's latency from its intended start, when it started inside the window. */
  private void timed(io.vertx.core.AsyncResult<Answer> ar, int expected, long intended, Histogram h) {
    long done = System.nanoTime();
    int status = ar.succeeded() ? ar.result().status() : -1;
    count(status);
    if (status != expected) {
      if (errors.incrementAndGet() <= 5) {
        System.err.println("answer " + status + (ar.succeeded() ? " " + ar.result().body() : " " + ar.cause()));
      }
      return;
    }
    if (intended >= measureFrom && intended < measureUntil) {
      synchronized (h) {
        h.recordValue(Math.max(0, done - intended));
      }
    }
  }

  /** One counter's day: call-next at each cycle's start, start a third of a cycle later, finish at two thirds. */
  private void counterDay(String base, String officer, long at, long period, Histogram callH, Histogram startH,
      Histogram finishH, Map<Long, Long> callSent) {
    if (at >= measureUntil) {
      return;
    }
    long now = System.nanoTime();
    if (at > now) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(at - now)),
          id -> counterDay(base, officer, at, period, callH, startH, finishH, callSent));
      return;
    }
    inFlight.incrementAndGet();
    long sentAt = System.nanoTime();
    send(base + "call-next", officer, null, at, at).onComplete(ar -> {
      inFlight.decrementAndGet();
      if (ar.succeeded() && ar.result().status() == 200) {
        JsonObject body = new JsonObject(ar.result().body());
        JsonObject ticket = body.containsKey("ticket") ? body.getJsonObject("ticket") : body;
        callSent.put(ticket.getLong("id"), sentAt);
        timed(ar, 200, at, callH);
        step(base + "start", officer, at + period / 3, startH,
            () -> step(base + "finish", officer, at + 2 * period / 3, finishH, () -> { }));
      } else if (ar.succeeded() && ar.result().status() == 204) {
        dry.incrementAndGet();
        count(204);
      } else {
        timed(ar, 200, at, callH);
      }
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(at + period - System.nanoTime())),
          id -> counterDay(base, officer, at + period, period, callH, startH, finishH, callSent));
    });
  }

  /** One press at its intended time, then what follows it. */
  private void step(String path, String officer, long at, Histogram h, Runnable then) {
    long now = System.nanoTime();
    if (at > now) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(at - now)), id -> step(path, officer, at, h, then));
      return;
    }
    inFlight.incrementAndGet();
    send(path, officer, null, at, at).onComplete(ar -> {
      inFlight.decrementAndGet();
      timed(ar, 200, at, h);
      if (ar.succeeded() && ar.result().status() == 200) {
        then.run();
      }
    });
  }

  // ------------------------------------------------------------------ reconnect storm

  /** One follower of {@code calls} in the storm: what it saw, across its connections. */
  private final AtomicLong subscribeErrors = new AtomicLong();

  private static final class Follower {
    WebSocket ws;
    long lastSeq = -1;
    final java.util.Set<Long> got = new java.util.HashSet<>();
    long droppedAt;
    long backAt;
    int attempts;
  }

  /**
   * storm: {subscribers} clients follow {@code calls} while counters call at {rate}; after {warmup}
   * s every client drops its connection at once and reconnects at once (no batching), subscribing
   * with {@code since} = the last seq it saw, as displays and phones do after a restart or a network
   * cut; a failed connect is retried after 200-700 ms. Measures the time until every client has its
   * snapshot again, and after {duration} s of calling (and a grace for late messages) counts, per
   * client, the calls it never got (live or replayed).
   */
  private int storm() throws Exception {
    int subscribers = intOpt("subscribers", 1000);
    int counters = intOpt("counters", 4);
    double rate = doubleOpt("rate", 5);
    int batch = intOpt("batch", 1000);
    String token = login(req("user"), req("password"));
    for (int c = 1; c <= counters; c++) {
      HttpResponse<Buffer> r = await(post("/api/v1/counters/" + c + "/open", token));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("counter " + c + " did not open: " + r.statusCode() + " " + r.bodyAsString());
      }
    }
    wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(subscribers * 2 + 16)
        .setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false).setConnectTimeout(30_000)
        .setTcpNoDelay(true));
    WebSocketConnectOptions co = new WebSocketConnectOptions().setHost(opts.getOrDefault("host", "127.0.0.1"))
        .setPort(intOpt("port", 8097)).setURI("/ws").setAllowOriginHeader(false);
    List<Follower> followers = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      followers.add(new Follower());
    }
    long t0 = System.nanoTime();
    for (int from = 0; from < subscribers; from += batch) {
      List<Future<Void>> ready = new ArrayList<>();
      for (int i = from; i < Math.min(subscribers, from + batch); i++) {
        ready.add(follow(followers.get(i), co, false));
      }
      Future.all(ready).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("storm: %d clients follow calls (opened in %.1f s); %d counters calling at %.1f/s%n",
        subscribers, openSeconds, counters, rate);

    // the counters call from now to the end; every call made from now on must reach every client
    List<Long> called = java.util.Collections.synchronizedList(new ArrayList<>());
    startWindow();
    long period = Schedule.loopPeriod(rate, counters);
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 1; c <= counters; c++) {
      Promise<Void> p = Promise.promise();
      loops.add(p.future());
      long first = Schedule.firstOfLoop(start, rate, c - 1);
      int counter = c;
      vertx.runOnContext(v -> stormCycle(counter, token, first, period, called, p));
    }
    sleepUntil(measureFrom);

    // the storm: everybody drops at once, then everybody reconnects at once
    Promise<Long> allBack = Promise.promise();
    AtomicInteger back = new AtomicInteger();
    String pid = opts.get("server-pid");
    long serverTicks0 = pid == null ? 0 : ticksOr0(pid);
    long clientTicks0 = ticksOr0("self");
    long dropped = System.nanoTime();
    vertx.runOnContext(v -> {
      for (Follower f : followers) {
        f.droppedAt = dropped;
        f.backAt = 0;
        if (f.ws != null) {
          f.ws.closeHandler(null);
          f.ws.close();
          f.ws = null;
        }
      }
      for (Follower f : followers) {
        follow(f, co, true).onComplete(ar -> {
          if (back.incrementAndGet() == followers.size()) {
            allBack.tryComplete(System.nanoTime());
          }
        });
      }
    });
    double stormSeconds;
    try {
      long allBackAt = allBack.future().toCompletionStage().toCompletableFuture()
          .get((long) doubleOpt("storm-timeout", 60), TimeUnit.SECONDS);
      stormSeconds = (allBackAt - dropped) / 1e9;
    } catch (java.util.concurrent.TimeoutException e) {
      stormSeconds = -1; // not all back: reported as such
      System.out.printf("storm: only %d of %d back after %.0f s%n", back.get(), subscribers,
          doubleOpt("storm-timeout", 60));
    }
    // CPU seconds until all were back (or the timeout): on a busy machine they tell whether the
    // server or the client set the time
    double serverCpu = pid == null ? -1 : (ticksOr0(pid) - serverTicks0) / 100.0;
    double clientCpu = (ticksOr0("self") - clientTicks0) / 100.0;
    Histogram backH = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
    int attempts = 0;
    for (Follower f : followers) {
      if (f.backAt > 0) {
        backH.recordValue(f.backAt - f.droppedAt);
      }
      attempts += f.attempts;
    }
    System.out.printf("storm: all %d back in %.2f s (per client ms p50 %.0f p99 %.0f max %.0f), %d connect attempts;"
            + " CPU meanwhile: server %.2f s, client %.2f s%n", subscribers, stormSeconds, ms(backH, 50), ms(backH, 99),
        ms(backH.getMaxValue()), attempts, serverCpu, clientCpu);

    Future.all(loops).toCompletionStage().toCompletableFuture().get(measureUntil - System.nanoTime()
        + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
    // late messages: until every client has every call, or the grace ends
    long graceEnd = System.nanoTime() + (long) (doubleOpt("grace", 10) * 1e9);
    List<Long> calls;
    synchronized (called) {
      calls = new ArrayList<>(called);
    }
    long missing;
    int clientsMissing;
    do {
      Thread.sleep(100);
      long[] m = missing(followers, calls);
      missing = m[0];
      clientsMissing = (int) m[1];
    } while (missing > 0 && System.nanoTime() < graceEnd);
    System.out.printf("storm: %d calls made; %d receipts missing at %d clients; call-next errors %d%n", calls.size(),
        missing, clientsMissing, errors.get());
    System.out.printf("storm: %d subscriptions refused with an error message (the client reconnected)%n",
        subscribeErrors.get());
    System.out.printf("RESULT mode=storm subscribers=%d open_s=%.1f back_s=%.2f back_count=%d back_p50=%.1f"
            + " back_p99=%.1f back_max=%.1f attempts=%d subscribe_errors=%d calls=%d missing=%d clients_missing=%d"
            + " errors=%d server_cpu_s=%.2f client_cpu_s=%.2f%n", subscribers, openSeconds, stormSeconds, back.get(),
        ms(backH, 50), ms(backH, 99), ms(backH.getMaxValue()), attempts, subscribeErrors.get(), calls.size(), missing,
        clientsMissing, errors.get(), serverCpu, clientCpu);
    return 0;
  }

  /** [receipts missing, clients missing some] over the calls made. */
  private static long[] missing(List<Follower> followers, List<Long> calls) {
    long missing = 0;
    long clients = 0;
    for (Follower f : followers) {
      long m;
      synchronized (f) {
        m = calls.stream().filter(id -> !f.got.contains(id)).count();
      }
      missing += m;
      clients += m > 0 ? 1 : 0;
    }
    return new long[] {missing, clients};
  }

  /**
   * Connects a follower and subscribes it to {@code calls} (with {@code since} when it has seen a
   * seq and {@code resume}); completes when its snapshot arrives. A failed connect is retried.
   */
  private Future<Void> follow(Follower f, WebSocketConnectOptions co, boolean resume) {
    Promise<Void> snap = Promise.promise();
    connectFollower(f, co, resume, snap);
    return snap.future();
  }

  private void connectFollower(Follower f, WebSocketConnectOptions co, boolean resume, Promise<Void> snap) {
    f.attempts++;
    wsClient.connect(co).onComplete(ar -> {
      if (ar.failed()) {
        if (connectFailures.incrementAndGet() <= 5) {
          System.err.println("websocket connect failed (retrying): " + ar.cause());
        }
        vertx.setTimer(200 + ThreadLocalRandom.current().nextInt(500), id -> connectFollower(f, co, resume, snap));
        return;
      }
      WebSocket ws = ar.result();
      f.ws = ws;
      boolean[] refused = {false};
      ws.textMessageHandler(text -> {
        if (refused[0]) {
          // the server refused the subscription (its snapshot and replay failed) but still sends
          // live calls: taking their seq as "seen" would make the next since skip the calls that
          // the failed replay was to bring
          return;
        }
        if (text.startsWith("{\"type\":\"call\"")) {
          long seq = longField(text, "\"seq\":");
          long ticket = longField(text, "\"ticketId\":");
          synchronized (f) {
            f.got.add(ticket);
            f.lastSeq = Math.max(f.lastSeq, seq);
          }
        } else if (text.startsWith("{\"type\":\"snapshot\"")) {
          long seq = longField(text, "\"seq\":");
          synchronized (f) {
            if (f.lastSeq < 0) {
              f.lastSeq = seq; // the first subscription starts from the snapshot
            }
          }
          if (f.droppedAt > 0 && f.backAt == 0) {
            f.backAt = System.nanoTime();
          }
          snap.tryComplete();
        } else if (text.startsWith("{\"type\":\"error\"")) {
          // the subscription failed (e.g. the server could not read the snapshot in time): a
          // display drops the socket and tries again, and so does this client
          if (subscribeErrors.incrementAndGet() <= 3) {
            System.err.println("websocket error message (reconnecting): " + text);
          }
          refused[0] = true;
          ws.close();
        }
      });
      ws.closeHandler(v -> {
        closes.incrementAndGet();
        if (!snap.future().isComplete()) {
          vertx.setTimer(200 + ThreadLocalRandom.current().nextInt(500), id -> connectFollower(f, co, resume, snap));
        }
      });
      JsonObject sub = new JsonObject().put("type", "subscribe").put("topics", new io.vertx.core.json.JsonArray().add("calls"));
      synchronized (f) {
        if (resume && f.lastSeq >= 0) {
          sub.put("since", f.lastSeq);
        }
      }
      ws.writeTextMessage(sub.encode());
    });
  }

  /** One counter's loop in the storm: call-next (its ticket must reach every client), then no-show. */
  private void stormCycle(int counter, String token, long scheduled, long period, List<Long> called,
      Promise<Void> done) {
    long now = System.nanoTime();
    if (now >= measureUntil) {
      done.complete();
      return;
    }
    if (scheduled > now) {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(scheduled - now)),
          id -> stormCycle(counter, token, scheduled, period, called, done));
      return;
    }
    post("/api/v1/counters/" + counter + "/call-next", token).onComplete(ar -> {
      int status = ar.succeeded() ? ar.result().statusCode() : -1;
      count(status);
      if (status == 200) {
        JsonObject body = ar.result().bodyAsJsonObject();
        JsonObject ticket = body.containsKey("ticket") ? body.getJsonObject("ticket") : body;
        Long id = ticket.getLong("id");
        if (id != null) {
          called.add(id);
        }
      } else if (status == 204) {
        dry.incrementAndGet();
        done.complete();
        return;
      } else if (errors.incrementAndGet() <= 5) {
        System.err.println("call-next on counter " + counter + ": " + status
            + (ar.succeeded() ? " " + ar.result().bodyAsString() : " " + ar.cause()));
      }
      post("/api/v1/counters/" + counter + "/no-show", token).onComplete(ar2 -> {
        count(ar2.succeeded() ? ar2.result().statusCode() : -1);
        stormCycle(counter, token, scheduled + period, period, called, done);
      });
    });
  }

  private record Heap(double usedMb, double committedMb) {}

  private static final java.util.regex.Pattern HEAP =
      java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K");

  /** The server's heap from jcmd GC.heap_info, after a full GC (GC.run) when asked. */
  private static Heap heap(String pid, boolean gcFirst) throws Exception {
    if (gcFirst) {
      exec("jcmd", pid, "GC.run");
    }
    java.util.regex.Matcher m = HEAP.matcher(exec("jcmd", pid, "GC.heap_info"));
    return m.find() ? new Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0)
        : new Heap(0, 0);
  }

  private static long rss(String pid) throws Exception {
    String out = exec("ps", "-o", "rss=", "-p", pid).trim();
    return out.isEmpty() ? 0 : Long.parseLong(out);
  }

  /** jstat -gc: column name to value (YGC, FGC, CGC, GCT, ...). */
  private static Map<String, Double> jstat(String pid) throws Exception {
    Map<String, Double> out = new HashMap<>();
    if (pid == null) {
      return out;
    }
    String[] lines = exec("jstat", "-gc", pid).trim().split("\n");
    if (lines.length >= 2) {
      String[] names = lines[0].trim().split("\\s+");
      String[] values = lines[lines.length - 1].trim().split("\\s+");
      for (int i = 0; i < Math.min(names.length, values.length); i++) {
        try {
          out.put(names[i], Double.parseDouble(values[i]));
        } catch (NumberFormatException e) {
          // "-" for collectors that do not exist
        }
      }
    }
    return out;
  }

  /** utime + stime ticks of the server and of this client, and the wall clock in ns. */
  private static long[] cpuTicks(String pid) {
    if (pid == null) {
      return null;
    }
    try {
      return new long[] {ticks(pid), ticks("self"), System.nanoTime()};
    } catch (Exception e) {
      return null;
    }
  }

  /** CPU ticks of a process (user + system, USER_HZ = 100), 0 when they cannot be read. */
  private static long ticksOr0(String pid) {
    try {
      return ticks(pid);
    } catch (Exception e) {
      return 0;
    }
  }

  private static long ticks(String pid) throws Exception {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** CPU ticks over a wall interval as % of one core (USER_HZ = 100). */
  private static double pct(long ticks, long nanos) {
    return nanos <= 0 ? 0 : 100.0 * (ticks / 100.0) / (nanos / 1e9);
  }

  private static String exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  // ------------------------------------------------------------------ helpers

  /** The window: warm-up and duration, or with --turns this client's turns after its first. */
  private void beginWindow() throws Exception {
    if (opts.containsKey("turns")) {
      collectBeforeLoad();
      waitForTurns();
    } else {
      startWindow();
    }
  }

  /** When the load starts: now, or with turns the start of this client's first (warm-up) turn. */
  private long loadStart() {
    return turnNanos > 0 ? turnsBegin + myTurns[0] * turnNanos : System.nanoTime();
  }

  /** The requests a schedule holds in the measured window: with turns, in this client's measured turns only. */
  private long dueInWindow(Schedule schedule) {
    if (turnNanos <= 0) {
      return schedule.dueBy(measureUntil - 1) - schedule.dueBy(measureFrom - 1);
    }
    long n = 0;
    for (int i = 1; i < myTurns.length; i++) {
      long from = turnsBegin + myTurns[i] * turnNanos;
      n += schedule.dueBy(from + turnNanos - 1) - schedule.dueBy(from - 1);
    }
    return n;
  }

  /** The measured seconds: the window, or with turns this client's measured turns. */
  private double measuredSeconds() {
    return turnNanos > 0 ? (myTurns.length - 1) * turnNanos / 1e9 : doubleOpt("duration", 20);
  }

  private void startWindow() {
    collectBeforeLoad();
    long now = System.nanoTime();
    measureFrom = now + TimeUnit.MILLISECONDS.toNanos((long) (doubleOpt("warmup", 5) * 1000));
    measureUntil = measureFrom + TimeUnit.MILLISECONDS.toNanos((long) (doubleOpt("duration", 20) * 1000));
  }

  /**
   * Collects before the load begins. The client's first collection copies everything its start
   * left behind (the connections, the histograms, some 13 MB); with the lean client's serial
   * collector it took 27 to 84 ms, came in the middle of a step, and every request due meanwhile
   * waited for it: at 100 requests a second that alone was the step's p99. Collected here, before
   * the schedule starts, the load's own collections find little that lives.
   */
  private static void collectBeforeLoad() {
    long start = System.nanoTime();
    System.gc();
    System.out.printf("client: collected before the load in %.1f ms%n", (System.nanoTime() - start) / 1e6);
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
        if (h == latency && turnNanos > 0) {
          int turn = turnAt(start);
          if (turn >= 0) {
            turnH.computeIfAbsent(turn, k -> new Histogram(TimeUnit.SECONDS.toNanos(60), 3)).recordValue(
                Math.max(0, end - start));
          }
        }
        if (h == latency) {
          int second = (int) Math.min(worstBySecond.length - 1, (start - measureFrom) / 1_000_000_000L);
          worstBySecond[second] = Math.max(worstBySecond[second], end - start);
        }
      }
      okCount.incrementAndGet();
    }
  }

  /** The slowest answer of each second of the window (where a tail comes from: one stall, or all along). */
  private final long[] worstBySecond = new long[3600];

  private void count(int status) {
    synchronized (statuses) {
      statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }
  }

  private void report(String what, double rate, Histogram h, AtomicLong okCount, String mode, Schedule schedule,
      Cpu cpu) {
    double seconds = measuredSeconds();
    double tput = okCount.get() / seconds;
    System.out.printf("%s: %d ok in %.0f s = %.0f/s; latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
        what, okCount.get(), seconds, tput, ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), ms(h.getMaxValue()));
    StringBuilder extra = new StringBuilder();
    long intended = schedule == null ? 0 : dueInWindow(schedule);
    double lagP50 = ms(lagH, 50);
    double lagP99 = ms(lagH, 99);
    double lagMax = ms(lagH.getMaxValue());
    Schedule.Limits limits = new Schedule.Limits(doubleOpt("max-lag-p99", Schedule.Limits.DEFAULT.lagP99Ms()),
        doubleOpt("max-lag", Schedule.Limits.DEFAULT.lagMaxMs()), doubleOpt("max-cpu", Schedule.Limits.DEFAULT.cpuPct()),
        Schedule.Limits.DEFAULT.sentFraction());
    String valid = schedule == null
        ? Schedule.verdict(limits, 0, 0, 0, 0, cpu.loopPct())
        : Schedule.verdict(limits, intended, sentInWindow.get(), lagP99, lagMax, cpu.loopPct());
    if (schedule != null) {
      System.out.printf("schedule: %d requests due in the window, %d went out; lag from the intended start ms"
          + " p50 %.2f p99 %.2f max %.2f (of which the event loop's own: p99 %.2f max %.2f; the rest is waiting for"
          + " one of the connections)%n", intended, sentInWindow.get(), lagP50, lagP99, lagMax, ms(dispatchH, 99),
          ms(dispatchH.getMaxValue()));
    }
    System.out.printf("client: CPU %.0f%% of one core (event loop %.0f%%); %d collections in the window, %d ms in all;"
        + " figure %s%n", cpu.processPct(), cpu.loopPct(), cpu.collections(), cpu.collectionMs(),
        "ok".equals(valid) ? "valid" : "INVALID (" + valid + ")");
    if (turnNanos > 0) {
      StringBuilder turnP99 = new StringBuilder();
      for (int i = 1; i < myTurns.length; i++) {
        Histogram th = turnH.get(myTurns[i]);
        turnP99.append(i > 1 ? "," : "").append(myTurns[i]).append(':')
            .append(th == null ? "-" : String.format("%.3f", ms(th, 99)));
      }
      System.out.println(what + ": p99 in each measured turn (turn:ms) " + turnP99);
      extra.append(" turn_p99=").append(turnP99);
    }
    extra.append(String.format(" intended=%d sent=%d lag_p50=%.3f lag_p99=%.3f lag_max=%.3f dispatch_p99=%.3f"
        + " dispatch_max=%.3f client_cpu=%.0f loop_cpu=%.0f client_gc=%d client_gc_ms=%d valid=%s", intended,
        sentInWindow.get(), lagP50, lagP99, lagMax, ms(dispatchH, 99), ms(dispatchH.getMaxValue()), cpu.processPct(),
        cpu.loopPct(), cpu.collections(), cpu.collectionMs(), valid));
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
    StringBuilder worst = new StringBuilder("slowest answer of each second, ms:");
    synchronized (h) {
      for (int i = 0; i < Math.min(worstBySecond.length, (int) Math.ceil((measureUntil - measureFrom) / 1e9)); i++) {
        worst.append(' ').append(Math.round(worstBySecond[i] / 1e6));
      }
    }
    System.out.println(worst);
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
