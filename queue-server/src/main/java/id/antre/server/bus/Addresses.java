package id.antre.server.bus;

/**
 * Every event-bus address of the server, with the shape of its messages: what one node tells the
 * others (and its own gateways). Commands do not travel on the bus: the HTTP routes and the
 * gateway call the application directly.
 */
public final class Addresses {
  private Addresses() {
  }

  /** Publish, cluster-wide: {@code {type:"call", seq?, number, counter, counterName, agency, service, zone, recall, at}}. */
  public static final String CALLS = "antre.events.calls";

  /** Publish, cluster-wide: {@code {type:"ticket", event, ticket:{...}}} for every committed ticket transition. */
  public static final String TICKETS = "antre.events.tickets";

  /** Publish, cluster-wide: {@code {type:"queue", service, waiting, oldestWaitMinutes}} when a service's queue changes. */
  public static final String QUEUES = "antre.events.queues";

  /**
   * Publish, cluster-wide, for a kiosk's printer: {@code {type:"print", kiosk, job, content:{...}}} a job to print
   * (print agents only), {@code {type:"print-job", kiosk, job, ticketId, number, status, attempts, error}} a job's
   * new state, {@code {type:"printer", kiosk, status, detail}} the printer's state.
   */
  public static final String PRINTERS = "antre.events.printers";

  /** Publish, cluster-wide: {@code {type:"hall", runningText}} when a manager changes the running text. */
  public static final String HALL = "antre.events.hall";

  /**
   * Publish, cluster-wide: {@code {version}} an administrator put a new hall configuration in force;
   * every node reads it from PostgreSQL and puts it in force too (liveconfig.LiveHall).
   */
  public static final String HALL_CHANGED = "antre.events.hall-changed";

  /**
   * Publish, local to the node: {@code {type:"hall", version, runningText}} this node now runs a new
   * hall configuration; its gateways tell the {@code hall} topic, whose pages read the hall again.
   */
  public static final String HALL_HERE = "antre.local.hall";

  /**
   * Publish, cluster-wide: {@code {counter, terminal, user, action: join|here|leave}} when a counter
   * terminal (a browser tab) opens, answers, or closes, so a second tab on the same counter is noticed.
   */
  public static final String PRESENCE = "antre.events.presence";

  /** Publish, cluster-wide: {@code {type:"counter", counter:{id, state, current, ...}}} when a counter changes. */
  public static final String COUNTERS = "antre.events.counters";

  /**
   * Publish, cluster-wide, empty: a sign-in or device was revoked; every node re-reads what is revoked
   * from PostgreSQL now instead of at its next once-a-second read.
   */
  public static final String REVOCATIONS = "antre.events.revocations";

  /** Publish, local to the node, empty: this node's view of what is revoked changed; gateways re-check sockets. */
  public static final String REVOKED_HERE = "antre.local.revoked";

  /**
   * Publish, cluster-wide: {@code {kiosk, at, id}} a print agent connection subscribed to its kiosk's
   * printer; every gateway closes its older agent connections of that kiosk (one agent per kiosk, the newest).
   */
  public static final String PRINT_AGENTS = "antre.events.print-agents";
}
