package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import id.antre.server.auth.AuthService;
import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conversation with one client: frames and message limits, the time allowed to subscribe,
 * the messages (subscribe with its authorisation, unsubscribe, here, ping, an agent's reports),
 * error answers, and the heartbeat that closes silent clients and sign-ins revoked or expired
 * since they subscribed. Runs on the gateway's event loop.
 */
final class Protocol {
  static final int MAX_TOPICS = 16;
  /** Client messages are small; a bigger one is refused with 1009 (message too big). */
  static final int MAX_MESSAGE_CHARS = 16 * 1024;
  /** The same limit in bytes, checked before a message is decoded (4 bytes per character at most). */
  static final int MAX_MESSAGE_BYTES = 4 * MAX_MESSAGE_CHARS;
  /** Clients given their heartbeat at once: a few milliseconds of writes. */
  static final int HEARTBEAT_SLICE = 250;

  private final Vertx vertx;
  private final AuthService auth;
  private final GatewayOptions options;
  /** The agency a counter belongs to, or empty for an unknown counter. */
  private final Function<String, Optional<String>> counterAgency;
  private final GatewayCommands commands;
  private final FanOut<Connection> fanOut;
  private final Snapshots snapshots;
  private final AgentChannel agents;
  private final Presence presence;
  /** The newest call seq seen, sent with heartbeats and pongs so a client can tell it missed something. */
  private long latestCallSeq;

  Protocol(Vertx vertx, AuthService auth, GatewayOptions options, Function<String, Optional<String>> counterAgency,
      GatewayCommands commands, FanOut<Connection> fanOut, Snapshots snapshots, AgentChannel agents, Presence presence) {
    this.vertx = vertx;
    this.auth = auth;
    this.options = options;
    this.counterAgency = counterAgency;
    this.commands = commands;
    this.fanOut = fanOut;
    this.snapshots = snapshots;
    this.agents = agents;
    this.presence = presence;
  }

  void sawCall(long seq) {
    latestCallSeq = Math.max(latestCallSeq, seq);
  }

  /** Reads client messages from a new socket; one that subscribes to nothing in time is closed. */
  void open(ServerWebSocket ws, Connection conn) {
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
    conn.subscribeDeadline = vertx.setTimer(options.subscribeTimeoutMillis(), id -> {
      if (!conn.subscribed) {
        conn.close(Connection.NO_SUBSCRIPTION, "no subscription within " + options.subscribeTimeoutMillis() + " ms");
      }
    });
  }

  /**
   * Pings every client and sends the latest call seq; closes the ones silent past the idle
   * timeout and those whose sign-in expired since they subscribed. Thousands of clients are
   * taken {@link #HEARTBEAT_SLICE} at a time, the slices spread over half the heartbeat period:
   * a heartbeat is two frames per client and every pong comes back, and all of them at once
   * stalled the event loops (and the clients) for a moment in which a call published meanwhile
   * waited. A few hundred clients get theirs at once, as before.
   */
  void heartbeat(Collection<Connection> connections) {
    String beat = new JsonObject().put("type", "heartbeat").put("seq", latestCallSeq)
        .put("at", System.currentTimeMillis()).encode();
    List<Connection> all = new ArrayList<>(connections);
    int slices = (all.size() + HEARTBEAT_SLICE - 1) / HEARTBEAT_SLICE;
    heartbeat(all, 0, beat, Math.max(1, options.heartbeatMillis() / 2 / Math.max(1, slices)));
  }

  private void heartbeat(List<Connection> connections, int from, String beat, long spacingMillis) {
    long now = System.currentTimeMillis();
    int to = Math.min(connections.size(), from + HEARTBEAT_SLICE);
    for (Connection c : connections.subList(from, to)) {
      if (now - c.lastSeen > options.idleTimeoutMillis()) {
        c.close((short) 1001, "no answer to pings");
      } else if (c.token != null && auth.revokedSince(c.token)) {
        // revocations close at once (closeRevoked); this catches sign-ins that expired
        c.close(Connection.REVOKED, "signed out, revoked or expired");
      } else {
        c.ping();
        c.send(beat);
      }
    }
    if (to < connections.size()) {
      vertx.setTimer(spacingMillis, id -> heartbeat(connections, to, beat, spacingMillis));
    }
  }

  /**
   * This node stood still for {@code millis} (GC, VM stall, SIGSTOP): its clients could not be
   * heard meanwhile, so the pause does not count towards their silence.
   */
  void pausedFor(long millis, Collection<Connection> connections) {
    long now = System.currentTimeMillis();
    for (Connection c : connections) {
      c.lastSeen = Math.min(now, c.lastSeen + millis);
    }
  }

  /** A sign-in or device was revoked: its live sockets close (the token itself is refused from now on). */
  void closeRevoked(Collection<Connection> connections) {
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
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "message is not a JSON object");
      conn.close((short) 1007, "invalid JSON");
      return;
    }
    String type = msg.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "subscribe" -> subscribe(conn, msg);
      case "unsubscribe" -> {
        List<String> topics = topics(conn, msg);
        conn.topics.removeAll(topics);
        fanOut.unsubscribe(conn, topics);
      }
      case "here" -> presence.announce(conn, conn.topics, "here");
      case "ping" -> conn.send(new JsonObject().put("type", "pong").put("seq", latestCallSeq).encode());
      case "print-result" -> agents.printResult(conn, msg);
      case "printer-status" -> agents.printerStatus(conn, msg);
      default -> WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "unknown message type '" + type
          + "' (subscribe, unsubscribe, ping, print-result, printer-status)");
    }
  }

  private List<String> topics(Connection conn, JsonObject msg) {
    Object raw = msg.getValue("topics");
    List<String> out = new ArrayList<>();
    if (!(raw instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_TOPICS) {
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "topics must be a list of 1 to " + MAX_TOPICS + " topics");
      return out;
    }
    for (Object t : arr) {
      if (!(t instanceof String s) || !Topics.valid(s)) {
        WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "unknown topic '" + t
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
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "since must be a number (the seq of the last call you received)");
      return;
    }
    Object token = msg.getValue("token");
    boolean needsActor = topics.stream().anyMatch(Topics::protectedTopic);
    if (!needsActor && token instanceof String s) {
      // a wall display's token on public topics only tells who is watching (the device list's
      // last seen and version); the calls are public, so a token refused changes nothing
      auth.authenticate("Bearer " + s).onSuccess(a -> auth.seen(a, msg.getValue("client") instanceof String c ? c : null));
    }
    Future<Actor> actor = needsActor
        ? auth.authenticate(token instanceof String s ? "Bearer " + s : null)
        : Future.succeededFuture();
    actor.compose(a -> authorise(a, topics)).onComplete(ok -> {
      if (ok.failed()) {
        WsErrors.send(conn, ok.cause());
        return;
      }
      if (conn.closed) {
        return;
      }
      if (ok.result() != null) {
        if (conn.actor != null && !sameIdentity(conn.actor, ok.result())) {
          // topics already granted were granted to the first identity: one identity per connection
          WsErrors.send(conn, ErrorCode.FORBIDDEN, "this connection is already signed in as someone else; open a new one");
          return;
        }
        conn.actor = ok.result();
        conn.token = (String) token;
        if (msg.getValue("client") instanceof String client) {
          auth.seen(conn.actor, client);
        }
      }
      if (msg.getValue("terminal") instanceof String term && term.length() <= 64) {
        conn.terminal = term;
      }
      agents.subscribing(conn, topics);
      if (!conn.subscribed) {
        conn.subscribed = true;
        vertx.cancelTimer(conn.subscribeDeadline);
      }
      register(conn, topics, since == null ? null : ((Number) since).longValue(), ok.result());
    });
  }

  /** Registers first, holds live events, sends the snapshots, then releases what arrived meanwhile. */
  private void register(Connection conn, List<String> topics, Long since, Actor actor) {
    conn.holdLiveEvents();
    List<String> added = topics.stream().filter(t -> !conn.topics.contains(t)).toList();
    for (String t : topics) {
      conn.topics.add(t);
      fanOut.subscribe(conn, t);
    }
    Future<Void> chain = Future.succeededFuture();
    for (String t : topics) {
      chain = chain.compose(v -> snapshots.send(conn, t, since, actor));
    }
    chain.onComplete(done -> {
      if (done.failed()) {
        // nothing of a subscription whose snapshot failed stays: live calls without the replay
        // they follow would make a client take their seq as seen and skip what it missed
        conn.topics.removeAll(added);
        fanOut.unsubscribe(conn, added);
        WsErrors.send(conn, done.cause());
        if (conn.topics.isEmpty()) {
          conn.dropLiveEvents();
        } else {
          conn.releaseLiveEvents();
        }
        return;
      }
      conn.releaseLiveEvents();
      presence.announce(conn, topics, "join");
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

  private static boolean sameIdentity(Actor a, Actor b) {
    return a.name().equals(b.name()) && a.role() == b.role();
  }
}
