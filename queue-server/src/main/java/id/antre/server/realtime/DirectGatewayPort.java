package id.antre.server.realtime;

import id.antre.server.auth.Actor;
import id.antre.server.queue.Application;
import id.antre.server.queue.Deadline;
import id.antre.server.queue.HallOverview;
import id.antre.server.view.Views;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The gateway's questions answered by this node's application, called directly on the gateway's event loop. */
public final class DirectGatewayPort implements GatewayPort {
  private final Application app;
  private final Views views;
  private final Duration deadline;

  public DirectGatewayPort(Application app, Duration deadline) {
    this.app = app;
    this.views = new Views(app.hall(), app.issuing());
    this.deadline = deadline;
  }

  private <T> Future<T> within(Supplier<Future<T>> command) {
    return Deadline.after(deadline).run(command);
  }

  @Override
  public Future<JsonObject> calls(long since, String zone, int limit) {
    return within(() -> app.overview().callsAfter(since, zone, limit).map(views::calls));
  }

  @Override
  public Future<List<Long>> callSeqs(long since, int limit) {
    return within(() -> app.overview().callSeqsAfter(since, limit));
  }

  @Override
  public Future<JsonObject> callsAt(List<Long> seqs) {
    return within(() -> app.overview().callsAt(seqs).map(calls -> views.calls(new HallOverview.Calls(0, calls))));
  }

  @Override
  public Future<JsonObject> queues() {
    return within(() -> app.overview().services().map(s -> views.queues(s, app.overview().now())));
  }

  @Override
  public Future<JsonObject> runningText() {
    return within(() -> app.overview().runningText().map(views::runningText));
  }

  @Override
  public Future<JsonObject> publicCounters() {
    return within(() -> app.overview().counters().map(views::publicCounters));
  }

  @Override
  public Future<JsonObject> counter(Actor actor, String counterId) {
    return within(() -> app.counterAdmin().counter(actor, counterId).map(views::desk));
  }

  @Override
  public Future<JsonObject> tracking(String token) {
    return within(() -> app.issuing().track(token).map(views::tracking));
  }

  @Override
  public Future<JsonObject> printerState(String kiosk) {
    return within(() -> app.printing().printerState(kiosk));
  }

  @Override
  public Future<List<JsonObject>> pendingJobs(String kiosk) {
    return within(() -> app.printing().pending(kiosk));
  }

  @Override
  public Future<JsonObject> printResult(Actor agent, long job, boolean printed, String error) {
    return within(() -> app.printing().result(agent, job, printed, error));
  }

  @Override
  public Future<JsonObject> printerStatus(Actor agent, String status, String detail, String connection) {
    return within(() -> app.printing().printerStatus(agent, status, detail, connection));
  }

  @Override
  public Future<JsonObject> agentGone(Actor agent, String connection) {
    return within(() -> app.printing().agentGone(agent, connection));
  }
}
