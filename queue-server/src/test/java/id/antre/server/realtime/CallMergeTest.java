package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Calls from the bus and from the event log, merged: each once, none skipped by a late commit. */
class CallMergeTest {
  final CallMerge merge = new CallMerge(10_000, 60_000);
  final List<Long> delivered = new ArrayList<>();

  static JsonObject call(long seq) {
    return new JsonObject().put("type", "call").put("seq", seq).put("zone", "lantai-1");
  }

  static List<JsonObject> calls(long... seqs) {
    return LongStream.of(seqs).mapToObj(CallMergeTest::call).toList();
  }

  void bus(long seq, long now) {
    if (merge.fresh(seq, now)) {
      delivered.add(seq);
    }
  }

  void log(long now, long... seqs) {
    merge.fresh(calls(seqs), now).forEach(c -> delivered.add(c.getLong("seq")));
  }

  @Test
  void aCallHeardOnTheBusIsNotDeliveredAgainFromTheLog() {
    merge.startAt(100);
    bus(101, 0);
    bus(102, 10);
    log(1_000, 101, 102, 103);
    bus(103, 1_100);
    assertThat(delivered).containsExactly(101L, 102L, 103L);
  }

  @Test
  void callsTheBusNeverBroughtComeFromTheLogInSeqOrder() {
    merge.startAt(100);
    // a split: this half hears only its own calls on the bus
    bus(102, 0);
    bus(104, 500);
    log(1_000, 105, 101, 103, 104, 102);
    assertThat(delivered).containsExactly(102L, 104L, 101L, 103L, 105L);
  }

  @Test
  void aCallThatCommitsAfterAHigherOneIsStillFound() {
    merge.startAt(100);
    bus(102, 0);
    assertThat(merge.readAfter(1_000)).as("102 is not settled yet: 101 may still commit").isEqualTo(100);
    log(1_000, 102);
    // 101's transaction commits late, and its bus message is lost
    assertThat(merge.readAfter(5_000)).isEqualTo(100);
    log(5_000, 101, 102);
    assertThat(delivered).containsExactly(102L, 101L);
    assertThat(merge.readAfter(10_001)).as("settled once seen long enough ago").isEqualTo(102);
  }

  @Test
  void callsBeforeTheStartAreForTheSnapshotsNotTheFanOut() {
    bus(99, 0);
    merge.startAt(100);
    log(1_000, 98, 100, 101);
    assertThat(delivered).containsExactly(99L, 101L);
  }

  @Test
  void whatItRemembersStaysBoundedAndOldCopiesStayOld() {
    merge.startAt(0);
    for (long seq = 1; seq <= 1_000; seq++) {
      bus(seq, seq * 100);
    }
    long now = 1_000 * 100 + 1;
    merge.readAfter(now);
    assertThat(merge.remembered()).as("seqs seen in the last minute only").isLessThanOrEqualTo(700);
    int before = delivered.size();
    bus(5, now);
    log(now, 10, 20, 999);
    assertThat(delivered).hasSize(before);
  }

  @Test
  void callsWithoutASeqAreAlwaysPassedOn() {
    assertThat(merge.fresh(0, 0)).isTrue();
    assertThat(merge.fresh(0, 0)).isTrue();
  }

  @Test
  void onlyTheCallsNotHeardAreFetchedFromTheLog() {
    merge.startAt(100);
    bus(101, 0);
    bus(103, 0);
    // the gateway reads the positions first and fetches only the unknown ones
    assertThat(LongStream.of(99, 100, 101, 102, 103, 104).filter(seq -> !merge.known(seq)).boxed().toList())
        .containsExactly(102L, 104L);
    log(1_000, 102, 104);
    assertThat(merge.known(102)).isTrue();
    assertThat(merge.known(104)).isTrue();
    assertThat(delivered).containsExactly(101L, 103L, 102L, 104L);
  }
}
