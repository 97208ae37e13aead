package id.antre.server.domain;

import static id.antre.server.domain.TicketAction.CALL;
import static id.antre.server.domain.TicketAction.HOLD;
import static id.antre.server.domain.TicketAction.RECALL;
import static id.antre.server.domain.TicketAction.RESUME;
import static id.antre.server.domain.TicketAction.START;
import static id.antre.server.domain.TicketStatus.CALLED;
import static id.antre.server.domain.TicketStatus.HELD;
import static id.antre.server.domain.TicketStatus.NO_SHOW;
import static id.antre.server.domain.TicketStatus.SERVING;
import static id.antre.server.domain.TicketStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

  /**
   * The lifecycle of DESIGN.md as a table: row = status now, column = action, cell = status after,
   * "-" = refused with INVALID_TRANSITION. RECALL is shown below its limit; the limit has its own tests.
   */
  private static final String TABLE = """
                 ISSUE  CALL    RECALL  START    FINISH  NO_SHOW  TRANSFER  HOLD  RESUME   CANCEL     EXPIRE
      WAITING    -      CALLED  -       -        -       -        -         HELD  -        CANCELLED  EXPIRED
      CALLED     -      -       CALLED  SERVING  -       NO_SHOW  -         HELD  -        -          EXPIRED
      SERVING    -      -       -       -        DONE    -        DONE      HELD  -        -          EXPIRED
      DONE       -      -       -       -        -       -        -         -     -        -          -
      NO_SHOW    -      -       -       -        -       -        -         -     -        -          -
      HELD       -      -       -       -        -       -        -         -     WAITING  -          EXPIRED
      CANCELLED  -      -       -       -        -       -        -         -     -        -          -
      EXPIRED    -      -       -       -        -       -        -         -     -        -          -
      """;

  private static final int RECALL_LIMIT = 2;

  static Stream<Arguments> everyStatusAndAction() {
    List<String> lines = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<TicketAction> actions = Arrays.stream(lines.get(0).split("\\s+")).map(TicketAction::valueOf).toList();
    List<Arguments> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      TicketStatus from = TicketStatus.valueOf(cells[0]);
      for (int i = 0; i < actions.size(); i++) {
        String cell = cells[i + 1];
        out.add(Arguments.of(from, actions.get(i), cell.equals("-") ? null : TicketStatus.valueOf(cell)));
      }
    }
    return out.stream();
  }

  @Test
  void theTableCoversEveryStatusAndEveryAction() {
    List<Arguments> pairs = everyStatusAndAction().toList();

    assertThat(pairs).hasSize(TicketStatus.values().length * TicketAction.values().length);
    assertThat(pairs.stream().map(a -> a.get()[0]).distinct()).containsExactlyInAnyOrder((Object[]) TicketStatus.values());
    assertThat(pairs.stream().map(a -> a.get()[1]).distinct()).containsExactlyInAnyOrder((Object[]) TicketAction.values());
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("everyStatusAndAction")
  void eachActionLeadsExactlyWhereTheLifecycleSaysOrIsRefused(TicketStatus from, TicketAction action,
      TicketStatus expected) {
    if (expected == null) {
      QueueException e = catchThrowableOfType(QueueException.class,
          () -> Lifecycle.apply(from, action, 0, RECALL_LIMIT));
      assertThat(e).as("%s --%s--> refused", from, action).isNotNull();
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
      assertThat(e.getMessage()).contains(from.name());
      assertThat(Lifecycle.allowed(from, action)).isFalse();
    } else {
      Lifecycle.Transition t = Lifecycle.apply(from, action, 0, RECALL_LIMIT);
      assertThat(t.from()).isEqualTo(from);
      assertThat(t.action()).isEqualTo(action);
      assertThat(t.to()).isEqualTo(expected);
      assertThat(Lifecycle.allowed(from, action)).isTrue();
    }
  }

  @Test
  void callingAWaitingTicketMakesItCalled() {
    assertThat(Lifecycle.apply(WAITING, CALL, 0, RECALL_LIMIT).to()).isEqualTo(CALLED);
  }

  @Test
  void eachRecallBelowTheLimitKeepsTheTicketCalledAndCountsTheRecall() {
    Lifecycle.Transition first = Lifecycle.apply(CALLED, RECALL, 0, RECALL_LIMIT);
    Lifecycle.Transition second = Lifecycle.apply(CALLED, RECALL, first.recallCount(), RECALL_LIMIT);

    assertThat(first.to()).isEqualTo(CALLED);
    assertThat(first.recallCount()).isEqualTo(1);
    assertThat(second.to()).isEqualTo(CALLED);
    assertThat(second.recallCount()).isEqualTo(2);
  }

  @Test
  void theRecallAfterTheLimitMarksTheTicketNoShow() {
    Lifecycle.Transition third = Lifecycle.apply(CALLED, RECALL, RECALL_LIMIT, RECALL_LIMIT);

    assertThat(third.to()).isEqualTo(NO_SHOW);
    assertThat(third.action()).isEqualTo(RECALL);
    assertThat(third.recallCount()).isEqualTo(RECALL_LIMIT + 1);
  }

  @Test
  void withARecallLimitOfZeroTheFirstRecallMarksTheTicketNoShow() {
    assertThat(Lifecycle.apply(CALLED, RECALL, 0, 0).to()).isEqualTo(NO_SHOW);
  }

  @Test
  void callingAndResumingStartTheRecallCountAfresh() {
    assertThat(Lifecycle.apply(WAITING, CALL, 5, RECALL_LIMIT).recallCount()).isZero();
    assertThat(Lifecycle.apply(HELD, RESUME, 2, RECALL_LIMIT).recallCount()).isZero();
  }

  @Test
  void otherActionsKeepTheRecallCount() {
    assertThat(Lifecycle.apply(CALLED, START, 2, RECALL_LIMIT).recallCount()).isEqualTo(2);
    assertThat(Lifecycle.apply(SERVING, HOLD, 1, RECALL_LIMIT).recallCount()).isEqualTo(1);
  }

  @Test
  void aRecallOfATicketThatIsNotCalledIsRefusedWhateverTheCount() {
    assertThatThrownBy(() -> Lifecycle.apply(SERVING, RECALL, 99, RECALL_LIMIT))
        .isInstanceOfSatisfying(QueueException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
  }

  @Test
  void finalStatusesAreExactlyDoneNoShowCancelledAndExpired() {
    assertThat(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isFinal))
        .containsExactlyInAnyOrder(TicketStatus.DONE, NO_SHOW, TicketStatus.CANCELLED, TicketStatus.EXPIRED);
    for (TicketStatus s : TicketStatus.values()) {
      if (s.isFinal()) {
        assertThat(TicketAction.values()).as("%s accepts nothing", s)
            .noneMatch(a -> Lifecycle.allowed(s, a));
      }
    }
  }

  @ParameterizedTest(name = "{0} --{1}-> {2}")
  @MethodSource("everyStatusAndAction")
  void fromAndToSayWhatTheTableSays(TicketStatus from, TicketAction action, TicketStatus to) {
    assertThat(Lifecycle.from(action).contains(from)).isEqualTo(to != null);
    if (to != null) {
      assertThat(Lifecycle.to(action)).isEqualTo(to); // one target per action, whatever the start
    }
  }

  @Test
  void issuingAndEveryWayBackIntoTheQueueLeadToTheQueuedStatus() {
    assertThat(Lifecycle.from(TicketAction.ISSUE)).isEmpty();
    assertThat(Lifecycle.to(TicketAction.ISSUE)).isEqualTo(Lifecycle.QUEUED).isEqualTo(WAITING);
    assertThat(Lifecycle.to(RESUME)).isEqualTo(Lifecycle.QUEUED);
  }
}
