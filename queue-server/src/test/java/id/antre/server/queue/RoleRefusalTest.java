package id.antre.server.queue;

import static id.antre.server.queue.OnFakes.DISPLAY;
import static id.antre.server.queue.OnFakes.KIOSK;
import static id.antre.server.queue.OnFakes.OFFICER;
import static id.antre.server.queue.OnFakes.OTHER_AGENCY;
import static id.antre.server.queue.OnFakes.SUPERVISOR;
import static id.antre.server.queue.OnFakes.done;
import static id.antre.server.queue.OnFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.TicketStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may do what: a refusal changes nothing and publishes nothing. */
class RoleRefusalTest {
  private final OnFakes q = new OnFakes();

  @Test
  void aDisplayMayNotIssue() {
    Issuing.IssueRequest req = new Issuing.IssueRequest("KTP", "kiosk", null, "r1", false);

    assertThat(refusal(q.app.issuing().issue(DISPLAY, req)).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(q.store.all()).isEmpty();
    assertThat(q.events.all()).isEmpty();
  }

  @Test
  void anOfficerMayNotActAtAnotherAgencysCounter() {
    q.store.open("1", "budi");
    q.issue("KTP", null, null);
    q.events.clear();

    assertThat(refusal(q.app.counterActions().callNext(OTHER_AGENCY, "1", "c1")).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(q.app.counterAdmin().close(OTHER_AGENCY, "1")).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(q.store.all().get(0).status()).isEqualTo(TicketStatus.WAITING);
    assertThat(done(q.store.counter("1")).state()).isEqualTo("OPEN");
    assertThat(q.events.all()).isEmpty();
  }

  @Test
  void onlyASupervisorChangesTheServicesACounterCalls() {
    assertThat(refusal(q.app.counterAdmin().setServices(OFFICER, "1", List.of("AKTA"), Map.of())).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(done(q.store.counter("1")).servicesOverride()).isNull();

    CounterView v = done(q.app.counterAdmin().setServices(SUPERVISOR, "1", List.of("AKTA", "KTP"), Map.of()));
    assertThat(v.row().effective(v.counter()).services()).containsExactly("AKTA", "KTP");
  }

  @Test
  void aSupervisorMayNotGiveACounterAnotherAgencysService() {
    assertThat(refusal(q.app.counterAdmin().setServices(SUPERVISOR, "1", List.of("SKCK"), Map.of())).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void aKioskSeesNoCounters() {
    assertThat(refusal(q.app.counterAdmin().counters(KIOSK)).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(done(q.app.counterAdmin().counters(OFFICER))).extracting(v -> v.counter().id())
        .containsExactly("1", "2");
  }

  @Test
  void aBusyCounterCannotBeClosed() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "c1"));

    assertThat(refusal(q.app.counterAdmin().close(OFFICER, "1")).code()).isEqualTo(ErrorCode.COUNTER_BUSY);
    assertThat(done(q.store.counter("1")).state()).isEqualTo("OPEN");
  }

  @Test
  void aCalledTicketCannotBeFinishedBeforeItIsServed() {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "c1"));

    assertThat(refusal(q.app.counterActions().finish(OFFICER, "1", null, "f1")).code())
        .isEqualTo(ErrorCode.INVALID_TRANSITION);
    assertThat(q.store.all().get(0).status()).isEqualTo(TicketStatus.CALLED);
  }
}
