package id.antre.server.realtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest calls this gateway passed on, kept in memory so that a subscriber's calls snapshot
 * and its replay after {@code since} need no database read. In a reconnect storm (a restart, a
 * network cut) thousands of displays and phones subscribe within a second or two; a read each
 * queued them on a pool of a dozen connections past the command deadline, and they were refused.
 *
 * <p>Filled at the gateway's start with the newest calls of the event log, then with every call
 * the gateway passes on, whichever way it came ({@link CallMerge}: the bus, or the log re-read
 * that fills what the bus did not bring). It answers for a {@code since} at or above
 * {@link #covers(long) its floor}: above the floor it holds every call passed on, which are the
 * calls a read of the log would give except those not passed on yet (a commit whose bus message
 * is on its way, a call the next re-read fills); those reach a subscriber live, because it is
 * registered before its snapshot, exactly as they would after a database read. Below the floor
 * (a client away for more than {@code capacity} calls) the caller reads the log.
 *
 * <p>Pure and single-threaded (the gateway's event loop). Calls are never changed once kept.
 */
final class RecentCalls {
  /**
   * One kept call: its zone, its message, and the message as sent in a replay. The replay's text
   * is made when first asked for: most calls are never replayed, and every call passes here once
   * per gateway.
   */
  static final class Call {
    private final long seq;
    private final String zone;
    private final JsonObject json;
    private String replay;

    private Call(long seq, String zone, JsonObject json) {
      this.seq = seq;
      this.zone = zone;
      this.json = json;
    }

    /** A call as read or heard (a copy is kept: the caller's object may change). */
    static Call of(JsonObject call) {
      JsonObject json = call.copy();
      json.remove("replay");
      return new Call(json.getLong("seq", 0L), json.getString("zone"), json);
    }

    long seq() {
      return seq;
    }

    String zone() {
      return zone;
    }

    JsonObject json() {
      return json;
    }

    /** The message as sent in a replay (single-threaded, as the whole class). */
    String replay() {
      if (replay == null) {
        replay = json.copy().put("replay", true).encode();
      }
      return replay;
    }
  }

  private final int capacity;
  private final TreeMap<Long, Call> calls = new TreeMap<>();
  /** Every call passed on with a seq above this is kept; none answered until the start. */
  private long floor = Long.MAX_VALUE;
  private long latestSeq;
  /** Snapshots per topic as sent, built once for everyone who subscribes until the next call. */
  private final Map<String, String> snapshots = new HashMap<>();

  RecentCalls(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * The event log's newest calls when the gateway started.
   *
   * @param latestSeq the log's newest call seq then
   * @param newest    its newest calls (at most {@code capacity}), any order
   * @param all       whether these are all the calls of the log (fewer than asked for)
   */
  void start(long latestSeq, List<JsonObject> newest, boolean all) {
    long lowest = Long.MAX_VALUE;
    for (JsonObject c : newest) {
      lowest = Math.min(lowest, c.getLong("seq", 0L));
      keep(c);
    }
    this.latestSeq = Math.max(this.latestSeq, latestSeq);
    // the read had every call committed from its lowest seq up (a call committed after it with a
    // seq below its top is not passed on by CallMerge either: a subscriber would not get it live)
    floor = all ? 0 : lowest - 1;
    trim();
  }

  boolean started() {
    return floor != Long.MAX_VALUE;
  }

  /** A call passed on to the subscribers; calls without a seq are not kept. */
  void add(JsonObject call) {
    if (call.getLong("seq", 0L) <= 0) {
      return;
    }
    keep(call);
    latestSeq = Math.max(latestSeq, call.getLong("seq"));
    trim();
  }

  /** The newest seq kept or known at the start (0 before any). */
  long latestSeq() {
    return latestSeq;
  }

  /** Whether the calls after {@code since} are all here (and {@link #after} may be asked). */
  boolean covers(long since) {
    return since >= floor;
  }

  /**
   * The calls after {@code since} of a zone (null: every zone), at most the newest {@code limit},
   * oldest first: what the event log's read gives ({@code Sql.CALLS_AFTER}).
   */
  List<Call> after(long since, String zone, int limit) {
    if (!covers(since)) {
      throw new IllegalStateException("calls after " + since + " are not all kept (floor " + floor + ")");
    }
    List<Call> out = new ArrayList<>();
    for (Call c : calls.tailMap(since, false).descendingMap().values()) {
      if (out.size() >= limit) {
        break;
      }
      if (zone == null || zone.equals(c.zone())) {
        out.add(c);
      }
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * The snapshot of a calls topic: the newest {@code count} calls of its zone, oldest first, with
   * the newest seq; built once until the next call. Empty when fewer of the zone are kept and
   * older ones may exist (the caller reads the log).
   */
  Optional<String> snapshot(String topic, String zone, int count) {
    String s = snapshots.get(topic);
    if (s != null) {
      return Optional.of(s);
    }
    if (!started()) {
      return Optional.empty();
    }
    List<Call> newest = new ArrayList<>();
    for (Call c : calls.descendingMap().values()) {
      if (newest.size() >= count) {
        break;
      }
      if (zone == null || zone.equals(c.zone())) {
        newest.add(c);
      }
    }
    if (newest.size() < count && floor > 0) {
      return Optional.empty();
    }
    Collections.reverse(newest);
    JsonArray list = new JsonArray();
    newest.forEach(c -> list.add(c.json()));
    s = new JsonObject().put("type", "snapshot").put("topic", topic).put("seq", latestSeq).put("calls", list).encode();
    snapshots.put(topic, s);
    return Optional.of(s);
  }

  /** How many calls are kept (for tests: it stays bounded). */
  int size() {
    return calls.size();
  }

  private void keep(JsonObject call) {
    long seq = call.getLong("seq", 0L);
    if (calls.containsKey(seq)) {
      return;
    }
    calls.put(seq, Call.of(call));
    snapshots.clear();
  }

  private void trim() {
    Iterator<Long> oldest = calls.keySet().iterator();
    while (calls.size() > capacity) {
      long seq = oldest.next();
      oldest.remove();
      if (floor != Long.MAX_VALUE) {
        floor = Math.max(floor, seq);
      }
    }
  }
}
