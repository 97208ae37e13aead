package id.antre.server.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SharedJsonTest {
  private final SharedJson codec = new SharedJson();

  @Test
  void onThisNodeEveryConsumerGetsThePublishedObjectItself() {
    JsonObject call = new JsonObject().put("type", "call").put("seq", 7L);

    assertThat(codec.transform(call)).isSameAs(call);
  }

  @Test
  void anotherNodeGetsAnEqualObjectAfterWhateverCameBeforeInTheFrame() {
    JsonObject event = new JsonObject().put("type", "ticket").put("event", "CALL")
        .put("ticket", new JsonObject().put("number", "A-001").put("trackingToken", "t0k3n"))
        .put("list", new JsonArray().add(1).add("dua")).put("nama", "Kantor Pertanahan Kab. Cirebon — loket 3");
    Buffer frame = Buffer.buffer("header");
    codec.encodeToWire(frame, event);
    frame.appendString("trailer");

    assertThat(codec.decodeFromWire("header".length(), frame)).isEqualTo(event);
  }

  @Test
  void itIsNamedForDeliveryOptionsAndIsNoSystemCodec() {
    assertThat(SharedJson.DELIVERY.getCodecName()).isEqualTo(SharedJson.NAME).isEqualTo(codec.name());
    assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
  }
}
