package id.antre.server.domain;

/** What can happen to a ticket; each allowed action appends one event of the same name. */
public enum TicketAction {
  ISSUE, CALL, RECALL, START, FINISH, NO_SHOW, TRANSFER, HOLD, RESUME, CANCEL,
  /** The end of the service day, taken by the closing job only (no counter offers it). */
  EXPIRE
}
