package id.antre.server.domain;

import static id.antre.server.domain.TicketStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket lifecycle of DESIGN.md and nothing else:
 * <pre>
 * WAITING --call--> CALLED --start--> SERVING --finish--> DONE
 * CALLED --recall (up to the limit, then NO_SHOW)--> CALLED;  CALLED --no-show--> NO_SHOW
 * WAITING|CALLED|SERVING --hold--> HELD --resume--> WAITING;  WAITING --cancel--> CANCELLED
 * SERVING --transfer--> DONE, and a new WAITING ticket in the target service
 * WAITING|CALLED|SERVING|HELD --expire (the service day ended)--> EXPIRED
 * </pre>
 */
public final class Lifecycle {
  private Lifecycle() {
  }

  /** One allowed step: {@code action} takes a ticket in {@code from} to {@code to}. */
  public record Step(TicketAction action, TicketStatus from, TicketStatus to) {
  }

  /**
   * The lifecycle as data, the one table every other check is made from (the SQL guards of the
   * persistence layer, the actions a counter terminal offers). RECALL is listed below its limit;
   * past it the ticket becomes NO_SHOW instead.
   */
  public static final List<Step> STEPS = List.of(
      new Step(TicketAction.CALL, WAITING, CALLED),
      new Step(TicketAction.RECALL, CALLED, CALLED),
      new Step(TicketAction.START, CALLED, SERVING),
      new Step(TicketAction.FINISH, SERVING, DONE),
      new Step(TicketAction.TRANSFER, SERVING, DONE),
      new Step(TicketAction.NO_SHOW, CALLED, NO_SHOW),
      new Step(TicketAction.HOLD, WAITING, HELD),
      new Step(TicketAction.HOLD, CALLED, HELD),
      new Step(TicketAction.HOLD, SERVING, HELD),
      new Step(TicketAction.RESUME, HELD, WAITING),
      new Step(TicketAction.CANCEL, WAITING, CANCELLED),
      new Step(TicketAction.EXPIRE, WAITING, EXPIRED),
      new Step(TicketAction.EXPIRE, CALLED, EXPIRED),
      new Step(TicketAction.EXPIRE, SERVING, EXPIRED),
      new Step(TicketAction.EXPIRE, HELD, EXPIRED));

  /** Where a visit waits: a new ticket (issued, or the target of a transfer) and a resumed one. */
  public static final TicketStatus QUEUED = WAITING;

  /** The statuses {@code action} may start from (none for ISSUE). */
  public static Set<TicketStatus> from(TicketAction action) {
    Set<TicketStatus> out = EnumSet.noneOf(TicketStatus.class);
    STEPS.stream().filter(s -> s.action() == action).forEach(s -> out.add(s.from()));
    return out;
  }

  /** The status {@code action} leads to (below the recall limit); every action has one. */
  public static TicketStatus to(TicketAction action) {
    if (action == TicketAction.ISSUE) {
      return QUEUED;
    }
    return STEPS.stream().filter(s -> s.action() == action).map(Step::to).findFirst().orElseThrow();
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
    TicketStatus to = STEPS.stream().filter(s -> s.action() == action && s.from() == from).map(Step::to)
        .findFirst().orElse(null);
    if (to != null && action == TicketAction.RECALL && recallCount >= recallLimit) {
      to = NO_SHOW;
    }
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
    return from(action).contains(from);
  }
}
