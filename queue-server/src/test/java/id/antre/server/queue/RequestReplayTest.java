package id.antre.server.queue;

import static id.antre.server.queue.OnFakes.KIOSK;
import static id.antre.server.queue.OnFakes.OFFICER;
import static id.antre.server.queue.OnFakes.done;
import static id.antre.server.queue.OnFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import org.junit.jupiter.api.Test;

/** A request repeated with its request id answers with the first result and publishes nothing again. */
class RequestReplayTest {
  private final OnFakes q = new OnFakes();

  @Test
  void aRepeatedIssueAnswersWithTheFirstTicketAndPublishesOnce() {
    Ticket first = q.issue("KTP", null, "kiosk-req-1");
    Ticket again = q.issue("KTP", null, "kiosk-req-1");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.number()).isEqualTo("A001");
    assertThat(q.store.all()).hasSize(1);
    assertThat(q.events.all()).containsExactly("ticket ISSUE A001 KTP WAITING", "queue KTP");
  }

  @Test
  void aRepeatedIssueGetsItsTicketEvenAfterTheQuotaRanOut() {
    Ticket first = q.issue("AKTA", null, "akta-1");
    q.issue("AKTA", null, "akta-2");

    Issuing.IssueRequest third = new Issuing.IssueRequest("AKTA", "kiosk", null, "akta-3", false);
    assertThat(refusal(q.app.issuing().issue(KIOSK, third)).code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
    assertThat(q.issue("AKTA", null, "akta-1").id()).as("the quota of 2 is used up, the first ticket stands")
        .isEqualTo(first.id());
    assertThat(q.store.all()).hasSize(2);
  }

  @Test
  void aRequestIdOfAnotherServiceIsRefused() {
    q.issue("KTP", null, "kiosk-req-1");

    Issuing.IssueRequest other = new Issuing.IssueRequest("AKTA", "kiosk", null, "kiosk-req-1", false);
    assertThat(refusal(q.app.issuing().issue(KIOSK, other)).code()).isEqualTo(ErrorCode.REQUEST_ID_REUSED);
  }

  @Test
  void aRepeatedCallNextAnswersWithTheCalledTicketAndPublishesOnce() {
    q.store.open("1", "budi");
    Ticket a1 = q.issue("KTP", null, null);
    q.issue("KTP", null, null);
    q.events.clear();

    Ticket called = done(q.app.counterActions().callNext(OFFICER, "1", "press-1")).orElseThrow();
    Ticket again = done(q.app.counterActions().callNext(OFFICER, "1", "press-1")).orElseThrow();

    assertThat(called.id()).isEqualTo(a1.id());
    assertThat(again.id()).isEqualTo(a1.id());
    assertThat(q.store.eventCount("CALL")).isEqualTo(1);
    assertThat(q.events.starting("call")).containsExactly("call A001 at 1");
    assertThat(q.events.starting("ticket")).containsExactly("ticket CALL A001 KTP CALLED");
  }

  @Test
  void aRepeatedFinishAnswersWithTheFinishedTicketAndPublishesOnce() {
    q.store.open("1", "budi");
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "call-1"));
    done(q.app.counterActions().start(OFFICER, "1", "start-1"));
    q.events.clear();

    Ticket done = done(q.app.counterActions().finish(OFFICER, "1", null, "finish-1"));
    Ticket again = done(q.app.counterActions().finish(OFFICER, "1", null, "finish-1"));

    assertThat(done.status()).isEqualTo(TicketStatus.DONE);
    assertThat(again.id()).isEqualTo(done.id());
    assertThat(again.status()).isEqualTo(TicketStatus.DONE);
    assertThat(q.store.eventCount("FINISH")).isEqualTo(1);
    assertThat(q.events.all()).containsExactly("ticket FINISH A001 KTP DONE", "counter 1 OPEN");
  }

  @Test
  void aRequestIdUsedForAnotherPressIsRefused() {
    q.store.open("1", "budi");
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "press-1"));

    assertThat(refusal(q.app.counterActions().start(OFFICER, "1", "press-1")).code())
        .isEqualTo(ErrorCode.REQUEST_ID_REUSED);
    assertThat(q.store.all().get(0).status()).isEqualTo(TicketStatus.CALLED);
  }
}
