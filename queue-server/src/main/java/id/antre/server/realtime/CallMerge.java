package id.antre.server.realtime;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls reach a gateway two ways: over the event bus (fast, but a node cut off from the others,
 * by a split or its own pause, never gets what was published meanwhile) and from the event log
 * in PostgreSQL, which every gateway re-reads about once a second. This decides which of them
 * are new: each call goes to the subscribers once, whichever way came first.
 *
 * <p>The log is re-read after a settled position, not after the newest seq seen: a call's seq is
 * taken from a sequence before its transaction commits, so a call can become visible after one
 * with a higher seq. A seq counts as settled {@code settleMillis} after it was first seen; the
 * re-read starts after the highest settled seq, so every call committed within that window of a
 * later one is still found. Seen seqs are kept for {@code retainMillis} to recognise a late bus
 * copy. Pure and single-threaded (the gateway's event loop); times are passed in.
 */
final class CallMerge {
  private final long settleMillis;
  private final long retainMillis;
  /** seq -> when it was first seen. */
  private final TreeMap<Long, Long> seen = new TreeMap<>();
  /** Re-reads start after this seq; -1 until the log's newest seq at start is known. */
  private long floor = -1;
  /** Seqs at or below this were forgotten: a copy of one arriving now is old, not new. */
  private long forgottenUpTo = -1;

  CallMerge(long settleMillis, long retainMillis) {
    this.settleMillis = settleMillis;
    this.retainMillis = retainMillis;
  }

  /** The log's newest call when the gateway started: what came before is for snapshots, not for the fan-out. */
  void startAt(long latestSeq) {
    if (floor < 0) {
      floor = latestSeq;
      forgottenUpTo = latestSeq;
    }
  }

  boolean started() {
    return floor >= 0;
  }

  /** The seq after which to re-read the log now; advances over the seqs seen long enough ago. */
  long readAfter(long now) {
    for (Map.Entry<Long, Long> e : seen.entrySet()) {
      if (e.getKey() > floor && now - e.getValue() >= settleMillis) {
        floor = e.getKey();
      }
    }
    Iterator<Map.Entry<Long, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Long> e = it.next();
      if (e.getKey() > floor || now - e.getValue() < retainMillis) {
        break;
      }
      forgottenUpTo = Math.max(forgottenUpTo, e.getKey());
      it.remove();
    }
    return floor;
  }

  /** Whether a call with this seq was seen already (or is too old to be new). */
  boolean known(long seq) {
    return seq > 0 && (seq <= forgottenUpTo || seen.containsKey(seq));
  }

  /** Whether a call with this seq is new (and from now on, not new). Calls without a seq are always new. */
  boolean fresh(long seq, long now) {
    if (seq <= 0) {
      return true;
    }
    if (seq <= forgottenUpTo || seen.containsKey(seq)) {
      return false;
    }
    seen.put(seq, now);
    return true;
  }

  /** The new calls of a batch read from the log, oldest first. */
  List<JsonObject> fresh(Collection<JsonObject> calls, long now) {
    List<JsonObject> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparingLong(c -> c.getLong("seq", 0L)));
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject c : sorted) {
      if (fresh(c.getLong("seq", 0L), now)) {
        out.add(c);
      }
    }
    return out;
  }

  /** How many seqs are remembered (for tests: it stays bounded). */
  int remembered() {
    return seen.size();
  }
}
