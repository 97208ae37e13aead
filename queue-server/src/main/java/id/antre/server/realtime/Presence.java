package id.antre.server.realtime;

import id.antre.server.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counter terminals tell each other that one joined, is still there ({@code here}) or left, so an
 * officer notices a second tab on the same counter. Published cluster-wide; {@link FanOut#presence}
 * delivers it to the counter's other terminals.
 *
 * <p>A terminal on a node that died, hangs or is split off never says that it left. So every
 * gateway repeats {@code here} for its own terminals with each heartbeat, and remembers when it
 * last heard each terminal of another gateway: one not heard for {@link #EXPIRY_BEATS} heartbeats
 * leaves, for the terminals here, as if it had said so. When its node comes back, its next
 * {@code here} brings it back. Runs on the gateway's event loop.
 */
final class Presence {
  /** Heartbeats without news after which another gateway's terminal counts as gone. */
  static final int EXPIRY_BEATS = 3;

  /** What this gateway last heard of a terminal of another gateway. */
  record Seen(String counter, String terminal, String user, long at) {
  }

  private final Vertx vertx;
  /** This gateway, in its presence events, so that it knows its own. */
  private final String node = UUID.randomUUID().toString();
  /** counter + " " + terminal -> last heard, for terminals of other gateways. */
  private final Map<String, Seen> others = new HashMap<>();

  Presence(Vertx vertx) {
    this.vertx = vertx;
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
            .put("user", conn.actor == null ? null : conn.actor.name()).put("action", action).put("node", node));
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
            now));
      }
    }
    JsonObject out = event.copy();
    out.remove("node");
    return out;
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
      gone.add(new JsonObject().put("counter", s.counter()).put("terminal", s.terminal()).put("user", s.user())
          .put("action", "leave"));
      return true;
    });
    return gone;
  }

  /** After this node's own pause, what it heard before counts as just heard (the others could not speak meanwhile). */
  void pausedFor(long millis) {
    others.replaceAll((k, s) -> new Seen(s.counter(), s.terminal(), s.user(), s.at() + millis));
  }
}
