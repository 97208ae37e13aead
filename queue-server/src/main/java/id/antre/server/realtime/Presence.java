package id.antre.server.realtime;

import id.antre.server.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Collection;

/**
 * Counter terminals tell each other that one joined, is still there ({@code here}) or left, so an
 * officer notices a second tab on the same counter. Published cluster-wide; {@link FanOut#presence}
 * delivers it to the counter's other terminals.
 */
final class Presence {
  private final Vertx vertx;

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
            .put("user", conn.actor == null ? null : conn.actor.name()).put("action", action));
      }
    }
  }
}
