package id.antre.server.realtime;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.QueueException;
import id.antre.server.persistence.PgErrors;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's one mapping of failures to {@code error} messages: a stable code and a detail. */
final class WsErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WsErrors.class);

  private WsErrors() {
  }

  static void send(Connection conn, ErrorCode code, String detail) {
    conn.send(new JsonObject().put("type", "error").put("code", code.name()).put("detail", detail).encode());
  }

  static void send(Connection conn, Throwable err) {
    if (err instanceof QueueException q) {
      send(conn, q.code(), q.getMessage());
    } else if (err instanceof ReplyException r && r.failureCode() > 0) {
      send(conn, ErrorCode.ofBusCode(r.failureCode()), r.getMessage());
    } else if (err instanceof ReplyException) {
      send(conn, ErrorCode.UNAVAILABLE, PgErrors.UNAVAILABLE_DETAIL); // no answer within the deadline
    } else if (PgErrors.classify(err).<Throwable>map(e -> e).orElse(null) instanceof QueueException q) {
      send(conn, q.code(), q.getMessage());
    } else {
      LOG.warn("websocket request failed", err);
      send(conn, ErrorCode.INTERNAL, "internal error");
    }
  }
}
