package id.antre.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What hall staff type into names and documents (en and em dashes, curly quotes, ellipses) prints
 * as its plain form instead of '?', and a tracking address too long for the paper at the usual QR
 * module size gets a smaller module or a clear refusal, never a code cut off at the edge.
 */
class TicketTypographyTest {
    static final Path OUT = Path.of("target", "tickets");

    static TicketContent with(String service, List<String> documents, String url) {
        TicketContent t = SampleTickets.kependudukan();
        return new TicketContent(t.hallName(), t.hallSubtitle(), "Samsat – Bappenda", service, t.number(),
                t.issuedAt(), t.ahead(), t.estimatedWaitMinutes(), url, documents, "Pengaduan — “LAPOR!” …");
    }

    static DecodedTicket print(TicketContent t, PrinterProfile profile, String png) throws Exception {
        DecodedTicket decoded = EscPosDecoder.decode(TicketLayout.create(profile).render(t), profile);
        Files.createDirectories(OUT);
        decoded.writePng(OUT.resolve(png));
        return decoded;
    }

    @ParameterizedTest
    @ValueSource(strings = {"58mm", "80mm"})
    void dashesCurlyQuotesAndEllipsesPrintAsTheirPlainFormsNotQuestionMarks(String paper) throws Exception {
        PrinterProfile profile = PrinterProfile.named(paper);
        DecodedTicket decoded = print(with("Pajak Kendaraan – Tahunan “PKB” ‘roda dua’…",
                List.of("STNK asli — bukan fotokopi", "KTP‑el pemilik"), SampleTickets.TRACKING_URL),
                profile, "typography-" + paper + ".png");
        String text = decoded.text();
        assertThat(text).doesNotContain("?");
        assertThat(text.replace("\n", " ")).contains("Samsat - Bappenda").contains("Pajak Kendaraan - Tahunan")
            .contains("\"PKB\"").contains("'roda dua'...").contains("STNK asli - bukan fotokopi")
            .contains("KTP-el pemilik").contains("Pengaduan - \"LAPOR!\" ...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"58mm", "80mm"})
    void aLongTrackingAddressGetsASmallerModuleThatStillFitsAndScans(String paper) throws Exception {
        PrinterProfile profile = PrinterProfile.named(paper);
        String url = "https://antrean.mal-pelayanan-publik.kabupaten-cirebon.go.id/t/" + "x".repeat(260);
        TicketLayout layout = TicketLayout.create(profile);
        assertThat(layout.qrModuleSize(url)).as("smaller than the usual").isLessThan(profile.qrModuleSize());
        DecodedTicket decoded = print(with("PKB", List.of(), url), profile, "long-qr-" + paper + ".png");
        assertThat(decoded.qrPayloads()).containsExactly(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"58mm", "80mm"})
    void anAddressTooLongForThePaperFailsClearlyInsteadOfPrintingACutCode(String paper) {
        PrinterProfile profile = PrinterProfile.named(paper);
        // 58 mm runs out of width first; on 80 mm even the largest QR code fits at the smallest module
        String url = "https://antre.example.go.id/t/" + "x".repeat(paper.equals("58mm") ? 1500 : 3000);
        assertThatThrownBy(() -> TicketLayout.create(profile).render(with("PKB", List.of(), url)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(paper.equals("58mm") ? "wider than 58mm paper" : "does not fit in a QR code");
    }
}
