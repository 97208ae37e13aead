package id.antre.server.realtime;

import id.antre.server.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Counter terminals tell each other that one joined, is still there ({@code here}) or left, so an
 * officer notices a second tab on the same counter. Published cluster-wide; {@link FanOut#presence}
 * delivers it to the counter's other terminals.
 *
 * <p>A terminal on a node that died, hangs or is split off never says that it left. Each event
 * names the cluster member it comes from, so when a member leaves this node's view of the cluster
 * (Hazelcast dropped it: killed, stopped or split off), its terminals leave at once, for the
 * terminals here, as if they had said so ({@link #membersLeft}). As a safety net for what the
 * membership does not show (a gateway that stopped talking on a member still seen), every
 * gateway repeats {@code here} for its own terminals with each heartbeat, and remembers when it
 * last heard each terminal of another gateway: one not heard for {@link #EXPIRY_BEATS}
 * heartbeats leaves too. When its node comes back, its next {@code here} brings it back. Runs on
 * the gateway's event loop.
 */
final class Presence {
  /** Heartbeats without news after which another gateway's terminal counts as gone. */
  static final int EXPIRY_BEATS = 3;

  /** What this gateway last heard of a terminal of another gateway, on cluster member {@code member}. */
  record Seen(String counter, String terminal, String user, String member, long at) {
    Seen at(long t) {
      return new Seen(counter, terminal, user, member, t);
    }

    JsonObject leave() {
      return new JsonObject().put("counter", counter).put("terminal", terminal).put("user", user)
          .put("action", "leave");
    }
  }

  private final Vertx vertx;
  /** This gateway, in its presence events, so that it knows its own. */
  private final String node = UUID.randomUUID().toString();
  /** The cluster member this gateway runs on now (empty on a single node). */
  private final Supplier<String> member;
  /** counter + " " + terminal -> last heard, for terminals of other gateways. */
  private final Map<String, Seen> others = new HashMap<>();

  Presence(Vertx vertx, Supplier<String> member) {
    this.vertx = vertx;
    this.member = member;
  }

  /** This gateway's id in its presence events. */
  String node() {
    return node;
  }

  /** @param action join, here or leave */
  void announce(Connection conn, Collection<String> topics, String action) {
    if (conn.terminal == null) {
      return;
    }
    for (String topic : topics) {
      if (topic.startsWith(Topics.COUNTER)) {
        vertx.eventBus().publish(Addresses.PRESENCE, new JsonObject()
            .put("counter", topic.substring(Topics.COUNTER.length())).put("terminal", conn.terminal)
            .put("user", conn.actor == null ? null : conn.actor.name()).put("action", action).put("node", node)
            .put("member", member.get()));
      }
    }
  }

  /** Each heartbeat: this gateway's terminals are still here. */
  void refresh(Collection<Connection> connections) {
    for (Connection c : connections) {
      if (!c.closed && c.subscribed) {
        announce(c, c.topics, "here");
      }
    }
  }

  /**
   * A presence event from any gateway: remembered when it is another's, then passed on.
   *
   * @return the event for the counter's terminals here (without the gateway it came from)
   */
  JsonObject heard(JsonObject event, long now) {
    String from = event.getString("node");
    String key = event.getString("counter") + " " + event.getString("terminal");
    if (from != null && !from.equals(node)) {
      if ("leave".equals(event.getString("action"))) {
        others.remove(key);
      } else {
        others.put(key, new Seen(event.getString("counter"), event.getString("terminal"), event.getString("user"),
            event.getString("member", ""), now));
      }
    } else if (from != null) {
      // the terminal is on this gateway now (it reconnected here): no longer another's to expire
      others.remove(key);
    }
    JsonObject out = event.copy();
    out.remove("node");
    out.remove("member");
    return out;
  }

  /**
   * Cluster members this node no longer sees: their terminals are forgotten at once, and
   * returned as the leave events the terminals here should get.
   */
  List<JsonObject> membersLeft(Set<String> gone) {
    List<JsonObject> left = new ArrayList<>();
    others.values().removeIf(s -> {
      if (s.member().isEmpty() || !gone.contains(s.member())) {
        return false;
      }
      left.add(s.leave());
      return true;
    });
    return left;
  }

  /**
   * The terminals of other gateways not heard since {@code silentMillis}: forgotten, and returned
   * as the leave events the terminals here should get.
   */
  List<JsonObject> expire(long now, long silentMillis) {
    List<JsonObject> gone = new ArrayList<>();
    others.values().removeIf(s -> {
      if (now - s.at() <= silentMillis) {
        return false;
      }
      gone.add(s.leave());
      return true;
    });
    return gone;
  }

  /** After this node's own pause, what it heard before counts as just heard (the others could not speak meanwhile). */
  void pausedFor(long millis) {
    others.replaceAll((k, s) -> s.at(s.at() + millis));
  }
}
