package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.ServerConfig;
import id.antre.server.config.HallConfigParser;
import id.antre.server.lanes.CoreLane;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hall's configuration read, changed and exported through the API while the hall runs. */
@CoreLane
class LiveConfigIT {
  HallFixture f;
  Api api;
  String admin;
  String manager;

  @BeforeEach
  void start() {
    f = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
    api = f.api();
    admin = f.login("admin");
    manager = f.login("manager");
  }

  @AfterEach
  void stop() {
    f.close();
  }

  JsonObject config() {
    Api.Response r = api.get("/api/v1/config", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  long version() {
    return Long.parseLong(etag("/api/v1/config", admin));
  }

  Api.Response put(JsonObject config, long version) {
    return api.send("PUT", "/api/v1/config?version=" + version, admin, config.encode());
  }

  static JsonObject agency(JsonObject config, String code) {
    return config.getJsonArray("agencies").stream().map(JsonObject.class::cast)
        .filter(a -> a.getString("code").equals(code)).findFirst().orElseThrow();
  }

  static JsonObject service(JsonObject config, String code) {
    return config.getJsonArray("agencies").stream().map(JsonObject.class::cast)
        .flatMap(a -> a.getJsonArray("services").stream().map(JsonObject.class::cast))
        .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
  }

  static JsonObject counter(JsonObject config, String id) {
    return config.getJsonArray("counters").stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
  }

  Api.Response issue(String service) {
    return api.post("/api/v1/tickets", f.kioskToken(), new JsonObject().put("service", service));
  }

  @Test
  void managersReadTheHallAsItsFileAndOnlyAdministratorsChangeIt() {
    Api.Response read = api.get("/api/v1/config", manager);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getJsonObject("hall").getString("name")).isEqualTo("MPP UJI");
    assertThat(read.json().getString("ticketFooter")).isEqualTo("Layanan ini tidak dipungut biaya");
    assertThat(etag("/api/v1/config", manager)).isEqualTo("1");
    Api.Response change = api.send("PUT", "/api/v1/config?version=1", manager, read.body());
    assertThat(change.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/config", f.login("koordinator-dukcapil")).status()).isEqualTo(403);
  }

  @Test
  void aNewServiceAndANewQuotaApplyAtOnceWithoutARestart() {
    JsonObject c = config();
    agency(c, "DUKCAPIL").getJsonArray("services").add(new JsonObject().put("code", "NPWP").put("prefix", "N")
        .put("name", "NPWP Pribadi").put("dailyQuota", 10));
    service(c, "KTP").put("dailyQuota", 1);
    counter(c, "2").put("services", new JsonArray().add("NPWP").add("KK"));
    c.put("runningText", "Teks baru dari admin");
    Api.Response r = put(c, 1);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(version()).isEqualTo(2);

    JsonObject hall = api.get("/api/v1/hall", null).json();
    assertThat(hall.encode()).contains("\"NPWP\"").contains("Teks baru dari admin");
    Api.Response npwp = issue("NPWP");
    assertThat(npwp.status()).as(npwp.body()).isEqualTo(201);
    assertThat(npwp.json().getString("number")).isEqualTo("N001");
    assertThat(issue("KTP").status()).isEqualTo(201);
    assertThat(issue("KTP").code()).isEqualTo("QUOTA_EXHAUSTED");
    assertThat(f.pool.query("SELECT active FROM service WHERE code = 'NPWP'").execute().await().iterator().next()
        .getBoolean(0)).isTrue();

    JsonObject audit = new JsonArray(api.get("/api/v1/audit?action=config", admin).body()).getJsonObject(0);
    assertThat(audit.getString("actor")).isEqualTo("admin");
    assertThat(audit.getString("action")).isEqualTo("config.update");
    assertThat(audit.getValue("before").toString()).contains("Selamat datang di MPP Uji").doesNotContain("NPWP");
    assertThat(audit.getValue("after").toString()).contains("Teks baru dari admin").contains("NPWP");
  }

  @Test
  void badInputIsRefusedWithTheFilesOwnMessageAndChangesNothing() {
    JsonObject c = config();
    counter(c, "1").put("services", new JsonArray().add("TIDAK-ADA"));
    Api.Response r = put(c, 1);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("INVALID_CONFIG");
    assertThat(r.json().getString("field")).isEqualTo("counters[0].services");
    assertThat(r.json().getString("detail")).isEqualTo("counters[0].services: unknown service TIDAK-ADA");

    Api.Response unknownField = put(config().put("warna", "merah"), 1);
    assertThat(unknownField.code()).isEqualTo("INVALID_CONFIG");
    assertThat(unknownField.json().getString("field")).isEqualTo("warna");
    assertThat(api.send("PUT", "/api/v1/config?version=1", admin, "hall: [tidak: valid").code())
        .isEqualTo("INVALID_CONFIG");
    assertThat(api.send("PUT", "/api/v1/config", admin, config().encode()).code()).as("no version given")
        .isEqualTo("INVALID_REQUEST");
    assertThat(api.send("PUT", "/api/v1/config?version=1", admin, "").code()).isEqualTo("INVALID_REQUEST");

    assertThat(version()).isEqualTo(1);
    assertThat(counter(config(), "1").getJsonArray("services").getList()).containsExactly("KTP", "KK", "AKTA");
  }

  @Test
  void aChangeMadeOnAnOlderVersionIsRefusedSoTwoAdministratorsDoNotOverwriteEachOther() throws Exception {
    JsonObject mine = config();
    JsonObject theirs = config();
    theirs.put("runningText", "Perubahan admin lain");
    assertThat(put(theirs, 1).status()).isEqualTo(200);
    mine.put("ticketFooter", "Perubahan saya");
    Api.Response late = put(mine, 1);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.code()).isEqualTo("CONFIG_CONFLICT");
    assertThat(config().getString("ticketFooter")).isEqualTo("Layanan ini tidak dipungut biaya");

    HttpResponse<String> withIfMatch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + f.port() + "/api/v1/config"))
        .header("Authorization", "Bearer " + admin).header("If-Match", "\"2\"")
        .PUT(HttpRequest.BodyPublishers.ofString(config().put("ticketFooter", "Perubahan saya").encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(withIfMatch.statusCode()).as(withIfMatch.body()).isEqualTo(200);
    assertThat(withIfMatch.headers().firstValue("ETag")).contains("\"3\"");
  }

  @Test
  void removingAServiceWithOpenTicketsOrAnOpenCounterIsRefused() {
    assertThat(issue("AKTA").status()).isEqualTo(201);
    JsonObject c = config();
    agency(c, "DUKCAPIL").getJsonArray("services").remove(2);
    c.getJsonArray("counters").stream().map(JsonObject.class::cast).forEach(x -> {
      x.getJsonArray("services").remove("AKTA");
      if (x.containsKey("weights")) {
        x.getJsonObject("weights").remove("AKTA");
      }
    });
    Api.Response r = put(c, 1);
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("CONFIG_IN_USE");
    assertThat(r.json().getString("detail")).contains("AKTA (1)");

    String officer = f.login("petugas-polres");
    assertThat(api.post("/api/v1/counters/P1/open", officer, (String) null).status()).isEqualTo(200);
    JsonObject withoutP1 = config();
    withoutP1.getJsonArray("counters").remove(20);
    Api.Response open = put(withoutP1, 1);
    assertThat(open.code()).isEqualTo("CONFIG_IN_USE");
    assertThat(open.json().getString("field")).isEqualTo("counters");
    assertThat(open.json().getString("detail")).contains("P1");
    assertThat(version()).isEqualTo(1);

    JsonObject zone = config();
    zone.getJsonObject("hall").put("timeZone", "Asia/Makassar");
    assertThat(put(zone, 1).code()).isEqualTo("CONFIG_IN_USE");
  }

  @Test
  void aServiceWithoutTicketsIsRetiredAndItsPrefixMayBeTakenByAnother() {
    JsonObject c = config();
    agency(c, "DUKCAPIL").getJsonArray("services").remove(2); // AKTA, prefix C
    c.getJsonArray("counters").stream().map(JsonObject.class::cast).forEach(x -> {
      x.getJsonArray("services").remove("AKTA");
      if (x.containsKey("weights")) {
        x.getJsonObject("weights").remove("AKTA");
      }
    });
    service(c, "KK").put("prefix", "C");
    Api.Response r = put(c, 1);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(issue("AKTA").code()).isEqualTo("UNKNOWN_SERVICE");
    assertThat(issue("KK").json().getString("number")).startsWith("C");
  }

  @Test
  void aCounterReassignedByTheConfigurationCallsFromItsNewServiceAtOnce() {
    String officer = f.login("petugas-dukcapil");
    assertThat(api.post("/api/v1/counters/1/open", officer, (String) null).status()).isEqualTo(200);
    // counter 1 has just been viewed for planning (its 5 s cache is warm) and calls KTP first
    assertThat(api.post("/api/v1/counters/1/call-next", officer, (String) null).status()).isEqualTo(204);
    assertThat(issue("KTP").status()).isEqualTo(201);
    String kk = issue("KK").json().getString("number");

    JsonObject c = config();
    counter(c, "1").put("services", new JsonArray().add("KK"));
    assertThat(put(c, 1).status()).isEqualTo(200);
    Api.Response called = api.post("/api/v1/counters/1/call-next", officer, (String) null);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    assertThat(called.json().getString("number")).isEqualTo(kk);
  }

  @Test
  void theExportedHallFileImportsBackToTheSameHallAndStartsAFreshServer() throws IOException {
    JsonObject c = config();
    c.put("ticketFooter", "Simpan tiket Anda").getJsonObject("voice").put("reading", "digits");
    counter(c, "3").put("weights", new JsonObject().put("AKTA", 2).put("KTP", 1).put("KK", 1));
    assertThat(put(c, 1).status()).isEqualTo(200);
    JsonObject before = config();

    Api.Response yaml = api.get("/api/v1/config.yaml", manager);
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.contentType()).startsWith("application/yaml");
    assertThat(HallConfigParser.parse(yaml.body())).isEqualTo(f.hall.server.hall());
    Api.Response back = api.send("PUT", "/api/v1/config?version=2", admin, yaml.body());
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(version()).as("the same hall: nothing to change").isEqualTo(2);
    assertThat(config()).isEqualTo(before);

    Path file = Files.createTempFile("hall", ".yaml");
    try {
      Files.writeString(file, yaml.body());
      try (HallFixture fresh = HallFixture.builder().config(cfg -> withHallFile(cfg, file.toString())).start()) {
        assertThat(fresh.hall.server.hall()).isEqualTo(f.hall.server.hall());
        assertThat(fresh.api().get("/api/v1/config", fresh.login("admin")).json()).isEqualTo(before);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  String etag(String path, String token) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + f.port() + path)).header("Authorization", "Bearer " + token).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return r.headers().firstValue("ETag").orElseThrow().replace("\"", "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ServerConfig withHallFile(ServerConfig c, String file) {
    return new ServerConfig(c.port(), c.db(), Optional.of(file), c.demo(), c.realHours(), c.demoPassword(),
        c.tokenLifetime(), c.verticles(), c.publicUrl(), c.gateway(), c.localPrinter(), c.audioDir(), c.limits(),
        c.httpIdleTimeout(), c.printBacklog(), c.commandDeadline());
  }
}
