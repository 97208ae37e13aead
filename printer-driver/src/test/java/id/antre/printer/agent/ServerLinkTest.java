package id.antre.printer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLinkTest {
    static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    @Test
    void failedConnectionsBackOffByTheConfiguredSteps() {
        assertThat(ServerLink.reconnectDelay(STEPS, 0, false)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServerLink.reconnectDelay(STEPS, 2, false)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ServerLink.reconnectDelay(STEPS, 40, false)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anAgentReplacedByAnotherWaitsAMinuteInsteadOfTakingTheKioskBackAtOnce() {
        assertThat(ServerLink.reconnectDelay(STEPS, 0, true)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ServerLink.REPLACED).isEqualTo(4409);
    }

    @Test
    void aRefusedServerSendsTheAgentToTheNextOneWithinAboutASecond(@TempDir Path dir) throws Exception {
        int dead;
        try (ServerSocket gone = new ServerSocket(0)) {
            dead = gone.getLocalPort();
        }
        try (ServerSocket survivor = new ServerSocket(0)) {
            survivor.setSoTimeout(5_000);
            AgentConfig config = AgentConfig.of("http://127.0.0.1:" + dead + ",http://127.0.0.1:" + survivor.getLocalPort(),
                    "token", "kiosk-1", new PrinterTarget.File(dir.resolve("out.bin")));
            ServerLink link = new ServerLink(config, new ServerLink.Inbox() {
                @Override
                public void subscribed() {
                }

                @Override
                public void received(JsonNode message) {
                }
            });
            long t0 = System.nanoTime();
            link.start();
            try (Socket arrived = survivor.accept()) {
                assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until the second server is tried")
                        .isLessThan(3_000);
            } finally {
                link.stop();
            }
        }
    }
}
