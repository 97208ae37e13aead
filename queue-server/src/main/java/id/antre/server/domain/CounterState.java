package id.antre.server.domain;

/** A counter's own state; which ticket it holds is separate. */
public enum CounterState {
  CLOSED, OPEN, PAUSED;

  /** Counter commands and the states they lead to. */
  public enum Command {
    OPEN, PAUSE, CLOSE
  }

  /**
   * @param busy whether the counter still holds a called or serving ticket
   */
  public static CounterState apply(CounterState from, Command command, boolean busy) {
    switch (command) {
      case OPEN:
        return OPEN;
      case PAUSE:
      case CLOSE:
        if (busy) {
          throw new QueueException(ErrorCode.COUNTER_BUSY,
              "Selesaikan dulu tiket yang sedang dilayani (finish the current ticket first)");
        }
        if (command == Command.PAUSE && from == CLOSED) {
          throw new QueueException(ErrorCode.COUNTER_NOT_OPEN, "Loket belum dibuka (counter is closed)");
        }
        return command == Command.PAUSE ? PAUSED : CLOSED;
      default:
        throw new IllegalStateException();
    }
  }
}
