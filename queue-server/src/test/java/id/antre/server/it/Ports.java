package id.antre.server.it;

import java.net.ServerSocket;

/** Ports for servers the tests start. */
public final class Ports {
  private Ports() {
  }

  /**
   * A port free now and below the kernel's ephemeral range. A node binds its ports seconds after
   * they are chosen (its JVM, the cluster join, migrations); a port the kernel hands out for a bind
   * to port 0 comes from the ephemeral range, and meanwhile it can become the local end of one of
   * the connections the nodes open to the database and to each other: ClusterPrintRetryIT once
   * failed with "Address already in use". The kernel never picks a local port below that range.
   */
  public static int free() {
    int below = ephemeralLow();
    int from = Math.max(10_000, below - 12_000);
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = from + random.nextInt(below - from);
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new java.net.InetSocketAddress(port));
        return port;
      } catch (java.io.IOException taken) {
        // another one
      }
    }
    throw new IllegalStateException("no free port between " + from + " and " + below);
  }

  /** The lowest port of the kernel's ephemeral range (32768 when it cannot be read). */
  private static int ephemeralLow() {
    try {
      // read to the end of the stream: /proc files give no size, and readString stops early
      String range = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
          .get(0).trim();
      return Math.max(11_000, Integer.parseInt(range.split("\\s+")[0]));
    } catch (Exception e) {
      return 32_768;
    }
  }
}
