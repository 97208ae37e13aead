package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.Routing.CallPlan;
import id.antre.server.domain.Routing.Candidate;
import id.antre.server.domain.Hall;
import id.antre.server.domain.Routing;
import id.antre.server.lanes.CoreLane;
import id.antre.server.persistence.TicketStore;
import id.antre.server.domain.CounterSnapshot;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The claim in PostgreSQL ({@code antre_claim_next}) picks exactly the ticket that the domain's
 * {@link Routing#choose} picks, over many random queues and plans; and call-next, call after
 * call, keeps the priority streak that {@link Routing#nextStreak} computes, so the cap holds.
 * About a third of the tickets are checked-in bookings, whose queue time (their slot's start) is
 * not their issue time: both order by the queue time.
 */
@CoreLane
class RoutingSqlIT {
  static final LocalDate DAY = LocalDate.of(2026, 11, 30);
  static final List<String> SERVICES = List.of("KTP", "KK", "AKTA");

  @Test
  void theDatabaseClaimsTheTicketTheDomainWouldChoose() {
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Pool pool = fixture.pool;
      Random random = new Random(42);
      long origin = pool.query("""
          INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                              issued_at)
          VALUES ('KTP', 'KTP', '2026-11-30', 'A', 1, 'DONE', 'kiosk', 'origin', now()) RETURNING id""")
          .execute().await().iterator().next().getLong(0);
      for (int round = 0; round < 40; round++) {
        pool.query("DELETE FROM ticket WHERE id <> " + origin).execute().await();
        List<Candidate> waiting = new ArrayList<>();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
          String service = SERVICES.get(random.nextInt(SERVICES.size()));
          boolean priority = random.nextInt(4) == 0;
          boolean transferred = random.nextInt(5) == 0;
          // a few equal issue times so that the id decides
          Instant issued = Instant.parse("2026-11-30T01:00:00Z").plusSeconds(random.nextInt(20));
          Instant queued = random.nextInt(3) == 0 ? issued.plusSeconds(random.nextInt(21) - 10) : issued;
          waiting.add(waiting(pool, service, 1000 * round + i, issued, queued, priority, transferred ? origin : null));
        }
        for (int plans = 0; plans < 6; plans++) {
          List<String> order = new ArrayList<>(SERVICES);
          Collections.shuffle(order, random);
          List<String> served = order.subList(0, 1 + random.nextInt(order.size()));
          CallPlan plan = new CallPlan(served, random.nextBoolean(), random.nextBoolean());
          Optional<Long> expected = Routing.choose(waiting, plan).map(Candidate::id);
          // the claim only locks the row it finds; autocommit releases it again
          Long claimed = pool.preparedQuery("SELECT antre_claim_next($1, $2::text[], $3, $4)")
              .execute(Tuple.tuple().addLocalDate(DAY).addArrayOfString(served.toArray(new String[0]))
                  .addBoolean(plan.priorityFirst()).addBoolean(plan.transfersFirst()))
              .await().iterator().next().getLong(0);
          assertThat(Optional.ofNullable(claimed)).as("round %d, plan %s, waiting %s", round, plan, waiting)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void callNextClaimsByThePlanAndStoresTheStreakRoutingComputes() {
    Hall.Counter counter = new Hall.Counter("1", "Loket 1", "DUKCAPIL", "lantai-1", SERVICES, Map.of());
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Pool pool = fixture.pool;
      TicketStore store = new TicketStore(pool);
      Random random = new Random(7);
      long origin = pool.query("""
          INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                              issued_at)
          VALUES ('KTP', 'KTP', '2026-11-30', 'A', 1, 'DONE', 'kiosk', 'origin', now()) RETURNING id""")
          .execute().await().iterator().next().getLong(0);
      for (int round = 0; round < 12; round++) {
        pool.query("DELETE FROM ticket_event").execute().await();
        pool.query("UPDATE counter_state SET current_ticket = NULL").execute().await();
        pool.query("DELETE FROM ticket WHERE id <> " + origin).execute().await();
        int streak = random.nextInt(4);
        pool.query("UPDATE counter_state SET state = 'OPEN', priority_streak = " + streak + " WHERE counter_id = '1'")
            .execute().await();
        Hall.RoutingRules rules = new Hall.RoutingRules(random.nextInt(4), random.nextBoolean(), 2);
        List<Candidate> waiting = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
          Instant issued = Instant.parse("2026-11-30T01:00:00Z").plusSeconds(random.nextInt(20));
          Instant queued = random.nextInt(3) == 0 ? issued.plusSeconds(random.nextInt(21) - 10) : issued;
          waiting.add(waiting(pool, SERVICES.get(random.nextInt(SERVICES.size())), 1000 * (round + 1) + i, issued,
              queued, random.nextInt(2) == 0, random.nextInt(5) == 0 ? origin : null));
        }
        for (int call = 0; call <= n; call++) {
          String at = "round %d, call %d, streak %d, rules %s".formatted(round, call, streak, rules);
          Routing.CallPlan plan = Routing.plan(counter, rules, streak, Map.of());
          Optional<Candidate> expected = Routing.choose(waiting, plan);
          // a plan made from another streak than the stored one claims nothing and changes nothing
          assertThat(callNext(store, plan, streak + 1)).as(at).isEmpty();
          Optional<CounterSnapshot> called = callNext(store, plan, streak);
          assertThat(called.map(CounterSnapshot::currentTicketId)).as(at).isEqualTo(expected.map(Candidate::id));
          if (expected.isEmpty()) {
            break;
          }
          streak = Routing.nextStreak(streak, expected.get().priority());
          assertThat(called.get().priorityStreak()).as(at).isEqualTo(streak);
          waiting.remove(expected.get());
          pool.query("UPDATE counter_state SET current_ticket = NULL WHERE counter_id = '1'").execute().await();
        }
      }
    }
  }

  private static Optional<CounterSnapshot> callNext(TicketStore store, Routing.CallPlan plan, int streak) {
    return store.callNext("1", DAY, plan.services(), plan.priorityFirst(), plan.transfersFirst(),
        new CounterSnapshot.PlannedFrom(streak, null, null), "petugas-dukcapil", Instant.parse("2026-11-30T02:00:00Z"),
        UUID.randomUUID().toString()).await();
  }

  /** A waiting ticket; a booking's when {@code queued} is not {@code issued}. */
  private static Candidate waiting(Pool pool, String service, int number, Instant issued, Instant queued,
      boolean priority, Long transferredFrom) {
    Row r = pool.preparedQuery("""
        INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel,
                            tracking_token, issued_at, queued_at, priority, transferred_from)
        VALUES ($1, $1, $2, 'Z', $3, 'WAITING', $7, md5(random()::text), $4, $8, $5, $6) RETURNING id""")
        .execute(Tuple.of(service, DAY, number, issued.atOffset(java.time.ZoneOffset.UTC),
            priority ? "lansia" : null, transferredFrom, queued.equals(issued) ? "kiosk" : "booking",
            queued.atOffset(java.time.ZoneOffset.UTC)))
        .await().iterator().next();
    return new Candidate(r.getLong(0), service, priority, transferredFrom != null, queued);
  }

  @Test
  void aTicketInsertedWithoutAQueueTimeQueuesAtItsIssueTime() {
    try (HallFixture fixture = HallFixture.smallHall(HallFixture.MONDAY_0900, false)) {
      Row r = fixture.pool.query("""
          INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel, tracking_token,
                              issued_at)
          VALUES ('KTP', 'KTP', '2026-11-30', 'A', 1, 'WAITING', 'kiosk', 'x', '2026-11-30T01:00:00Z')
          RETURNING queued_at = issued_at""").execute().await().iterator().next();
      assertThat(r.getBoolean(0)).isTrue();
    }
  }
}
