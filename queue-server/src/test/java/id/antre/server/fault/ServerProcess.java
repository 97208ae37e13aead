package id.antre.server.fault;

import id.antre.server.persistence.DbConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A node as its own JVM process (killed with SIGKILL by the tests), on the small test hall. */
final class ServerProcess {
  final Process process;
  final int port;
  final String kioskToken;
  /** Stack trace lines the process printed: a database outage must not print one per request. */
  final java.util.concurrent.atomic.AtomicInteger stackLines;

  private ServerProcess(Process process, int port, String kioskToken, java.util.concurrent.atomic.AtomicInteger stackLines) {
    this.process = process;
    this.port = port;
    this.kioskToken = kioskToken;
    this.stackLines = stackLines;
  }

  static ServerProcess start(DbConfig db, int port, String password, String hallFile, long deadlineMillis)
      throws Exception {
    String cp = "target/classes" + File.pathSeparator + Files.readString(Path.of("target/classpath.txt")).trim();
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", cp, "id.antre.server.Main").redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("ANTRE_PORT", Integer.toString(port));
    env.put("ANTRE_DB_NAME", db.database());
    env.put("ANTRE_DB_HOST", db.host());
    env.put("ANTRE_DB_PORT", Integer.toString(db.port()));
    env.put("ANTRE_DB_USER", db.user());
    env.put("ANTRE_DB_PASSWORD", db.password());
    env.put("ANTRE_DEMO", "1");
    env.put("ANTRE_DEMO_PASSWORD", password);
    env.put("ANTRE_HALL_FILE", hallFile);
    env.put("ANTRE_COMMAND_DEADLINE_MS", Long.toString(deadlineMillis));
    // the test's kiosks stand for a whole hall's bursts: far past one kiosk's issue limit
    env.put("ANTRE_ISSUE_PER_MINUTE", "1000000");
    env.put("ANTRE_ISSUE_BURST", "100000");
    Process p = pb.start();
    BlockingQueue<String> token = new LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicInteger stack = new java.util.concurrent.atomic.AtomicInteger();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("\tat ")) {
            stack.incrementAndGet();
          }
          if (line.contains("kiosk device token:")) {
            token.add(line.substring(line.indexOf(':') + 1).trim());
          }
          if (line.contains("Exception") || line.contains("WARN") || line.contains("ERROR")) {
            System.out.println("[server " + p.pid() + "] " + line);
          }
        }
      } catch (java.io.IOException e) {
        // the process was killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    String kiosk = token.poll(90, TimeUnit.SECONDS);
    if (kiosk == null) {
      p.destroyForcibly();
      throw new IllegalStateException("the server process did not start within 90 s");
    }
    return new ServerProcess(p, port, kiosk, stack);
  }

  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
