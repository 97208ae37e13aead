package id.antre.server.it;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client for tests (the JDK's), collecting every message it receives. */
public final class WsClient implements AutoCloseable {
  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket ws;

  public WsClient(int port) {
    ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              messages.add(new JsonObject(partial.toString()));
              partial.setLength(0);
            }
            socket.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
          }

          @Override
          public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
          }
        }).join();
  }

  public WsClient send(JsonObject msg) {
    ws.sendText(msg.encode(), true).join();
    return this;
  }

  public WsClient sendRaw(String text) {
    ws.sendText(text, true).join();
    return this;
  }

  public WsClient subscribe(Long since, String... topics) {
    JsonObject msg = new JsonObject().put("type", "subscribe").put("topics", new io.vertx.core.json.JsonArray(List.of(topics)));
    if (since != null) {
      msg.put("since", since);
    }
    return send(msg);
  }

  /**
   * Everything received up to the answer to a ping sent now: the server answers in order, so
   * nothing it wrote before the ping is missed, and what it did not send is known not to come.
   */
  public List<JsonObject> untilPong() {
    send(new JsonObject().put("type", "ping"));
    List<JsonObject> seen = new ArrayList<>();
    next(m -> {
      seen.add(m);
      return "pong".equals(m.getString("type"));
    }, Duration.ofSeconds(20));
    return seen;
  }

  /** The next message matching, skipping others (heartbeats, other types); fails after the timeout. */
  public JsonObject next(Predicate<JsonObject> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no matching message within " + timeout);
        }
        if (match.test(m)) {
          return m;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public JsonObject next(String type) {
    return next(m -> type.equals(m.getString("type")), Duration.ofSeconds(20));
  }

  /** Every message of the type received within the window. */
  public List<JsonObject> drain(String type, Duration window) {
    List<JsonObject> out = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        JsonObject m = messages.poll(50, TimeUnit.MILLISECONDS);
        if (m != null && type.equals(m.getString("type"))) {
          out.add(m);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    }
    ws.abort();
  }
}
