package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import id.antre.server.auth.AuthService;
import id.antre.server.bus.Addresses;
import id.antre.server.bus.JsonViews;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.view.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket gateway of one HTTP verticle: topics, a snapshot on subscribe, calls replayed
 * from the event log after {@code since}, heartbeats, and a bounded outgoing queue per client.
 * Events come from the (cluster-wide) event bus, so a call made on any node reaches every
 * node's clients. Runs on its verticle's event loop: no locking.
 *
 * <p>Client messages: {@code {"type":"subscribe","topics":[...],"since":seq?,"token":...?}},
 * {@code {"type":"unsubscribe","topics":[...]}}, {@code {"type":"ping"}}. Server messages:
 * {@code snapshot} (one per topic), {@code call}, {@code queue}, {@code counter}, {@code ticket},
 * {@code heartbeat} (with the latest call seq, so a client can tell it missed something),
 * {@code pong}, {@code error}.
 */
public class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  static final int MAX_TOPICS = 16;
  static final int SNAPSHOT_CALLS = 10;
  static final int MAX_REPLAY = 100;
  /** Client messages are small; a bigger one is refused with 1009 (message too big). */
  static final int MAX_MESSAGE_CHARS = 16 * 1024;
  /** The same limit in bytes, checked before a message is decoded (4 bytes per character at most). */
  static final int MAX_MESSAGE_BYTES = 4 * MAX_MESSAGE_CHARS;

  private final Vertx vertx;
  private final AuthService auth;
  private final GatewayOptions options;
  /** The agency a counter belongs to, or empty for an unknown counter. */
  private final Function<String, Optional<String>> counterAgency;
  /** What the gateway asks of the application. */
  private final GatewayPort app;
  private final Map<String, Set<Connection>> subscribers = new HashMap<>();
  private final Set<Connection> connections = new HashSet<>();
  /** The newest agent connection known for each kiosk, on any node: the one that prints. */
  private final AgentClaims agents = new AgentClaims();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long latestCallSeq;
  private long timer;

  public Gateway(Vertx vertx, AuthService auth, GatewayOptions options,
      Function<String, Optional<String>> counterAgency, GatewayPort app) {
    this.vertx = vertx;
    this.auth = auth;
    this.options = options;
    this.counterAgency = counterAgency;
    this.app = app;
  }

  public Future<Void> start() {
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.CALLS, m -> onCall(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.QUEUES,
        m -> broadcast(List.of(Topics.QUEUES), m.body().encode(), 0)));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.COUNTERS, m -> {
      JsonObject counter = m.body().getJsonObject("counter");
      // the counter's own terminals see everything; every screen sees no officer names
      broadcast(List.of(Topics.COUNTER + counter.getString("id")), m.body().encode(), 0);
      broadcast(List.of(Topics.COUNTERS), new JsonObject().put("type", "counter")
          .put("counter", JsonViews.publicCounter(counter)).encode(), 0);
    }));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.PRINTERS, m -> onPrinter(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.PRESENCE, m -> onPresence(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>localConsumer(Addresses.REVOKED_HERE, m -> closeRevoked()));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.PRINT_AGENTS, m -> onAgentClaim(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.HALL,
        m -> broadcast(List.of(Topics.HALL), m.body().encode(), 0)));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.TICKETS, m -> {
      JsonObject ticket = m.body().getJsonObject("ticket");
      String token = ticket.getString("trackingToken");
      if (token != null && subscribers.containsKey(Topics.TICKET + token)) {
        JsonObject view = m.body().copy();
        view.getJsonObject("ticket").remove("trackingToken");
        broadcast(List.of(Topics.TICKET + token), view.encode(), 0);
      }
    }));
    timer = vertx.setPeriodic(options.heartbeatMillis(), id -> heartbeat());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .compose(v -> app.latestCallSeq())
        .map(seq -> {
          latestCallSeq = seq;
          return null;
        });
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    new ArrayList<>(connections).forEach(c -> c.close((short) 1001, "server stopping"));
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  public int connectionCount() {
    return connections.size();
  }

  /** Takes a socket that passed the origin check. */
  public void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(options.writeQueueBytes());
    Connection conn = new Connection(ws, System.currentTimeMillis());
    connections.add(conn);
    ws.frameHandler(new TextFrames(new TextFrames.Sink() {
      @Override
      public void text(String message) {
        conn.lastSeen = System.currentTimeMillis();
        onMessage(conn, message);
      }

      @Override
      public void close(short code, String reason) {
        conn.close(code, reason);
      }
    }, MAX_MESSAGE_BYTES));
    ws.pongHandler(b -> conn.lastSeen = System.currentTimeMillis());
    // a socket that subscribes to nothing only holds a connection open
    long deadline = vertx.setTimer(options.subscribeTimeoutMillis(), id -> {
      if (!conn.subscribed) {
        conn.close(Connection.NO_SUBSCRIPTION, "no subscription within " + options.subscribeTimeoutMillis() + " ms");
      }
    });
    conn.subscribeDeadline = deadline;
    ws.exceptionHandler(e -> LOG.debug("websocket error: {}", e.getMessage()));
    // deferred: a close can happen inside a broadcast, which iterates the subscriber sets
    ws.closeHandler(v -> vertx.runOnContext(x -> forget(conn)));
  }

  /**
   * A socket closed, whoever closed it (the client, or this gateway for a slow client): the
   * other terminals of its counters hear that it left, and a print agent's printer is marked
   * AGENT_OFFLINE unless a newer connection of an agent has reported since (a reconnect often
   * arrives before the old socket's close).
   */
  private void forget(Connection conn) {
    if (!connections.remove(conn)) {
      return;
    }
    vertx.cancelTimer(conn.subscribeDeadline);
    conn.closed = true;
    for (String t : conn.topics) {
      Set<Connection> set = subscribers.get(t);
      if (set != null) {
        set.remove(conn);
        if (set.isEmpty()) {
          subscribers.remove(t);
        }
      }
    }
    if (conn.terminal != null) {
      conn.topics.stream().filter(t -> t.startsWith(Topics.COUNTER)).forEach(t -> presence(conn, t, "leave"));
    }
    // a replaced connection says nothing about the printer; the kiosk's current one may be gone
    // for good, unless a newer one has reported to the database meanwhile (checked there)
    if (conn.agentClaim != null && agents.isNewest(conn.actor.kiosk(), conn.agentClaim)) {
      agents.forget(conn.actor.kiosk(), conn.agentClaim);
      app.agentGone(conn.actor, conn.agentClaim.key());
    }
  }

  /**
   * A print agent subscribed somewhere in the cluster. Every node keeps the newest connection per
   * kiosk (by subscription time, then id, so all nodes agree) and closes its own older ones,
   * telling them why; only the newest receives print jobs.
   */
  private void onAgentClaim(JsonObject m) {
    String kiosk = m.getString("kiosk");
    AgentClaims.Claim claim = AgentClaims.Claim.of(m);
    if (!agents.heard(kiosk, claim)) {
      return;
    }
    Set<Connection> set = subscribers.get(Topics.PRINTER + kiosk);
    if (set == null) {
      return;
    }
    for (Connection c : new ArrayList<>(set)) {
      if (c.agentClaim != null && c.agentClaim.compareTo(claim) < 0) {
        LOG.warn("print agent connection of {} replaced by a newer one; closing the older", kiosk);
        c.close(Connection.REPLACED, "replaced: another print agent connection took over kiosk " + kiosk);
      }
    }
  }


  /** A sign-in or device was revoked: its live sockets close (the token itself is refused from now on). */
  private void closeRevoked() {
    for (Connection c : new ArrayList<>(connections)) {
      if (c.token != null && auth.revokedSince(c.token)) {
        c.close(Connection.REVOKED, "signed out or revoked");
      }
    }
  }

  // ------------------------------------------------------------ client messages

  private void onMessage(Connection conn, String text) {
    if (text.length() > MAX_MESSAGE_CHARS) {
      conn.close((short) 1009, "message too big (max " + MAX_MESSAGE_CHARS + ")");
      return;
    }
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(conn, ErrorCode.INVALID_REQUEST, "message is not a JSON object");
      conn.close((short) 1007, "invalid JSON");
      return;
    }
    String type = msg.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "subscribe" -> subscribe(conn, msg);
      case "unsubscribe" -> topics(conn, msg).forEach(t -> unsubscribe(conn, t));
      case "here" -> conn.topics.stream().filter(t -> t.startsWith(Topics.COUNTER) && conn.terminal != null)
          .forEach(t -> presence(conn, t, "here"));
      case "ping" -> conn.send(new JsonObject().put("type", "pong").put("seq", latestCallSeq).encode());
      case "print-result" -> fromAgent(conn, "print-result", new JsonObject().put("job", msg.getValue("job"))
          .put("status", msg.getValue("status")).put("error", msg.getValue("reason")));
      case "printer-status" -> fromAgent(conn, "printer-status", new JsonObject().put("status", msg.getValue("status"))
          .put("detail", msg.getValue("detail")));
      default -> error(conn, ErrorCode.INVALID_REQUEST, "unknown message type '" + type
          + "' (subscribe, unsubscribe, ping, print-result, printer-status)");
    }
  }

  /** A print agent's report, acknowledged with an {@code ack} carrying the stored outcome. */
  private void fromAgent(Connection conn, String action, JsonObject body) {
    if (conn.actor == null || conn.actor.role() != Actor.Role.PRINT_AGENT) {
      error(conn, ErrorCode.FORBIDDEN, "subscribe to printer:<kiosk> with a print agent's token first");
      return;
    }
    if ("print-result".equals(action)) {
      Object status = body.remove("status");
      if (!(body.getValue("job") instanceof Number) || !("printed".equals(status) || "failed".equals(status))) {
        error(conn, ErrorCode.INVALID_REQUEST, "a print result needs job (its number) and status printed or failed");
        return;
      }
      body.put("printed", "printed".equals(status));
    }
    if ("printer-status".equals(action) && !(body.getValue("status") instanceof String)) {
      error(conn, ErrorCode.INVALID_REQUEST, "status must be text");
      return;
    }
    if ("printer-status".equals(action)) {
      body.put("connection", conn.agentClaim == null ? null : conn.agentClaim.key());
    }
    Future.succeededFuture(body).compose(b -> "print-result".equals(action)
            ? app.printResult(conn.actor, b.getLong("job"), b.getBoolean("printed"), b.getString("error"))
            : app.printerStatus(conn.actor, b.getString("status"), b.getString("detail"), b.getString("connection")))
        .onSuccess(r -> conn.send(r.copy().put("type", "ack").put("for", action).encode()))
        .onFailure(e -> error(conn, e));
  }

  private void presence(Connection conn, String topic, String action) {
    vertx.eventBus().publish(Addresses.PRESENCE, new JsonObject().put("counter", topic.substring(Topics.COUNTER.length()))
        .put("terminal", conn.terminal).put("user", conn.actor == null ? null : conn.actor.name()).put("action", action));
  }

  /** Tells a counter's other terminals that one joined, answered or left. */
  private void onPresence(JsonObject p) {
    Set<Connection> set = subscribers.get(Topics.COUNTER + p.getString("counter"));
    if (set == null) {
      return;
    }
    String json = p.copy().put("type", "presence").encode();
    for (Connection c : new ArrayList<>(set)) {
      if (c.terminal != null && !c.terminal.equals(p.getString("terminal"))) {
        c.deliver(json, 0);
      }
    }
  }

  private void onPrinter(JsonObject msg) {
    Set<Connection> set = subscribers.get(Topics.PRINTER + msg.getString("kiosk"));
    if (set == null) {
      return;
    }
    boolean job = "print".equals(msg.getString("type"));
    String json = msg.encode();
    for (Connection c : new ArrayList<>(set)) {
      // print commands go to the agents only; states go to everyone following the printer
      if (!job || c.agentClaim != null) {
        c.deliver(json, 0);
      }
    }
  }

  private List<String> topics(Connection conn, JsonObject msg) {
    Object raw = msg.getValue("topics");
    List<String> out = new ArrayList<>();
    if (!(raw instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_TOPICS) {
      error(conn, ErrorCode.INVALID_REQUEST, "topics must be a list of 1 to " + MAX_TOPICS + " topics");
      return out;
    }
    for (Object t : arr) {
      if (!(t instanceof String s) || !Topics.valid(s)) {
        error(conn, ErrorCode.INVALID_REQUEST, "unknown topic '" + t
            + "' (calls, calls:zone:<zone>, queues, counters, hall, counter:<id>, ticket:<trackingToken>, "
            + "printer:<kiosk>)");
        return new ArrayList<>();
      }
      out.add(s);
    }
    return out;
  }

  private void subscribe(Connection conn, JsonObject msg) {
    List<String> topics = topics(conn, msg);
    if (topics.isEmpty()) {
      return;
    }
    Object since = msg.getValue("since");
    if (since != null && !(since instanceof Number)) {
      error(conn, ErrorCode.INVALID_REQUEST, "since must be a number (the seq of the last call you received)");
      return;
    }
    Object token = msg.getValue("token");
    Future<Actor> actor = topics.stream().anyMatch(Topics::protectedTopic)
        ? auth.authenticate(token instanceof String s ? "Bearer " + s : null)
        : Future.succeededFuture();
    actor.compose(a -> authorise(a, topics)).onComplete(ok -> {
      if (ok.failed()) {
        error(conn, ok.cause());
        return;
      }
      if (conn.closed) {
        return;
      }
      if (ok.result() != null) {
        if (conn.actor != null && !sameIdentity(conn.actor, ok.result())) {
          // topics already granted were granted to the first identity: one identity per connection
          error(conn, ErrorCode.FORBIDDEN, "this connection is already signed in as someone else; open a new one");
          return;
        }
        conn.actor = ok.result();
        conn.token = (String) token;
      }
      if (msg.getValue("terminal") instanceof String term && term.length() <= 64) {
        conn.terminal = term;
      }
      if (conn.actor != null && conn.actor.role() == Actor.Role.PRINT_AGENT && conn.agentClaim == null
          && topics.contains(Topics.PRINTER + conn.actor.kiosk())) {
        claimPrinter(conn);
      }
      if (!conn.subscribed) {
        conn.subscribed = true;
        vertx.cancelTimer(conn.subscribeDeadline);
      }
      // register first, hold live events, send snapshots, then release what arrived meanwhile
      conn.holdLiveEvents();
      for (String t : topics) {
        conn.topics.add(t);
        subscribers.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(conn);
      }
      Future<Void> chain = Future.succeededFuture();
      for (String t : topics) {
        chain = chain.compose(v -> snapshot(conn, t, since == null ? null : ((Number) since).longValue(), ok.result()));
      }
      chain.onComplete(done -> {
        if (done.failed()) {
          error(conn, done.cause());
        }
        conn.releaseLiveEvents();
        if (conn.terminal != null) {
          topics.stream().filter(t -> t.startsWith(Topics.COUNTER)).forEach(t -> presence(conn, t, "join"));
        }
      });
    });
  }

  /**
   * The whole subscription is refused when one topic is: a counter needs a signed-in member of
   * the counter's agency (or a manager), a printer its agent, its kiosk or a manager. Nothing of
   * a refused subscription is registered, so no live event, snapshot or presence reaches it.
   */
  private Future<Actor> authorise(Actor actor, List<String> topics) {
    for (String t : topics) {
      if (t.startsWith(Topics.COUNTER)) {
        String id = t.substring(Topics.COUNTER.length());
        Optional<String> agency = counterAgency.apply(id);
        if (agency.isEmpty()) {
          return Future.failedFuture(new QueueException(ErrorCode.UNKNOWN_COUNTER, "Loket tidak dikenal: " + id));
        }
        if (actor == null || !actor.mayActFor(agency.get())) {
          return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
              "Loket ini milik instansi lain (counter topics need an officer of the counter's agency)"));
        }
      }
      if (t.startsWith(Topics.PRINTER)
          && (actor == null || !actor.mayFollowPrinter(t.substring(Topics.PRINTER.length())))) {
        return Future.failedFuture(new QueueException(ErrorCode.FORBIDDEN,
            "printer topics need the kiosk's print agent, the kiosk, or a manager"));
      }
    }
    return Future.succeededFuture(actor);
  }

  /** This connection becomes its kiosk's print agent; older ones anywhere are closed. */
  private void claimPrinter(Connection conn) {
    conn.agentClaim = agents.next(conn.actor.kiosk());
    JsonObject claim = conn.agentClaim.json(conn.actor.kiosk());
    onAgentClaim(claim);
    vertx.eventBus().publish(Addresses.PRINT_AGENTS, claim);
  }


  private static boolean sameIdentity(Actor a, Actor b) {
    return a.name().equals(b.name()) && a.role() == b.role();
  }

  private void unsubscribe(Connection conn, String topic) {
    conn.topics.remove(topic);
    Set<Connection> set = subscribers.get(topic);
    if (set != null) {
      set.remove(conn);
      if (set.isEmpty()) {
        subscribers.remove(topic);
      }
    }
  }

  private Future<Void> snapshot(Connection conn, String topic, Long since, Actor actor) {
    JsonObject head = new JsonObject().put("type", "snapshot").put("topic", topic);
    if (Topics.isCalls(topic)) {
      String zone = Topics.zoneOf(topic);
      Future<JsonObject> recent = app.calls(0L, zone, SNAPSHOT_CALLS);
      Future<JsonObject> missed = since == null ? Future.succeededFuture(null) : app.calls(since, zone, MAX_REPLAY);
      return Future.all(recent, missed).map(all -> {
        JsonObject r = recent.result();
        conn.send(head.put("seq", r.getLong("seq")).put("calls", r.getJsonArray("calls")).encode());
        JsonObject m = missed.result();
        if (m != null) {
          for (Object c : m.getJsonArray("calls")) {
            JsonObject call = ((JsonObject) c).put("replay", true);
            conn.replayed.add(call.getLong("seq"));
            conn.send(call.encode());
          }
        }
        return null;
      });
    }
    if (topic.startsWith(Topics.PRINTER)) {
      String kiosk = topic.substring(Topics.PRINTER.length());
      if (actor == null || actor.role() != Actor.Role.PRINT_AGENT) {
        // a kiosk or a manager: the printer's last known state
        return app.printerState(kiosk).map(state -> {
          conn.send(head.put("kiosk", kiosk).put("printer", state).encode());
          return null;
        });
      }
      conn.send(head.put("kiosk", kiosk).encode());
      // a (re)connected agent: report it online and send every job still open
      return app.printerStatus(actor, "ONLINE", "agent connected", conn.agentClaim == null ? null : conn.agentClaim.key())
          .compose(v -> app.pendingJobs(kiosk))
          .map(jobs -> {
            for (JsonObject job : jobs) {
              conn.send(job.put("kiosk", kiosk).encode());
            }
            return null;
          });
    }
    Future<JsonObject> data = switch (topic.split(":")[0]) {
      case Topics.QUEUES -> app.queues();
      case Topics.HALL -> app.runningText();
      case Topics.COUNTERS -> app.publicCounters();
      case "counter" -> app.counter(actor, topic.substring(Topics.COUNTER.length()));
      default -> app.tracking(topic.substring(Topics.TICKET.length()));
    };
    return data.map(d -> {
      conn.send(head.mergeIn(d).put("type", "snapshot").put("topic", topic).encode());
      return null;
    });
  }

  // ------------------------------------------------------------ events

  private void onCall(JsonObject call) {
    long seq = call.getLong("seq", 0L);
    latestCallSeq = Math.max(latestCallSeq, seq);
    broadcast(List.of(Topics.CALLS, Topics.CALLS_ZONE + call.getString("zone")), call.encode(), seq);
  }

  /**
   * Each connection gets the event once, however many of the topics it follows: a connection
   * in an earlier topic's set is skipped in the later ones (a lookup, no union set per event).
   * The sets are iterated directly; a write never changes them (a slow client is only marked
   * closed, and leaves the sets in its close handler, which runs later on this event loop).
   */
  private void broadcast(List<String> topics, String json, long callSeq) {
    for (int i = 0; i < topics.size(); i++) {
      Set<Connection> set = subscribers.get(topics.get(i));
      if (set == null) {
        continue;
      }
      for (Connection c : set) {
        if (!seenEarlier(topics, i, c)) {
          c.deliver(json, callSeq);
        }
      }
    }
  }

  private boolean seenEarlier(List<String> topics, int upTo, Connection c) {
    for (int j = 0; j < upTo; j++) {
      Set<Connection> earlier = subscribers.get(topics.get(j));
      if (earlier != null && earlier.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private void heartbeat() {
    long now = System.currentTimeMillis();
    String beat = new JsonObject().put("type", "heartbeat").put("seq", latestCallSeq).put("at", now).encode();
    for (Connection c : new ArrayList<>(connections)) {
      if (now - c.lastSeen > options.idleTimeoutMillis()) {
        c.close((short) 1001, "no answer to pings");
      } else if (c.token != null && auth.revokedSince(c.token)) {
        // a sign-in that expired since the subscription (revocations close at once, see closeRevoked)
        c.close(Connection.REVOKED, "signed out, revoked or expired");
      } else {
        c.ws.writePing(io.vertx.core.buffer.Buffer.buffer("hb"));
        c.send(beat);
      }
    }
    // a call published by a node that died before it could publish reaches us through the log
    app.latestCallSeq().onSuccess(seq -> latestCallSeq = Math.max(latestCallSeq, seq));
  }

  // ------------------------------------------------------------ helpers

  private static void error(Connection conn, ErrorCode code, String detail) {
    conn.send(Problems.frame(code, detail));
  }

  private static void error(Connection conn, Throwable err) {
    QueueException q = Problems.of(err);
    if (q.code() == ErrorCode.INTERNAL) {
      LOG.warn("websocket request failed", err);
    }
    error(conn, q.code(), q.getMessage());
  }
}
