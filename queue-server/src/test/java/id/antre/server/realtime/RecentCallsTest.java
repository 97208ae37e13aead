package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The calls a gateway keeps for snapshots and replays: the same answers as the event log's read, while it has them. */
class RecentCallsTest {

  static JsonObject call(long seq, String zone) {
    return new JsonObject().put("type", "call").put("seq", seq).put("number", "A" + seq).put("zone", zone);
  }

  /** Zones alternate: odd seqs on lantai-1, even on lantai-2. */
  static JsonObject call(long seq) {
    return call(seq, seq % 2 == 1 ? "lantai-1" : "lantai-2");
  }

  static List<JsonObject> calls(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(RecentCallsTest::call).toList();
  }

  /** What {@code Sql.CALLS_AFTER} answers on a log holding {@code log}: the newest {@code limit} after since, oldest first. */
  static List<Long> logRead(List<JsonObject> log, long since, String zone, int limit) {
    List<JsonObject> match = new ArrayList<>(log.stream().filter(c -> c.getLong("seq") > since)
        .filter(c -> zone == null || zone.equals(c.getString("zone")))
        .sorted(Comparator.comparingLong((JsonObject c) -> c.getLong("seq")).reversed()).limit(limit).toList());
    match.sort(Comparator.comparingLong(c -> c.getLong("seq")));
    return match.stream().map(c -> c.getLong("seq")).toList();
  }

  static List<Long> seqs(List<RecentCalls.Call> calls) {
    return calls.stream().map(RecentCalls.Call::seq).toList();
  }

  @Test
  void aReplayFromMemoryIsWhatTheEventLogWouldGiveForEverySinceItCovers() {
    RecentCalls recent = new RecentCalls(50);
    List<JsonObject> log = new ArrayList<>(calls(1, 120));
    // the gateway starts with the newest 50 of the log, then hears 30 more
    recent.start(120, log.subList(70, 120), false);
    for (long seq = 121; seq <= 150; seq++) {
      log.add(call(seq));
      recent.add(call(seq));
    }
    assertThat(recent.size()).isEqualTo(50);
    for (long since = 0; since <= 152; since++) {
      if (!recent.covers(since)) {
        assertThat(since).isLessThan(100); // the 50 kept are 101..150
        continue;
      }
      for (String zone : new String[] {null, "lantai-1", "lantai-2"}) {
        for (int limit : new int[] {1, 7, 100}) {
          assertThat(seqs(recent.after(since, zone, limit))).as("since %d zone %s limit %d", since, zone, limit)
              .isEqualTo(logRead(log, since, zone, limit));
        }
      }
    }
    assertThat(recent.covers(100)).isTrue();
    assertThat(recent.covers(99)).isFalse();
  }

  @Test
  void aLogWithFewerCallsThanKeptIsCoveredFromTheStart() {
    RecentCalls recent = new RecentCalls(50);
    recent.start(10, calls(1, 10), true);
    assertThat(recent.covers(0)).isTrue();
    assertThat(seqs(recent.after(0, null, 100))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    RecentCalls empty = new RecentCalls(50);
    empty.start(0, List.of(), true);
    assertThat(empty.covers(0)).isTrue();
    assertThat(empty.after(0, null, 100)).isEmpty();
    assertThat(new JsonObject(empty.snapshot("calls", null, 10).orElseThrow()).getJsonArray("calls")).isEmpty();
  }

  @Test
  void nothingIsAnsweredBeforeTheStartNorBelowTheFloor() {
    RecentCalls recent = new RecentCalls(5);
    recent.add(call(7));
    assertThat(recent.started()).isFalse();
    assertThat(recent.covers(6)).isFalse();
    assertThat(recent.snapshot("calls", null, 10)).isEmpty();
    recent.start(6, calls(2, 6), false);
    // 2..6 read, 7 heard before: the oldest (2) does not fit in 5, so the floor is 2
    assertThat(recent.covers(1)).isFalse();
    assertThat(recent.covers(2)).isTrue();
    assertThat(seqs(recent.after(2, null, 100))).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThatThrownBy(() -> recent.after(1, null, 100)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSnapshotListsTheNewestCallsOfItsZoneAndIsBuiltOnceUntilTheNextCall() {
    RecentCalls recent = new RecentCalls(100);
    recent.start(40, calls(1, 40), false);
    String zone1 = recent.snapshot("calls:zone:lantai-1", "lantai-1", 3).orElseThrow();
    JsonObject json = new JsonObject(zone1);
    assertThat(json.getString("type")).isEqualTo("snapshot");
    assertThat(json.getString("topic")).isEqualTo("calls:zone:lantai-1");
    assertThat(json.getLong("seq")).isEqualTo(40L);
    assertThat(snapshotSeqs(zone1)).containsExactly(35L, 37L, 39L);
    assertThat(recent.snapshot("calls:zone:lantai-1", "lantai-1", 3).orElseThrow()).isSameAs(zone1);
    recent.add(call(41));
    String after = recent.snapshot("calls:zone:lantai-1", "lantai-1", 3).orElseThrow();
    assertThat(snapshotSeqs(after)).containsExactly(37L, 39L, 41L);
    assertThat(new JsonObject(after).getLong("seq")).isEqualTo(41L);
  }

  static List<Long> snapshotSeqs(String snapshot) {
    return new JsonObject(snapshot).getJsonArray("calls").stream().map(c -> ((JsonObject) c).getLong("seq")).toList();
  }

  @Test
  void aZoneWithTooFewCallsKeptIsLeftToTheLogUnlessTheLogHasNoMore() {
    RecentCalls recent = new RecentCalls(100);
    // the newest of a longer log: calls before 11 may hold older ones of lantai-3
    List<JsonObject> log = new ArrayList<>(calls(11, 30));
    log.add(call(31, "lantai-3"));
    recent.start(31, log, false);
    assertThat(recent.snapshot("calls:zone:lantai-3", "lantai-3", 10)).isEmpty();
    RecentCalls all = new RecentCalls(100);
    all.start(31, log, true);
    assertThat(snapshotSeqs(all.snapshot("calls:zone:lantai-3", "lantai-3", 10).orElseThrow())).containsExactly(31L);
  }

  @Test
  void aReplayIsMarkedAndTheKeptCallIsACopyTheCallerCannotChange() {
    RecentCalls recent = new RecentCalls(10);
    recent.start(0, List.of(), true);
    JsonObject heard = call(1);
    recent.add(heard);
    heard.put("number", "changed");
    RecentCalls.Call kept = recent.after(0, null, 10).get(0);
    assertThat(new JsonObject(kept.replay())).isEqualTo(call(1).put("replay", true));
    assertThat(kept.json()).isEqualTo(call(1));
  }

  @Test
  void callsWithoutASeqAndCopiesAreNotKeptTwice() {
    RecentCalls recent = new RecentCalls(10);
    recent.start(3, calls(1, 3), true);
    recent.add(new JsonObject().put("type", "call").put("zone", "lantai-1"));
    recent.add(call(3));
    assertThat(recent.size()).isEqualTo(3);
    assertThat(recent.latestSeq()).isEqualTo(3L);
  }
}
