package id.antre.server.realtime;

import id.antre.server.ClusterView;
import id.antre.server.auth.AuthService;
import id.antre.server.queue.Pauses;
import id.antre.server.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket gateway of one HTTP verticle: topics, a snapshot on subscribe, calls replayed
 * from the event log after {@code since}, heartbeats, and a bounded outgoing queue per client.
 * Events come from the (cluster-wide) event bus, so a call made on any node reaches every
 * node's clients; a clustered node also re-reads the calls from the event log every second ({@link CallMerge}), so
 * that a node cut off from the others (a split, its own pause) still delivers every call committed,
 * once. Runs on its verticle's event loop: no locking.
 *
 * <p>This class only wires the parts: {@link FanOut} (who gets which event), {@link Snapshots},
 * {@link AgentChannel} (print agents), {@link Presence}, {@link Protocol} (client messages,
 * limits, heartbeats) and {@link GatewayCommands} (everything asked of the application).
 *
 * <p>Client messages: {@code {"type":"subscribe","topics":[...],"since":seq?,"token":...?}},
 * {@code {"type":"unsubscribe","topics":[...]}}, {@code {"type":"ping"}}. Server messages:
 * {@code snapshot} (one per topic), {@code call}, {@code queue}, {@code counter}, {@code ticket},
 * {@code heartbeat} (with the latest call seq, so a client can tell it missed something),
 * {@code pong}, {@code error}.
 */
