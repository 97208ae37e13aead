package id.antre.server.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an officer can do at a counter now, and for what cannot be done, why: made from
 * {@link Lifecycle} (the current ticket's actions) and {@link CounterState} (the counter's own),
 * so the terminal shows what the server will accept without a rule of its own. An action that
 * would leave the counter as it is (opening an open counter) is not offered.
 */
public final class AllowedActions {
  private AllowedActions() {
  }

  /** The terminal's actions, by the names the API sends. */
  public enum Action {
    CALL_NEXT("callNext", null),
    CALL_SPECIFIC("callSpecific", null),
    RECALL("recall", TicketAction.RECALL),
    START("start", TicketAction.START),
    FINISH("finish", TicketAction.FINISH),
    NO_SHOW("noShow", TicketAction.NO_SHOW),
    TRANSFER("transfer", TicketAction.TRANSFER),
    HOLD("hold", TicketAction.HOLD),
    OPEN("open", null),
    PAUSE("pause", null),
    CLOSE("close", null);

    private final String key;
    private final TicketAction onTicket;

    Action(String key, TicketAction onTicket) {
      this.key = key;
      this.onTicket = onTicket;
    }

    public String key() {
      return key;
    }
  }

  /** Allowed, or refused with a stable reason code (an {@link ErrorCode} name, or {@code ALREADY_<STATE>}). */
  public record Verdict(boolean allowed, String reason) {
    static final Verdict YES = new Verdict(true, null);

    static Verdict no(String reason) {
      return new Verdict(false, reason);
    }

    static Verdict no(ErrorCode code) {
      return no(code.name());
    }
  }

  /**
   * @param current the status of the ticket the counter holds, or null when it holds none
   */
  public static Map<Action, Verdict> of(CounterState state, TicketStatus current) {
    Map<Action, Verdict> out = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      out.put(a, verdict(a, state, current));
    }
    return out;
  }

  static Verdict verdict(Action action, CounterState state, TicketStatus current) {
    return switch (action) {
      case CALL_NEXT, CALL_SPECIFIC -> freeToCall(state, current);
      case OPEN -> onCounter(state, CounterState.Command.OPEN, current);
      case PAUSE -> onCounter(state, CounterState.Command.PAUSE, current);
      case CLOSE -> onCounter(state, CounterState.Command.CLOSE, current);
      default -> current == null ? Verdict.no(ErrorCode.NO_CURRENT_TICKET)
          : Lifecycle.allowed(current, action.onTicket) ? Verdict.YES : Verdict.no(ErrorCode.INVALID_TRANSITION);
    };
  }

  /**
   * What a counter allows right after an action on a ticket answered with {@code answered}: it
   * is open (a counter holding a ticket can neither pause nor close, and only an open one calls),
   * and it holds the ticket while the ticket is called or served.
   */
  public static Map<Action, Verdict> afterPress(TicketStatus answered) {
    return of(CounterState.OPEN, answered.atCounter() ? answered : null);
  }

  static Verdict freeToCall(CounterState state, TicketStatus current) {
    // the number only words the refusal; a verdict keeps its code
    return notFreeToCall(state, current == null ? null : "").map(e -> Verdict.no(e.code())).orElse(Verdict.YES);
  }

  /**
   * A counter calls (next, or a chosen ticket) when it is open and holds no ticket; otherwise the
   * refusal, naming the number it holds.
   *
   * @param currentNumber the number of the ticket the counter holds, or null when it holds none
   */
  public static Optional<QueueException> notFreeToCall(CounterState state, String currentNumber) {
    if (state != CounterState.OPEN) {
      return Optional.of(new QueueException(ErrorCode.COUNTER_NOT_OPEN, "Loket belum dibuka (counter is not open)"));
    }
    if (currentNumber != null) {
      return Optional.of(new QueueException(ErrorCode.COUNTER_BUSY,
          "Loket masih melayani " + currentNumber + " (counter still holds " + currentNumber + ")"));
    }
    return Optional.empty();
  }

  private static Verdict onCounter(CounterState state, CounterState.Command command, TicketStatus current) {
    try {
      CounterState to = CounterState.apply(state, command, current != null);
      return to == state ? Verdict.no("ALREADY_" + state.name()) : Verdict.YES;
    } catch (QueueException e) {
      return Verdict.no(e.code());
    }
  }
}
