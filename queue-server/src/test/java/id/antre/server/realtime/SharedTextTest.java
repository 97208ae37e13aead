package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocketFrame;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One encoding per message for all sockets, and each socket a frame of its own that reads the whole message. */
class SharedTextTest {
  final SharedText text = new SharedText(Thread.currentThread());

  @Test
  void everySocketGetsAFrameOfItsOwnWithTheWholeMessage() {
    String call = "{\"type\":\"call\",\"seq\":12,\"counterName\":\"Loket 3\",\"announcement\":{\"text\":\"Nomor antrean A012\"}}";
    WebSocketFrame first = text.frame(call);
    WebSocketFrame second = text.frame(call);
    assertThat(first).isNotSameAs(second);
    assertThat(first.isText()).isTrue();
    assertThat(first.isFinal()).isTrue();
    // writing a frame reads its buffer through; the other frame's is left whole
    io.netty.buffer.ByteBuf written = ((io.vertx.core.http.impl.ws.WebSocketFrameImpl) first).getBinaryData();
    written.skipBytes(written.readableBytes());
    assertThat(second.textData()).isEqualTo(call);
    assertThat(text.frame(call).textData()).isEqualTo(call);
    assertThat(text.frame("{\"type\":\"heartbeat\",\"seq\":12}").textData()).isEqualTo("{\"type\":\"heartbeat\",\"seq\":12}");
    assertThat(text.frame(call).textData()).isEqualTo(call);
  }

  @Test
  void aMessageLargerThanOneFrameIsLeftToTheSocketToSplit() {
    assertThat(text.frame("x".repeat(SharedText.MAX_FRAME + 1))).isNull();
    assertThat(text.frame("\u00e9".repeat(SharedText.MAX_FRAME / 2 + 1))).as("counted in UTF-8 bytes").isNull();
  }

  @Test
  void anotherThreadEncodesForItself() throws Exception {
    String mine = "{\"type\":\"call\",\"seq\":1}";
    text.frame(mine);
    CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> text.frame("{\"type\":\"pong\"}").textData());
    assertThat(other.get()).isEqualTo("{\"type\":\"pong\"}");
    assertThat(text.frame(mine).textData()).isEqualTo(mine);
  }
}
