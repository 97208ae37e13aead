package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.time.LocalTime;
import java.util.Optional;

/** Taking a ticket, following it on a phone, giving it back. */
public interface Issuing {

  /** What the visitor asks for at a kiosk, on the web or at a counter. */
  record IssueRequest(String service, String channel, String priority, String requestId, boolean print) {
    public IssueRequest {
      channel = channel == null ? "kiosk" : channel;
    }
  }

  /** An issued ticket with what the visitor is told. */
  record Issued(Ticket ticket, int ahead, int estimatedWaitMinutes, Long printJob) {
  }

  /**
   * What a visitor of a service is told besides the queue: where its counters are, how many are
   * open, and, when none is, from when service starts today (if it starts later today). Without
   * an open counter no estimate is given: nobody can say when one will open.
   */
  record Outlook(String where, int countersOpen, Optional<LocalTime> servingFrom) {
    public boolean serving() {
      return countersOpen > 0;
    }
  }

  /** What the visitor's phone shows. */
  record Tracking(Ticket ticket, int ahead, int estimatedWaitMinutes, Optional<Hall.Counter> counter) {
  }

  Future<Issued> issue(Actor actor, IssueRequest request);

  Future<Tracking> track(String token);

  Future<Ticket> cancel(String token);

  Outlook outlook(String serviceCode);
}
