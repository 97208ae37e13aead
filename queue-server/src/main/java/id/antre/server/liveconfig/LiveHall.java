package id.antre.server.liveconfig;

import id.antre.server.bus.Addresses;
import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.Hall;
import id.antre.server.domain.HallRef;
import id.antre.server.persistence.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node on the hall configuration in force. A change made on any node is announced on
 * the bus ({@link Addresses#HALL_CHANGED}); each node then reads the stored file, parses it and
 * swaps its {@link HallRef}. A node that missed the announcement (it was joining, the bus was
 * split) sees the new version at its next poll. After a swap the node's pages hear of it through
 * the {@code hall} topic ({@link Addresses#HALL_HERE}) and read the hall again.
 */
public final class LiveHall {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHall.class);
  /** How often a node asks PostgreSQL for the version in force, in case it missed an announcement. */
  public static final long POLL_MS = 5_000;

  private final Vertx vertx;
  private final HallRef halls;
  private final ConfigStore store;
  private final Function<Hall, Future<String>> afterSwap;
  private MessageConsumer<JsonObject> consumer;
  private long timer = -1;
  private Future<Void> reading = Future.succeededFuture();

  /**
   * @param afterSwap what the node does once a new hall is in force (refresh its estimates); answers
   *     the running text the displays show now
   */
  public LiveHall(Vertx vertx, HallRef halls, ConfigStore store, Function<Hall, Future<String>> afterSwap) {
    this.vertx = vertx;
    this.halls = halls;
    this.store = store;
    this.afterSwap = afterSwap;
  }

  public HallRef halls() {
    return halls;
  }

  public Future<Void> start() {
    consumer = vertx.eventBus().<JsonObject>consumer(Addresses.HALL_CHANGED,
        m -> catchUp(m.body().getLong("version", 0L)));
    timer = vertx.setPeriodic(POLL_MS, id -> store.version().onSuccess(this::catchUp));
    return consumer.completion();
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Puts a configuration this node committed in force here, and tells every other node. */
  public Future<Void> committed(Hall hall, long version) {
    vertx.eventBus().publish(Addresses.HALL_CHANGED, new JsonObject().put("version", version));
    return swap(hall, version);
  }

  /** Reads the stored configuration when it is newer than the one in force here. */
  public Future<Void> catchUp(long version) {
    if (version <= halls.version()) {
      return Future.succeededFuture();
    }
    // one read at a time: an announcement and a poll arriving together read once
    reading = reading.transform(done -> version <= halls.version() ? Future.succeededFuture()
        : store.current().compose(stored -> vertx.executeBlocking(() -> HallConfigParser.parse(stored.config()))
            .compose(hall -> swap(hall, stored.version()))))
        .onFailure(e -> LOG.warn("hall configuration version {} not read yet; trying again at the next poll", version, e));
    return reading;
  }

  private Future<Void> swap(Hall hall, long version) {
    if (!halls.swap(hall, version)) {
      return Future.succeededFuture();
    }
    LOG.info("hall configuration version {} in force: {} services, {} counters", version, hall.services().size(),
        hall.counters().size());
    return afterSwap.apply(hall).recover(e -> Future.succeededFuture(hall.runningText())).map(text -> {
      vertx.eventBus().publish(Addresses.HALL_HERE, new JsonObject().put("type", "hall").put("version", version)
          .put("runningText", text), new DeliveryOptions().setLocalOnly(true));
      return null;
    });
  }
}
