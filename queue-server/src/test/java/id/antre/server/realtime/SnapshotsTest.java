package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Actor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A subscription as {@code Protocol.register} runs it (registered, live events held, snapshots in
 * turn, then what was held), with calls from memory and the queues read once for a crowd.
 */
class SnapshotsTest {
  /** The queues reads asked of the application, each completed by the test. */
  final List<Promise<JsonObject>> queueReads = new ArrayList<>();
  int callReads;
  final RecentCalls recent = new RecentCalls(100);
  final Snapshots snapshots = new Snapshots(new GatewayCommands(new Port()), null, recent);

  Connection subscriber(FanOutTest.FakeSocket socket) {
    Connection c = new Connection(socket, System.currentTimeMillis());
    c.holdLiveEvents();
    return c;
  }

  /** A call passed on by the gateway: kept, and delivered to the (held) subscriber. */
  void call(long seq, Connection... to) {
    JsonObject call = FanOutTest.call(seq, "lantai-1");
    for (Connection c : to) {
      c.deliver(call.encode(), seq);
    }
    recent.add(call);
  }

  @Test
  void aCallMadeWhileTheQueuesAreReadIsListedInTheSnapshotAndStillSentLiveOnce() {
    recent.start(10, List.of(FanOutTest.call(9, "lantai-1"), FanOutTest.call(10, "lantai-1")), true);
    FanOutTest.FakeSocket socket = new FanOutTest.FakeSocket();
    Connection display = subscriber(socket);
    Future<Void> done = snapshots.send(display, Topics.QUEUES, 9L, null)
        .compose(v -> snapshots.send(display, Topics.CALLS, 9L, null));
    call(11, display); // during the queues read
    queueReads.get(0).complete(new JsonObject().put("queues", new JsonArray()));
    assertThat(done.succeeded()).isTrue();
    display.releaseLiveEvents();
    List<JsonObject> got = socket.written.stream().map(JsonObject::new).toList();
    assertThat(got.get(0).getString("topic")).isEqualTo("queues");
    assertThat(got.get(1).getString("topic")).isEqualTo("calls");
    assertThat(got.get(1).getJsonArray("calls").stream().map(c -> ((JsonObject) c).getLong("seq")).toList())
        .containsExactly(9L, 10L, 11L);
    // replays after since, from memory; 11 was among them, so the held copy is not sent again
    assertThat(got.subList(2, got.size()).stream().map(m -> m.getLong("seq") + (m.getBoolean("replay", false) ? "r" : "")))
        .containsExactly("10r", "11r");
    assertThat(callReads).isZero();
  }

  @Test
  void aCallHeldDuringASnapshotWithoutSinceComesLiveAfterIt() {
    recent.start(10, List.of(FanOutTest.call(10, "lantai-1")), true);
    FanOutTest.FakeSocket socket = new FanOutTest.FakeSocket();
    Connection display = subscriber(socket);
    Future<Void> done = snapshots.send(display, Topics.QUEUES, null, null)
        .compose(v -> snapshots.send(display, Topics.CALLS, null, null));
    call(11, display);
    queueReads.get(0).complete(new JsonObject().put("queues", new JsonArray()));
    assertThat(done.succeeded()).isTrue();
    display.releaseLiveEvents();
    // the display shows the snapshot's calls and announces the call that came live
    assertThat(socket.written).hasSize(3);
    assertThat(new JsonObject(socket.written.get(2)).getLong("seq")).isEqualTo(11L);
    assertThat(new JsonObject(socket.written.get(2)).containsKey("replay")).isFalse();
  }

  @Test
  void aCrowdSubscribingToQueuesWhileTheyAreReadSharesTheNextRead() {
    recent.start(0, List.of(), true);
    List<FanOutTest.FakeSocket> sockets = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      FanOutTest.FakeSocket s = new FanOutTest.FakeSocket();
      sockets.add(s);
      snapshots.send(subscriber(s), Topics.QUEUES, null, null);
    }
    assertThat(queueReads).hasSize(1);
    queueReads.get(0).complete(new JsonObject().put("queues", new JsonArray().add("first")));
    assertThat(queueReads).hasSize(2);
    queueReads.get(1).complete(new JsonObject().put("queues", new JsonArray().add("second")));
    assertThat(sockets.get(0).written).hasSize(1);
    assertThat(sockets.subList(1, 300)).allMatch(s -> s.written.size() == 1
        && new JsonObject(s.written.get(0)).getJsonArray("queues").getString(0).equals("second"));
  }

  /** The application's side: queues read on demand; calls must not be read at all. */
  final class Port implements GatewayPort {
    @Override
    public Future<JsonObject> calls(long since, String zone, int limit) {
      callReads++;
      return Future.failedFuture("the event log was read");
    }

    @Override
    public Future<List<Long>> callSeqs(long since, int limit) {
      callReads++;
      return Future.failedFuture("the event log was read");
    }

    @Override
    public Future<JsonObject> callsAt(List<Long> seqs) {
      callReads++;
      return Future.failedFuture("the event log was read");
    }

    @Override
    public Future<JsonObject> queues() {
      Promise<JsonObject> p = Promise.promise();
      queueReads.add(p);
      return p.future();
    }

    @Override
    public Future<JsonObject> runningText() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> publicCounters() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> counter(Actor actor, String counterId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> tracking(String token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> printerState(String kiosk) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<JsonObject>> pendingJobs(String kiosk) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> printResult(Actor agent, long job, boolean printed, String error) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<JsonObject> agentGone(Actor agent, String connection) {
      throw new UnsupportedOperationException();
    }
  }
}
