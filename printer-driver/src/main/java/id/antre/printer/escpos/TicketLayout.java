package id.antre.printer.escpos;

import id.antre.printer.transport.PrinterConnection;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Lays a {@link TicketContent} out as ESC/POS bytes for one paper width: hall and agency at the
 * top, the number very large, date and wait, a QR code to follow the queue, the documents to have
 * ready, the closing lines, then feed and cut. Every text is wrapped at word boundaries to the
 * columns available at its character size.
 */
public final class TicketLayout {

    /** Feed before the cut, in motion units, so the last line clears the cutter. */
    static final int CUT_FEED = 64;
    /** Keeps "± 25 menit" together when wrapping; printed as a plain space. */
    private static final char KEEP = '\u00A0';

    private final PrinterProfile profile;
    private final BufferedImage logo;

    private TicketLayout(PrinterProfile profile, BufferedImage logo) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.logo = logo;
    }

    /** A layout for {@code profile}, without a logo. */
    public static TicketLayout create(PrinterProfile profile) {
        return new TicketLayout(profile, null);
    }

    /** The same layout with a logo printed as a raster image above the hall name. */
    public TicketLayout withLogo(BufferedImage logo) {
        return new TicketLayout(profile, Objects.requireNonNull(logo, "logo"));
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** The ticket as bytes ready to write to a {@link PrinterConnection}. */
    public byte[] render(TicketContent ticket) {
        int columns = profile.columns();
        String rule = "-".repeat(columns);
        EscPos p = EscPos.create(profile).init().codePage().align(Align.CENTER);

        if (logo != null) {
            p.image(logo);
        }
        p.bold(true).size(1, 2);
        lines(p, ticket.hallName(), columns);
        p.normalSize();
        lines(p, ticket.hallSubtitle(), columns);
        p.bold(false).line(rule);

        lines(p, ticket.agencyName(), columns);
        p.bold(true);
        lines(p, ticket.serviceName(), columns);
        p.bold(false);
        if (present(ticket.location())) {
            lines(p, "Lokasi loket: " + ticket.location(), columns);
        }
        p.newline();

        p.line("NOMOR ANTREAN");
        int size = numberSize(ticket.number());
        p.bold(true).size(size, size);
        lines(p, ticket.number(), columns / size);
        p.normalSize().bold(false);
        if (present(ticket.priorityGroup())) {
            p.bold(true);
            lines(p, "PRIORITAS: " + ticket.priorityGroup().toUpperCase(java.util.Locale.ROOT), columns);
            p.bold(false);
        }
        if (present(ticket.bookingSlot())) {
            // as the counter's badge says it: the officer and the visitor read the same words
            p.bold(true);
            lines(p, "Booking " + keep(ticket.bookingSlot()), columns);
            p.bold(false);
        }
        p.newline();
        p.line(IndonesianDates.dateTime(ticket.issuedAt()));
        p.line(rule);

        if (!ticket.countersOpen()) {
            // no estimate without an open counter: "segera dipanggil" would send people to wait in vain
            lines(p, "Loket layanan ini belum buka.", columns);
            lines(p, present(ticket.servingFrom())
                    ? "Pelayanan mulai pukul " + keep(ticket.servingFrom())
                    : "Antrean di depan Anda: " + keep(ticket.ahead() + " orang"), columns);
        } else if (ticket.ahead() == 0) {
            // nobody ahead: "0 orang, ± 0 menit" reads like a fault
            lines(p, "Anda berikutnya, segera dipanggil", columns);
        } else {
            lines(p, "Antrean di depan Anda: " + keep(ticket.ahead() + " orang"), columns);
            lines(p, "Perkiraan waktu tunggu: " + keep("± " + ticket.estimatedWaitMinutes() + " menit"), columns);
        }

        if (present(ticket.trackingUrl())) {
            // The blank lines around the code are its quiet zone: scanners need about four modules.
            p.newline().qr(ticket.trackingUrl(), qrModuleSize(ticket.trackingUrl())).newline();
            lines(p, "Pindai untuk memantau antrean", columns);
        }

        if (!ticket.requiredDocuments().isEmpty()) {
            p.align(Align.LEFT).line(rule).bold(true).line("Persyaratan:").bold(false);
            for (String document : ticket.requiredDocuments()) {
                lines(p, TextWrap.wrap("- " + p.plain(document), columns, "  "));
            }
            p.align(Align.CENTER);
        }

        p.line(rule);
        lines(p, "Mohon menunggu nomor Anda dipanggil", columns);
        p.bold(true).line("Berlaku hari ini").bold(false);
        lines(p, ticket.footer(), columns);
        return p.feed(1).cut(CUT_FEED).bytes();
    }

    /** The smallest module size a phone camera still reads well off thermal paper. */
    static final int MIN_QR_MODULE = 3;
    /** Modules of blank margin a scanner needs on each side of the code. */
    static final int QR_QUIET_MODULES = 4;

    /**
     * The profile's QR module size, or the largest smaller one at which the code and its quiet zone
     * fit the paper width. A payload too long even at {@link #MIN_QR_MODULE} fails here, with the
     * reason, rather than printing a code cut off at the paper's edge.
     */
    int qrModuleSize(String data) {
        int modules = qrModules(data);
        for (int size = profile.qrModuleSize(); size >= MIN_QR_MODULE; size--) {
            if ((modules + 2 * QR_QUIET_MODULES) * size <= profile.dotWidth()) {
                return size;
            }
        }
        throw new IllegalArgumentException("the tracking address (" + data.length() + " characters) needs a QR code of "
                + modules + " modules, wider than " + profile.name() + " paper (" + profile.dotWidth()
                + " dots) even at module size " + MIN_QR_MODULE + "; use a shorter public address");
    }

    /** Modules per side of the QR code the printer draws for data (model 2, error level M). */
    static int qrModules(String data) {
        try {
            com.google.zxing.qrcode.encoder.QRCode code = com.google.zxing.qrcode.encoder.Encoder.encode(data,
                    com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                    java.util.Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
            return code.getMatrix().getWidth();
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalArgumentException("the tracking address does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    /** The largest size up to the profile's that keeps the number on one line. */
    private int numberSize(String number) {
        int size = profile.numberSize();
        while (size > 1 && number.strip().length() > profile.columns() / size) {
            size--;
        }
        return size;
    }

    private static void lines(EscPos p, String text, int columns) {
        if (present(text)) {
            // plain before wrapping: "..." for an ellipsis takes three columns
            lines(p, TextWrap.wrap(p.plain(text), columns));
        }
    }

    private static void lines(EscPos p, List<String> lines) {
        for (String line : lines) {
            p.line(line.replace(KEEP, ' '));
        }
    }

    private static String keep(String phrase) {
        return phrase.replace(' ', KEEP);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
