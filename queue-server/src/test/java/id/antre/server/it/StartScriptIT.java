package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.lanes.CoreLane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/start gives the printed QR codes an address phones reach: ANTRE_PUBLIC_URL when set,
 * else the machine's LAN address, and with only loopback it says so. The network tools are
 * stand-ins on PATH, so the test does not depend on this machine's network. It runs a shell
 * function, with no node or database, so it needs no {@code HallFixture}.
 */
@CoreLane
class StartScriptIT {
  static final Path LIB = Path.of("..", "scripts", "lib.sh").toAbsolutePath().normalize();

  @TempDir
  Path bin;

  record Result(int exit, String out) {
  }

  void tool(String name, String output) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, "#!/bin/sh\nprintf '%s' '" + output + "'\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  Result run(String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". '" + LIB + "'; " + script);
    pb.environment().remove("ANTRE_PUBLIC_URL");
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Result(p.waitFor(), out);
  }

  @Test
  void theQrCodesGetTheLanAddressWhenThereIsOne() throws Exception {
    tool("ip", "1.1.1.1 via 192.168.1.1 dev eth0 src 192.168.1.23 uid 0\n    cache\n");
    assertThat(run("public_url 8080", Map.of())).isEqualTo(new Result(0, "http://192.168.1.23:8080"));
  }

  @Test
  void anAddressSetByTheOperatorWins() throws Exception {
    tool("ip", "1.1.1.1 via 192.168.1.1 dev eth0 src 192.168.1.23 uid 0\n");
    assertThat(run("public_url 8080", Map.of("ANTRE_PUBLIC_URL", "https://antre.example.go.id")))
        .isEqualTo(new Result(0, "https://antre.example.go.id"));
  }

  @Test
  void withOnlyLoopbackThereIsNoPublicUrlAndStartWarns() throws Exception {
    tool("ip", "");
    tool("hostname", "127.0.1.1\n");
    assertThat(run("public_url 8080", Map.of()).exit()).isNotZero();
    String start = Files.readString(Path.of("..", "scripts", "start"));
    assertThat(start).contains("public_url \"$ANTRE_PORT\"").contains("export ANTRE_PUBLIC_URL")
        .contains("which no visitor's phone can reach").contains("ANTRE_PUBLIC_URL=http://");
  }
}
