package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The idle check closes silent clients, but not for a pause of the node itself. */
class IdleAfterPauseTest {
  final GatewayOptions options = new GatewayOptions(1024, 1_000, 4_000, List.of());
  final Protocol protocol = new Protocol(null, null, options, null, null, null, null, null, null);

  @Test
  void aClientSilentPastTheLimitIsClosed() {
    FanOutTest.FakeSocket socket = new FanOutTest.FakeSocket();
    Connection c = new Connection(socket, System.currentTimeMillis() - 10_000);
    protocol.heartbeat(List.of(c));
    assertThat(socket.closedWith).isEqualTo((short) 1001);
  }

  @Test
  void theNodesOwnPauseDoesNotCount() {
    FanOutTest.FakeSocket socket = new FanOutTest.FakeSocket();
    // last heard 1 s before the node stood still for 9 s
    Connection c = new Connection(socket, System.currentTimeMillis() - 10_000);
    protocol.pausedFor(9_000, List.of(c));
    protocol.heartbeat(List.of(c));
    assertThat(socket.closedWith).isNull();
    assertThat(socket.written).as("it got its heartbeat").hasSize(1);
  }

  @Test
  void aPauseNeverPutsTheLastHeardTimeInTheFuture() {
    Connection c = new Connection(new FanOutTest.FakeSocket(), System.currentTimeMillis());
    protocol.pausedFor(60_000, List.of(c));
    assertThat(c.lastSeen).isLessThanOrEqualTo(System.currentTimeMillis());
  }
}
