package id.antre.server.queue.fakes;

import id.antre.server.config.HallConfigParser;
import id.antre.server.domain.Hall;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The in-memory repositories keep the contract that {@code TicketStore} keeps in PostgreSQL. */
class InMemoryTicketsTest extends RepositoryContract {
  private static final Hall SMALL = smallHall();

  static Hall smallHall() {
    try (InputStream in = InMemoryTicketsTest.class.getResourceAsStream("/halls/small.yaml")) {
      return HallConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Repos fresh() {
    InMemoryTickets store = new InMemoryTickets(SMALL);
    return new Repos(store, store);
  }

  @Override
  protected <T> T await(Future<T> f) {
    if (f.failed()) {
      throw new AssertionError(f.cause());
    }
    return f.result();
  }

  @Override
  protected Throwable failure(Future<?> f) {
    if (!f.failed()) {
      throw new AssertionError("expected a failure, got " + f.result());
    }
    return f.cause();
  }
}
