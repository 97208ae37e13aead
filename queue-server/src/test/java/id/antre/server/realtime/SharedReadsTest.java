package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A crowd asking for the same snapshot shares reads, and nobody gets a read that began before they asked. */
class SharedReadsTest {
  final SharedReads<String> shared = new SharedReads<>();
  /** The reads started, in order; each completes when the test says. */
  final List<Promise<String>> reads = new ArrayList<>();

  final Supplier<Future<String>> read = () -> {
    Promise<String> p = Promise.promise();
    reads.add(p);
    return p.future();
  };

  @Test
  void everyoneWhoAsksWhileAReadIsUnderWaySharesTheNextOne() {
    Future<String> first = shared.read("queues", read);
    List<Future<String>> crowd = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      crowd.add(shared.read("queues", read));
    }
    assertThat(reads).hasSize(1);
    reads.get(0).complete("read 1");
    assertThat(first.result()).isEqualTo("read 1");
    // the crowd asked after read 1 began: it may not reflect what they were registered for
    assertThat(crowd).allMatch(f -> !f.isComplete());
    assertThat(reads).hasSize(2);
    reads.get(1).complete("read 2");
    assertThat(crowd).allMatch(f -> "read 2".equals(f.result()));
    assertThat(shared.running()).isZero();
  }

  @Test
  void differentKeysAreReadApartAndAFailureReachesOnlyItsOwnAskers() {
    Future<String> queues = shared.read("queues", read);
    Future<String> counters = shared.read("counters", read);
    Future<String> queuesLater = shared.read("queues", read);
    assertThat(reads).hasSize(2);
    reads.get(0).fail(new IllegalStateException("timeout"));
    assertThat(queues.failed()).isTrue();
    assertThat(counters.isComplete()).isFalse();
    assertThat(reads).hasSize(3); // the waiting asker gets a read of its own, not the failure
    reads.get(2).complete("queues again");
    assertThat(queuesLater.result()).isEqualTo("queues again");
    reads.get(1).complete("counters");
    assertThat(counters.result()).isEqualTo("counters");
  }

  @Test
  void aReadThatThrowsFailsItsAskersAndTheNextAskReadsAgain() {
    Future<String> f = shared.read("hall", () -> {
      throw new IllegalStateException("broken");
    });
    assertThat(f.failed()).isTrue();
    assertThat(shared.running()).isZero();
    Future<String> again = shared.read("hall", read);
    reads.get(0).complete("ok");
    assertThat(again.result()).isEqualTo("ok");
  }
}
