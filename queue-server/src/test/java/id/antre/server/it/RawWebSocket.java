package id.antre.server.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A hand-made WebSocket client over a plain socket, for what a polite client cannot do: never
 * read, send an oversized frame, or send any Origin header.
 */
public final class RawWebSocket implements AutoCloseable {
  final Socket socket;
  final InputStream in;
  final OutputStream out;
  final String statusLine;

  RawWebSocket(int port, String origin, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(30_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    String req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
    out.write(req.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    statusLine = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
  }

  boolean upgraded() {
    return statusLine.contains(" 101 ");
  }

  /** Sends one masked text frame, as clients must. */
  void sendText(String text) throws IOException {
    sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the next text frame's payload (the server sends small unfragmented frames). */
  String readText() throws IOException {
    DataInputStream d = new DataInputStream(in);
    while (true) {
      int b0 = d.readUnsignedByte();
      byte[] payload = readPayload(d);
      if ((b0 & 0x0f) == 1) {
        return new String(payload, StandardCharsets.UTF_8);
      }
    }
  }

  /** Reads one frame's length and payload, after its first byte (the server's frames are unmasked). */
  public static byte[] readPayload(DataInputStream d) throws IOException {
    int b1 = d.readUnsignedByte();
    long len = b1 & 0x7f;
    if (len == 126) {
      len = d.readUnsignedShort();
    } else if (len == 127) {
      len = d.readLong();
    }
    byte[] payload = new byte[(int) len];
    d.readFully(payload);
    return payload;
  }

  /** Sends one masked frame as given: {@code first} is the FIN bit and opcode byte, the payload is sent as is. */
  void sendFrame(int first, byte[] payload) throws IOException {
    writeFrame(out, first, payload);
  }

  /**
   * Writes one client frame, masked as clients must: {@code first} is the FIN bit and opcode
   * byte, the payload goes as it is (any length, valid UTF-8 or not).
   */
  public static void writeFrame(OutputStream out, int first, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(first);
    if (payload.length < 126) {
      f.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      f.write(0x80 | 126);
      f.write(payload.length >> 8);
      f.write(payload.length & 0xff);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) payload.length >> (8 * i)) & 0xff);
      }
    }
    byte[] mask = {7, 3, 9, 1};
    f.write(mask);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ mask[i % 4]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  /** Reads frames until a close frame and returns its code, or -1 at end of stream. */
  int readUntilClose() throws IOException {
    DataInputStream d = new DataInputStream(in);
    while (true) {
      int b0 = d.read();
      if (b0 < 0) {
        return -1;
      }
      byte[] payload = readPayload(d);
      if ((b0 & 0x0f) == 8) {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
