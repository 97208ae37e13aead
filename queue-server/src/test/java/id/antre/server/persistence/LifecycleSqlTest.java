package id.antre.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketStatus;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status guards of the ticket statements say what {@link Lifecycle#STEPS} says, and nothing else. */
class LifecycleSqlTest {

  /**
   * The statements that move a ticket, and those that read tickets by status: every status in
   * them comes from the lifecycle table. (PRINT_JOBS_CANCEL_STALE is not here only because a print
   * job has a CANCELLED status of its own.)
   */
  static final List<String> GUARDED = List.of(Sql.ISSUE, Sql.CALL_NEXT, Sql.CALL_TICKET, Sql.TRANSITION, Sql.TRANSFER,
      Sql.AHEAD_OF, Sql.CALLS_AFTER, Sql.LATEST_CALL, Sql.SERVED_TODAY, Sql.WAITING_OF, Sql.HELD_TICKETS, Sql.QUEUES,
      Sql.QUEUES_OF, Sql.RECENT_SERVICE_TIMES);

  @Test
  void theGuardsAreTheLifecycleTable() {
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("CALL_FROM"))).isEqualTo(Lifecycle.from(TicketAction.CALL));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("TRANSFER_FROM"))).isEqualTo(Lifecycle.from(TicketAction.TRANSFER));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("RESUME_FROM"))).isEqualTo(Lifecycle.from(TicketAction.RESUME));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("CALL_TO"))).containsExactly(Lifecycle.to(TicketAction.CALL));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("TRANSFER_TO"))).containsExactly(Lifecycle.to(TicketAction.TRANSFER));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("QUEUED"))).containsExactly(Lifecycle.QUEUED);
    EnumSet<TicketStatus> expired = EnumSet.copyOf(statuses(LifecycleSql.FRAGMENTS.get("EXPIRE_FROM_UNQUEUED")));
    expired.add(Lifecycle.QUEUED);
    assertThat(expired).as("what the closing job reads").isEqualTo(Lifecycle.from(TicketAction.EXPIRE));
    assertThat(statuses(LifecycleSql.FRAGMENTS.get("FINAL")))
        .isEqualTo(EnumSet.of(TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED, TicketStatus.EXPIRED));
  }

  @Test
  void theSqlOfTheTableIsWhatTheStatementsOnceSpelledOut() {
    // the text the guards had before they were made from the table
    assertThat(LifecycleSql.FRAGMENTS.get("CALL_FROM")).isEqualTo("('WAITING')");
    assertThat(LifecycleSql.FRAGMENTS.get("TRANSFER_FROM")).isEqualTo("('SERVING')");
    assertThat(LifecycleSql.FRAGMENTS.get("RESUME_FROM")).isEqualTo("('HELD')");
    assertThat(LifecycleSql.FRAGMENTS.get("FINAL")).isEqualTo("('DONE', 'NO_SHOW', 'CANCELLED', 'EXPIRED')");
    // the predicate of the partial index ticket_open_by_day (V018), which the closing job reads through
    assertThat(LifecycleSql.FRAGMENTS.get("EXPIRE_FROM_UNQUEUED")).isEqualTo("('CALLED', 'SERVING', 'HELD')");
    assertThat(Sql.CALL_TICKET).contains("t.status IN ('WAITING')").contains("SET status = 'CALLED'");
    assertThat(Sql.TRANSFER).contains("status IN ('SERVING')");
    assertThat(PrintSql.PRINT_JOBS_CANCEL_STALE).contains("t.status <> 'WAITING'").doesNotContainPattern("\\{[A-Z_]+}");
    // the partial indexes on waiting tickets still match the reads
    assertThat(Sql.QUEUES).contains("status = 'WAITING'");
  }

  @Test
  void noStatementKeepsAPlaceholderOrAStatusOfItsOwn() {
    for (String sql : GUARDED) {
      assertThat(sql).doesNotContainPattern("\\{[A-Z_]+}");
    }
    // with the generated fragments taken out, no status name is left in the statements
    for (String sql : GUARDED) {
      String rest = sql;
      // the lists first: a literal fragment ('DONE') is also part of one
      for (String fragment : LifecycleSql.FRAGMENTS.values().stream()
          .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
        rest = rest.replace(fragment, "");
      }
      for (TicketStatus s : TicketStatus.values()) {
        assertThat(rest).as(sql).doesNotContain("'" + s.name() + "'");
      }
    }
  }

  @Test
  void anUnknownGuardOrAnAmbiguousOneFailsAtOnce() {
    assertThatThrownBy(() -> LifecycleSql.fill("SELECT {NOPE}")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LifecycleSql.only(Lifecycle.from(TicketAction.HOLD)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(LifecycleSql.fill("SELECT '{}'::jsonb")).isEqualTo("SELECT '{}'::jsonb");
  }

  private static Set<TicketStatus> statuses(String fragment) {
    Set<TicketStatus> out = EnumSet.noneOf(TicketStatus.class);
    Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(fragment);
    while (m.find()) {
      out.add(TicketStatus.valueOf(m.group(1)));
    }
    assertThat(out).isNotEmpty();
    return out;
  }

}
