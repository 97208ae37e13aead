package id.antre.server.realtime;

import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A message encoded once for every socket it goes to. A fan-out hands the same String to
 * thousands of connections, and {@code writeTextMessage} encodes it to UTF-8 again for each: at
 * 5,000 subscribers that was the largest allocation of the fan-out, and the young collections it
 * brought paused the event loops in the middle of it. Here the bytes of the last message are kept
 * and every socket gets a frame of its own over them (a frame's buffer has its own indexes and is
 * only read as it is written, so the bytes are shared safely).
 *
 * <p>{@code WebSocketFrameImpl} is Vert.x's own class: its public factory for text frames takes a
 * String and encodes it, which is what this avoids; {@code writeTextMessage} builds its frames the
 * same way. Used on the gateway's event loop; a call from another thread encodes for itself.
 */
final class SharedText {
  /** Larger messages are written with {@code writeTextMessage}, which splits them into frames. */
  static final int MAX_FRAME = 64 * 1024;

  private final Thread owner;
  private String last;
  private byte[] bytes;

  SharedText(Thread owner) {
    this.owner = owner;
  }

  /** A text frame of the message, or null when it is too large for one frame. */
  WebSocketFrame frame(String json) {
    byte[] utf8;
    if (Thread.currentThread() != owner) {
      utf8 = json.getBytes(StandardCharsets.UTF_8);
    } else {
      // the same instance, handed to every subscriber of one event: compared by identity
      if (json != last) {
        last = json;
        bytes = json.getBytes(StandardCharsets.UTF_8);
      }
      utf8 = bytes;
    }
    return utf8.length > MAX_FRAME ? null : new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true);
  }
}
