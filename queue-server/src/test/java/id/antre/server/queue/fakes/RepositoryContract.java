package id.antre.server.queue.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import id.antre.server.queue.CounterRepository;
import id.antre.server.queue.TicketRepository;
import id.antre.server.queue.TicketRepository.IssueRequest;
import id.antre.server.queue.TicketRepository.IssueResult;
import id.antre.server.queue.TicketRepository.TransitionRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the application services rely on from the repositories, checked the same way against
 * PostgreSQL ({@code it.TicketStoreContractIT}) and the in-memory fake ({@code InMemoryTicketsTest}),
 * so the services' unit tests on the fake stand for the real thing. The hall is
 * {@code halls/small.yaml}: counter 1 serves KTP, KK and AKTA; SKCK's daily quota is 3.
 */
public abstract class RepositoryContract {
  protected static final LocalDate DAY = LocalDate.of(2026, 11, 30);
  protected static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
  private static final List<String> SERVICES = List.of("KTP", "KK", "AKTA");

  /** Both repositories over one store, as in the server. */
  public record Repos(TicketRepository tickets, CounterRepository counters) {
  }

  /** A fresh store of the small hall, every counter CLOSED. */
  protected abstract Repos fresh();

  protected abstract <T> T await(Future<T> f);

  protected abstract Throwable failure(Future<?> f);

  private Optional<IssueResult> issue(Repos r, String service, int quota, String requestId) {
    return await(r.tickets().issue(new IssueRequest(service, DAY, quota, "E", null, "kiosk",
        UUID.randomUUID().toString(), requestId, AT, 5, null)));
  }

  private Ticket waiting(Repos r) {
    return issue(r, "KTP", 5000, null).orElseThrow().ticket();
  }

  private Optional<CounterSnapshot> callNext(Repos r, int plannedStreak, String requestId) {
    return callNext(r, new CounterSnapshot.PlannedFrom(plannedStreak, null, null), requestId);
  }

  private Optional<CounterSnapshot> callNext(Repos r, CounterSnapshot.PlannedFrom from, String requestId) {
    return await(r.counters().callNext("1", DAY, from.services() == null ? SERVICES : from.services(), true, true,
        from, "budi", AT, requestId));
  }

  private void open(Repos r) {
    await(r.counters().setCounterState("1", "OPEN", null, "budi", AT, "OPEN", false));
  }

  @Test
  void aRepeatedIssueAnswersWithTheFirstTicketAndTheQuotaHolds() {
    Repos r = fresh();
    Ticket first = issue(r, "SKCK", 3, "r1").orElseThrow().ticket();

    assertThat(issue(r, "SKCK", 3, "r1").orElseThrow().ticket().id()).isEqualTo(first.id());
    assertThat(issue(r, "SKCK", 3, "r2").orElseThrow().ticket().numberInDay()).isEqualTo(2);
    assertThat(issue(r, "SKCK", 3, "r3").orElseThrow().ticket().numberInDay()).isEqualTo(3);
    assertThat(issue(r, "SKCK", 3, "r4")).as("the quota of 3 is used up").isEmpty();
    assertThat(await(r.tickets().issuedByRequest("r1")).orElseThrow().ticket().id()).isEqualTo(first.id());
    assertThat(await(r.tickets().issuedByRequest("r4"))).isEmpty();
  }

  @Test
  void aClaimNeedsAnOpenFreeCounterOnThePlannedStreak() {
    Repos r = fresh();
    Ticket t = waiting(r);

    assertThat(callNext(r, 0, "c0")).as("closed").isEmpty();
    open(r);
    assertThat(callNext(r, 1, "c1")).as("planned from another streak").isEmpty();
    CounterSnapshot called = callNext(r, 0, "c2").orElseThrow();
    assertThat(called.current().id()).isEqualTo(t.id());
    assertThat(called.current().status()).isEqualTo(TicketStatus.CALLED);
    assertThat(called.priorityStreak()).isZero();
    waiting(r);
    assertThat(callNext(r, 0, "c3")).as("busy with the first").isEmpty();
    assertThat(await(r.counters().counter("1")).currentTicketId()).isEqualTo(t.id());
  }

