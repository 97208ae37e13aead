package id.antre.server.domain;

/** The states of DESIGN.md's ticket lifecycle. */
public enum TicketStatus {
  WAITING, CALLED, SERVING, DONE, NO_SHOW, HELD, CANCELLED;

  public boolean isFinal() {
    return this == DONE || this == NO_SHOW || this == CANCELLED;
  }
}
