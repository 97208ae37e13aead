package id.antre.server.queue;

import static id.antre.server.queue.OnFakes.OFFICER;
import static id.antre.server.queue.OnFakes.done;
import static id.antre.server.queue.OnFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.ErrorCode;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.TicketStatus;
import org.junit.jupiter.api.Test;

/** Transfers: the visitor keeps their number and waits in the target service, first when configured. */
class TransferTest {

  /** Issues an AKTA ticket, then a KTP one, which counter 1 calls and starts serving. */
  private static Ticket serving(OnFakes q) {
    done(q.app.counterAdmin().open(OFFICER, "1"));
    done(q.app.counterAdmin().open(OFFICER, "2"));
    q.issue("AKTA", null, null);
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "call-1"));
    return done(q.app.counterActions().start(OFFICER, "1", "start-1"));
  }

  @Test
  void theTransferredTicketKeepsItsNumberAndGoesFirstAtTheTargetsCounter() {
    OnFakes q = new OnFakes(3, true);
    Ticket served = serving(q);
    q.events.clear();

    Ticket moved = done(q.app.counterActions().transfer(OFFICER, "1", "AKTA", "bawa KK", "move-1", false));

    assertThat(moved.number()).isEqualTo(served.number()).isEqualTo("A001");
    assertThat(moved.service()).isEqualTo("AKTA");
    assertThat(moved.status()).isEqualTo(TicketStatus.WAITING);
    assertThat(moved.trackingToken()).isEqualTo(served.trackingToken());
    assertThat(done(q.store.ticketById(served.id())).orElseThrow().status()).isEqualTo(TicketStatus.DONE);
    assertThat(done(q.store.counter("1")).current()).isNull();
    assertThat(q.events.all()).containsExactly("ticket TRANSFER A001 AKTA WAITING", "queue KTP", "queue AKTA",
        "counter 1 OPEN");

    Ticket next = done(q.app.counterActions().callNext(OFFICER, "2", "call-2")).orElseThrow();
    assertThat(next.id()).as("before C001, who waited longer").isEqualTo(moved.id());
  }

  @Test
  void withoutTransfersFirstTheLongerWaitGoesFirst() {
    OnFakes q = new OnFakes(3, false);
    serving(q);
    done(q.app.counterActions().transfer(OFFICER, "1", "AKTA", null, "move-1", false));

    assertThat(done(q.app.counterActions().callNext(OFFICER, "2", "call-2")).orElseThrow().number())
        .isEqualTo("C001");
  }

  @Test
  void aTransferToAServiceClosedTodayIsRefusedUnlessConfirmed() {
    OnFakes q = new OnFakes();
    Ticket served = serving(q);
    q.events.clear();

    assertThat(refusal(q.app.counterActions().transfer(OFFICER, "1", "PAS", null, "move-1", false)).code())
        .isEqualTo(ErrorCode.SERVICE_CLOSED);
    assertThat(done(q.store.ticketById(served.id())).orElseThrow().status()).isEqualTo(TicketStatus.SERVING);
    assertThat(q.events.all()).isEmpty();

    Ticket moved = done(q.app.counterActions().transfer(OFFICER, "1", "PAS", null, "move-1", true));
    assertThat(moved.service()).isEqualTo("PAS");
    assertThat(moved.number()).isEqualTo("A001");
  }

  @Test
  void aRepeatedTransferAnswersWithTheFirstAndMovesNothingAgain() {
    OnFakes q = new OnFakes();
    serving(q);
    Ticket moved = done(q.app.counterActions().transfer(OFFICER, "1", "AKTA", null, "move-1", false));
    q.events.clear();

    Ticket again = done(q.app.counterActions().transfer(OFFICER, "1", "AKTA", null, "move-1", false));

    assertThat(again.trackingToken()).isEqualTo(moved.trackingToken());
    assertThat(q.store.all()).hasSize(3);
    assertThat(q.events.all()).isEmpty();
  }

  @Test
  void aTicketThatIsOnlyCalledCannotBeTransferred() {
    OnFakes q = new OnFakes();
    done(q.app.counterAdmin().open(OFFICER, "1"));
    q.issue("KTP", null, null);
    done(q.app.counterActions().callNext(OFFICER, "1", "call-1"));

    assertThat(refusal(q.app.counterActions().transfer(OFFICER, "1", "AKTA", null, "move-1", false)).code())
        .isEqualTo(ErrorCode.INVALID_TRANSITION);
  }
}