  @Test
  void aClaimNeedsTheServicesAndWeightsItWasPlannedFrom() {
    Repos r = fresh();
    Ticket t = waiting(r);
    open(r);
    await(r.counters().setServices("1", List.of("KTP", "AKTA"), Map.of("KTP", 3, "AKTA", 1), AT, "sri"));

    assertThat(callNext(r, 0, "c0")).as("planned from the configured services").isEmpty();
    assertThat(callNext(r, new CounterSnapshot.PlannedFrom(0, List.of("AKTA", "KTP"), Map.of("KTP", 3, "AKTA", 1)),
        "c1")).as("planned from another order").isEmpty();
    assertThat(callNext(r, new CounterSnapshot.PlannedFrom(0, List.of("KTP", "AKTA"), Map.of("KTP", 1, "AKTA", 1)),
        "c2")).as("planned from other weights").isEmpty();
    CounterSnapshot stored = await(r.counters().counter("1"));
    assertThat(stored.plannedFrom()).isEqualTo(
        new CounterSnapshot.PlannedFrom(0, List.of("KTP", "AKTA"), Map.of("KTP", 3, "AKTA", 1)));
    CounterSnapshot called = callNext(r, stored.plannedFrom(), "c3").orElseThrow();
    assertThat(called.current().id()).isEqualTo(t.id());
    assertThat(called.plannedFrom()).as("the row returned plans like the stored one")
        .isEqualTo(new CounterSnapshot.PlannedFrom(0, List.of("KTP", "AKTA"), Map.of("KTP", 3, "AKTA", 1)));

    await(r.counters().setServices("1", null, null, AT, "sri"));
    assertThat(await(r.counters().counter("1")).plannedFrom()).as("back to the configured services")
        .isEqualTo(new CounterSnapshot.PlannedFrom(0, null, null));
  }

  @Test
  void aRequestIdIsTakenOnceAndReplaysItsFirstUse() {
    Repos r = fresh();
    Ticket t = waiting(r);
    open(r);
    callNext(r, 0, "press-1").orElseThrow();

    Future<Optional<Ticket>> again = r.tickets().transition(new TransitionRequest(t.id(), TicketStatus.CALLED,
        TicketStatus.SERVING, 0, "START", AT, null, "1", "budi", "press-1", null, true));
    assertThat(r.tickets().isRequestReplay(failure(again))).isTrue();
    TicketRepository.Replay replay = await(r.tickets().replay("press-1")).orElseThrow();
    assertThat(replay.eventType()).isEqualTo("CALL");
    assertThat(replay.counterId()).isEqualTo("1");
    assertThat(replay.ticket().status()).as("the start did not happen").isEqualTo(TicketStatus.CALLED);
  }

  @Test
  void aTransitionIsGuardedByTheStatusAndTheCounterHoldingTheTicket() {
    Repos r = fresh();
    Ticket t = waiting(r);
    open(r);
    callNext(r, 0, null).orElseThrow();

    assertThat(await(r.tickets().transition(new TransitionRequest(t.id(), TicketStatus.SERVING, TicketStatus.DONE,
        0, "FINISH", AT, "selesai", "1", "budi", null, null, false)))).as("not serving yet").isEmpty();
    assertThat(await(r.tickets().transition(new TransitionRequest(t.id(), TicketStatus.CALLED, TicketStatus.SERVING,
        0, "START", AT, null, "2", "budi", null, null, true)))).as("another counter's ticket").isEmpty();
    Ticket serving = await(r.tickets().transition(new TransitionRequest(t.id(), TicketStatus.CALLED,
        TicketStatus.SERVING, 0, "START", AT, null, "1", "budi", null, null, true))).orElseThrow();
    assertThat(serving.status()).isEqualTo(TicketStatus.SERVING);
    Ticket done = await(r.tickets().transition(new TransitionRequest(t.id(), TicketStatus.SERVING, TicketStatus.DONE,
        0, "FINISH", AT, "selesai", "1", "budi", null, null, false))).orElseThrow();
    assertThat(done.status()).isEqualTo(TicketStatus.DONE);
    assertThat(await(r.counters().counter("1")).current()).as("the counter is free again").isNull();
  }
}
