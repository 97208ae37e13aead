package id.antre.server.realtime;

import id.antre.server.auth.AuthService;
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
 * node's clients. Runs on its verticle's event loop: no locking.
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

  private final Vertx vertx;
  private final GatewayOptions options;
  private final GatewayCommands commands;
  private final FanOut<Connection> fanOut = new FanOut<>();
  private final AgentChannel agents;
  private final Presence presence;
  private final Protocol protocol;
  private final Set<Connection> connections = new HashSet<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long timer;

  public Gateway(Vertx vertx, AuthService auth, GatewayOptions options,
      Function<String, Optional<String>> counterAgency) {
    this.vertx = vertx;
    this.options = options;
    this.commands = new GatewayCommands(vertx);
    this.agents = new AgentChannel(vertx, commands, fanOut);
    this.presence = new Presence(vertx);
    this.protocol = new Protocol(vertx, auth, options, counterAgency, commands, fanOut,
        new Snapshots(commands, agents), agents, presence);
  }

  public Future<Void> start() {
    consume(Addresses.CALLS, call -> protocol.sawCall(fanOut.call(call)));
    consume(Addresses.QUEUES, fanOut::queue);
    consume(Addresses.COUNTERS, fanOut::counter);
    consume(Addresses.PRINTERS, fanOut::printer);
    consume(Addresses.PRESENCE, fanOut::presence);
    consume(Addresses.PRINT_AGENTS, agents::heard);
    consume(Addresses.HALL, fanOut::hall);
    consume(Addresses.TICKETS, fanOut::ticket);
    consumers.add(vertx.eventBus().<JsonObject>localConsumer(Addresses.REVOKED_HERE,
        m -> protocol.closeRevoked(connections)));
    timer = vertx.setPeriodic(options.heartbeatMillis(), id -> protocol.heartbeat(connections));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .compose(v -> commands.latestCallSeq())
        .map(seq -> {
          protocol.sawCall(seq);
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

  /** Subscriptions on this gateway per kind of topic, for the metrics. */
  public java.util.Map<String, Integer> subscriptionsByKind() {
    return fanOut.subscriptionsByKind();
  }

  /** Takes a socket that passed the origin check. */
  public void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(options.writeQueueBytes());
    Connection conn = new Connection(Connection.Socket.of(ws), System.currentTimeMillis());
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
