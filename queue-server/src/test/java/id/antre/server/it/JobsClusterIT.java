package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.jobs.ClosingDay;
import id.antre.server.jobs.JobRunner;
import id.antre.server.lanes.ClusterLane;
import id.antre.server.persistence.JobStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database tick at the same moment: the day is closed once, by one of them. A
 * run whose node died part-way (its lease row left unfinished) is taken over when the lease ends.
 */
@ClusterLane
class JobsClusterIT {
  static final Instant TUESDAY_0001 = Instant.parse("2026-11-30T17:01:00Z");

  @Test
  void twoNodesCloseTheDayOnceAndTheSurvivorTakesOverADeadNodesRun() {
    Vertx other = Vertx.vertx();
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false);
         TestServer second = TestServer.start(other, HallFixture.builder().config(fixture.db), fixture.clock)) {
      for (int i = 0; i < 3; i++) {
        assertThat(fixture.api().post("/api/v1/tickets", fixture.kioskToken(), new JsonObject().put("service", "KTP"))
            .status()).isEqualTo(201);
      }
      JobRunner one = fixture.hall.server.jobs();
      JobRunner two = second.server.jobs();
      fixture.clock.set(TUESDAY_0001);
      // a node took Monday's closing and died before it finished
      assertThat(new JobStore(fixture.pool).claim(ClosingDay.NAME, "2026-11-30", "dead-node", TUESDAY_0001,
          TUESDAY_0001.plus(JobRunner.LEASE)).await()).isTrue();
      assertThat(ranBoth(one, two)).as("nobody runs it while the dead node's lease lasts").isZero();
      assertThat(expireEvents(fixture)).isZero();

      fixture.clock.set(TUESDAY_0001.plus(JobRunner.LEASE));
      assertThat(ranBoth(one, two)).as("one node takes it over").isEqualTo(1);
      assertThat(expireEvents(fixture)).isEqualTo(3);
      Row run = fixture.pool.query("SELECT * FROM job_run WHERE job = 'close-day' AND period = '2026-11-30'")
          .execute().await().iterator().next();
      assertThat(run.getInteger("attempts")).isEqualTo(2);
      assertThat(run.getString("node")).isNotEqualTo("dead-node");
      assertThat(run.getString("result")).isEqualTo("3 tickets expired, 0 counters closed");

      assertThat(ranBoth(one, two)).as("and once only").isZero();
      assertThat(expireEvents(fixture)).isEqualTo(3);
    } finally {
      other.close().await();
    }
  }

  /** Both nodes tick at once; how many of them closed a day. */
  static long ranBoth(JobRunner one, JobRunner two) {
    List<List<String>> ran = Future.all(one.tick(), two.tick()).await().list();
    return ran.stream().flatMap(List::stream).filter(ClosingDay.NAME::equals).count();
  }

  static long expireEvents(HallFixture fixture) {
    return fixture.pool.query("SELECT count(*) FROM ticket_event WHERE type = 'EXPIRE'").execute().await()
        .iterator().next().getLong(0);
  }
}
