package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Terminals of other gateways are remembered while they keep saying they are here, and leave when
 * they stop, or at once when their cluster member leaves.
 */
class PresenceTest {
  final Presence presence = new Presence(null, () -> "member-a");

  static JsonObject event(String terminal, String action) {
    return event(terminal, action, "member-b");
  }

  static JsonObject event(String terminal, String action, String member) {
    return new JsonObject().put("counter", "1").put("terminal", terminal).put("user", "petugas")
        .put("action", action).put("node", "other-node").put("member", member);
  }

  @Test
  void theTerminalsOfAMemberThatLeftLeaveAtOnce() {
    JsonObject passed = presence.heard(event("tab-b", "join", "member-b"), 0);
    assertThat(passed.containsKey("member")).as("the member it came from is not passed on").isFalse();
    presence.heard(event("tab-c", "join", "member-c"), 0);

    assertThat(presence.membersLeft(Set.of("member-b"))).singleElement().satisfies(leave -> {
      assertThat(leave.getString("terminal")).isEqualTo("tab-b");
      assertThat(leave.getString("counter")).isEqualTo("1");
      assertThat(leave.getString("action")).isEqualTo("leave");
    });
    assertThat(presence.membersLeft(Set.of("member-b"))).as("it leaves once").isEmpty();
    assertThat(presence.expire(10_000, 3_000)).as("the other member's terminal stays until it falls silent")
        .singleElement().satisfies(leave -> assertThat(leave.getString("terminal")).isEqualTo("tab-c"));
  }

  @Test
  void aTerminalWithoutAMemberIsLeftToTheExpiry() {
    presence.heard(event("tab-b", "here", ""), 0);
    assertThat(presence.membersLeft(Set.of(""))).isEmpty();
    assertThat(presence.expire(10_000, 3_000)).hasSize(1);
  }

  @Test
  void aTerminalThatMovedToThisGatewayIsNoLongerAnothersToExpire() {
    presence.heard(event("tab-b", "join", "member-b"), 0);
    // its node died and it reconnected here: this gateway's own join
    presence.heard(event("tab-b", "join", "member-a").put("node", presence.node()), 100);

    assertThat(presence.membersLeft(Set.of("member-b"))).as("no false leave for a terminal that is here").isEmpty();
    assertThat(presence.expire(10_000, 3_000)).isEmpty();
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
