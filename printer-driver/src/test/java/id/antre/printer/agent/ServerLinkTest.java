package id.antre.printer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
