package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a subscriber gets first on each topic: a {@code snapshot} of the current state, and for
 * calls the ones missed after {@code since}, replayed in order and marked so that the same calls
 * held back meanwhile are not sent twice (see {@link Connection#releaseLiveEvents()}).
 */
final class Snapshots {
  static final int SNAPSHOT_CALLS = 10;
  static final int MAX_REPLAY = 100;

  private final GatewayCommands commands;
  private final AgentChannel agents;

  Snapshots(GatewayCommands commands, AgentChannel agents) {
    this.commands = commands;
    this.agents = agents;
  }

  /**
   * @param since the seq of the last call the client received, or null
   * @param actor who subscribed (already authorised for the topic), or null
   */
  Future<Void> send(Connection conn, String topic, Long since, Actor actor) {
    JsonObject head = new JsonObject().put("type", "snapshot").put("topic", topic);
    if (Topics.isCalls(topic)) {
      return calls(conn, head, Topics.zoneOf(topic), since);
    }
    if (topic.startsWith(Topics.PRINTER)) {
      String kiosk = topic.substring(Topics.PRINTER.length());
      if (actor != null && actor.role() == Actor.Role.PRINT_AGENT) {
        return agents.connected(conn, kiosk, head);
      }
      // a kiosk or a manager: the printer's last known state
      return commands.printerState(kiosk).map(state -> {
        conn.send(head.put("kiosk", kiosk).put("printer", state).encode());
        return null;
      });
    }
    Future<JsonObject> data = switch (topic.split(":")[0]) {
      case Topics.QUEUES -> commands.queues();
      case Topics.HALL -> commands.runningText();
      case Topics.COUNTERS -> commands.publicCounters();
      case "counter" -> commands.counter(topic.substring(Topics.COUNTER.length()), actor);
      default -> commands.track(topic.substring(Topics.TICKET.length()));
    };
    return data.map(d -> {
      conn.send(head.mergeIn(d).put("type", "snapshot").put("topic", topic).encode());
      return null;
    });
  }

  /**
   * Sends the queues, the counters, each counter's own state and the followed tickets again to
   * whoever follows them:
   * after the cluster changed, and while it is short of members, the bus may not have brought
   * what the other half did. One read for everyone of {@code queues} and {@code counters}; a
   * counter's state per terminal (it carries its officer's own numbers), and there are few.
   *
   * @param tickets whether the tickets followed by phones are sent again too (one read per phone)
   */
  void refresh(FanOut<Connection> fanOut, boolean tickets) {
    for (String topic : fanOut.topics()) {
      List<Connection> subs = fanOut.subscribersOf(topic);
      if (topic.equals(Topics.QUEUES) || topic.equals(Topics.COUNTERS)) {
        Future<JsonObject> data = topic.equals(Topics.QUEUES) ? commands.queues() : commands.publicCounters();
        data.onSuccess(d -> {
          String json = d.copy().put("type", "snapshot").put("topic", topic).encode();
          subs.forEach(c -> c.deliver(json, 0));
        });
      } else if (topic.startsWith(Topics.COUNTER)) {
        String id = topic.substring(Topics.COUNTER.length());
        for (Connection c : subs) {
          commands.counter(id, c.actor).onSuccess(d ->
              c.deliver(d.copy().put("type", "snapshot").put("topic", topic).encode(), 0));
        }
      } else if (tickets && topic.startsWith(Topics.TICKET)) {
        commands.track(topic.substring(Topics.TICKET.length())).onSuccess(d -> {
          String json = d.copy().put("type", "snapshot").put("topic", topic).encode();
          subs.forEach(c -> c.deliver(json, 0));
        });
      }
    }
  }

  /** The latest calls, then the ones after {@code since} (at most {@link #MAX_REPLAY}) as replays. */
  private Future<Void> calls(Connection conn, JsonObject head, String zone, Long since) {
    Future<GatewayCommands.Calls> recent = commands.calls(zone, 0L, SNAPSHOT_CALLS);
    Future<GatewayCommands.Calls> missed = since == null ? Future.succeededFuture(null)
        : commands.calls(zone, since, MAX_REPLAY);
    return Future.all(recent, missed).map(all -> {
      conn.send(head.put("seq", recent.result().seq()).put("calls", recent.result().calls()).encode());
      if (missed.result() != null) {
        for (Object c : missed.result().calls()) {
          JsonObject call = ((JsonObject) c).put("replay", true);
          conn.replayed.add(call.getLong("seq"));
          conn.send(call.encode());
        }
      }
      return null;
    });
  }
}
