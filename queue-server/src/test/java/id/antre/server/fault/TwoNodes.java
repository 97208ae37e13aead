package id.antre.server.fault;

import id.antre.server.it.TestServer;
import id.antre.server.persistence.DbConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Nodes of one cluster as their own processes on loopback, with their own cluster name and short
 * Hazelcast failure detection (a dead peer is dropped in seconds, not the default 60 s).
 */
final class TwoNodes implements AutoCloseable {
  static final List<String> JVM = List.of("-Dhazelcast.max.no.heartbeat.seconds=6",
      "-Dhazelcast.heartbeat.interval.seconds=1", "-Dhazelcast.merge.first.run.delay.seconds=10",
      "-Dhazelcast.merge.next.run.delay.seconds=10", "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  final List<ServerProcess> nodes = new ArrayList<>();

  /**
   * Starts {@code count} nodes at the same moment on {@code db} (small test hall).
   *
   * @param password the demo password, or null for none (each node would invent its own)
   * @param extra    more environment for every node
   */
  static TwoNodes start(DbConfig db, int count, String password, Map<String, String> extra) throws Exception {
    String cluster = "antre-it-" + UUID.randomUUID();
    List<Integer> hz = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hz.add(ServerProcess.freePort());
    }
    String members = String.join(",", hz.stream().map(p -> "127.0.0.1:" + p).toList());
    List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int port = ServerProcess.freePort();
      Map<String, String> env = new java.util.HashMap<>(extra);
      env.put("ANTRE_CLUSTER_NAME", cluster);
      env.put("ANTRE_CLUSTER_MEMBERS", members);
      env.put("ANTRE_CLUSTER_PORT", Integer.toString(hz.get(i)));
      env.putIfAbsent("ANTRE_CLUSTER_EXPECTED", Integer.toString(count));
      starting.add(CompletableFuture.supplyAsync(() -> {
        try {
          return ServerProcess.start(db, port, password, TestServer.resourcePath("/halls/small.yaml"), 5000, env, JVM);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    TwoNodes all = new TwoNodes();
    RuntimeException failed = null;
    for (CompletableFuture<ServerProcess> f : starting) {
      try {
        all.nodes.add(f.join());
      } catch (RuntimeException e) {
        failed = e;
      }
    }
    if (failed != null) {
      all.close();
      throw failed;
    }
    return all;
  }

  ServerProcess node(int i) {
    return nodes.get(i);
  }

  @Override
  public void close() throws Exception {
    for (ServerProcess p : nodes) {
      p.kill();
    }
  }
}
