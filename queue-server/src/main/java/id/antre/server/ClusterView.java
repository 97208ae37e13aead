package id.antre.server;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node sees of its cluster: how many members, against how many the configuration
 * expects ({@code ANTRE_CLUSTER_EXPECTED}). Joins and leaves are logged at INFO, one line each,
 * and fewer members than expected at WARN (a node down, or a split hall whose halves no longer
 * exchange calls). Readiness does not depend on it: a split must not take both halves out of a
 * proxy, so {@code /health} reports it and stays 200.
 */
public final class ClusterView {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);
  private static final Map<Vertx, ClusterView> VIEWS = new ConcurrentHashMap<>();

  private final IntSupplier members;
  private final Supplier<String> membership;
  private final Supplier<String> localMember;
  private final int expected;

  private ClusterView(IntSupplier members, Supplier<String> membership, Supplier<String> localMember, int expected) {
    this.members = members;
    this.membership = membership;
    this.localMember = localMember;
    this.expected = expected;
  }

  private static ClusterView of(HazelcastInstance instance, int expected) {
    return new ClusterView(() -> instance.getCluster().getMembers().size(), () -> instance.getCluster().getMembers()
        .stream().map(m -> m.getUuid().toString()).sorted().collect(Collectors.joining(",")),
        () -> instance.getCluster().getLocalMember().getUuid().toString(), expected);
  }

  private static ClusterView single(int expected) {
    return new ClusterView(() -> 1, () -> "", () -> "", expected);
  }

  /**
   * Starts watching the cluster {@code vertx} belongs to (nothing to watch on a single node).
   *
   * @param expected the members the hall is configured with; 0 for "as many as are seen"
   */
  public static ClusterView watch(Vertx vertx, int expected) {
    ClusterView view;
    if (vertx.isClustered() && ((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hz) {
      HazelcastInstance instance = hz.getHazelcastInstance();
      view = of(instance, expected);
      instance.getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent e) {
          LOG.info("cluster: node {} joined; {}", e.getMember().getAddress(), view.summary());
        }

        @Override
        public void memberRemoved(MembershipEvent e) {
          LOG.info("cluster: node {} left; {}", e.getMember().getAddress(), view.summary());
          view.warnIfShort();
        }
      });
      LOG.info("cluster: joined as {}; {}", instance.getCluster().getLocalMember().getAddress(), view.summary());
      view.warnIfShort();
    } else {
      view = single(Math.max(1, expected));
    }
    VIEWS.put(vertx, view);
    return view;
  }

  /** The view of {@code vertx}'s cluster; unwatched (a node started by a test), the members it sees. */
  public static ClusterView of(Vertx vertx) {
    ClusterView view = VIEWS.get(vertx);
    if (view != null) {
      return view;
    }
    if (vertx.isClustered() && ((VertxInternal) vertx).clusterManager() instanceof HazelcastClusterManager hz) {
      HazelcastInstance instance = hz.getHazelcastInstance();
      return of(instance, 0);
    }
    return single(1);
  }

  /** Forgets the view when the node stops. */
  public static void forget(Vertx vertx) {
    VIEWS.remove(vertx);
  }

  public int members() {
    return members.getAsInt();
  }

  /**
   * Who the members are: changes whenever one joins or leaves, even when their number stays the
   * same (two halves that merged, a member that left and came back as a new one).
   */
  public String membership() {
    return membership.get();
  }

  /** The ids of the members, as in {@link #membership()}; empty on a single node. */
  public Set<String> memberIds() {
    String m = membership();
    return m.isEmpty() ? Set.of() : Set.of(m.split(","));
  }

  /**
   * This node's member id, as the others see it in their {@link #membership()} (it changes when
   * the node rejoins after a split); empty on a single node.
   */
  public String localMember() {
    try {
      return localMember.get();
    } catch (RuntimeException e) {
      return ""; // the node is leaving the cluster: it has no member id any more
    }
  }

  /** The configured number of members, or the number seen when none is configured. */
  public int expected() {
    return expected > 0 ? expected : members();
  }

  public boolean complete() {
    return members() >= expected();
  }

  /** {"members":1,"expected":2,"complete":false} */
  public JsonObject json() {
    int seen = members();
    return new JsonObject().put("members", seen).put("expected", expected()).put("complete", seen >= expected());
  }

  private String summary() {
    return members() + " of " + expected() + " expected members";
  }

  private void warnIfShort() {
    if (!complete()) {
      LOG.warn("cluster: {} seen: a node is down, or the hall is split (check ANTRE_CLUSTER_NAME and "
          + "ANTRE_CLUSTER_MEMBERS on every node); /health shows it", summary());
    }
  }
}
