package id.antre.server.realtime;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.view.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's {@code error} messages, through the one mapping of failures ({@link Problems}). */
final class WsErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WsErrors.class);

  private WsErrors() {
  }

  static void send(Connection conn, ErrorCode code, String detail) {
    conn.send(Problems.frame(code, detail));
  }

  static void send(Connection conn, Throwable err) {
    QueueException q = Problems.of(err);
    if (q.code() == ErrorCode.INTERNAL) {
      LOG.warn("websocket request failed", err);
    }
    send(conn, q.code(), q.getMessage());
  }
}
