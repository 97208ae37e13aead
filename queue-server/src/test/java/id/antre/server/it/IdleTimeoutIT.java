package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.lanes.CoreLane;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silent and half-sent connections are closed; a socket that never subscribes is closed; a listener stays. */
@CoreLane
class IdleTimeoutIT {
  static final Duration IDLE = Duration.ofSeconds(2);
  static final Duration WAIT = Duration.ofSeconds(20);

  static HallFixture fixture;
  static AntreServer node;

  @BeforeAll
  static void start() {
    fixture = HallFixture.builder().realClock().httpIdle(IDLE)
        .gateway(new GatewayOptions(256 * 1024, 400, 60_000, List.of(), 1_000)).start();
    node = fixture.hall.server;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Reads until the server closes the connection; fails if it is still open after the wait. */
  static void readUntilClosed(Socket s) throws Exception {
    s.setSoTimeout((int) WAIT.toMillis());
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    while (in.read(buf) >= 0) {
      // a half-sent request may get an error answer first; the close is what counts
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
      readUntilClosed(s);
    }
  }

  @Test
  void aHalfSentRequestIsClosed() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
      s.getOutputStream().write(("POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"serv").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      readUntilClosed(s);
    }
  }

  @Test
  void aWebSocketThatNeverSubscribesIsClosedWithItsOwnCode() throws Exception {
    try (WsClient ws = new WsClient(node.port())) {
      assertThat(ws.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4408);
    }
  }

  @Test
  void aSubscribedListenerStaysOpenWellPastTheIdleTimeout() {
    try (WsClient ws = new WsClient(node.port())) {
      ws.subscribe(null, "calls");
      ws.next("snapshot");
      long first = ws.next("heartbeat").getLong("at");
      // heartbeats keep coming for three idle timeouts: the connection was never closed meanwhile
      ws.next(m -> "heartbeat".equals(m.getString("type")) && m.getLong("at") - first > 3 * IDLE.toMillis(), WAIT);
      ws.send(new JsonObject().put("type", "ping"));
      ws.next("pong");
      assertThat(ws.closed).isNotDone();
    }
  }
}
