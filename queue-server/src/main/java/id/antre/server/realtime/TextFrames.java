package id.antre.server.realtime;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reassembles a socket's text messages from their frames and decodes them strictly: RFC 6455
 * requires a text message to be valid UTF-8 and the endpoint to close with 1007 otherwise, where
 * the socket's own text handler would decode it lossily. Binary messages are refused with 1003.
 * A message longer than {@code maxBytes} is refused with 1009 before it is decoded.
 */
final class TextFrames implements Handler<WebSocketFrame> {
  /** What to do with a socket's messages. */
  interface Sink {
    void text(String message);

    void close(short code, String reason);
  }

  private final Sink sink;
  private final int maxBytes;
  private Buffer partial;
  private boolean binary;

  TextFrames(Sink sink, int maxBytes) {
    this.sink = sink;
    this.maxBytes = maxBytes;
  }

  @Override
  public void handle(WebSocketFrame frame) {
    if (frame.isText()) {
      partial = Buffer.buffer();
      binary = false;
    } else if (frame.isBinary()) {
      sink.close((short) 1003, "binary frames are not supported");
      partial = null;
      binary = true;
      return;
    } else if (!frame.isContinuation() || binary || partial == null) {
      return; // ping, pong, close: the socket handles them
    }
    partial.appendBuffer(frame.binaryData());
    if (partial.length() > maxBytes) {
      partial = null;
      sink.close((short) 1009, "message too big (max " + maxBytes + " bytes)");
      return;
    }
    if (frame.isFinal()) {
      Buffer message = partial;
      partial = null;
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message.getBytes())).toString();
      } catch (CharacterCodingException e) {
        sink.close((short) 1007, "text message is not valid UTF-8");
        return;
      }
      sink.text(text);
    }
  }
}
