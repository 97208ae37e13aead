package id.antre.server.queue;

import id.antre.server.auth.Actor;
import id.antre.server.domain.Availability;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What kiosks, displays and managers see of the whole hall. */
public interface HallOverview {

  /** A service as the kiosk and the managers see it now. */
  record ServiceStatus(Hall.Service service, Availability.Decision availability, int quotaLeft, int waiting,
      Instant oldestWaiting, List<String> openCounters) {
  }

  /** A call as the event log has it: the ticket (as it is now), where and when it was called. */
  record Call(long seq, boolean recall, Instant at, String counterId, Ticket ticket) {
  }

  /** Calls after a position of the event log, and the latest position. */
  record Calls(long latestSeq, List<Call> calls) {
  }

  Hall hall();

  LocalDate today();

  Instant now();

  Future<List<ServiceStatus>> services();

  /** Every counter in configuration order, the order every page lists them in. */
  Future<List<CounterView>> counters();

  /** The running text the displays show: the managers' if they set one, else the configuration's. */
  Future<String> runningText();

  /** Managers set the running text; an empty text restores the configuration's. */
  Future<String> runningText(Actor actor, String text);

  /** Calls after {@code afterSeq} (all zones when zone is null), at most {@code limit}, oldest first. */
  Future<Calls> callsAfter(long afterSeq, String zone, int limit);

  /** The positions of the calls after {@code afterSeq} (all zones), at most {@code limit}, the latest. */
  Future<List<Long>> callSeqsAfter(long afterSeq, int limit);

  /** The calls at these positions, oldest first. */
  Future<List<Call>> callsAt(List<Long> seqs);
}
