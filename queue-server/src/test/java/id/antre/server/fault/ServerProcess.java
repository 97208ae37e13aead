package id.antre.server.fault;

import id.antre.server.it.Ports;
import id.antre.server.persistence.DbConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
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
  /** Every line the process printed so far. */
  final java.util.List<String> output;

  private ServerProcess(Process process, int port, String kioskToken, java.util.concurrent.atomic.AtomicInteger stackLines,
      java.util.List<String> output) {
    this.process = process;
    this.port = port;
    this.kioskToken = kioskToken;
    this.stackLines = stackLines;
    this.output = output;
  }

  static ServerProcess start(DbConfig db, int port, String password, String hallFile, long deadlineMillis)
      throws Exception {
    return start(db, port, password, hallFile, deadlineMillis, Map.of(), java.util.List.of());
  }

  /**
   * A node with {@code extraEnv} (e.g. the ANTRE_CLUSTER_* settings) and JVM options such as
   * {@code -Dhazelcast.max.no.heartbeat.seconds=5}; a null password leaves ANTRE_DEMO_PASSWORD unset.
   * {@link #output} keeps every line it printed.
   */
  static ServerProcess start(DbConfig db, int port, String password, String hallFile, long deadlineMillis,
      Map<String, String> extraEnv, java.util.List<String> jvmOptions) throws Exception {
    String cp = "target/classes" + File.pathSeparator + Files.readString(Path.of("target/classpath.txt")).trim();
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    command.addAll(jvmOptions);
    command.addAll(java.util.List.of("-cp", cp, "id.antre.server.Main"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("ANTRE_PORT", Integer.toString(port));
    env.put("ANTRE_DB_NAME", db.database());
    env.put("ANTRE_DB_HOST", db.host());
    env.put("ANTRE_DB_PORT", Integer.toString(db.port()));
    env.put("ANTRE_DB_USER", db.user());
    env.put("ANTRE_DB_PASSWORD", db.password());
    env.put("ANTRE_DEMO", "1");
    if (password != null) {
      env.put("ANTRE_DEMO_PASSWORD", password);
    }
    env.put("ANTRE_HALL_FILE", hallFile);
    env.put("ANTRE_COMMAND_DEADLINE_MS", Long.toString(deadlineMillis));
    // the test's kiosks stand for a whole hall's bursts: far past one kiosk's issue limit
    env.put("ANTRE_ISSUE_PER_MINUTE", "1000000");
    env.put("ANTRE_ISSUE_BURST", "100000");
    env.putAll(extraEnv);
    Process p = pb.start();
    java.util.List<String> output = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    BlockingQueue<String> token = new LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicInteger stack = new java.util.concurrent.atomic.AtomicInteger();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
          if (line.startsWith("\tat ")) {
            stack.incrementAndGet();
          }
          if (line.contains("kiosk device token:")) {
            token.add(line.substring(line.indexOf(':') + 1).trim());
          } else if (line.contains("printed by the node that first started")) {
            // without a demo password only the node that created the tokens prints them
            token.add("");
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
    String kiosk = null;
    for (int s = 0; s < 90 && kiosk == null && p.isAlive(); s++) {
      kiosk = token.poll(1, TimeUnit.SECONDS);
    }
    if (kiosk == null) {
      p.destroyForcibly();
      String last;
      synchronized (output) {
        last = String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
      }
      throw new IllegalStateException("the server process did not start (" + (p.isAlive() ? "90 s" : "it exited")
          + "); its last lines:\n" + last);
    }
    return new ServerProcess(p, port, kiosk, stack, output);
  }

  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Sends a signal (TERM, STOP, CONT) to the process. */
  void signal(String name) {
    FaultCluster.run(java.util.List.of("kill", "-" + name, Long.toString(process.pid())), false);
  }

  /** A port free now, below the kernel's ephemeral range ({@link Ports#free()}). */
  static int freePort() {
    return Ports.free();
  }
}
