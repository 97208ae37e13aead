package id.antre.server.it;

import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.TicketStore;
import id.antre.server.queue.fakes.RepositoryContract;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * PostgreSQL keeps the repository contract that the services' unit tests assume of the in-memory
 * fake ({@code queue.fakes.InMemoryTicketsTest} runs the same checks on it).
 */
@CoreLane
class TicketStoreContractIT extends RepositoryContract {
  private HallFixture fixture;

  @Override
  protected Repos fresh() {
    fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    TicketStore store = new TicketStore(fixture.pool);
    return new Repos(store, store);
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Override
  protected <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Throwable failure(Future<?> f) {
    try {
      Object result = f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
