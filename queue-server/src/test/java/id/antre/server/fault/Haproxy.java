package id.antre.server.fault;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in front of a cluster's nodes, as docs/deployment.md configures it (health check on
 * /health/ready every 500 ms here, sessions to a node marked down cut), in the foreground, for
 * one test. {@code balance first}: every client goes to the first node while it is up, so a test
 * knows which node its page is on. {@code scripts/test --lane cluster} installs HAProxy.
 */
final class Haproxy implements AutoCloseable {
  final int port;
  private final Process process;
  private final Path dir;

  private Haproxy(int port, Process process, Path dir) {
    this.port = port;
    this.process = process;
    this.dir = dir;
  }

  static Haproxy inFrontOf(List<Integer> nodePorts) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
      throw new IllegalStateException("HAProxy not found at /usr/sbin/haproxy: apt-get install -y haproxy "
          + "(scripts/test --lane cluster does)");
    }
    int port = ServerProcess.freePort();
    Path dir = Files.createTempDirectory("antre-haproxy-");
    StringBuilder cfg = new StringBuilder("""
        global
          maxconn 1000
        defaults
          mode http
          timeout connect 1s
          timeout client 60s
          timeout server 60s
          timeout tunnel 1h
          retries 2
          option redispatch
          option forwardfor
        frontend antre
          bind 127.0.0.1:%d
          default_backend nodes
        backend nodes
          balance first
          option httpchk GET /health/ready
          http-check expect status 200
          default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions
        """.formatted(port));
    for (int i = 0; i < nodePorts.size(); i++) {
      cfg.append("  server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
    }
    Path file = dir.resolve("haproxy.cfg");
    Files.writeString(file, cfg.toString(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        break;
      } catch (IOException e) {
        if (System.nanoTime() > until || !p.isAlive()) {
          p.destroyForcibly();
          throw new IllegalStateException("HAProxy did not start: " + Files.readString(dir.resolve("haproxy.log")));
        }
        Thread.sleep(50);
      }
    }
    return new Haproxy(port, p, dir);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
