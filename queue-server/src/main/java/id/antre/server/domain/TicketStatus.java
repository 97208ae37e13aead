package id.antre.server.domain;

/** The states of DESIGN.md's ticket lifecycle. */
public enum TicketStatus {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, HELD, CANCELLED,
  /** Still open when its service day ended: closed by the end-of-day job, not by anyone's press. */
  EXPIRED;

  /** Called or being served: the ticket is at a counter, which holds it until it moves on. */
  public boolean atCounter() {
    return this == CALLED || this == SERVING;
  }

  public boolean isFinal() {
    return this == DONE || this == NO_SHOW || this == CANCELLED || this == EXPIRED;
  }
}
