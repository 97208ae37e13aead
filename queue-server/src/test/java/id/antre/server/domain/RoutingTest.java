package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.Hall.Counter;
import id.antre.server.domain.Hall.RoutingRules;
import id.antre.server.domain.Routing.CallPlan;
import id.antre.server.domain.Routing.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private static final Instant EIGHT = Instant.parse("2026-11-30T01:00:00Z"); // 08:00 WIB
  private static final RoutingRules RULES = new RoutingRules(3, true, 2);

  private static Counter inOrder(String... services) {
    return new Counter("1", "Loket 1", "DUKCAPIL", "lantai-1", List.of(services), Map.of());
  }

  private static Counter weighted(Map<String, Integer> weights, String... services) {
    return new Counter("2", "Loket 2", "DUKCAPIL", "lantai-1", List.of(services), weights);
  }

  private static Candidate regular(long id, String service, int minute) {
    return new Candidate(id, service, false, false, EIGHT.plusSeconds(60L * minute));
  }

  private static Candidate priority(long id, String service, int minute) {
    return new Candidate(id, service, true, false, EIGHT.plusSeconds(60L * minute));
  }

  private static Candidate transferred(long id, String service, int minute) {
    return new Candidate(id, service, false, true, EIGHT.plusSeconds(60L * minute));
  }

  private static Optional<Long> chosen(Counter counter, RoutingRules rules, int streak, List<Candidate> waiting) {
    return Routing.choose(waiting, Routing.plan(counter, rules, streak, Map.of())).map(Candidate::id);
  }

  @Test
  void inOrderModeTheFirstServiceIsCalledFirstEvenWhenTheSecondWaitedLonger() {
    List<Candidate> waiting = List.of(regular(1, "KK", 0), regular(2, "KTP", 30));

    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, waiting)).contains(2L);
  }

  @Test
  void inOrderModeTheCounterFallsToTheSecondServiceWhenTheFirstIsEmpty() {
    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, List.of(regular(1, "KK", 0)))).contains(1L);
  }

  @Test
  void nobodyWaitingMeansNoTicket() {
    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, List.of())).isEmpty();
  }

  @Test
  void inOrderModeThePlanKeepsTheConfiguredOrderWhateverWasServed() {
    CallPlan plan = Routing.plan(inOrder("KTP", "KK", "AKTA"), RULES, 0, Map.of("KTP", 50, "KK", 0));

    assertThat(plan.services()).containsExactly("KTP", "KK", "AKTA");
  }

  @Test
  void inWeightedModeTheServiceFurthestBelowItsShareComesFirst() {
    Counter counter = weighted(Map.of("KTP", 3, "KK", 1), "KTP", "KK");

    assertThat(Routing.plan(counter, RULES, 0, Map.of()).services())
        .as("a tie keeps the configured order").containsExactly("KTP", "KK");
    assertThat(Routing.plan(counter, RULES, 0, Map.of("KTP", 6, "KK", 1)).services()).containsExactly("KK", "KTP");
    assertThat(Routing.plan(counter, RULES, 0, Map.of("KTP", 2, "KK", 1)).services()).containsExactly("KTP", "KK");
  }

  @Test
  void inWeightedModeTheCounterCallsThreeToOneOverALongRunWithBothQueuesFull() {
    Counter counter = weighted(Map.of("KTP", 3, "KK", 1), "KTP", "KK");
    Map<String, Integer> served = new HashMap<>();
    List<String> calls = new ArrayList<>();
    long nextId = 1;
    Candidate ktp = regular(nextId++, "KTP", 0);
    Candidate kk = regular(nextId++, "KK", 0);

    for (int i = 0; i < 400; i++) {
      CallPlan plan = Routing.plan(counter, RULES, 0, served);
      Candidate next = Routing.choose(List.of(ktp, kk), plan).orElseThrow();
      calls.add(next.service());
      served.merge(next.service(), 1, Integer::sum);
      // both queues stay non-empty: whoever was called is replaced by the next visitor of that service
      if (next == ktp) {
        ktp = regular(nextId++, "KTP", i + 1);
      } else {
        kk = regular(nextId++, "KK", i + 1);
      }
    }

    assertThat(served.get("KTP") / (double) served.get("KK")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(String.join(",", calls)).as("calls interleave instead of running in blocks")
        .doesNotContain("KTP,KTP,KTP,KTP").doesNotContain("KK,KK");
  }

  @Test
  void inWeightedModeAnEmptyQueueDoesNotStopTheCounterFromCallingTheOther() {
    Counter counter = weighted(Map.of("KTP", 3, "KK", 1), "KTP", "KK");

    // KK is far below its share, but nobody waits for it
    assertThat(Routing.choose(List.of(regular(1, "KTP", 0)),
        Routing.plan(counter, RULES, 0, Map.of("KTP", 30, "KK", 0)))).map(Candidate::id).contains(1L);
  }

  @Test
  void aPriorityVisitorIsCalledBeforeRegularVisitorsWhoWaitedLonger() {
    List<Candidate> waiting = List.of(regular(1, "KTP", 0), regular(2, "KTP", 5), priority(3, "KTP", 20));

    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, waiting)).contains(3L);
  }

  @Test
  void aPriorityVisitorGoesFirstAcrossAllTheCountersServices() {
    List<Candidate> waiting = List.of(regular(1, "KTP", 0), priority(2, "KK", 20));

    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, waiting)).contains(2L);
  }

  @Test
  void afterTheCapOfPriorityCallsInARowARegularVisitorGoesFirst() {
    List<Candidate> waiting = new ArrayList<>(List.of(regular(1, "KTP", 0),
        priority(11, "KTP", 1), priority(12, "KTP", 2), priority(13, "KTP", 3), priority(14, "KTP", 4),
        priority(15, "KTP", 5)));
    Counter counter = inOrder("KTP");
    List<Long> calls = new ArrayList<>();
    int streak = 0;

    while (!waiting.isEmpty()) {
      Candidate next = Routing.choose(waiting, Routing.plan(counter, RULES, streak, Map.of())).orElseThrow();
      calls.add(next.id());
      waiting.remove(next);
      streak = Routing.nextStreak(streak, next.priority());
    }

    assertThat(calls).containsExactly(11L, 12L, 13L, 1L, 14L, 15L);
  }

  @Test
  void thePlanPutsPriorityFirstOnlyWhileTheStreakIsBelowTheCap() {
    Counter counter = inOrder("KTP");

    assertThat(Routing.plan(counter, RULES, 0, Map.of()).priorityFirst()).isTrue();
    assertThat(Routing.plan(counter, RULES, 2, Map.of()).priorityFirst()).isTrue();
    assertThat(Routing.plan(counter, RULES, 3, Map.of()).priorityFirst()).isFalse();
    assertThat(Routing.plan(counter, RULES, 4, Map.of()).priorityFirst()).isFalse();
  }

  @Test
  void theStreakCountsPriorityCallsAndARegularCallResetsIt() {
    assertThat(Routing.nextStreak(0, true)).isEqualTo(1);
    assertThat(Routing.nextStreak(2, true)).isEqualTo(3);
    assertThat(Routing.nextStreak(3, false)).isZero();
    assertThat(Routing.nextStreak(0, false)).isZero();
  }

  @Test
  void onceTheCapIsReachedARegularVisitorGoesFirstEvenIfAPriorityVisitorWaitedLonger() {
    // the cap exists so regular visitors are not starved: at the cap one of them is called next
    List<Candidate> waiting = List.of(priority(11, "KTP", 1), regular(1, "KTP", 10));

    assertThat(chosen(inOrder("KTP"), RULES, 3, waiting)).contains(1L);
  }

  @Test
  void atTheCapAPriorityVisitorIsStillCalledWhenNoRegularVisitorWaits() {
    List<Candidate> waiting = List.of(priority(11, "KTP", 1), priority(12, "KTP", 5));

    assertThat(chosen(inOrder("KTP"), RULES, 3, waiting)).contains(11L);
  }

  @Test
  void aPriorityCapOfZeroMeansPriorityVisitorsAlwaysGoFirst() {
    RoutingRules noCap = new RoutingRules(0, true, 2);
    List<Candidate> waiting = List.of(regular(1, "KTP", 0), priority(2, "KTP", 30));

    assertThat(Routing.plan(inOrder("KTP"), noCap, 1_000, Map.of()).priorityFirst()).isTrue();
    assertThat(chosen(inOrder("KTP"), noCap, 1_000, waiting)).contains(2L);
  }

  @Test
  void whenTheHallSaysSoATransferredVisitorGoesBeforePriorityAndLongerWaits() {
    List<Candidate> waiting = List.of(regular(1, "KTP", 0), priority(2, "KTP", 1), transferred(3, "KK", 40));

    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, waiting)).contains(3L);
  }

  @Test
  void whenTheHallDoesNotPutTransfersFirstATransferredVisitorQueuesLikeAnyOther() {
    RoutingRules noTransfersFirst = new RoutingRules(3, false, 2);
    Counter counter = inOrder("KTP");

    assertThat(Routing.plan(counter, noTransfersFirst, 0, Map.of()).transfersFirst()).isFalse();
    assertThat(chosen(counter, noTransfersFirst, 0, List.of(transferred(3, "KTP", 40), regular(1, "KTP", 0))))
        .contains(1L);
    assertThat(chosen(counter, noTransfersFirst, 0, List.of(transferred(3, "KTP", 0), regular(1, "KTP", 40))))
        .as("its kept issue time still counts").contains(3L);
  }

  @Test
  void withinAServiceTheLongestWaitGoesFirst() {
    List<Candidate> waiting = List.of(regular(1, "KTP", 7), regular(2, "KTP", 3), regular(3, "KTP", 5));

    assertThat(chosen(inOrder("KTP"), RULES, 0, waiting)).contains(2L);
  }

  @Test
  void ticketsIssuedAtTheSameMomentGoInIdOrder() {
    List<Candidate> waiting = List.of(regular(9, "KTP", 3), regular(4, "KTP", 3), regular(7, "KTP", 3));

    assertThat(chosen(inOrder("KTP"), RULES, 0, waiting)).contains(4L);
  }

  @Test
  void ticketsOfServicesTheCounterDoesNotServeAreNeverChosen() {
    List<Candidate> others = List.of(transferred(1, "AKTA", 0), priority(2, "SKCK", 0), regular(3, "PINDAH", 0));

    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, others)).isEmpty();
    List<Candidate> mixed = new ArrayList<>(others);
    mixed.add(regular(4, "KK", 90));
    assertThat(chosen(inOrder("KTP", "KK"), RULES, 0, mixed)).contains(4L);
  }

  @Test
  void theOrderIsTransfersThenPriorityThenServiceThenWaitThenId() {
    CallPlan plan = Routing.plan(inOrder("KTP", "KK"), RULES, 0, Map.of());
    List<Candidate> waiting = new ArrayList<>(List.of(
        regular(1, "KK", 0), regular(2, "KTP", 9), regular(3, "KTP", 4), regular(4, "KTP", 4),
        priority(5, "KK", 8), priority(6, "KTP", 9), transferred(7, "KK", 20)));

    waiting.sort(Routing.order(plan));

    assertThat(waiting).extracting(Candidate::id).containsExactly(7L, 6L, 5L, 3L, 4L, 2L, 1L);
  }
}
