package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A heartbeat to thousands of clients does not stand between a call and its subscribers. */
class HeartbeatSlicesTest {
  final Vertx vertx = Vertx.vertx();
  final Protocol protocol = new Protocol(vertx, null, new GatewayOptions(1024, 2_000, 60_000, List.of()), null, null,
      null, null, null, null);
  /** Every heartbeat written, to any client, in order. */
  final List<String> written = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void close() {
    vertx.close().await();
  }

  Connection client() {
    return new Connection(new Connection.Socket() {
      @Override
      public boolean isClosed() {
        return false;
      }

      @Override
      public boolean writeQueueFull() {
        return false;
      }

      @Override
      public void writeText(String json) {
        written.add(json);
      }

      @Override
      public void ping() {
      }

      @Override
      public void close(short code, String reason) {
      }
    }, System.currentTimeMillis());
  }

  @Test
  void aCallPublishedDuringTheHeartbeatOfThousandsWaitsForOneSliceAtMost() throws Exception {
    List<Connection> clients = IntStream.range(0, 5_000).mapToObj(i -> client()).toList();
    CompletableFuture<Integer> beatsBeforeTheCall = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      protocol.heartbeat(clients);
      // what the event bus does with a call published now: a task on the same event loop
      vertx.runOnContext(call -> beatsBeforeTheCall.complete(written.size()));
    });
    assertThat(beatsBeforeTheCall.get(20, TimeUnit.SECONDS)).isEqualTo(Protocol.HEARTBEAT_SLICE);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (written.size() < clients.size() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(written).hasSize(clients.size()).allMatch(json -> json.startsWith("{\"type\":\"heartbeat\""));
  }

  @Test
  void aFewHundredClientsGetTheirHeartbeatAtOnce() {
    List<Connection> clients = IntStream.range(0, Protocol.HEARTBEAT_SLICE).mapToObj(i -> client()).toList();
    protocol.heartbeat(clients);
    assertThat(written).hasSize(Protocol.HEARTBEAT_SLICE);
  }
}
