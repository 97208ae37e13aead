package id.antre.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.Routing.CallPlan;
import id.antre.server.domain.Routing.Candidate;
import id.antre.server.domain.Routing;
import id.antre.server.lanes.CoreLane;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The claim in PostgreSQL ({@code antre_claim_next}) picks exactly the ticket that the domain's
 * {@link Routing#choose} picks, over many random queues and plans.
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
          Row r = pool.preparedQuery("""
              INSERT INTO ticket (service, origin_service, service_day, prefix, number, status, channel,
                                  tracking_token, issued_at, priority, transferred_from)
              VALUES ($1, $1, $2, 'Z', $3, 'WAITING', 'kiosk', md5(random()::text), $4, $5, $6) RETURNING id""")
              .execute(Tuple.of(service, DAY, 1000 * round + i, issued.atOffset(java.time.ZoneOffset.UTC),
                  priority ? "lansia" : null, transferred ? origin : null))
              .await().iterator().next();
          waiting.add(new Candidate(r.getLong(0), service, priority, transferred, issued));
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
}
