package id.antre.server.domain;

import static id.antre.server.domain.TicketStatus.*;

/**
 * The ticket lifecycle of DESIGN.md and nothing else:
 * <pre>
 * WAITING --call--> CALLED --start--> SERVING --finish--> DONE
 * CALLED --recall (up to the limit, then NO_SHOW)--> CALLED;  CALLED --no-show--> NO_SHOW
 * WAITING|CALLED|SERVING --hold--> HELD --resume--> WAITING;  WAITING --cancel--> CANCELLED
 * SERVING --transfer--> DONE, and a new WAITING ticket in the target service
 * </pre>
 */
public final class Lifecycle {
  private Lifecycle() {
  }

  /** The outcome of applying an action: the new status and whether a recall ran out. */
  public record Transition(TicketStatus from, TicketStatus to, TicketAction action, int recallCount) {
  }

  /**
   * Decides the transition or refuses it with {@link ErrorCode#INVALID_TRANSITION}.
   *
   * @param recallCount how many times the ticket has been recalled since it was called
   * @param recallLimit how many recalls are allowed; one more recall marks the ticket NO_SHOW
   */
  public static Transition apply(TicketStatus from, TicketAction action, int recallCount, int recallLimit) {
    TicketStatus to = switch (action) {
      case CALL -> from == WAITING ? CALLED : null;
      case RECALL -> from == CALLED ? (recallCount >= recallLimit ? NO_SHOW : CALLED) : null;
      case START -> from == CALLED ? SERVING : null;
      case FINISH, TRANSFER -> from == SERVING ? DONE : null;
      case NO_SHOW -> from == CALLED ? NO_SHOW : null;
      case HOLD -> from == WAITING || from == CALLED || from == SERVING ? HELD : null;
      case RESUME -> from == HELD ? WAITING : null;
      case CANCEL -> from == WAITING ? CANCELLED : null;
      case ISSUE -> null;
    };
    if (to == null) {
      throw new QueueException(ErrorCode.INVALID_TRANSITION,
          "Tiket berstatus " + from + " tidak dapat di-" + action.name().toLowerCase()
              + " (ticket in status " + from + " cannot take " + action + ")");
    }
    int recalls = switch (action) {
      case RECALL -> recallCount + 1;
      case CALL, RESUME -> 0;
      default -> recallCount;
    };
    return new Transition(from, to, action, recalls);
  }

  public static boolean allowed(TicketStatus from, TicketAction action) {
    try {
      apply(from, action, 0, Integer.MAX_VALUE);
      return true;
    } catch (QueueException e) {
      return false;
    }
  }
}
