package id.antre.server.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * The codec of the events {@link BusEvents} publishes: on this node every consumer gets the same
 * object, not a deep copy of its own (Vert.x's JSON codec copies a message once for each local
 * consumer; with two gateways that was 8 % of a call-next's CPU, in a flight recording of the
 * open-loop curve). So an event must not change once published, and no consumer may change
 * one: those that need another shape copy it first ({@code FanOut.ticket}, {@code RecentCalls.Call.of},
 * {@code JsonViews.publicCounter}), and they may run on different event loops at once, reading only.
 * Other nodes get it encoded, as before.
 */
public final class SharedJson implements MessageCodec<JsonObject, JsonObject> {
  public static final String NAME = "antre-shared-json";
  /** Publish with these to use the codec. */
  public static final DeliveryOptions DELIVERY = new DeliveryOptions().setCodecName(NAME);

  /** Registers the codec on this bus unless it is there already (several servers may share a Vert.x). */
  public static void registerOn(EventBus bus) {
    try {
      bus.registerCodec(new SharedJson());
    } catch (IllegalStateException alreadyThere) {
      // registered by another server of this Vert.x instance
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject json) {
    Buffer encoded = json.toBuffer();
    buffer.appendInt(encoded.length());
    buffer.appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject json) {
    return json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
