package id.antre.server.persistence;

import id.antre.server.domain.Lifecycle;
import id.antre.server.domain.TicketAction;
import id.antre.server.domain.TicketStatus;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The status guards of the ticket statements, made from {@link Lifecycle#STEPS} when the class
 * loads: the SQL repeats the lifecycle as a safety net against concurrent changes, but holds no
 * second copy of it. The reads name the statuses the same way (a partial index on
 * {@code status = 'WAITING'} still matches: the filled text is the same). A statement names a guard as {@code {NAME}}; {@link #fill} puts the SQL in.
 */
final class LifecycleSql {
  private LifecycleSql() {
  }

  /** Every placeholder a statement may use, and its SQL. */
  static final Map<String, String> FRAGMENTS = Map.ofEntries(
      // as literals: 'WAITING'
      Map.entry("QUEUED", literal(Lifecycle.QUEUED)),
      Map.entry("CALL_TO", literal(Lifecycle.to(TicketAction.CALL))),
      Map.entry("TRANSFER_TO", literal(Lifecycle.to(TicketAction.TRANSFER))),
      Map.entry("FINISH_TO", literal(Lifecycle.to(TicketAction.FINISH))),
      Map.entry("EXPIRE_TO", literal(Lifecycle.to(TicketAction.EXPIRE))),
      // the statuses the closing job expires besides the queue's, as the partial index
      // ticket_open_by_day holds them (V018); the job reads {QUEUED} and these
      Map.entry("EXPIRE_FROM_UNQUEUED", list(Lifecycle.from(TicketAction.EXPIRE).stream()
          .filter(s -> s != Lifecycle.QUEUED).toList())),
      // the one status an action starts from, for its event's from_status
      Map.entry("CALL_FROM_STATUS", only(Lifecycle.from(TicketAction.CALL))),
      Map.entry("TRANSFER_FROM_STATUS", only(Lifecycle.from(TicketAction.TRANSFER))),
      // as lists for IN: ('WAITING')
      Map.entry("CALL_FROM", list(Lifecycle.from(TicketAction.CALL))),
      Map.entry("TRANSFER_FROM", list(Lifecycle.from(TicketAction.TRANSFER))),
      Map.entry("RESUME_FROM", list(Lifecycle.from(TicketAction.RESUME))),
      Map.entry("FINAL", list(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isFinal).toList())));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z_]+)}");

  /** The statement with every {@code {NAME}} replaced; an unknown name fails the class's loading. */
  static String fill(String sql) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String fragment = FRAGMENTS.get(m.group(1));
      if (fragment == null) {
        throw new IllegalStateException("no lifecycle guard named " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(fragment));
    }
    return m.appendTail(out).toString();
  }

  static String literal(TicketStatus s) {
    return "'" + s.name() + "'";
  }

  /** The literal of the only status in {@code statuses}; a statement that logs one from-status needs one. */
  static String only(Collection<TicketStatus> statuses) {
    if (statuses.size() != 1) {
      throw new IllegalStateException("one status expected, not " + statuses);
    }
    return literal(statuses.iterator().next());
  }

  static String list(Collection<TicketStatus> statuses) {
    if (statuses.isEmpty()) {
      throw new IllegalStateException("an empty status list guards nothing");
    }
    return statuses.stream().map(LifecycleSql::literal).collect(Collectors.joining(", ", "(", ")"));
  }
}
