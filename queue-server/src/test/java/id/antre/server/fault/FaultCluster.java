package id.antre.server.fault;

import id.antre.server.persistence.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL cluster kept for fault tests ({@code scripts/lib.sh ensure_fault_postgres}: cluster
 * "faults" on port ANTRE_FAULT_DB_PORT, default 5433): stopped, started, killed and frozen here,
 * never the main one. Missing, it fails the test by name rather than skipping it.
 */
final class FaultCluster {
  final String version;
  final int port;
  final Path dataDir;
  final DbConfig base;

  private FaultCluster(String version, int port, Path dataDir, DbConfig base) {
    this.version = version;
    this.port = port;
    this.dataDir = dataDir;
    this.base = base;
  }

  static FaultCluster find() {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("ANTRE_FAULT_DB_PORT", "5433"));
    String listing = run(List.of("pg_lsclusters", "-h"), true);
    for (String line : listing.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 6 && f[1].equals("faults") && Integer.parseInt(f[2]) == port) {
        DbConfig base = new DbConfig("127.0.0.1", port, env.getOrDefault("ANTRE_DB_NAME", "antre"),
            env.getOrDefault("ANTRE_DB_USER", "antre"), env.getOrDefault("ANTRE_DB_PASSWORD", "antre"), 12);
        return new FaultCluster(f[0], port, Path.of(f[5]), base);
      }
    }
    throw new IllegalStateException("the PostgreSQL cluster for fault tests is missing: no cluster 'faults' on port "
        + port + " in pg_lsclusters. Create it with: . scripts/lib.sh && ensure_fault_postgres");
  }

  DbConfig createDatabase(Vertx vertx) {
    String name = "antre_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin(vertx, "CREATE DATABASE " + name);
    return new DbConfig(base.host(), base.port(), name, base.user(), base.password(), base.poolSize());
  }

  void dropDatabase(Vertx vertx, DbConfig db) {
    admin(vertx, "DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
  }

  private void admin(Vertx vertx, String sql) {
    Pool pool = pool(vertx, base);
    try {
      pool.query(sql).execute().await();
    } finally {
      pool.close().await();
    }
  }

  static Pool pool(Vertx vertx, DbConfig db) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
        .connectingTo(new PgConnectOptions().setHost(db.host()).setPort(db.port())
            .setDatabase(db.database()).setUser(db.user()).setPassword(db.password()))
        .using(vertx).build();
  }

  void start() {
    run(List.of("pg_ctlcluster", version, "faults", "start"), false);
  }

  void stop() {
    run(List.of("pg_ctlcluster", version, "faults", "stop", "-m", "fast"), false);
  }

  boolean online() {
    return run(List.of("pg_lsclusters", "-h"), true).lines()
        .anyMatch(l -> l.contains(" faults ") && l.contains("online"));
  }

  /** Starts the cluster again after a crash, once the dead cluster's last backends are gone. */
  void startAfterCrash() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!online()) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the fault cluster did not start again after a crash");
      }
      try {
        start();
      } catch (IllegalStateException e) {
        Thread.sleep(500);
      }
    }
  }

  long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim());
    } catch (IOException e) {
      throw new IllegalStateException("no postmaster.pid in " + dataDir + ": is the fault cluster running?", e);
    }
  }

  /** The postmaster and every process it started (backends, checkpointer, WAL writer...). */
  List<ProcessHandle> processes() {
    ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
        .orElseThrow(() -> new IllegalStateException("the postmaster is not running"));
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.children()).toList();
  }

  /** kill -9 of the postmaster and all its processes: a crash. */
  void crash() {
    processes().forEach(ProcessHandle::destroyForcibly);
  }

  /** SIGSTOP (or SIGCONT) to the postmaster and its processes: a hang, not a refusal. */
  void signal(String signal, List<ProcessHandle> processes) {
    List<String> cmd = new java.util.ArrayList<>(List.of("kill", "-" + signal));
    processes.forEach(p -> cmd.add(Long.toString(p.pid())));
    run(cmd, false);
  }

  static String run(List<String> command, boolean output) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(command + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
