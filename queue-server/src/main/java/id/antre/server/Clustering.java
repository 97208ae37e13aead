package id.antre.server;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import id.antre.server.metrics.Metrics;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * Several nodes form one Vert.x cluster through Hazelcast with a TCP-IP join on explicit
 * members (no multicast), so events published on one node reach WebSocket clients on all.
 */
public final class Clustering {
  private Clustering() {
  }

  /**
   * @param clusterName nodes with the same name join each other
   * @param host        the interface to bind, e.g. 127.0.0.1
   * @param port        this node's Hazelcast port
   * @param members     every member as host:port, this one included
   */
  public static Future<Vertx> clusteredVertx(String clusterName, String host, int port, List<String> members) {
    System.setProperty("hazelcast.phone.home.enabled", "false");
    System.setProperty("hazelcast.logging.type", "slf4j");
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // the node's own shutdown hook leaves the cluster after the HTTP server has stopped (NodeShutdown)
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return Metrics.enable(Vertx.builder(), new VertxOptions().setPreferNativeTransport(true))
        .withClusterManager(new HazelcastClusterManager(config))
        .buildClustered();
  }
}
