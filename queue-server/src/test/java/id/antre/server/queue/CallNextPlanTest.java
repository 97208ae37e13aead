package id.antre.server.queue;

import static id.antre.server.queue.OnFakes.OFFICER;
import static id.antre.server.queue.OnFakes.done;
import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.Ticket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call-next plans from the node's recent view of the counter; when the stored priority streak
 * or the counter's services moved since (a call or a reassignment made through another node),
 * the claim finds it out of date, and the call is planned once more from the stored counter.
 */
class CallNextPlanTest {
  /** One priority call in a row at most, then a regular visitor. */
  private final OnFakes q = new OnFakes(1, true);

  @Test
  void withAnUpToDateViewPriorityGoesFirstInOneClaim() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.issue("KTP", null, null);
    Ticket elderly = q.issue("KTP", "lansia", null);

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "c1")).orElseThrow();

    assertThat(called.id()).isEqualTo(elderly.id());
    assertThat(q.store.claims()).isEqualTo(1);
    assertThat(done(q.store.counter("1")).priorityStreak()).isEqualTo(1);
  }

  @Test
  void aStreakChangedSincePlanningIsPlannedAgainOnceAndClaimedByTheNewPlan() {
    done(q.app.counterAdmin().open(OFFICER, "1")); // the node now holds a view with streak 0
    Ticket regular = q.issue("KTP", null, null);
    q.issue("KTP", "lansia", null);
    q.store.setPriorityStreak("1", 1); // a priority call made through another node
    q.events.clear();

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "c1")).orElseThrow();

    assertThat(called.id()).as("the cap of one priority in a row is reached: a regular visitor")
        .isEqualTo(regular.id());
    assertThat(q.store.claims()).as("the stale plan, then the new one").isEqualTo(2);
    assertThat(done(q.store.counter("1")).priorityStreak()).isZero();
    assertThat(q.events.starting("call")).containsExactly("call A001 at 1");
    assertThat(q.store.eventCount("CALL")).isEqualTo(1);
  }

  @Test
  void aReassignmentThroughAnotherNodeIsPlannedAgainOnceAndCallsOnlyFromTheNewServices() {
    done(q.app.counterAdmin().open(OFFICER, "1")); // the node now holds a view: counter 1 serves KTP
    q.issue("KTP", null, null);
    Ticket akta = q.issue("AKTA", null, null);
    // a supervisor moves counter 1 to AKTA through another node: this node's view is still recent
    done(q.store.setServices("1", List.of("AKTA"), null, OnFakes.MONDAY_10, "wati"));
    q.events.clear();

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "c1")).orElseThrow();

    assertThat(called.id()).as("only the new service is called").isEqualTo(akta.id());
    assertThat(q.store.claims()).as("the stale plan, then the new one").isEqualTo(2);
    assertThat(q.events.starting("call")).containsExactly("call C001 at 1");
    assertThat(q.store.eventCount("CALL")).isEqualTo(1);
  }

  @Test
  void aReassignmentThroughThisNodeNeedsNoSecondClaim() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.issue("KTP", null, null);
    Ticket akta = q.issue("AKTA", null, null);
    done(q.app.counterAdmin().setServices(OnFakes.SUPERVISOR, "1", List.of("AKTA"), Map.of()));

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "c1")).orElseThrow();

    assertThat(called.id()).isEqualTo(akta.id());
    assertThat(q.store.claims()).isEqualTo(1);
  }

  @Test
  void aViewOlderThanTheCacheIsReadAfreshAndNeedsNoSecondClaim() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    Ticket regular = q.issue("KTP", null, null);
    q.issue("KTP", "lansia", null);
    q.store.setPriorityStreak("1", 1);
    q.nanos.addAndGet(CounterLookup.PLAN_CACHE_MILLIS * 1_000_000);

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "c1")).orElseThrow();

    assertThat(called.id()).isEqualTo(regular.id());
    assertThat(q.store.claims()).isEqualTo(1);
  }

  @Test
  void nobodyWaitingAnswersEmptyAndPublishesNothing() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.events.clear();

    assertThat(done(q.app.counterActions().callNext(OFFICER, "1", "c1"))).isEmpty();
    assertThat(q.events.all()).isEmpty();
  }
}
