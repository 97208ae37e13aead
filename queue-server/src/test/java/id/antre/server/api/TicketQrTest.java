package id.antre.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TicketQrTest {
  private static final String URL = "http://10.0.0.2:8080/t/Xq3_9aZk-Lm2Pq7Rs8Tu0w";

  @Test
  void theSvgDecodesBackToTheTrackingAddress() {
    assertThat(QrSvgReader.decode(TicketQr.svg(URL))).isEqualTo(URL);
  }

  @Test
  void aTrackingAddressIsAVersionFourOrFiveCodeWithAFourModuleQuietZone() {
    String svg = TicketQr.svg(URL);
    int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) \\d+\".*", "$1"));
    int modules = size - 2 * TicketQr.QUIET_ZONE;
    // version v has 17 + 4v modules a side
    assertThat(modules).isIn(33, 37);
    BufferedImage image = QrSvgReader.draw(svg);
    int quietPixels = TicketQr.QUIET_ZONE * image.getWidth() / size;
    for (int i = 0; i < image.getWidth(); i++) {
      for (int q = 0; q < quietPixels; q++) {
        assertThat(image.getRGB(i, q) & 0xffffff).as("top quiet zone at %d,%d", i, q).isEqualTo(0xffffff);
        assertThat(image.getRGB(q, i) & 0xffffff).as("left quiet zone at %d,%d", q, i).isEqualTo(0xffffff);
      }
    }
  }

  @Test
  void theSvgIsScalableAndCrispAndCarriesNoTextOfItsOwn() {
    String svg = TicketQr.svg(URL);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .contains("shape-rendering=\"crispEdges\"")
        .doesNotContain("Xq3_9aZk").doesNotContain("10.0.0.2");
  }

  @Test
  void onlyTokensShapedLikeTrackingTokensAreAccepted() {
    assertThat(TicketQr.wellFormedToken("Xq3_9aZk-Lm2Pq7Rs8Tu0w")).isTrue();
    assertThat(TicketQr.wellFormedToken(null)).isFalse();
    assertThat(TicketQr.wellFormedToken("")).isFalse();
    assertThat(TicketQr.wellFormedToken("short")).isFalse();
    assertThat(TicketQr.wellFormedToken("has space in it")).isFalse();
    assertThat(TicketQr.wellFormedToken("<script>alert(1)</script>")).isFalse();
    assertThat(TicketQr.wellFormedToken("x".repeat(65))).isFalse();
  }
}
