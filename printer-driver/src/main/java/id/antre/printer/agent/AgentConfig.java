package id.antre.printer.agent;

import id.antre.printer.escpos.PrinterProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a print agent needs, parsed once. {@link #of} gives the defaults; the {@code with}
 * methods change one setting; {@link #parse} reads command-line arguments over environment
 * variables.
 *
 * @param servers        the WebSocket address of every node the agent may use, e.g.
 *                       {@code ws://10.0.0.2:8080/ws}: the first is tried first, and a lost or
 *                       refused connection moves on to the next (a cluster's survivor)
 * @param token          the print agent's device token
 * @param kiosk          the kiosk whose tickets this agent prints, e.g. {@code kiosk-1}
 * @param printer        where the printer is
 * @param profile        the paper (58 or 80 mm)
 * @param statusPoll     how often the printer's state is checked while idle
 * @param statusTimeout  how long a DLE EOT status query may wait for the answer
 * @param statusQueries  false for printers that cannot answer (send-only cables): assumed online
 * @param writeTimeout   how long the printer may accept nothing before a write fails
 * @param pingInterval   how often the agent pings the server
 * @param idleTimeout    a connection silent this long (no heartbeat, no pong) is dropped
 * @param reconnectDelays waits between connection attempts; the last one repeats
 */
public record AgentConfig(List<URI> servers, String token, String kiosk, PrinterTarget printer, PrinterProfile profile,
                          Duration statusPoll, Duration statusTimeout, boolean statusQueries, Duration writeTimeout,
                          Duration pingInterval, Duration idleTimeout, List<Duration> reconnectDelays) {

    public static final Duration DEFAULT_STATUS_POLL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATUS_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    /** Three missed pings (the server also sends a heartbeat every 15 s). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final List<Duration> DEFAULT_RECONNECT_DELAYS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Environment variables read by {@link #parse}, each overridden by its option. */
    public static final String ENV_SERVER = "ANTRE_SERVER_URL";
    public static final String ENV_TOKEN = "ANTRE_AGENT_TOKEN";
    public static final String ENV_TOKEN_FILE = "ANTRE_AGENT_TOKEN_FILE";
    public static final String ENV_KIOSK = "ANTRE_KIOSK";
    public static final String ENV_PRINTER = "ANTRE_PRINTER";
    public static final String ENV_PAPER = "ANTRE_PAPER";
    public static final String ENV_STATUS_POLL = "ANTRE_STATUS_POLL";

    public AgentConfig {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server address is needed");
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(profile, "profile");
        for (URI server : servers) {
            if (!"ws".equals(server.getScheme()) && !"wss".equals(server.getScheme())) {
                throw new IllegalArgumentException("server address must be ws:// or wss://: " + server);
            }
        }
        if (token.isBlank() || kiosk.isBlank()) {
            throw new IllegalArgumentException("the device token and the kiosk id must not be blank");
        }
        for (Duration d : List.of(statusPoll, statusTimeout, writeTimeout, pingInterval, idleTimeout)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
        reconnectDelays = List.copyOf(reconnectDelays);
        if (reconnectDelays.isEmpty()) {
            throw new IllegalArgumentException("at least one reconnect delay is needed");
        }
    }

    /**
     * The defaults: 80 mm paper, status every 5 s, ping every 20 s, reconnect after 1, 2, 5, then
     * every 10 s.
     *
     * @param server an {@code http(s)://host:port} base address or the {@code ws(s)://.../ws} address;
     *               several separated by commas for the nodes of a cluster
     */
    public static AgentConfig of(String server, String token, String kiosk, PrinterTarget printer) {
        return new AgentConfig(webSocketAddresses(server), token, kiosk, printer, PrinterProfile.MM80,
                DEFAULT_STATUS_POLL, DEFAULT_STATUS_TIMEOUT, true, DEFAULT_WRITE_TIMEOUT, DEFAULT_PING_INTERVAL,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_RECONNECT_DELAYS);
    }

    public AgentConfig withProfile(PrinterProfile p) {
        return new AgentConfig(servers, token, kiosk, printer, p, statusPoll, statusTimeout, statusQueries,
                writeTimeout, pingInterval, idleTimeout, reconnectDelays);
    }

    public AgentConfig withStatusPoll(Duration d) {
        return new AgentConfig(servers, token, kiosk, printer, profile, d, statusTimeout, statusQueries,
                writeTimeout, pingInterval, idleTimeout, reconnectDelays);
    }

    public AgentConfig withStatusTimeout(Duration d) {
        return new AgentConfig(servers, token, kiosk, printer, profile, statusPoll, d, statusQueries,
                writeTimeout, pingInterval, idleTimeout, reconnectDelays);
    }

    public AgentConfig withStatusQueries(boolean on) {
        return new AgentConfig(servers, token, kiosk, printer, profile, statusPoll, statusTimeout, on,
                writeTimeout, pingInterval, idleTimeout, reconnectDelays);
    }

    public AgentConfig withWriteTimeout(Duration d) {
        return new AgentConfig(servers, token, kiosk, printer, profile, statusPoll, statusTimeout, statusQueries,
                d, pingInterval, idleTimeout, reconnectDelays);
    }

    public AgentConfig withPing(Duration interval, Duration idle) {
        return new AgentConfig(servers, token, kiosk, printer, profile, statusPoll, statusTimeout, statusQueries,
                writeTimeout, interval, idle, reconnectDelays);
    }

    public AgentConfig withReconnectDelays(List<Duration> delays) {
        return new AgentConfig(servers, token, kiosk, printer, profile, statusPoll, statusTimeout, statusQueries,
                writeTimeout, pingInterval, idleTimeout, delays);
    }

    /** The first server address (the only one outside a cluster). */
    public URI server() {
        return servers.get(0);
    }

    /** Every address in {@code list} ({@code http://a:8080,http://b:8080}), in order, duplicates dropped. */
    public static List<URI> webSocketAddresses(String list) {
        List<URI> out = new ArrayList<>();
        for (String one : Objects.requireNonNull(list, "server").split(",")) {
            if (!one.isBlank()) {
                URI uri = webSocketAddress(one);
                if (!out.contains(uri)) {
                    out.add(uri);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no server address in '" + list + "'");
        }
        return out;
    }

    /** Whether the agent asks the printer for its state (the option is on and the device can answer). */
    public boolean queriesStatus() {
        return statusQueries && printer.answersStatus();
    }

    /** The WebSocket address for {@code http://host:port} (adds {@code /ws}) or a {@code ws://} address as is. */
    public static URI webSocketAddress(String server) {
        String s = Objects.requireNonNull(server, "server").trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("http://")) {
            s = "ws://" + s.substring("http://".length());
        } else if (s.startsWith("https://")) {
            s = "wss://" + s.substring("https://".length());
        } else if (!s.startsWith("ws://") && !s.startsWith("wss://")) {
            throw new IllegalArgumentException("server must start with http://, https://, ws:// or wss://: " + server);
        }
        URI uri = URI.create(s);
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            uri = URI.create(s + "/ws");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("server address has no host: " + server);
        }
        return uri;
    }

    /**
     * Reads the options in {@link #USAGE} from {@code args}, falling back to {@code env}.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static AgentConfig parse(List<String> args, Map<String, String> env) {
        String server = env.get(ENV_SERVER);
        List<String> serverOptions = new ArrayList<>();
        String token = env.get(ENV_TOKEN);
        String tokenFile = env.get(ENV_TOKEN_FILE);
        String kiosk = env.get(ENV_KIOSK);
        String printer = env.get(ENV_PRINTER);
        String paper = env.getOrDefault(ENV_PAPER, "80mm");
        String poll = env.get(ENV_STATUS_POLL);
        String statusTimeout = null;
        String writeTimeout = null;
        boolean statusQueries = true;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--server" -> serverOptions.add(value(rest, arg));
                case "--token" -> token = value(rest, arg);
                case "--token-file" -> tokenFile = value(rest, arg);
                case "--kiosk" -> kiosk = value(rest, arg);
                case "--printer" -> printer = value(rest, arg);
                case "--paper" -> paper = value(rest, arg);
                case "--status-poll" -> poll = value(rest, arg);
                case "--status-timeout" -> statusTimeout = value(rest, arg);
                case "--write-timeout" -> writeTimeout = value(rest, arg);
                case "--no-status" -> statusQueries = false;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (token == null && tokenFile != null) {
            token = readToken(Path.of(tokenFile));
        }
        if (!serverOptions.isEmpty()) {
            server = String.join(",", serverOptions);
        }
        require(server, "--server or " + ENV_SERVER);
        require(token, "--token, --token-file, " + ENV_TOKEN + " or " + ENV_TOKEN_FILE);
        require(kiosk, "--kiosk or " + ENV_KIOSK);
        require(printer, "--printer or " + ENV_PRINTER);
        AgentConfig config = of(server, token.trim(), kiosk.trim(), PrinterTarget.parse(printer.trim()))
                .withProfile(PrinterProfile.named(paper))
                .withStatusQueries(statusQueries);
        if (poll != null) {
            config = config.withStatusPoll(duration(poll));
        }
        if (statusTimeout != null) {
            config = config.withStatusTimeout(duration(statusTimeout));
        }
        if (writeTimeout != null) {
            config = config.withWriteTimeout(duration(writeTimeout));
        }
        return config;
    }

    /** {@code 5} or {@code 5s} (seconds) or {@code 500ms}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t)
                    * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use 5, 5s or 500ms)", e);
        }
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file, e);
        }
    }

    private static String value(List<String> rest, String flag) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
    }

    /** What {@code scripts/print-agent --help} shows. */
    public static final String USAGE = """
            usage: print-agent --server URL --kiosk KIOSK --printer PRINTER [options]

            Prints the tickets a kiosk issues on its ESC/POS printer. Connects to the server's
            WebSocket, receives print jobs, checks the printer (DLE EOT) before each ticket, prints,
            reports the result and the printer's state, and reconnects by itself (1, 2, 5, 10 s).
            With several servers (the nodes of a cluster) a lost connection moves on to the next one.

              --server URL          http://HOST:PORT of the Antre server (or ws://HOST:PORT/ws);   [ANTRE_SERVER_URL]
                                    repeat it (or separate by commas) for every node of a cluster
              --token TOKEN         the print agent's device token                                 [ANTRE_AGENT_TOKEN]
              --token-file FILE     read the token from FILE (keeps it out of the process list)    [ANTRE_AGENT_TOKEN_FILE]
              --kiosk KIOSK         the kiosk whose tickets to print, e.g. kiosk-1                 [ANTRE_KIOSK]
              --printer PRINTER     serial:/dev/ttyUSB0[:9600]   USB-serial or on-board port (8N1)  [ANTRE_PRINTER]
                                    tcp:192.168.1.50[:9100]      network printer, raw TCP
                                    file:/path/to/file           append the ESC/POS bytes to a file
              --paper 58mm|80mm     paper width (default 80mm)                                     [ANTRE_PAPER]
              --status-poll 5s      how often to check the printer while idle (default 5s)        [ANTRE_STATUS_POLL]
              --status-timeout 2s   how long to wait for the printer's status answer (default 2s)
              --write-timeout 5s    how long the printer may take no data before a write fails (default 5s)
              --no-status           never ask the printer for its state (send-only cables); assume it is ready
              -h, --help            this text

            Printer states reported to the server: ONLINE, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN,
            OFFLINE (port missing or busy, printer off or not answering). A ticket is not printed
            while the printer is PAPER_OUT, COVER_OPEN or OFFLINE: the job is reported failed with
            the reason and the server retries it.
            """;
}
