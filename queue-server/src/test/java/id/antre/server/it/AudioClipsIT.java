package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.ServerConfig;
import id.antre.server.persistence.DbConfig;
import id.antre.server.realtime.GatewayOptions;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A hall's own recordings in ANTRE_AUDIO_DIR replace the bundled voice clips of the same name. */
class AudioClipsIT {

  @Test
  void aHallsOwnClipWinsAndTheOthersStayBundled() throws Exception {
    Vertx vertx = Vertx.vertx();
    DbConfig db = TestDb.create(vertx);
    Path dir = Files.createTempDirectory("antre-audio");
    byte[] own = "RIFF our own chime".getBytes(StandardCharsets.US_ASCII);
    Files.write(dir.resolve("chime.wav"), own);
    ServerConfig config = new ServerConfig(0, db, Optional.of(TestServer.resourcePath("/halls/small.yaml")), true, false,
        Optional.of(TestServer.PASSWORD), Duration.ofHours(1), 1, "http://127.0.0.1:0", GatewayOptions.defaults(),
        Optional.empty(), Optional.of(dir.toString()));
    AntreServer server = new AntreServer(vertx, config, Clock.systemUTC()).start().await();
    HttpClient http = HttpClient.newHttpClient();
    try {
      HttpResponse<byte[]> chime = get(http, server, "/audio/chime.wav");
      assertThat(chime.statusCode()).isEqualTo(200);
      assertThat(chime.body()).isEqualTo(own);
      HttpResponse<byte[]> bundled = get(http, server, "/audio/satu.wav");
      assertThat(bundled.statusCode()).isEqualTo(200);
      assertThat(new String(bundled.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
      assertThat(bundled.body().length).isGreaterThan(1000);
      assertThat(get(http, server, "/audio/Chime.WAV").statusCode()).isEqualTo(404);
      assertThat(get(http, server, "/audio/..%2Fsecret.wav").statusCode()).isEqualTo(404);
    } finally {
      server.stop().await();
      TestDb.drop(vertx, db);
      vertx.close().await();
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, AntreServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
