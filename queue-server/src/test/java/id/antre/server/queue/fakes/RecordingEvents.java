package id.antre.server.queue.fakes;

import id.antre.server.domain.CounterSnapshot;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Ticket;
import id.antre.server.queue.Events;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The {@link Events} port as a list: what the services published, in order, as short lines. */
public final class RecordingEvents implements Events {
  private final List<String> published = new ArrayList<>();

  @Override
  public void ticket(String type, Ticket ticket) {
    published.add("ticket " + type + " " + ticket.number() + " " + ticket.service() + " " + ticket.status());
  }

  @Override
  public void call(Ticket ticket, Hall.Counter counter, boolean recall) {
    published.add((recall ? "recall " : "call ") + ticket.number() + " at " + counter.id());
  }

  @Override
  public void counter(Hall.Counter counter, CounterSnapshot state) {
    published.add("counter " + counter.id() + " " + state.state()
        + (state.current() == null ? "" : " with " + state.current().number()));
  }

  @Override
  public void queue(String service) {
    published.add("queue " + service);
  }

  @Override
  public void runningText(String text) {
    published.add("running text " + text);
  }

  @Override
  public void printer(String kiosk, JsonObject message) {
    published.add("printer " + kiosk + " " + message.getString("type"));
  }

  /** Everything published so far, oldest first. */
  public List<String> all() {
    return List.copyOf(published);
  }

  /** The published lines that start with {@code prefix}. */
  public List<String> starting(String prefix) {
    return published.stream().filter(s -> s.startsWith(prefix)).toList();
  }

  public void clear() {
    published.clear();
  }
}
