package id.antre.printer.escpos;

import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden files pin the exact bytes of the sample ticket per profile. After an intended layout
 * change, regenerate them with
 * {@code mvn -B -ntp -pl printer-driver test -Dtest=TicketLayoutTest -Dgolden.update=true}
 * and look at the PNGs in {@code target/tickets/} before committing.
 */
class TicketLayoutTest {

    private static final Path GOLDEN_SOURCE = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"58", "80"})
    void sampleTicketMatchesTheGoldenBytesForTheProfile(String width) throws IOException {
        PrinterProfile profile = PrinterProfile.named(width);
        byte[] actual = TicketLayout.create(profile).render(SampleTickets.kependudukan());
        String name = "ticket-" + width + ".bin";

        Path golden = GOLDEN_SOURCE.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN_SOURCE);
            Files.write(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
        byte[] expected = Files.readAllBytes(golden);
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void ticketStartsWithInitAndCodePageAndEndsWithFeedAndCut() {
        byte[] bytes = TicketLayout.create(PrinterProfile.MM58).render(SampleTickets.kependudukan());
        String hex = HexFormat.of().formatHex(bytes);

        assertThat(hex).startsWith("1b40" + "1b7400");
        assertThat(hex).endsWith("1b6401" + "1d5642" + String.format("%02x", TicketLayout.CUT_FEED));
    }

    @Test
    void numberIsPrintedBoldAtTheProfilesLargeSize() {
        String hex58 = HexFormat.of().formatHex(TicketLayout.create(PrinterProfile.MM58).render(SampleTickets.kependudukan()));
        String hex80 = HexFormat.of().formatHex(TicketLayout.create(PrinterProfile.MM80).render(SampleTickets.kependudukan()));
        String number = HexFormat.of().formatHex("A-017".getBytes());

        assertThat(hex58).contains("1b4501" + "1d2144" + number + "0a");
        assertThat(hex80).contains("1b4501" + "1d2155" + number + "0a");
    }

    @Test
    void aNumberTooLongForTheLargeSizeGetsASmallerOneInsteadOfWrapping() {
        TicketContent ticket = withNumber("PRIORITAS-1001");

        DecodedTicket decoded = EscPosDecoder.decode(TicketLayout.create(PrinterProfile.MM58).render(ticket), PrinterProfile.MM58);

        assertThat(decoded.lines()).contains("PRIORITAS-1001");
    }

    @Test
    void longTextsWrapAtWordsOnNarrowPaperSoThePrinterNeverSplitsAWord() {
        DecodedTicket decoded = EscPosDecoder.decode(
                TicketLayout.create(PrinterProfile.MM58).render(SampleTickets.kependudukan()), PrinterProfile.MM58);

        // The decoder wraps at the paper edge like a printer, so an overflow would show as a cut word.
        assertThat(decoded.lines()).containsSubsequence(
                "Dinas Kependudukan dan", "Pencatatan Sipil",
                "Perekaman dan Pencetakan KTP", "Elektronik",
                "Perkiraan waktu tunggu:", "± 25 menit",
                "Persyaratan:",
                "- Akta kelahiran bagi pemohon", "  yang baru berusia 17 tahun",
                "Mohon menunggu nomor Anda", "dipanggil");
    }

    @Test
    void wideTextsStayOnOneLineOnWidePaper() {
        DecodedTicket decoded = EscPosDecoder.decode(
                TicketLayout.create(PrinterProfile.MM80).render(SampleTickets.kependudukan()), PrinterProfile.MM80);

        assertThat(decoded.lines()).contains("Dinas Kependudukan dan Pencatatan Sipil",
                "Perkiraan waktu tunggu: ± 25 menit", "Mohon menunggu nomor Anda dipanggil");
    }

    @Test
    void optionalPartsAreLeftOutWhenMissing() {
        TicketContent bare = new TicketContent("MPP", null, null, "Paspor", "B-002",
                ZonedDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneId.of("Asia/Jakarta")), 0, 0, null, null, null);

        DecodedTicket decoded = EscPosDecoder.decode(TicketLayout.create(PrinterProfile.MM80).render(bare), PrinterProfile.MM80);

        assertThat(decoded.qrPayloads()).isEmpty();
        assertThat(decoded.text()).doesNotContain("Persyaratan").contains("B-002", "Paspor", "Anda berikutnya, segera dipanggil")
            .doesNotContain("0 orang");
    }

    @Test
    void aCheckedInBookingSaysItsSlotInBoldUnderTheNumberAndAWalkInDoesNot() throws IOException {
        TicketContent t = SampleTickets.kependudukan();
        TicketContent booked = new TicketContent(t.hallName(), t.hallSubtitle(), t.agencyName(), t.serviceName(),
                t.number(), t.issuedAt(), t.ahead(), t.estimatedWaitMinutes(), t.trackingUrl(), t.requiredDocuments(),
                t.footer(), t.location(), t.priorityGroup(), t.countersOpen(), t.servingFrom(), "09.30");

        for (PrinterProfile profile : new PrinterProfile[] {PrinterProfile.MM58, PrinterProfile.MM80}) {
            byte[] bytes = TicketLayout.create(profile).render(booked);
            DecodedTicket decoded = EscPosDecoder.decode(bytes, profile);
            Files.createDirectories(Path.of("target", "tickets"));
            decoded.writePng(Path.of("target", "tickets", "ticket-booking-" + profile.columns() + ".png"));

            assertThat(decoded.lines()).containsSubsequence("A-017", "Booking 09.30", "Sabtu, 28 November 2026 08.12");
            assertThat(HexFormat.of().formatHex(bytes)).contains("1b4501" + HexFormat.of().formatHex("Booking 09.30\n".getBytes()));
        }
        DecodedTicket walkIn = EscPosDecoder.decode(TicketLayout.create(PrinterProfile.MM80).render(t), PrinterProfile.MM80);
        assertThat(walkIn.text()).doesNotContain("Booking");
    }

    @Test
    void logoIsPrintedAsARasterImageBeforeTheHallName() {
        var logo = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        byte[] bytes = TicketLayout.create(PrinterProfile.MM58).withLogo(logo).render(SampleTickets.kependudukan());
        String hex = HexFormat.of().formatHex(bytes);

        assertThat(hex.indexOf("1d763000")).isPositive().isLessThan(hex.indexOf(HexFormat.of().formatHex("MAL".getBytes())));
    }

    private static TicketContent withNumber(String number) {
        TicketContent t = SampleTickets.kependudukan();
        return new TicketContent(t.hallName(), t.hallSubtitle(), t.agencyName(), t.serviceName(), number, t.issuedAt(),
                t.ahead(), t.estimatedWaitMinutes(), t.trackingUrl(), t.requiredDocuments(), t.footer());
    }
}
