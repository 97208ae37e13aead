package id.antre.server.domain;

/** The states of DESIGN.md's ticket lifecycle. */
public enum TicketStatus {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, HELD, CANCELLED;

  /** Called or being served: the ticket is at a counter, which holds it until it moves on. */
  public boolean atCounter() {
    return this == CALLED || this == SERVING;
  }

  public boolean isFinal() {
    return this == DONE || this == NO_SHOW || this == CANCELLED;
  }
}
