package id.antre.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void forwardedForIsIgnoredFromAnyoneButAConfiguredProxy() {
    assertThat(new ClientAddress(List.of()).of("203.0.113.9", "10.1.1.1")).isEqualTo("203.0.113.9");
    assertThat(new ClientAddress(List.of("192.168.0.10")).of("203.0.113.9", "10.1.1.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    ClientAddress a = new ClientAddress(List.of("10.0.0.0/8", "::1"));
    assertThat(a.of("10.0.0.2", "198.51.100.7")).isEqualTo("198.51.100.7");
    // a client that writes its own header only adds hops to the left of the real one
    assertThat(a.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3")).isEqualTo("198.51.100.7");
    assertThat(a.of("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8::5");
    assertThat(a.of("10.0.0.2", "10.0.0.3")).isEqualTo("10.0.0.2");
    assertThat(a.of("10.0.0.2", "nonsense")).isEqualTo("10.0.0.2");
  }

  @Test
  void aProxyListThatIsNotAddressesIsRefusedAtStart() {
    assertThatThrownBy(() -> new ClientAddress(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
  }
}
