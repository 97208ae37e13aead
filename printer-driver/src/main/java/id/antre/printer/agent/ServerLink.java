package id.antre.printer.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's WebSocket to the server (the JDK's client): connects, subscribes to
 * {@code printer:<kiosk>}, pings, and reconnects by itself after 1, 2, 5, then every 10 s. Given
 * several servers (the nodes of a cluster), every reconnect goes to the next one, and a full round
 * of failures counts as one step of the delays, so an agent whose node died is on a survivor
 * within about a second. What
 * arrives is handed to {@link Inbox}, which must not block: the listener thread only parses and
 * queues, printing happens on the printer thread.
 */
final class ServerLink {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Close code of the server: a newer connection of this kiosk's print agent took over. */
    static final int REPLACED = 4409;
    /** How long a replaced agent waits before it connects again. */
    static final Duration REPLACED_DELAY = Duration.ofSeconds(60);

    /** What the agent does with the server's messages. Called on the WebSocket's threads. */
    interface Inbox {
        /** The server confirmed the subscription: the agent is registered. */
        void subscribed();

        /** Any other message. */
        void received(JsonNode message);
    }

    private final AgentConfig config;
    private final Inbox inbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ScheduledExecutorService timers;
    private final Object sendLock = new Object();
    private volatile Connection current;
    private volatile boolean stopped;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    /** Which of the configured servers the next connection goes to (modulo their number). */
    private final AtomicInteger serverIndex = new AtomicInteger();
    /** The last connection was closed because another agent took over. */
    private volatile boolean replaced;

    ServerLink(AgentConfig config, Inbox inbox) {
        this.config = config;
        this.inbox = inbox;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "antre-print-agent-link " + config.kiosk());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timers = executor;
    }

    void start() {
        timers.execute(this::connect);
        long ping = config.pingInterval().toMillis();
        timers.scheduleAtFixedRate(this::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** Whether the server has confirmed the subscription on the current connection. */
    boolean subscribed() {
        Connection c = current;
        return c != null && c.subscribed;
    }

    /**
     * Sends {@code json} once the server has accepted the subscription on the current connection;
     * false (and nothing sent) otherwise: the server refuses reports from an agent it does not
     * know yet, and sends every open job again after the next subscription anyway.
     */
    boolean send(String json) {
        Connection c = current;
        if (c == null || !c.subscribed) {
            LOG.debug("Not registered with the server; dropped {}", json);
            return false;
        }
        return send(c, json);
    }

    /** Sends are chained because the JDK's WebSocket allows one outstanding send at a time. */
    private boolean send(Connection c, String json) {
        synchronized (sendLock) {
            c.sending = c.sending.handle((ok, err) -> null)
                    .thenCompose(v -> c.socket.sendText(json, true))
                    .whenComplete((ok, err) -> {
                        if (err != null) {
                            LOG.debug("Sending to {} failed: {}", c.server, err.getMessage());
                        }
                    });
        }
        return true;
    }

    void stop() {
        stopped = true;
        timers.shutdownNow();
        Connection c = current;
        current = null;
        if (c != null) {
            c.ended.set(true);
            c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping")
                    .orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((ok, err) -> c.socket.abort());
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        java.net.URI server = config.servers().get(Math.floorMod(serverIndex.get(), config.servers().size()));
        LOG.debug("Connecting to {} for kiosk {}", server, config.kiosk());
        Connection attempt = new Connection(server);
        http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(server, attempt)
                .whenComplete((socket, err) -> {
                    if (err != null) {
                        Throwable cause = err.getCause() != null ? err.getCause() : err;
                        attempt.end("cannot connect: " + cause);
                    }
                });
    }

    /** Pings the server, and drops a connection that has been silent too long (it will reconnect). */
    private void keepAlive() {
        Connection c = current;
        if (c == null) {
            return;
        }
        if (System.nanoTime() - c.lastMessage > config.idleTimeout().toNanos()) {
            LOG.warn("No message from {} for {} s; reconnecting", c.server, config.idleTimeout().toSeconds());
            c.socket.abort();
            c.end("silent connection");
            return;
        }
        send(c, AgentMessages.ping());
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        int servers = config.servers().size();
        if (servers > 1) {
            serverIndex.incrementAndGet();
        }
        Duration delay = reconnectDelay(config.reconnectDelays(), failedAttempts.getAndIncrement() / servers, replaced);
        replaced = false;
        LOG.info("Reconnecting to {} in {} s", config.servers().get(Math.floorMod(serverIndex.get(), servers)),
                delay.toMillis() / 1000.0);
        try {
            timers.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Agent stopped; no reconnect");
        }
    }

    /**
     * How long to wait before the next connection: the configured steps by failed attempts, or
     * {@link #REPLACED_DELAY} after the server closed this agent because another took over its kiosk.
     */
    static Duration reconnectDelay(java.util.List<Duration> steps, int failedAttempts, boolean replaced) {
        return replaced ? REPLACED_DELAY : steps.get(Math.min(failedAttempts, steps.size() - 1));
    }

    /** One connection attempt and, once open, the connection; ends exactly once. */
    private final class Connection implements WebSocket.Listener {
        final java.net.URI server;
        final AtomicBoolean ended = new AtomicBoolean();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile boolean subscribed;
        volatile long lastMessage = System.nanoTime();
        CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Connection(java.net.URI server) {
            this.server = server;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            if (stopped) {
                webSocket.abort();
                return;
            }
            current = this;
            LOG.info("Connected to {}; subscribing to printer:{}", server, config.kiosk());
            send(this, AgentMessages.subscribe(config.kiosk(), config.token()));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastMessage = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
            lastMessage = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            // the JDK answers with a pong by itself
            lastMessage = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode == REPLACED) {
                // another agent with this token (or this kiosk) took over: taking it back at once
                // would make both reconnect in turn forever, each printing some tickets
                LOG.error("The server closed this agent's connection: {}. Is a second print agent running for kiosk {}?"
                        + " Trying again in {} s", reason, config.kiosk(), REPLACED_DELAY.toSeconds());
                replaced = true;
            }
            end("closed by the server (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end("connection failed: " + error);
        }

        private void handle(String text) {
            JsonNode message;
            try {
                message = AgentMessages.parse(text);
            } catch (IllegalArgumentException e) {
                LOG.warn("Unreadable message from {}: {}", server, e.getMessage());
                return;
            }
            String type = AgentMessages.type(message);
            if ("snapshot".equals(type)) {
                subscribed = true;
                failedAttempts.set(0);
                LOG.info("Registered as the print agent of kiosk {} at {}", config.kiosk(), server);
                inbox.subscribed();
            } else if ("error".equals(type) && !subscribed) {
                // a refused token or kiosk: nothing will arrive on this connection; try again later
                LOG.error("Server refused the subscription to printer:{}: {} {}", config.kiosk(),
                        message.path("code").asText(), message.path("detail").asText());
                socket.abort();
                end("subscription refused");
            } else {
                inbox.received(message);
            }
        }

        void end(String why) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            boolean wasCurrent = current == this;
            if (wasCurrent) {
                current = null;
            }
            if (stopped) {
                return;
            }
            if (wasCurrent) {
                LOG.warn("Lost the connection to {}: {}", server, why);
            } else {
                LOG.warn("Connection to {} failed: {}", server, why);
            }
            scheduleReconnect();
        }
    }
}
