package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import id.antre.server.bus.Addresses;
import id.antre.server.domain.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print agents' side of the gateway: one agent connection per kiosk in the whole cluster
 * (the newest, see {@link AgentClaims}), its reports (print results, printer status), what it
 * gets when it (re)connects, and its printer going offline when it leaves.
 */
final class AgentChannel {
  private static final Logger LOG = LoggerFactory.getLogger(AgentChannel.class);

  private final Vertx vertx;
  private final GatewayCommands commands;
  private final FanOut<Connection> fanOut;
  /** The newest agent connection known for each kiosk, on any node: the one that prints. */
  private final AgentClaims claims = new AgentClaims();

  AgentChannel(Vertx vertx, GatewayCommands commands, FanOut<Connection> fanOut) {
    this.vertx = vertx;
    this.commands = commands;
    this.fanOut = fanOut;
  }

  /**
   * A subscription granted: a print agent subscribing to its own kiosk's printer becomes the
   * kiosk's agent connection; older ones anywhere are closed.
   */
  void subscribing(Connection conn, List<String> topics) {
    if (conn.actor != null && conn.actor.role() == Actor.Role.PRINT_AGENT && conn.agentClaim == null
        && topics.contains(Topics.PRINTER + conn.actor.kiosk())) {
      conn.agentClaim = claims.next(conn.actor.kiosk());
      JsonObject claim = conn.agentClaim.json(conn.actor.kiosk());
      heard(claim);
      vertx.eventBus().publish(Addresses.PRINT_AGENTS, claim);
    }
  }

  /**
   * A print agent subscribed somewhere in the cluster. Every node keeps the newest connection per
   * kiosk (by subscription time, then id, so all nodes agree) and closes its own older ones,
   * telling them why; only the newest receives print jobs.
   */
  void heard(JsonObject m) {
    String kiosk = m.getString("kiosk");
    AgentClaims.Claim claim = AgentClaims.Claim.of(m);
    if (!claims.heard(kiosk, claim)) {
      return;
    }
    for (Connection c : fanOut.subscribersOf(Topics.PRINTER + kiosk)) {
      if (c.agentClaim != null && c.agentClaim.compareTo(claim) < 0) {
        LOG.warn("print agent connection of {} replaced by a newer one; closing the older", kiosk);
        c.close(Connection.REPLACED, "replaced: another print agent connection took over kiosk " + kiosk);
      }
    }
  }

  /** The snapshot of a (re)connected agent: its printer is reported online, then every job still open is sent. */
  Future<Void> connected(Connection conn, String kiosk, JsonObject head) {
    conn.send(head.put("kiosk", kiosk).encode());
    return commands.printerStatus(conn.actor, "ONLINE", "agent connected", claimKey(conn))
        .compose(v -> commands.pendingPrintJobs(kiosk))
        .map(jobs -> {
          for (Object job : jobs) {
            conn.send(((JsonObject) job).put("kiosk", kiosk).encode());
          }
          return null;
        });
  }

  /** A print result: {@code job} (its number), {@code status} printed or failed, {@code reason} if failed. */
  void printResult(Connection conn, JsonObject msg) {
    if (!isAgent(conn)) {
      return;
    }
    Object status = msg.getValue("status");
    if (!(msg.getValue("job") instanceof Number job) || !("printed".equals(status) || "failed".equals(status))) {
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "a print result needs job (its number) and status printed or failed");
      return;
    }
    if (!isTextOrAbsent(msg.getValue("reason"))) {
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "reason must be text");
      return;
    }
    acknowledge(conn, "print-result",
        commands.printResult(conn.actor, job.longValue(), "printed".equals(status), msg.getString("reason")));
  }

  /** A printer status: {@code status} (text) and an optional {@code detail}. */
  void printerStatus(Connection conn, JsonObject msg) {
    if (!isAgent(conn)) {
      return;
    }
    if (!(msg.getValue("status") instanceof String status)) {
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "status must be text");
      return;
    }
    if (!isTextOrAbsent(msg.getValue("detail"))) {
      WsErrors.send(conn, ErrorCode.INVALID_REQUEST, "detail must be text");
      return;
    }
    acknowledge(conn, "printer-status", commands.printerStatus(conn.actor, status, msg.getString("detail"), claimKey(conn)));
  }

  /**
   * An agent's socket closed. A replaced connection says nothing about the printer; the kiosk's
   * current one may be gone for good, unless a newer one has reported to the database meanwhile
   * (checked there): a reconnect often arrives before the old socket's close.
   */
  void closed(Connection conn) {
    if (conn.agentClaim != null && claims.isNewest(conn.actor.kiosk(), conn.agentClaim)) {
      claims.forget(conn.actor.kiosk(), conn.agentClaim);
      commands.printerAgentGone(conn.actor, conn.agentClaim.key());
    }
  }

  private static boolean isAgent(Connection conn) {
    if (conn.actor == null || conn.actor.role() != Actor.Role.PRINT_AGENT) {
      WsErrors.send(conn, ErrorCode.FORBIDDEN, "subscribe to printer:<kiosk> with a print agent's token first");
      return false;
    }
    return true;
  }

  private static boolean isTextOrAbsent(Object value) {
    return value == null || value instanceof String;
  }

  private static String claimKey(Connection conn) {
    return conn.agentClaim == null ? null : conn.agentClaim.key();
  }

  /** The stored outcome goes back as an {@code ack} for the report. */
  private static void acknowledge(Connection conn, String report, Future<JsonObject> stored) {
    stored.onSuccess(r -> conn.send(r.copy().put("type", "ack").put("for", report).encode()))
        .onFailure(e -> WsErrors.send(conn, e));
  }
}
