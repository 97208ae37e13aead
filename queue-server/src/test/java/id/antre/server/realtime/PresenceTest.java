package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Terminals of other gateways are remembered while they keep saying they are here, and leave when they stop. */
class PresenceTest {
  final Presence presence = new Presence(null);

  static JsonObject event(String terminal, String action) {
    return new JsonObject().put("counter", "1").put("terminal", terminal).put("user", "petugas")
        .put("action", action).put("node", "other-node");
  }

  @Test
  void aTerminalOfASilentGatewayLeaves() {
    JsonObject passed = presence.heard(event("tab-b", "join"), 0);
    assertThat(passed.containsKey("node")).as("the gateway it came from is not passed on").isFalse();
    assertThat(presence.expire(2_000, 3_000)).isEmpty();
    presence.heard(event("tab-b", "here"), 2_500);
    assertThat(presence.expire(5_000, 3_000)).isEmpty();
    assertThat(presence.expire(5_600, 3_000)).singleElement().satisfies(leave -> {
      assertThat(leave.getString("terminal")).isEqualTo("tab-b");
      assertThat(leave.getString("counter")).isEqualTo("1");
      assertThat(leave.getString("action")).isEqualTo("leave");
    });
    assertThat(presence.expire(9_000, 3_000)).as("it leaves once").isEmpty();
  }

  @Test
  void aTerminalThatSaidItLeftIsForgotten() {
    presence.heard(event("tab-b", "join"), 0);
    presence.heard(event("tab-b", "leave"), 100);
    assertThat(presence.expire(10_000, 3_000)).isEmpty();
  }

  @Test
  void thisNodesOwnPauseDoesNotExpireTheOthers() {
    presence.heard(event("tab-b", "here"), 0);
    presence.pausedFor(8_000);
    assertThat(presence.expire(9_000, 3_000)).isEmpty();
  }
}
