package id.antre.printer.agent;

import id.antre.printer.transport.PrinterConnection;
import id.antre.printer.transport.PrinterException;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.escpos.TicketLayout;
import id.antre.printer.agent.AgentMessages.PrintJob;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the printer. Jobs are printed in the order they arrive; before
 * each one the printer is asked for its state (DLE EOT) and a ticket is written only when it can
 * print. While idle the state is polled, which also reopens a port that failed (a printer
 * unplugged and plugged back in). Results and state changes go out through {@code reports}; a
 * report lost with a dropped connection is harmless because the server sends open jobs again on
 * reconnect and a job already printed is only acknowledged again, not printed twice.
 */
final class PrinterWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterWorker.class);
    /** Job ids remembered as printed, so a job sent twice prints once. */
    static final int REMEMBERED_JOBS = 1000;
    /**
     * After a (re)subscribe the server marks the printer ONLINE itself; our own report of the
     * real state must land after that, so the first poll waits this long.
     */
    static final Duration REPORT_AFTER_SUBSCRIBE = Duration.ofSeconds(1);

    /**
     * What the printer can do now, why in words for the manager's screen, and the reason given
     * for a job that is not printed: a stable code first, e.g. {@code "PAPER_OUT: no paper ..."}
     * or {@code "PORT_UNAVAILABLE: cannot open serial port ..."}.
     */
    record Check(PrinterStatus status, String detail, String reason) {
        static Check of(PrinterStatus status, String detail) {
            return new Check(status, detail, status.name() + ": " + detail);
        }

        /** The device could not be opened or failed: offline, with the transport's own code. */
        static Check failure(PrinterException e) {
            String described = describe(e);
            return new Check(PrinterStatus.OFFLINE, described, described);
        }

        boolean printable() {
            return status == PrinterStatus.ONLINE || status == PrinterStatus.PAPER_NEAR_END;
        }
    }

    private sealed interface Task {
    }

    private record Print(PrintJob job) implements Task {
    }

    private record Resync() implements Task {
    }

    private final AgentConfig config;
    private final TicketLayout layout;
    private final Consumer<String> reports;
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    /** Jobs queued or being printed: a copy that arrives meanwhile is dropped. */
    private final Set<Long> inProgress = ConcurrentHashMap.newKeySet();
    private final Set<Long> printed = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    });
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Check current = Check.of(PrinterStatus.OFFLINE, "not checked yet");
    private PrinterConnection device;
    private Check reported;
    private long nextPoll;

    PrinterWorker(AgentConfig config, Consumer<String> reports) {
        this.config = config;
        this.layout = TicketLayout.create(config.profile());
        this.reports = reports;
        this.thread = new Thread(this::run, "antre-print-agent-printer " + config.kiosk());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a job; a copy of a job already queued or printing is dropped. Any thread. */
    void submit(PrintJob job) {
        if (inProgress.add(job.id())) {
            tasks.add(new Print(job));
        } else {
            LOG.debug("Print job {} of kiosk {} is already queued; copy dropped", job.id(), config.kiosk());
        }
    }

    /** The server has (re)registered this agent: report the printer's state again soon. Any thread. */
    void resync() {
        tasks.add(new Resync());
    }

    PrinterStatus status() {
        return current.status();
    }

    String statusDetail() {
        return current.detail();
    }

    /** Stops the thread and closes the printer, waiting at most {@code timeout}. */
    void stop(Duration timeout) {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        nextPoll = System.nanoTime();
        try {
            while (running) {
                long wait = nextPoll - System.nanoTime();
                Task task = wait > 0 ? tasks.poll(wait, TimeUnit.NANOSECONDS) : tasks.poll();
                try {
                    if (task == null) {
                        poll();
                    } else if (task instanceof Print p) {
                        try {
                            print(p.job());
                        } finally {
                            inProgress.remove(p.job().id());
                        }
                    } else if (task instanceof Resync) {
                        reported = null;
                        nextPoll = System.nanoTime() + REPORT_AFTER_SUBSCRIBE.toNanos();
                    }
                } catch (RuntimeException e) {
                    // a bug must not take the kiosk's printing down with it
                    LOG.error("Print agent of kiosk {} hit an unexpected error; carrying on", config.kiosk(), e);
                }
            }
        } catch (InterruptedException e) {
            if (running) {
                LOG.warn("Printer thread of kiosk {} interrupted", config.kiosk());
            }
        } finally {
            closeDevice();
        }
    }

    private void poll() {
        report(check());
        nextPoll = System.nanoTime() + config.statusPoll().toNanos();
    }

    private void print(PrintJob job) {
        String number = job.content().number();
        if (printed.contains(job.id())) {
            LOG.info("Print job {} (ticket {} id={}) was printed already; acknowledging again", job.id(), number,
                    job.ticketId());
            reports.accept(AgentMessages.printed(job.id()));
            return;
        }
        Check check = check();
        if (!running) {
            return; // stopping: the job stays open on the server
        }
        report(check);
        if (!check.printable()) {
            LOG.warn("Print job {} (ticket {} id={}) not printed: {}", job.id(), number, job.ticketId(), check.reason());
            reports.accept(AgentMessages.failed(job.id(), check.reason()));
            return;
        }
        byte[] ticket = layout.render(job.content());
        try {
            device.write(ticket);
        } catch (PrinterException e) {
            closeDevice();
            Check gone = remember(Check.failure(e));
            report(gone);
            LOG.warn("Print job {} (ticket {} id={}) failed: {}", job.id(), number, job.ticketId(), gone.reason());
            reports.accept(AgentMessages.failed(job.id(), gone.reason()));
            return;
        }
        printed.add(job.id());
        LOG.info("Printed job {} (ticket {} id={}, {} bytes) on {}", job.id(), number, job.ticketId(), ticket.length,
                config.printer());
        reports.accept(AgentMessages.printed(job.id()));
    }

    /** Opens the printer if needed and asks for its state. Never throws for device trouble. */
    private Check check() {
        if (device == null) {
            try {
                device = config.printer().open(config.writeTimeout());
            } catch (PrinterException e) {
                return remember(Check.failure(e));
            }
        }
        if (!config.queriesStatus()) {
            return remember(Check.of(PrinterStatus.ONLINE, "ready on " + config.printer() + " (status not queried)"));
        }
        PrinterStatus status;
        try {
            status = device.status(config.statusTimeout());
        } catch (PrinterException e) {
            closeDevice();
            return remember(Check.failure(e));
        }
        if (status == PrinterStatus.OFFLINE && config.printer() instanceof PrinterTarget.Tcp) {
            // a network printer switched off leaves a dead socket behind: connect afresh next time
            closeDevice();
        }
        return remember(Check.of(status, detail(status)));
    }

    private Check remember(Check check) {
        current = check;
        return check;
    }

    private String detail(PrinterStatus status) {
        return switch (status) {
            case ONLINE -> "ready on " + config.printer() + " (" + config.profile().name() + ")";
            case PAPER_NEAR_END -> "paper roll nearly used up on " + config.printer() + "; replace it soon";
            case PAPER_OUT -> "no paper in the printer on " + config.printer() + "; load a new roll";
            case COVER_OPEN -> "the cover of the printer on " + config.printer() + " is open; close it";
            case OFFLINE -> "the printer on " + config.printer() + " does not answer status queries within "
                    + config.statusTimeout().toMillis() + " ms; is it switched on and connected?";
        };
    }

    /** Sends the state when it differs from the last one sent. */
    private void report(Check check) {
        if (check.equals(reported)) {
            return;
        }
        if (check.status() == PrinterStatus.ONLINE) {
            LOG.info("Printer of kiosk {} is {}: {}", config.kiosk(), check.status(), check.detail());
        } else {
            LOG.warn("Printer of kiosk {} is {}: {}", config.kiosk(), check.status(), check.detail());
        }
        reports.accept(AgentMessages.printerStatus(check.status(), check.detail()));
        reported = check;
    }

    private void closeDevice() {
        if (device == null) {
            return;
        }
        try {
            device.close();
        } catch (PrinterException e) {
            LOG.debug("Closing the printer of kiosk {} failed: {}", config.kiosk(), e.getMessage());
        }
        device = null;
    }

    /** {@code "DISCONNECTED: printer on /dev/ttyUSB0 is gone ..."}: the code first, as in job reasons. */
    static String describe(PrinterException e) {
        String message = e.getMessage();
        String prefix = "[" + e.code() + "] ";
        return e.code() + ": " + (message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
}
