package id.antre.server.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare stack that scripts/bench measures beside Antre in the same run (not a test: run with
 * the test classpath): Vert.x HTTP + the reactive PostgreSQL client with Antre's settings (same
 * pool size, pipelining, prepared statement cache, number of HTTP event loops), and nothing else:
 * no routing library, authentication, validation, rules, event bus, logging or JSON views. It
 * answers the paths the {@link LoadClient} uses, so the same client measures both servers.
 *
 * <pre>
 * java -cp ... id.antre.server.bench.BareServer --port 8098 --day 2026-12-01 [--verticles 2] [--pool 12]
 * </pre>
 *
 * <ul>
 *   <li>POST /api/v1/tickets {"service": "S1"}: {@link #ISSUE}, the minimal issue (sequence upsert +
 *       ticket + event in one statement), 201 with the ticket's id and number.
 *   <li>POST /api/v1/counters/{k}/call-next: {@link #CALL}, the minimal call (the oldest waiting
 *       ticket of service C{k}, skipping locked rows, + event), 200 with the ticket, and the same
 *       call message to every WebSocket subscriber (about 300 bytes, as Antre's); 204 when nobody waits.
 *   <li>POST /api/v1/counters/{k}/no-show: {@link #NO_SHOW}, the minimal no-show (the ticket counter
 *       k called becomes NO_SHOW, + event), 200; 409 when it called none. A counter's cycle in the
 *       call-next phases is then two statements, as Antre's is.
 *   <li>POST /api/v1/counters/{k}/open, /api/v1/auth/login: 200 and nothing else (the client's
 *       bookkeeping).
 *   <li>GET /ws: a WebSocket; any text message subscribes it and is answered with an empty snapshot.
 * </ul>
 * Database settings from the environment, as the server reads them (ANTRE_DB_HOST, _PORT, _NAME,
 * _USER, _PASSWORD). Prints "bare server listening on port N" when ready.
 */
public final class BareServer {
  /** The minimal issue: what any queue must do to hand out a number, in one statement. */
  static final String ISSUE = """
      WITH seq AS (
        INSERT INTO daily_sequence AS d (service, service_day, last_number) VALUES ($1, $2, 1)
        ON CONFLICT (service, service_day) DO UPDATE SET last_number = d.last_number + 1
        RETURNING last_number
      ), t AS (
        INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                            issued_at, minutes_per_person)
        SELECT $1, $1, $2, 'BR', seq.last_number, 'WAITING', 'kiosk', $3, now(), 8 FROM seq
        RETURNING id, number, issued_at
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, at)
        SELECT id, 'ISSUE', NULL, 'WAITING', issued_at FROM t
      )
      SELECT id, number FROM t""";

  /**
   * The minimal call: the first waiting ticket of one service becomes CALLED, + event. In queue
   * time, the order of the waiting index since V017 (ordering by issue time would sort the queue).
   */
  static final String CALL = """
      WITH c AS (
        SELECT id FROM ticket WHERE service = $1 AND service_day = $2 AND status = 'WAITING'
        ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
      ), u AS (
        UPDATE ticket t SET status = 'CALLED', counter_id = $3, called_at = now() FROM c WHERE t.id = c.id
        RETURNING t.id, t.number, t.called_at
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, at)
        SELECT id, 'CALL', 'WAITING', 'CALLED', $3, called_at FROM u
      )
      SELECT id, number FROM u""";

  /**
   * The minimal no-show: the ticket the counter called becomes NO_SHOW, + event (found by the
   * partial index of called and served tickets by counter). Before, the bare no-show did nothing,
   * and a counter's cycle in the open loop, where each counter waits for its no-show before its
   * next call, was one statement against Antre's two.
   */
  static final String NO_SHOW = """
      WITH u AS (
        UPDATE ticket SET status = 'NO_SHOW' WHERE counter_id = $1 AND status = 'CALLED'
        RETURNING id, number
      ), e AS (
        INSERT INTO ticket_event (ticket_id, type, from_status, to_status, counter_id, at)
        SELECT id, 'NO_SHOW', 'CALLED', 'NO_SHOW', $1, now() FROM u
      )
      SELECT id, number FROM u""";

  /** Every subscriber of every event loop: a call is written to each from the loop that made it. */
  static final Set<ServerWebSocket> SUBSCRIBERS = ConcurrentHashMap.newKeySet();
  static final AtomicLong SEQ = new AtomicLong();
  private static final Buffer EMPTY = Buffer.buffer("{}");
  private static final String SNAPSHOT = "{\"type\":\"snapshot\",\"topic\":\"calls\",\"calls\":[]}";

  public static void main(String[] args) {
    Map<String, String> opts = new ConcurrentHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int port = Integer.parseInt(opts.getOrDefault("port", "8098"));
    int verticles = Integer.parseInt(opts.getOrDefault("verticles", "2"));
    int pool = Integer.parseInt(opts.getOrDefault("pool", "12"));
    LocalDate day = LocalDate.parse(opts.getOrDefault("day", LocalDate.now().toString()));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    PgConnectOptions pg = new PgConnectOptions()
        .setHost(env("ANTRE_DB_HOST", "127.0.0.1")).setPort(Integer.parseInt(env("ANTRE_DB_PORT", "5432")))
        .setDatabase(env("ANTRE_DB_NAME", "antre")).setUser(env("ANTRE_DB_USER", "antre"))
        .setPassword(env("ANTRE_DB_PASSWORD", "antre"))
        .setCachePreparedStatements(true).setPipeliningLimit(4); // as persistence/Db
    SqlClient db = PgBuilder.client().with(new PoolOptions().setMaxSize(pool)).with(new NetClientOptions())
        .connectingTo(pg).using(vertx).build();
    vertx.deployVerticle(() -> new Http(db, day, port), new DeploymentOptions().setInstances(verticles))
        .onSuccess(id -> System.out.println("bare server listening on port " + port))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  private static String env(String name, String def) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? def : v;
  }

  /** One HTTP event loop (Vert.x shares the port between the instances). */
  static final class Http extends VerticleBase {
    private final SqlClient db;
    private final LocalDate day;
    private final int port;

    Http(SqlClient db, LocalDate day, int port) {
      this.db = db;
      this.day = day;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)
          .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false));
      return server.requestHandler(this::handle).listen(port);
    }

    private void handle(HttpServerRequest req) {
      String path = req.path();
      if (path.equals("/ws")) {
        req.toWebSocket().onSuccess(this::subscriber);
      } else if (path.equals("/api/v1/tickets")) {
        req.body().onSuccess(b -> issue(req, b.toJsonObject().getString("service")));
      } else if (path.startsWith("/api/v1/counters/") && path.endsWith("/call-next")) {
        String counter = path.substring("/api/v1/counters/".length(), path.length() - "/call-next".length());
        req.body().onSuccess(b -> call(req, counter));
      } else if (path.startsWith("/api/v1/counters/") && path.endsWith("/no-show")) {
        String counter = path.substring("/api/v1/counters/".length(), path.length() - "/no-show".length());
        req.body().onSuccess(b -> db.preparedQuery(NO_SHOW).execute(Tuple.of(counter))
            .onSuccess(rows -> answer(req, 200, rows))
            .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage())));
      } else {
        req.body().onSuccess(b -> req.response().setStatusCode(200).putHeader("Content-Type", "application/json")
            .end(path.endsWith("/login") ? Buffer.buffer("{\"token\":\"bare\"}") : EMPTY));
      }
    }

    private void issue(HttpServerRequest req, String service) {
      db.preparedQuery(ISSUE).execute(Tuple.of(service, day, UUID.randomUUID().toString()))
          .onSuccess(rows -> answer(req, 201, rows))
          .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage()));
    }

    private void call(HttpServerRequest req, String counter) {
      db.preparedQuery(CALL).execute(Tuple.of(serviceOf(counter), day, counter))
          .onSuccess(rows -> {
            if (rows.size() == 0) {
              req.response().setStatusCode(204).end();
              return;
            }
            Row r = rows.iterator().next();
            String message = callMessage(SEQ.incrementAndGet(), r.getLong("id"), r.getInteger("number"), counter);
            answer(req, 200, rows);
            for (ServerWebSocket ws : SUBSCRIBERS) {
              ws.writeTextMessage(message);
            }
          })
          .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage()));
    }

    private static void answer(HttpServerRequest req, int status, RowSet<Row> rows) {
      if (rows.size() == 0) {
        req.response().setStatusCode(409).end();
        return;
      }
      Row r = rows.iterator().next();
      req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("id", r.getLong("id")).put("number", r.getInteger("number")).toBuffer());
    }

    private void subscriber(ServerWebSocket ws) {
      ws.textMessageHandler(text -> {
        if (SUBSCRIBERS.add(ws)) {
          ws.writeTextMessage(SNAPSHOT);
        }
      });
      ws.closeHandler(v -> SUBSCRIBERS.remove(ws));
    }
  }

  /**
   * The service counter k calls: C{k}, and C{k-200} for the counters 201-240 that the load client
   * uses on this side when both sides run at once (the curve's turns), so that the two never share
   * a counter id (a no-show here finds the counter's called ticket by its id) but share the queues.
   */
  static String serviceOf(String counter) {
    try {
      int k = Integer.parseInt(counter);
      return "C" + (k > 200 && k <= 240 ? k - 200 : k);
    } catch (NumberFormatException e) {
      return "C" + counter;
    }
  }

  /** A call message of Antre's shape and size (about 300 bytes). */
  static String callMessage(long seq, long ticketId, int number, String counter) {
    String no = String.format("ZA-%03d", number);
    return "{\"type\":\"call\",\"seq\":" + seq + ",\"ticketId\":" + ticketId + ",\"number\":\"" + no
        + "\",\"counter\":\"" + counter + "\",\"counterName\":\"Loket " + counter
        + "\",\"agency\":\"DUKCAPIL\",\"agencyName\":\"Disdukcapil\",\"service\":\"C" + counter
        + "\",\"zone\":\"lantai-1\",\"recall\":false,\"recallCount\":0,\"at\":\"2026-12-01T02:00:00Z\","
        + "\"announcement\":{\"text\":\"Nomor antrean " + no + ", silakan ke Loket " + counter + "\",\"clips\":[]}}";
  }
}
