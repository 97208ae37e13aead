package id.antre.server.realtime;

import id.antre.server.bus.JsonViews;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who follows which topic, and which of them gets each event published on the bus: calls by
 * zone, queues, counters (the counter's own terminals in full, every screen without officer
 * names), tickets (without their tracking token), printers (print jobs to the agent only) and
 * presence (a counter's other terminals). No sockets: it hands events to {@link Subscriber}s,
 * whose delivery decides about holding and back-pressure. Used on one event loop.
 *
 * @param <S> the kind of subscriber, so that the gateway gets its own connections back
 */
final class FanOut<S extends Subscriber> {
  private final Map<String, Set<S>> subscribers = new HashMap<>();
  /** Subscriptions per kind of topic (its name up to the first ':'), readable from any thread (metrics). */
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> byKind =
      new java.util.concurrent.ConcurrentHashMap<>();

  void subscribe(S s, String topic) {
    if (subscribers.computeIfAbsent(topic, k -> new LinkedHashSet<>()).add(s)) {
      byKind.computeIfAbsent(kind(topic), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }
  }

  /** Subscriptions now per kind of topic ("calls", "counter", "ticket", ...): no ids, no tokens. */
  Map<String, Integer> subscriptionsByKind() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    byKind.forEach((k, n) -> out.put(k, n.get()));
    return out;
  }

  private static String kind(String topic) {
    int colon = topic.indexOf(':');
    return colon < 0 ? topic : topic.substring(0, colon);
  }

  void unsubscribe(S s, Collection<String> topics) {
    for (String t : topics) {
      Set<S> set = subscribers.get(t);
      if (set != null) {
        if (set.remove(s)) {
          byKind.get(kind(t)).decrementAndGet();
        }
        if (set.isEmpty()) {
          subscribers.remove(t);
        }
      }
    }
  }

  /** The subscribers of a topic now, as a copy that the caller may iterate while closing them. */
  List<S> subscribersOf(String topic) {
    Set<S> set = subscribers.get(topic);
    return set == null ? List.of() : new ArrayList<>(set);
  }

  /** The topics that have subscribers now (a copy). */
  List<String> topics() {
    return new ArrayList<>(subscribers.keySet());
  }

  /** A call reaches the whole hall's displays and its zone's; returns its seq (0 if it has none). */
  long call(JsonObject call) {
    long seq = call.getLong("seq", 0L);
    broadcast(List.of(Topics.CALLS, Topics.CALLS_ZONE + call.getString("zone")), call::encode, seq);
    return seq;
  }

  /** A service's queue changed: to the whole hall's followers and to that service's. */
  void queue(JsonObject event) {
    broadcast(List.of(Topics.QUEUES, Topics.QUEUES_OF + event.getString("service")), event::encode, 0);
  }

  void hall(JsonObject event) {
    broadcast(List.of(Topics.HALL), event::encode, 0);
  }

  /** The counter's own terminals see everything; every screen sees no officer names. */
  void counter(JsonObject event) {
    JsonObject counter = event.getJsonObject("counter");
    broadcast(List.of(Topics.COUNTER + counter.getString("id")), event::encode, 0);
    broadcast(List.of(Topics.COUNTERS), () -> new JsonObject().put("type", "counter")
        .put("counter", JsonViews.publicCounter(counter)).encode(), 0);
  }

  /** A ticket's followers know it by its tracking token, which the event itself then leaves out. */
  void ticket(JsonObject event) {
    String token = event.getJsonObject("ticket").getString("trackingToken");
    if (token != null && subscribers.containsKey(Topics.TICKET + token)) {
      JsonObject view = event.copy();
      view.getJsonObject("ticket").remove("trackingToken");
      broadcast(List.of(Topics.TICKET + token), view::encode, 0);
    }
  }

  /** Print commands go to the kiosk's agent only; states go to everyone following the printer. */
  void printer(JsonObject event) {
    boolean job = "print".equals(event.getString("type"));
    String json = event.encode();
    for (S s : subscribersOf(Topics.PRINTER + event.getString("kiosk"))) {
      if (!job || s.printAgent()) {
        s.deliver(json, 0);
      }
    }
  }

  /** A counter's other terminals hear that one joined, answered or left; the terminal itself does not. */
  void presence(JsonObject event) {
    String json = event.copy().put("type", "presence").encode();
    for (S s : subscribersOf(Topics.COUNTER + event.getString("counter"))) {
      if (s.terminal() != null && !s.terminal().equals(event.getString("terminal"))) {
        s.deliver(json, 0);
      }
    }
  }

  /**
   * Each subscriber gets the event once, however many of the topics it follows: one in an
   * earlier topic's set is skipped in the later ones (a lookup, no union set per event). The
   * sets are iterated directly; a delivery never changes them (a slow client is only marked
   * closed, and leaves the sets in its close handler, which runs later on this event loop).
   */
  private void broadcast(List<String> topics, Supplier<String> encode, long callSeq) {
    String json = null; // encoded once, and only when somebody follows one of the topics
    for (int i = 0; i < topics.size(); i++) {
      Set<S> set = subscribers.get(topics.get(i));
      if (set == null) {
        continue;
      }
      for (S s : set) {
        if (!seenEarlier(topics, i, s)) {
          if (json == null) {
            json = encode.get();
          }
          s.deliver(json, callSeq);
        }
      }
    }
  }

  private boolean seenEarlier(List<String> topics, int upTo, S s) {
    for (int j = 0; j < upTo; j++) {
      Set<S> earlier = subscribers.get(topics.get(j));
      if (earlier != null && earlier.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
