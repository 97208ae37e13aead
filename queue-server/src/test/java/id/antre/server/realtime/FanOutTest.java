package id.antre.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets which published event, without sockets: fake subscribers, and connections on a fake socket. */
class FanOutTest {
  final FanOut<Subscriber> fanOut = new FanOut<>();

  /** A subscriber that keeps what it was given. */
  static final class Inbox implements Subscriber {
    final String terminal;
    final boolean agent;
    final List<JsonObject> got = new ArrayList<>();

    Inbox(String terminal, boolean agent) {
      this.terminal = terminal;
      this.agent = agent;
    }

    Inbox() {
      this(null, false);
    }

    @Override
    public void deliver(String json, long callSeq) {
      got.add(new JsonObject(json));
    }

    @Override
    public String terminal() {
      return terminal;
    }

    @Override
    public boolean printAgent() {
      return agent;
    }

    List<Object> values(String field) {
      return got.stream().map(j -> j.getValue(field)).toList();
    }

    List<Long> seqs() {
      return got.stream().map(j -> j.getLong("seq")).toList();
    }
  }

  /** The socket side of a connection: what was written, and a write queue that can be full. */
  static final class FakeSocket implements Connection.Socket {
    final List<String> written = new ArrayList<>();
    boolean full;
    Short closedWith;

    @Override
    public boolean isClosed() {
      return closedWith != null;
    }

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public void writeText(String json) {
      written.add(json);
    }

    @Override
    public void ping() {
    }

    @Override
    public void close(short code, String reason) {
      closedWith = code;
    }

    List<Long> seqs() {
      return written.stream().map(j -> new JsonObject(j).getLong("seq")).toList();
    }
  }

  static JsonObject call(long seq, String zone) {
    return new JsonObject().put("type", "call").put("seq", seq).put("zone", zone).put("number", "A-" + seq);
  }

  static JsonObject counterEvent(String id) {
    return new JsonObject().put("type", "counter").put("counter", new JsonObject().put("id", id).put("zone", "lantai-1")
        .put("state", "OPEN").put("officer", "Budi Santoso"));
  }

  @Test
  void aCallReachesTheWholeHallAndItsOwnZoneOnlyAndOnceWhateverTheTopicsFollowed() {
    Inbox hall = new Inbox();
    Inbox zone1 = new Inbox();
    Inbox zone2 = new Inbox();
    Inbox both = new Inbox();
    fanOut.subscribe(hall, Topics.CALLS);
    fanOut.subscribe(zone1, Topics.CALLS_ZONE + "lantai-1");
    fanOut.subscribe(zone2, Topics.CALLS_ZONE + "lantai-2");
    fanOut.subscribe(both, Topics.CALLS);
    fanOut.subscribe(both, Topics.CALLS_ZONE + "lantai-1");

    assertThat(fanOut.call(call(7, "lantai-1"))).isEqualTo(7);

    assertThat(hall.seqs()).containsExactly(7L);
    assertThat(zone1.seqs()).containsExactly(7L);
    assertThat(zone2.got).isEmpty();
    assertThat(both.seqs()).containsExactly(7L);
  }

  @Test
  void aCountersTerminalsSeeItsOfficerAndTheScreensSeeTheCounterWithoutOfficerNames() {
    Inbox terminal = new Inbox("tab-1", false);
    Inbox otherCounter = new Inbox("tab-2", false);
    Inbox screen = new Inbox();
    fanOut.subscribe(terminal, Topics.COUNTER + "A1");
    fanOut.subscribe(otherCounter, Topics.COUNTER + "B1");
    fanOut.subscribe(screen, Topics.COUNTERS);

    fanOut.counter(counterEvent("A1"));

    assertThat(terminal.got).singleElement()
        .satisfies(j -> assertThat(j.getJsonObject("counter").getString("officer")).isEqualTo("Budi Santoso"));
    assertThat(otherCounter.got).isEmpty();
    assertThat(screen.got).singleElement().satisfies(j -> {
      assertThat(j.getString("type")).isEqualTo("counter");
      assertThat(j.getJsonObject("counter").getString("id")).isEqualTo("A1");
      assertThat(j.encode()).doesNotContain("Budi");
    });
  }

  @Test
  void queuesAndTheRunningTextGoToTheirFollowersOnly() {
    Inbox queues = new Inbox();
    Inbox hall = new Inbox();
    fanOut.subscribe(queues, Topics.QUEUES);
    fanOut.subscribe(hall, Topics.HALL);

    fanOut.queue(new JsonObject().put("type", "queue").put("service", "KTP").put("waiting", 3));
    fanOut.hall(new JsonObject().put("type", "hall").put("runningText", "Selamat datang"));

    assertThat(queues.values("type")).containsExactly("queue");
    assertThat(hall.values("type")).containsExactly("hall");
  }

