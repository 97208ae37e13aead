package id.antre.printer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.printer.escpos.PrinterProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    @Test
    void optionsOverrideTheEnvironmentAndTheRestKeepsItsDefaults() {
        AgentConfig config = AgentConfig.parse(
                List.of("--server", "http://10.0.0.2:8080/", "--printer", "tcp:192.168.1.50", "--paper", "58"),
                Map.of(AgentConfig.ENV_SERVER, "http://ignored:1", AgentConfig.ENV_TOKEN, "d1secret",
                        AgentConfig.ENV_KIOSK, "kiosk-1", AgentConfig.ENV_STATUS_POLL, "500ms"));

        assertThat(config.server()).isEqualTo(URI.create("ws://10.0.0.2:8080/ws"));
        assertThat(config.token()).isEqualTo("d1secret");
        assertThat(config.kiosk()).isEqualTo("kiosk-1");
        assertThat(config.printer()).isEqualTo(new PrinterTarget.Tcp("192.168.1.50", 9100));
        assertThat(config.profile()).isEqualTo(PrinterProfile.MM58);
        assertThat(config.statusPoll()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.statusTimeout()).isEqualTo(AgentConfig.DEFAULT_STATUS_TIMEOUT);
        assertThat(config.reconnectDelays()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 5L, 10L);
        assertThat(config.queriesStatus()).isTrue();
    }

    @Test
    void theNodesOfAClusterAreGivenByRepeatingServerOrInTheEnvironmentSeparatedByCommas() {
        AgentConfig repeated = AgentConfig.parse(List.of("--server", "http://10.0.0.2:8080", "--server",
                "http://10.0.0.3:8080", "--kiosk", "kiosk-1", "--printer", "file:/tmp/x", "--token", "t"), Map.of());
        AgentConfig listed = AgentConfig.parse(List.of("--kiosk", "kiosk-1", "--printer", "file:/tmp/x", "--token", "t"),
                Map.of(AgentConfig.ENV_SERVER, "http://10.0.0.2:8080, ws://10.0.0.3:8080/ws,http://10.0.0.2:8080"));

        assertThat(repeated.servers()).containsExactly(URI.create("ws://10.0.0.2:8080/ws"), URI.create("ws://10.0.0.3:8080/ws"));
        assertThat(listed.servers()).isEqualTo(repeated.servers());
        assertThat(repeated.server()).isEqualTo(URI.create("ws://10.0.0.2:8080/ws"));
    }

    @Test
    void aMissingSettingIsNamedWithItsOptionAndVariable() {
        assertThatThrownBy(() -> AgentConfig.parse(List.of("--server", "http://h:1", "--kiosk", "kiosk-1",
                "--printer", "file:/tmp/x"), Map.of()))
                .hasMessageContaining("--token").hasMessageContaining(AgentConfig.ENV_TOKEN);
    }

    @Test
    void webSocketAddressesAreTakenAsTheyAreAndHttpOnesGetTheGatewayPath() {
        assertThat(AgentConfig.webSocketAddress("https://antre.example.go.id"))
                .isEqualTo(URI.create("wss://antre.example.go.id/ws"));
        assertThat(AgentConfig.webSocketAddress("ws://127.0.0.1:8080/ws")).isEqualTo(URI.create("ws://127.0.0.1:8080/ws"));
        assertThatThrownBy(() -> AgentConfig.webSocketAddress("127.0.0.1:8080")).hasMessageContaining("http://");
    }

    @Test
    void printersAreReadFromTheirConfigurationForm() {
        assertThat(PrinterTarget.parse("serial:/dev/ttyUSB0:19200")).isEqualTo(new PrinterTarget.Serial("/dev/ttyUSB0", 19200));
        assertThat(PrinterTarget.parse("serial:/dev/ttyS0")).isEqualTo(new PrinterTarget.Serial("/dev/ttyS0", 9600));
        assertThat(PrinterTarget.parse("tcp:printer.local:9101")).isEqualTo(new PrinterTarget.Tcp("printer.local", 9101));
        assertThat(PrinterTarget.parse("file:/var/spool/antre/tickets.bin"))
                .isEqualTo(new PrinterTarget.File(Path.of("/var/spool/antre/tickets.bin")));
        assertThat(PrinterTarget.parse("serial:/dev/ttyUSB0:9600").toString()).isEqualTo("serial:/dev/ttyUSB0:9600");
    }

    @Test
    void aPrinterOfUnknownKindIsRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> PrinterTarget.parse("/dev/ttyUSB0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serial:/dev/ttyUSB0:9600, tcp:");
        assertThatThrownBy(() -> PrinterTarget.parse("tcp:host:port")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileCannotBeAskedForItsStatus() {
        AgentConfig config = AgentConfig.of("http://h:1", "t", "kiosk-1", PrinterTarget.parse("file:/tmp/x"));
        assertThat(config.queriesStatus()).isFalse();
        assertThat(config.withStatusQueries(false).withProfile(PrinterProfile.MM80).queriesStatus()).isFalse();
    }

    @Test
    void durationsAcceptSecondsAndMilliseconds() {
        assertThat(AgentConfig.duration("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(AgentConfig.duration("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(AgentConfig.duration("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> AgentConfig.duration("soon")).hasMessageContaining("500ms");
    }
}
