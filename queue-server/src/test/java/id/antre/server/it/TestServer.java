package id.antre.server.it;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Starts a real node in this JVM on a free port against a test database. */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "uji-coba-123";

  public final Vertx vertx;
  public final DbConfig db;
  public final AntreServer server;
  public final Api api;

  private TestServer(Vertx vertx, DbConfig db, AntreServer server) {
    this.vertx = vertx;
    this.db = db;
    this.server = server;
    this.api = new Api(server.port());
  }

  /** A node with exactly this configuration. */
  public static TestServer start(Vertx vertx, ServerConfig config, Clock clock) {
    AntreServer server = new AntreServer(vertx, config, clock).start().await();
    return new TestServer(vertx, config.db(), server);
  }

  public static String resourcePath(String resource) {
    try {
      return java.nio.file.Path.of(TestServer.class.getResource(resource).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public String kioskToken() {
    return server.demoSecrets().get("kiosk-1");
  }

  public String login(String user) {
    return api.login(user, PASSWORD);
  }

  @Override
  public void close() {
    server.stop().await();
  }
}
