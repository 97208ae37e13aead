package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.AntreServer;
import id.antre.server.lanes.CoreLane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A hall's own recordings in ANTRE_AUDIO_DIR replace the bundled voice clips of the same name. */
@CoreLane
class AudioClipsIT {

  @Test
  void aHallsOwnClipWinsAndTheOthersStayBundled() throws Exception {
    Path dir = Files.createTempDirectory("antre-audio");
    byte[] own = "RIFF our own chime".getBytes(StandardCharsets.US_ASCII);
    Files.write(dir.resolve("chime.wav"), own);
    HttpClient http = HttpClient.newHttpClient();
    try (HallFixture fixture = HallFixture.builder().audioDir(dir.toString()).start()) {
      AntreServer server = fixture.hall.server;
      HttpResponse<byte[]> chime = get(http, server, "/audio/chime.wav");
      assertThat(chime.statusCode()).isEqualTo(200);
      assertThat(chime.body()).isEqualTo(own);
      HttpResponse<byte[]> bundled = get(http, server, "/audio/satu.wav");
      assertThat(bundled.statusCode()).isEqualTo(200);
      assertThat(new String(bundled.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
      assertThat(bundled.body().length).isGreaterThan(1000);
      assertThat(get(http, server, "/audio/Chime.WAV").statusCode()).isEqualTo(404);
      assertThat(get(http, server, "/audio/..%2Fsecret.wav").statusCode()).isEqualTo(404);
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, AntreServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
