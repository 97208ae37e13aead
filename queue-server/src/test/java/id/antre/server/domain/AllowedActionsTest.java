package id.antre.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.AllowedActions.Action;
import id.antre.server.domain.AllowedActions.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllowedActionsTest {

  /**
   * Every state a counter can be in (an open counter holding nothing, a called or a serving
   * ticket; a paused or closed one holding nothing) and what its terminal offers: "+" allowed,
   * otherwise the reason. This is what the terminal showed when it still decided by itself.
   */
  private static final String TABLE = """
                    CALL_NEXT          CALL_SPECIFIC      RECALL             START              FINISH             NO_SHOW            TRANSFER           HOLD               OPEN          PAUSE              CLOSE
      OPEN/-        +                  +                  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  ALREADY_OPEN  +                  +
      OPEN/CALLED   COUNTER_BUSY       COUNTER_BUSY       +                  +                  INVALID_TRANSITION +                  INVALID_TRANSITION +                  ALREADY_OPEN  COUNTER_BUSY       COUNTER_BUSY
      OPEN/SERVING  COUNTER_BUSY       COUNTER_BUSY       INVALID_TRANSITION INVALID_TRANSITION +                  INVALID_TRANSITION +                  +                  ALREADY_OPEN  COUNTER_BUSY       COUNTER_BUSY
      PAUSED/-      COUNTER_NOT_OPEN   COUNTER_NOT_OPEN   NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  +             ALREADY_PAUSED     +
      CLOSED/-      COUNTER_NOT_OPEN   COUNTER_NOT_OPEN   NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  NO_CURRENT_TICKET  +             COUNTER_NOT_OPEN   ALREADY_CLOSED
      """;

  static Stream<Arguments> everyCounterAndAction() {
    List<String> lines = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<Action> actions = Arrays.stream(lines.get(0).split("\\s+")).map(Action::valueOf).toList();
    List<Arguments> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      String[] at = cells[0].split("/");
      CounterState state = CounterState.valueOf(at[0]);
      TicketStatus current = at[1].equals("-") ? null : TicketStatus.valueOf(at[1]);
      for (int i = 0; i < actions.size(); i++) {
        out.add(Arguments.of(state, current, actions.get(i), cells[i + 1]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} holding {1}: {2} -> {3}")
  @MethodSource("everyCounterAndAction")
  void theTerminalOffersWhatTheServerAccepts(CounterState state, TicketStatus current, Action action, String expected) {
    Map<Action, Verdict> all = AllowedActions.of(state, current);
    assertThat(all).containsOnlyKeys(Action.values());
    Verdict v = all.get(action);
    if (expected.equals("+")) {
      assertThat(v.allowed()).isTrue();
      assertThat(v.reason()).isNull();
    } else {
      assertThat(v.allowed()).isFalse();
      assertThat(v.reason()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} holding {1}: {2}")
  @MethodSource("everyCounterAndAction")
  void anAllowedTicketActionIsOneTheLifecycleTakes(CounterState state, TicketStatus current, Action action,
      String expected) {
    TicketAction onTicket = switch (action) {
      case RECALL -> TicketAction.RECALL;
      case START -> TicketAction.START;
      case FINISH -> TicketAction.FINISH;
      case NO_SHOW -> TicketAction.NO_SHOW;
      case TRANSFER -> TicketAction.TRANSFER;
      case HOLD -> TicketAction.HOLD;
      default -> null;
    };
    if (onTicket != null) {
      assertThat(AllowedActions.of(state, current).get(action).allowed())
          .isEqualTo(current != null && Lifecycle.allowed(current, onTicket));
    }
  }
}
