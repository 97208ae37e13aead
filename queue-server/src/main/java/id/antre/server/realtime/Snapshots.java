package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What a subscriber gets first on each topic: a {@code snapshot} of the current state, and for
 * calls the ones missed after {@code since}, replayed in order and marked so that the same calls
 * held back meanwhile are not sent twice (see {@link Connection#releaseLiveEvents()}).
 *
 * <p>A crowd subscribing at once (a reconnect storm) must not cost a database read each: calls
 * come from memory ({@link RecentCalls}), and the snapshots that are the same for everyone
 * (queues, counters, the running text, a ticket, a printer's state) are read once for all who
 * ask at the same moment ({@link SharedReads}). A counter's own state depends on who asks and
 * is read for each terminal; there are few.
 */
final class Snapshots {
  static final int SNAPSHOT_CALLS = 10;
  static final int MAX_REPLAY = 100;

  private final GatewayCommands commands;
  private final AgentChannel agents;
  private final RecentCalls recent;
  private final SharedReads<String> shared = new SharedReads<>();
  private final SharedReads<List<RecentCalls.Call>> replays = new SharedReads<>();
  /** Every service's queue, read once for whoever asks at the same moment, whichever queue topic they follow. */
  private final SharedReads<JsonObject> queues = new SharedReads<>();

  Snapshots(GatewayCommands commands, AgentChannel agents, RecentCalls recent) {
    this.commands = commands;
    this.agents = agents;
    this.recent = recent;
  }

  /**
   * @param since the seq of the last call the client received, or null
   * @param actor who subscribed (already authorised for the topic), or null
   */
  Future<Void> send(Connection conn, String topic, Long since, Actor actor) {
    if (Topics.isCalls(topic)) {
      return calls(conn, topic, Topics.zoneOf(topic), since);
    }
    if (topic.startsWith(Topics.PRINTER)) {
      String kiosk = topic.substring(Topics.PRINTER.length());
      if (actor != null && actor.role() == Actor.Role.PRINT_AGENT) {
        return agents.connected(conn, kiosk, new JsonObject().put("type", "snapshot").put("topic", topic));
      }
      // a kiosk or a manager: the printer's last known state
      return shared.read(topic, () -> commands.printerState(kiosk).map(state -> new JsonObject()
              .put("type", "snapshot").put("topic", topic).put("kiosk", kiosk).put("printer", state).encode()))
          .map(json -> {
            conn.send(json);
            return null;
          });
    }
    if (topic.startsWith(Topics.COUNTER)) {
      // the counter's own terminals: what they may see depends on who they are
      return commands.counter(topic.substring(Topics.COUNTER.length()), actor).map(d -> {
        conn.send(snapshot(topic, d));
        return null;
      });
    }
    String service = Topics.serviceOf(topic);
    if (service != null) {
      return shared.read(topic, () -> queues().map(d -> snapshot(topic, only(d, service)))).map(json -> {
        conn.send(json);
        return null;
      });
    }
    return shared.read(topic, () -> {
      Future<JsonObject> data = switch (topic) {
        case Topics.QUEUES -> queues();
        case Topics.HALL -> commands.runningText();
        case Topics.COUNTERS -> commands.publicCounters();
        default -> commands.track(topic.substring(Topics.TICKET.length()));
      };
      return data.map(d -> snapshot(topic, d));
    }).map(json -> {
      conn.send(json);
      return null;
    });
  }

  private Future<JsonObject> queues() {
    return queues.read(Topics.QUEUES, commands::queues);
  }

  /** The queues of one service out of all of them (none for a service the hall does not have). */
  static JsonObject only(JsonObject queues, String service) {
    JsonArray mine = new JsonArray();
    for (Object q : queues.getJsonArray("queues", new JsonArray())) {
      if (q instanceof JsonObject o && service.equals(o.getString("service"))) {
        mine.add(o);
      }
    }
    return queues.copy().put("queues", mine);
  }

  private static String snapshot(String topic, JsonObject data) {
    return new JsonObject().put("type", "snapshot").put("topic", topic).mergeIn(data)
        .put("type", "snapshot").put("topic", topic).encode();
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
      String service = Topics.serviceOf(topic);
      if (topic.equals(Topics.QUEUES) || topic.equals(Topics.COUNTERS) || service != null) {
        // one read of every queue for the whole and the per-service topics alike
        Future<JsonObject> data = topic.equals(Topics.COUNTERS) ? commands.publicCounters()
            : service == null ? queues() : queues().map(d -> only(d, service));
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

  /**
   * The latest calls, then the ones after {@code since} (at most {@link #MAX_REPLAY}) as replays:
   * from memory when it holds them, otherwise from the event log (one read for everyone asking
   * the same at the same moment).
   */
  private Future<Void> calls(Connection conn, String topic, String zone, Long since) {
    Optional<String> kept = recent.snapshot(topic, zone, SNAPSHOT_CALLS);
    boolean readMissed = since != null && !recent.covers(since);
    // taken now: the calls passed on from now are held back for this subscriber and follow them
    List<RecentCalls.Call> replay = since == null || readMissed ? List.of() : recent.after(since, zone, MAX_REPLAY);
    if (kept.isPresent() && !readMissed) {
      send(conn, kept.get(), replay);
      return Future.succeededFuture();
    }
    Future<String> snapshot = kept.map(Future::succeededFuture).orElseGet(() ->
        shared.read(topic, () -> commands.calls(zone, 0L, SNAPSHOT_CALLS).map(c -> new JsonObject()
            .put("type", "snapshot").put("topic", topic).put("seq", c.seq()).put("calls", c.calls()).encode())));
    Future<List<RecentCalls.Call>> missed = !readMissed ? Future.succeededFuture(replay)
        : replays.read(topic + " " + since, () -> commands.calls(zone, since, MAX_REPLAY).map(read ->
            read.calls().stream().map(c -> RecentCalls.Call.of((JsonObject) c)).toList()));
    return Future.all(snapshot, missed).map(all -> {
      send(conn, snapshot.result(), missed.result());
      return null;
    });
  }

  /**
   * The snapshot, then the replays, marked so that the same calls held back meanwhile (they came
   * live after the subscriber was registered) are not sent again. A call the snapshot lists may
   * still come live: a display shows a snapshot's calls and announces only calls sent as such.
   */
  private static void send(Connection conn, String snapshot, List<RecentCalls.Call> replay) {
    conn.send(snapshot);
    for (RecentCalls.Call c : replay) {
      conn.replayed.add(c.seq());
      conn.send(c.replay());
    }
  }
}
