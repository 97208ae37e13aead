package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One WebSocket client. Writes never wait: when the outgoing queue is full the client is too
 * slow, and it is closed with {@link #RESYNC} so that it reconnects and resumes from the log.
 * Live events that arrive while a snapshot is read are held and sent after it.
 */
final class Connection implements Subscriber {
  /** Close code: you fell behind; reconnect and subscribe with {@code since}. */
  static final short RESYNC = 4001;
  /** Close code: the sign-in or device token of this connection was revoked, or the sign-in expired. */
  static final short REVOKED = 4401;
  /** Close code: a newer connection of this kiosk's print agent took over; do not fight back at once. */
  static final short REPLACED = 4409;
  /** Close code: no subscription was accepted in time after the upgrade. */
  static final short NO_SUBSCRIPTION = 4408;
  /** Close code: the request was not understood. */
  static final short BAD_REQUEST = 4400;

  /** The little of a WebSocket a connection uses; tests use a fake one. */
  interface Socket {
    boolean isClosed();

    boolean writeQueueFull();

    void writeText(String json);

    void ping();

    void close(short code, String reason);

    /** A socket whose messages are encoded once for all sockets sharing {@code text}. */
    static Socket of(ServerWebSocket ws, SharedText text) {
      return new Socket() {
        @Override
        public boolean isClosed() {
          return ws.isClosed();
        }

        @Override
        public boolean writeQueueFull() {
          return ws.writeQueueFull();
        }

        @Override
        public void writeText(String json) {
          WebSocketFrame frame = text.frame(json);
          if (frame == null) {
            ws.writeTextMessage(json);
          } else {
            ws.writeFrame(frame);
          }
        }

        @Override
        public void ping() {
          ws.writePing(Buffer.buffer("hb"));
        }

        @Override
        public void close(short code, String reason) {
          ws.close(code, reason);
        }
      };
    }
  }

  private final Socket ws;
  /** Who signed in with the subscription's token, if anyone. */
  Actor actor;
  /** The token that actor signed in with, to notice its revocation; never logged. */
  String token;
  /** Set while this connection is (or was) its kiosk's print agent. */
  AgentClaims.Claim agentClaim;
  /** Whether a subscription was accepted; until then the socket is closed after the subscribe deadline. */
  boolean subscribed;
  long subscribeDeadline = -1;
  /** A counter terminal's id (one per browser tab), for the second-tab warning. */
  String terminal;
  final Set<String> topics = new HashSet<>();
  /** Live events that arrive while a snapshot is being read; sent after it. */
  private List<String> held;
  private List<Long> heldSeqs;
  long lastSeen;
  boolean closed;
  /** Calls sent by a snapshot's replay, so the same calls held back meanwhile are not sent twice. */
  final Set<Long> replayed = new HashSet<>();

  Connection(Socket ws, long now) {
    this.ws = ws;
    this.lastSeen = now;
  }

  void holdLiveEvents() {
    if (held == null) {
      held = new ArrayList<>();
      heldSeqs = new ArrayList<>();
    }
  }

  /** Forgets what arrived during a snapshot that failed, when nothing else is subscribed. */
  void dropLiveEvents() {
    held = null;
    heldSeqs = null;
    replayed.clear();
  }

  /** Sends what arrived during the snapshot, skipping calls the snapshot already replayed. */
  void releaseLiveEvents() {
    List<String> events = held;
    List<Long> seqs = heldSeqs;
    held = null;
    heldSeqs = null;
    if (events != null) {
      for (int i = 0; i < events.size(); i++) {
        if (!replayed.contains(seqs.get(i))) {
          send(events.get(i));
        }
      }
    }
    replayed.clear();
  }

  @Override
  public String terminal() {
    return terminal;
  }

  @Override
  public boolean printAgent() {
    return agentClaim != null;
  }

  @Override
  public void deliver(String json, long callSeq) {
    if (closed) {
      return;
    }
    if (held != null) {
      held.add(json);
      heldSeqs.add(callSeq);
      return;
    }
    send(json);
  }

  void send(String json) {
    if (closed || ws.isClosed()) {
      // the socket closed before its close handler ran
      return;
    }
    if (ws.writeQueueFull()) {
      close(RESYNC, "slow consumer: resync");
      return;
    }
    ws.writeText(json);
  }

  void ping() {
    if (!closed) {
      ws.ping();
    }
  }

  void close(short code, String reason) {
    if (!closed) {
      closed = true;
      ws.close(code, reason);
    }
  }
}