  @Test
  void aTicketsFollowerGetsItsEventsWithoutTheTrackingTokenAndNobodyElseDoes() {
    Inbox phone = new Inbox();
    Inbox otherPhone = new Inbox();
    fanOut.subscribe(phone, Topics.TICKET + "tok-abcdefgh");
    fanOut.subscribe(otherPhone, Topics.TICKET + "tok-zzzzzzzz");
    JsonObject event = new JsonObject().put("type", "ticket")
        .put("ticket", new JsonObject().put("number", "A-001").put("trackingToken", "tok-abcdefgh"));

    fanOut.ticket(event);
    fanOut.ticket(new JsonObject().put("type", "ticket").put("ticket", new JsonObject().put("number", "A-002")));

    assertThat(phone.got).singleElement().satisfies(j -> {
      assertThat(j.getJsonObject("ticket").getString("number")).isEqualTo("A-001");
      assertThat(j.getJsonObject("ticket").containsKey("trackingToken")).isFalse();
    });
    assertThat(otherPhone.got).isEmpty();
    assertThat(event.getJsonObject("ticket").getString("trackingToken")).as("the published event is left as it was")
        .isEqualTo("tok-abcdefgh");
  }

  @Test
  void printJobsGoToTheKiosksAgentOnlyAndPrinterStatesToEveryoneFollowingIt() {
    Inbox agent = new Inbox(null, true);
    Inbox manager = new Inbox();
    Inbox otherKiosk = new Inbox(null, true);
    fanOut.subscribe(agent, Topics.PRINTER + "kiosk-1");
    fanOut.subscribe(manager, Topics.PRINTER + "kiosk-1");
    fanOut.subscribe(otherKiosk, Topics.PRINTER + "kiosk-2");

    fanOut.printer(new JsonObject().put("type", "print").put("kiosk", "kiosk-1").put("job", 5));
    fanOut.printer(new JsonObject().put("type", "printer").put("kiosk", "kiosk-1").put("status", "PAPER_OUT"));

    assertThat(agent.values("type")).containsExactly("print", "printer");
    assertThat(manager.values("type")).containsExactly("printer");
    assertThat(otherKiosk.got).isEmpty();
  }

  @Test
  void presenceReachesTheCountersOtherTerminalsButNotTheOneThatSpokeNorScreens() {
    Inbox speaker = new Inbox("tab-1", false);
    Inbox otherTab = new Inbox("tab-2", false);
    Inbox noTerminal = new Inbox();
    for (Inbox i : List.of(speaker, otherTab, noTerminal)) {
      fanOut.subscribe(i, Topics.COUNTER + "A1");
    }

    fanOut.presence(new JsonObject().put("counter", "A1").put("terminal", "tab-1").put("action", "join"));

    assertThat(speaker.got).isEmpty();
    assertThat(noTerminal.got).isEmpty();
    assertThat(otherTab.got).singleElement().satisfies(j -> {
      assertThat(j.getString("type")).isEqualTo("presence");
      assertThat(j.getString("action")).isEqualTo("join");
    });
  }

  @Test
  void anUnsubscribedTopicDeliversNothingMore() {
    Inbox display = new Inbox();
    fanOut.subscribe(display, Topics.CALLS);
    fanOut.subscribe(display, Topics.QUEUES);
    fanOut.unsubscribe(display, List.of(Topics.CALLS));

    fanOut.call(call(1, "lantai-1"));
    fanOut.queue(new JsonObject().put("type", "queue"));

    assertThat(display.values("type")).containsExactly("queue");
    assertThat(fanOut.subscribersOf(Topics.CALLS)).isEmpty();
  }

  @Test
  void callsArrivingDuringASnapshotFollowItsReplayInOrderAndTheReplayedOnesAreNotSentTwice() {
    FanOut<Connection> connections = new FanOut<>();
    FakeSocket socket = new FakeSocket();
    Connection display = new Connection(socket, 0);
    display.holdLiveEvents();
    connections.subscribe(display, Topics.CALLS);

    // live calls 5 and 6 are published while the snapshot, which replays 4 and 5, is read
    connections.call(call(5, "lantai-1"));
    connections.call(call(6, "lantai-1"));
    assertThat(socket.written).as("held during the snapshot").isEmpty();
    for (long seq : new long[] {4, 5}) {
      display.replayed.add(seq);
      display.send(call(seq, "lantai-1").put("replay", true).encode());
    }
    display.releaseLiveEvents();
    connections.call(call(7, "lantai-1"));

    assertThat(socket.seqs()).containsExactly(4L, 5L, 6L, 7L);
  }

  @Test
  void aSlowClientIsClosedForResyncAndDroppedWhileTheOthersStillGetEveryEvent() {
    FanOut<Connection> connections = new FanOut<>();
    FakeSocket slowSocket = new FakeSocket();
    FakeSocket fastSocket = new FakeSocket();
    Connection slow = new Connection(slowSocket, 0);
    Connection fast = new Connection(fastSocket, 0);
    connections.subscribe(slow, Topics.CALLS);
    connections.subscribe(fast, Topics.CALLS);

    connections.call(call(1, "lantai-1"));
    slowSocket.full = true;
    connections.call(call(2, "lantai-1"));
    slowSocket.full = false;
    connections.call(call(3, "lantai-1"));

    assertThat(slowSocket.seqs()).containsExactly(1L);
    assertThat(slowSocket.closedWith).isEqualTo(Connection.RESYNC);
    assertThat(slow.closed).isTrue();
    assertThat(fastSocket.seqs()).containsExactly(1L, 2L, 3L);
  }
}
