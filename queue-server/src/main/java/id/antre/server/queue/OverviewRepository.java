package id.antre.server.queue;

import id.antre.server.domain.Ticket;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the hall's overview and the estimates read: queues, issued counts, service times, open
 * counters, calls, and the running text. Implemented by {@code persistence.TicketStore}; the
 * unit tests use an in-memory one.
 */
public interface OverviewRepository {

  /** Waiting count and oldest issue time per service. */
  record QueueRow(String service, int waiting, Instant oldest) {
  }

  /** A call as the event log has it: the ticket (as it is now), where and when it was called. */
  record CallRow(long seq, boolean recall, Instant at, String counterId, Ticket ticket) {
  }

  /** Recent mean service minutes and sample count per service. */
  record ServiceTime(double meanMinutes, int samples) {
  }

  Future<Map<String, QueueRow>> queues(LocalDate day);

  /** Waiting count and oldest issue time of some services (the others are left out). */
  Future<Map<String, QueueRow>> queues(LocalDate day, Collection<String> services);

  Future<Map<String, Integer>> issuedToday(LocalDate day);

  Future<Map<String, ServiceTime>> recentServiceTimes(LocalDate day);

  Future<List<String>> openCounters();

  /** Calls after {@code afterSeq}; when more than {@code limit}, the latest {@code limit}. */
  Future<List<CallRow>> callsAfter(long afterSeq, String zone, int limit);

  /** The positions of the calls after {@code afterSeq}; when more than {@code limit}, the latest. */
  Future<List<Long>> callSeqsAfter(long afterSeq, int limit);

  /** The calls at these positions, oldest first. */
  Future<List<CallRow>> callsAt(List<Long> seqs);

  Future<Long> latestCallSeq();

  /** The managers' running text, or null when the configuration's applies. */
  Future<String> runningText();

  Future<Void> runningText(String text);
}