public class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** How often the event log is re-read for calls the bus did not bring. */
  static final long LOG_READ_MILLIS = 1_000;
  /** How long a call may take to commit after one with a higher seq and still be found (see {@link CallMerge}). */
  static final long SETTLE_MILLIS = 10_000;
  /** Positions read at most per re-read: a busy hall makes a few calls a second, a benchmark a thousand. */
  static final int LOG_READ_LIMIT = 20_000;
  /** A heartbeat this late is logged: the node stood still (a busy event loop is late by less). */
  static final long STOOD_STILL_MILLIS = 5_000;
  /** How often queues and counter states are sent again while the cluster is short of members. */
  static final long SHORT_REFRESH_MILLIS = 5_000;

  private final Vertx vertx;
  private final GatewayOptions options;
  private final GatewayCommands commands;
  private final FanOut<Connection> fanOut = new FanOut<>();
  private final AgentChannel agents;
  private final Presence presence;
  private final Protocol protocol;
  private final Snapshots snapshots;
  private final Set<Connection> connections = new HashSet<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final CallMerge merge = new CallMerge(SETTLE_MILLIS, 60_000);
  private final RecentCalls recent;
  /** Messages encoded once for all this gateway's sockets; made on its event loop by the first socket. */
  private SharedText text;
  private long timer;
  private long logTimer = -1;
  private long lastBeat;
  private boolean reading;
  private String lastMembership;
  private Set<String> lastMembers = Set.of();
  /** The members changed or this node stood still since the last resend: resend. */
  private boolean changed;
  private long lastRefresh;
  private long lastTicketRefresh;
  private long lastFullWarning;

  public Gateway(Vertx vertx, AuthService auth, GatewayOptions options,
      Function<String, Optional<String>> counterAgency, GatewayPort app) {
    this.vertx = vertx;
    this.options = options;
    this.commands = new GatewayCommands(app);
    this.agents = new AgentChannel(vertx, commands, fanOut);
    this.presence = new Presence(vertx, () -> ClusterView.of(vertx).localMember());
    this.recent = new RecentCalls(options.recentCalls());
    this.snapshots = new Snapshots(commands, agents, recent);
    this.protocol = new Protocol(vertx, auth, options, counterAgency, commands, fanOut, snapshots, agents, presence);
  }

  public Future<Void> start() {
    consume(Addresses.CALLS, this::busCall);
    consume(Addresses.QUEUES, fanOut::queue);
    consume(Addresses.COUNTERS, fanOut::counter);
    consume(Addresses.PRINTERS, fanOut::printer);
    consume(Addresses.PRESENCE, e -> fanOut.presence(presence.heard(e, System.currentTimeMillis())));
    consume(Addresses.PRINT_AGENTS, agents::heard);
    consume(Addresses.HALL, fanOut::hall);
    consume(Addresses.TICKETS, fanOut::ticket);
    consumers.add(vertx.eventBus().<JsonObject>localConsumer(Addresses.HALL_HERE, m -> fanOut.hall(m.body())));
    consumers.add(vertx.eventBus().<JsonObject>localConsumer(Addresses.REVOKED_HERE,
        m -> protocol.closeRevoked(connections)));
    lastBeat = System.currentTimeMillis();
    timer = vertx.setPeriodic(options.heartbeatMillis(), id -> beat());
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        // the newest calls, so that subscribers' snapshots and replays need no read of their own
        .compose(v -> commands.calls(null, 0L, options.recentCalls()))
        .map(read -> {
          List<JsonObject> newest = new ArrayList<>();
          read.calls().forEach(c -> newest.add((JsonObject) c));
          long seq = newest.stream().mapToLong(c -> c.getLong("seq")).reduce(read.seq(), Math::max);
          recent.start(seq, newest, newest.size() < options.recentCalls());
          protocol.sawCall(seq);
          merge.startAt(seq);
          logTimer = vertx.setPeriodic(LOG_READ_MILLIS, id -> readLog());
          return null;
        });
  }

  /** A call heard on the bus: the fast path. */
  private void busCall(JsonObject call) {
    if (merge.fresh(call.getLong("seq", 0L), System.currentTimeMillis())) {
      passOn(call);
    }
  }

  /** A new call, from the bus or the log: sent to its subscribers, then kept for the snapshots. */
  private void passOn(JsonObject call) {
    protocol.sawCall(fanOut.call(call));
    recent.add(call);
  }

  /**
   * The event log is the truth, the bus only the fast path: calls committed on a node this one
   * does not hear (a split, a pause, a node that died before publishing) are read from the log
   * and delivered once. One read per gateway, whatever the number of subscribers.
   */
  private void readLog() {
    watchCluster(System.currentTimeMillis());
    // a node on its own hears every call it makes on its local bus, even across its own pauses
    // (messages wait in the queue): only a clustered node can miss what another one published
    if (reading || !vertx.isClustered()) {
      return;
    }
    reading = true;
    // first the positions only, which is cheap however many calls the window holds; then the few
    // calls this node did not hear, if any (usually none)
    long[] latest = {0};
    commands.callSeqs(merge.readAfter(System.currentTimeMillis()), LOG_READ_LIMIT).compose(seqs -> {
      if (seqs.size() >= LOG_READ_LIMIT && System.currentTimeMillis() - lastFullWarning > 60_000) {
        lastFullWarning = System.currentTimeMillis();
        // the read gives the newest calls of the window: older ones a split hid could be passed over
        LOG.warn("{} calls in the last {} s: the event-log re-read sees only the newest {} (said once a minute)",
            seqs.size(), SETTLE_MILLIS / 1000, LOG_READ_LIMIT);
      }
      latest[0] = seqs.isEmpty() ? 0 : seqs.get(0);
      List<Long> unknown = seqs.stream().filter(seq -> !merge.known(seq)).toList();
      return unknown.isEmpty() ? Future.succeededFuture(List.<JsonObject>of())
          : commands.callsAt(unknown);
    }).onComplete(r -> {
      reading = false;
      if (r.failed()) {
        LOG.debug("calls not re-read from the log: {}", r.cause().getMessage());
        return;
      }
      List<JsonObject> fresh = merge.fresh(r.result(), System.currentTimeMillis());
      if (!fresh.isEmpty()) {
        LOG.info("{} call(s) not heard on the bus delivered from the event log (a node split off, paused or died)",
            fresh.size());
      }
      fresh.forEach(this::passOn);
      protocol.sawCall(latest[0]);
    });
  }


  /**
   * Queues, counter states and tickets have no log to re-read: they are sent again as snapshots
   * when the members change (a split, a node back, a merge), after this node stood still, and
   * every few seconds while there are fewer members than expected, when the bus may not bring
   * what the other half did.
   */
  private void watchCluster(long now) {
    ClusterView view = ClusterView.of(vertx);
    String membership = view.membership();
    if (lastMembership != null && !membership.equals(lastMembership)) {
      changed = true;
      membersLeft(view.memberIds());
    }
    lastMembership = membership;
    lastMembers = view.memberIds();
    if (Pauses.waking()) {
      // commands are refused for a moment after this node's own pause: try again after it
      return;
    }
    if (changed || (!view.complete() && now - lastRefresh >= SHORT_REFRESH_MILLIS)) {
      lastRefresh = now;
      // a phone's ticket costs one read each: on a change, and at a third of the pace while short
      boolean tickets = changed || now - lastTicketRefresh >= 3 * SHORT_REFRESH_MILLIS;
      if (tickets) {
        lastTicketRefresh = now;
      }
      changed = false;
      snapshots.refresh(fanOut, tickets);
    }
  }

  /**
   * Members this node saw a second ago and sees no more (killed, stopped, split off): their
   * counter terminals leave at once, not after the presence expiry.
   */
  private void membersLeft(Set<String> now) {
    Set<String> gone = new HashSet<>(lastMembers);
    gone.removeAll(now);
    if (gone.isEmpty()) {
      return;
    }
    List<JsonObject> left = presence.membersLeft(gone);
    if (!left.isEmpty()) {
      LOG.info("{} counter terminal(s) of {} member(s) that left the cluster marked gone", left.size(), gone.size());
    }
    left.forEach(fanOut::presence);
  }

  /**
   * Heartbeats, presence refreshed and expired. A beat later than due means this node stood still
   * (GC, VM stall, SIGSTOP) or its event loop was busy: either way the delay is not its clients'
   * silence, so it is not counted towards their idle time.
   */
  private void beat() {
    long now = System.currentTimeMillis();
    long late = now - lastBeat - options.heartbeatMillis();
    lastBeat = now;
    if (late > options.heartbeatMillis() / 2) {
      if (late >= STOOD_STILL_MILLIS) {
        LOG.warn("heartbeat {} ms late: this node stood still; its WebSocket clients are not counted silent for it",
            late);
      }
      protocol.pausedFor(late, connections);
      presence.pausedFor(late);
      if (late >= STOOD_STILL_MILLIS) {
        // the bus brought nothing meanwhile: queues, counters and tickets are sent again
        changed = true;
      }
    }
    protocol.heartbeat(connections);
    presence.refresh(connections);
    presence.expire(now, Presence.EXPIRY_BEATS * options.heartbeatMillis()).forEach(fanOut::presence);
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    vertx.cancelTimer(logTimer);
    new ArrayList<>(connections).forEach(c -> c.close((short) 1001, "server stopping"));
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  public int connectionCount() {
    return connections.size();
  }

  /** Subscriptions on this gateway per kind of topic, for the metrics. */
  public java.util.Map<String, Integer> subscriptionsByKind() {
    return fanOut.subscriptionsByKind();
  }

  /** Takes a socket that passed the origin check. */
  public void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(options.writeQueueBytes());
    if (text == null) {
      text = new SharedText(Thread.currentThread());
    }
    Connection conn = new Connection(Connection.Socket.of(ws, text), System.currentTimeMillis());
    connections.add(conn);
    protocol.open(ws, conn);
    ws.exceptionHandler(e -> LOG.debug("websocket error: {}", e.getMessage()));
    // deferred: a close can happen inside a fan-out, which iterates the subscriber sets
    ws.closeHandler(v -> vertx.runOnContext(x -> forget(conn)));
  }

  /**
   * A socket closed, whoever closed it (the client, or this gateway for a slow client): the
   * other terminals of its counters hear that it left, and a print agent's printer may be
   * marked AGENT_OFFLINE.
   */
  private void forget(Connection conn) {
    if (!connections.remove(conn)) {
      return;
    }
    vertx.cancelTimer(conn.subscribeDeadline);
    conn.closed = true;
    fanOut.unsubscribe(conn, conn.topics);
    presence.announce(conn, conn.topics, "leave");
    agents.closed(conn);
  }

  private void consume(String address, Handler<JsonObject> handler) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(address, m -> handler.handle(m.body())));
  }
}
