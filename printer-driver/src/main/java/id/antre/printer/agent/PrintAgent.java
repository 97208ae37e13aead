package id.antre.printer.agent;

import com.fasterxml.jackson.databind.JsonNode;
import id.antre.printer.status.PrinterStatus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print agent of one kiosk: receives the kiosk's print jobs from the server over the
 * WebSocket gateway and prints them on the kiosk's ESC/POS printer.
 *
 * <p>Runs stand-alone ({@code scripts/print-agent}, {@link #main}) on the kiosk PC, or inside
 * another process for a printer attached to that machine: {@code PrintAgent.start(config)} and
 * later {@link #stop()}. It owns two threads: the WebSocket link (connect, subscribe, ping,
 * reconnect) and the printer thread (one job at a time, in order, with a status check first).
 * Neither blocks the other, and no device I/O happens on the WebSocket's threads.
 *
 * <p>Protocol: subscribe to {@code printer:<kiosk>} with the agent's device token; for each
 * {@code print} job answer {@code print-result} {@code printed} or {@code failed} with a reason
 * that starts with a stable code ({@code PAPER_OUT}, {@code COVER_OPEN}, {@code OFFLINE},
 * {@code PORT_UNAVAILABLE}, {@code DISCONNECTED}, {@code WRITE_TIMEOUT}, {@code INVALID_JOB}, ...);
 * report {@code printer-status} whenever the printer's state changes. The server retries failed
 * jobs and sends open jobs again on reconnect; a job id already printed is acknowledged again
 * without printing.
 */
public final class PrintAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintAgent.class);

    private final AgentConfig config;
    private final PrinterWorker worker;
    private final ServerLink link;
    private volatile boolean stopped;

    private PrintAgent(AgentConfig config) {
        this.config = config;
        this.link = new ServerLink(config, new ServerLink.Inbox() {
            @Override
            public void subscribed() {
                PrintAgent.this.worker.resync();
            }

            @Override
            public void received(JsonNode message) {
                onMessage(message);
            }
        });
        this.worker = new PrinterWorker(config, link::send);
    }

    /** Starts an agent; it connects and reconnects by itself until {@link #stop()}. Returns at once. */
    public static PrintAgent start(AgentConfig config) {
        PrintAgent agent = new PrintAgent(Objects.requireNonNull(config, "config"));
        LOG.info("Print agent of kiosk {} starting: server(s) {}, printer {} ({}), status {}", config.kiosk(),
                config.servers(), config.printer(), config.profile().name(),
                config.queriesStatus() ? "every " + config.statusPoll().toMillis() + " ms" : "not queried");
        agent.worker.start();
        agent.link.start();
        return agent;
    }

    public AgentConfig config() {
        return config;
    }

    /** Whether the server has accepted this agent on the current connection. */
    public boolean connected() {
        return link.subscribed();
    }

    /** The printer's state at the last check. */
    public PrinterStatus printerStatus() {
        return worker.status();
    }

    /** Why the printer is in {@link #printerStatus()}, in words for staff. */
    public String printerDetail() {
        return worker.statusDetail();
    }

    /**
     * Disconnects and closes the printer. A job being printed is finished first unless the
     * printer stalls past its write timeout. Jobs not printed stay open on the server.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        link.stop();
        worker.stop(config.writeTimeout().plus(config.statusTimeout()).plusSeconds(1));
        LOG.info("Print agent of kiosk {} stopped", config.kiosk());
    }

    @Override
    public void close() {
        stop();
    }

    private void onMessage(JsonNode message) {
        switch (AgentMessages.type(message)) {
            case "print" -> onPrint(message);
            case "ack" -> onAck(message);
            case "error" -> LOG.warn("Server reported an error to the print agent of kiosk {}: {} {}", config.kiosk(),
                    message.path("code").asText(), message.path("detail").asText());
            default -> LOG.trace("Ignored {}", message);
        }
    }

    private void onPrint(JsonNode message) {
        AgentMessages.PrintJob job;
        try {
            job = AgentMessages.printJob(message);
        } catch (IllegalArgumentException e) {
            long id = AgentMessages.jobId(message);
            LOG.error("Cannot print job {} of kiosk {}: {}", id, config.kiosk(), e.getMessage());
            if (id >= 0) {
                link.send(AgentMessages.failed(id, "INVALID_JOB: " + e.getMessage()));
            }
            return;
        }
        LOG.debug("Received print job {} (ticket {} id={})", job.id(), job.content().number(), job.ticketId());
        worker.submit(job);
    }

    private void onAck(JsonNode ack) {
        if (!"print-result".equals(ack.path("for").asText())) {
            return;
        }
        String status = ack.path("status").asText();
        long job = ack.path("job").asLong();
        if ("FAILED".equals(status)) {
            LOG.error("Print job {} of kiosk {} FAILED after {} attempts; it is listed for the managers", job,
                    config.kiosk(), ack.path("attempts").asInt());
        } else if ("QUEUED".equals(status)) {
            LOG.info("Print job {} of kiosk {} will be retried by the server (attempt {} failed)", job, config.kiosk(),
                    ack.path("attempts").asInt());
        } else {
            LOG.debug("Server recorded print job {} as {}", job, status);
        }
    }

    /** {@code print-agent --server URL --kiosk KIOSK --printer PRINTER [options]}; see {@link AgentConfig#USAGE}. */
    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("-h") || arguments.contains("--help")) {
            System.out.print(AgentConfig.USAGE);
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfig.parse(arguments, System.getenv());
        } catch (RuntimeException e) {
            System.err.println("print-agent: " + e.getMessage());
            System.err.println("(see --help)");
            System.exit(2);
            return;
        }
        PrintAgent agent = start(config);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            done.countDown();
        }, "antre-print-agent-shutdown"));
        done.await();
    }
}
