package id.antre.server.jobs;

import id.antre.server.persistence.JobStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cluster-wide jobs. Every node ticks (at start and then every {@link #TICK}); on each
 * tick it asks, per job, for the lease of the job's current period in PostgreSQL
 * ({@link JobStore}): one node gets it and runs the job, the others find the row and do nothing.
 * Nothing is held in a node's memory that another node needs, so a node's death loses no job: a
 * period it did not start is started by the next tick of another node, one it started and did
 * not finish is taken over when its lease runs out.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  /** How often each node looks for due jobs. */
  public static final Duration TICK = Duration.ofSeconds(30);
  /** How long a node may take over one run before another node may take it over. */
  public static final Duration LEASE = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final JobStore store;
  private final Clock clock;
  private final String node = UUID.randomUUID().toString();
  private final List<Job> jobs = new ArrayList<>();
  /** The last period each job is known (here) to have run for, to skip the query. */
  private final Map<String, String> done = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private long timer = -1;

  public JobRunner(Vertx vertx, JobStore store, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.clock = clock;
  }

  /** Jobs run in the order registered on a tick (closing the day before the statistics catch up on it). */
  public JobRunner register(Job job) {
    jobs.add(job);
    return this;
  }

  public List<Job> jobs() {
    return List.copyOf(jobs);
  }

  /** Ticks now (catching up what a restart missed) and every {@link #TICK}. */
  public void start() {
    timer = vertx.setPeriodic(1, TICK.toMillis(), id -> tick());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** One round over the jobs, one after the other; answers the names of those this node ran. */
  public Future<List<String>> tick() {
    List<String> ran = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Job job : jobs) {
      chain = chain.compose(v -> runIfDue(job).map(r -> {
        if (r) {
          ran.add(job.name());
        }
        return null;
      }));
    }
    return chain.map(v -> ran);
  }

  /** Runs {@code job} if its current period has no run yet and this node gets the lease. */
  public Future<Boolean> runIfDue(Job job) {
    Instant now = clock.instant();
    String period = job.schedule().period(now);
    String key = job.name() + "/" + period;
    if (period.equals(done.get(job.name())) || !running.add(key)) {
      return Future.succeededFuture(false);
    }
    return store.claim(job.name(), period, node, now, now.plus(LEASE))
        .compose(mine -> mine ? run(job, period) : Future.succeededFuture(false))
        .recover(e -> {
          LOG.warn("job {} ({}): {}", job.name(), period, e.toString());
          return Future.succeededFuture(false);
        })
        .onComplete(r -> running.remove(key));
  }

  private Future<Boolean> run(Job job, String period) {
    Future<String> result;
    try {
      result = job.run().apply(period);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .compose(summary -> {
          LOG.info("job {} ran for {}: {}", job.name(), period, summary);
          done.put(job.name(), period);
          return store.finish(job.name(), period, node, clock.instant(), summary).map(true);
        }, e -> {
          LOG.warn("job {} failed for {}, to be tried again: {}", job.name(), period, e.toString());
          return store.release(job.name(), period, node, clock.instant(), e.getClass().getSimpleName())
              .map(false);
        });
  }
}
