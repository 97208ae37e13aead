package id.antre.server.queue;

import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import id.antre.server.domain.CounterSnapshot;

/** Where committed transitions go: the event bus in the server, a list in tests. */
public interface Events {
  /** A ticket changed status; {@code type} is the event log's type (ISSUE, CALL, ...). */
  void ticket(String type, Ticket ticket);

  /** A ticket was called or recalled to a counter: what displays show and speak. */
  void call(Ticket ticket, Hall.Counter counter, boolean recall);

  /** A counter opened, paused, closed, or took or released a ticket. */
  void counter(Hall.Counter counter, CounterSnapshot state);

  /** The waiting count of a service changed. */
  void queue(String service);

  /** The hall's running text changed. */
  void runningText(String text);

  /** Something for a kiosk's printer topic: a job to print, or a job's or printer's new state. */
  void printer(String kiosk, io.vertx.core.json.JsonObject message);
}
