package id.antre.printer.escpos;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Tickets shared by the tests; fixed content so golden files stay stable. */
public final class SampleTickets {

    public static final String TRACKING_URL = "https://antre.cirebonkab.go.id/t/7Q2KX9";

    private SampleTickets() {
    }

    public static TicketContent kependudukan() {
        return new TicketContent(
                "MAL PELAYANAN PUBLIK",
                "KABUPATEN CIREBON",
                "Dinas Kependudukan dan Pencatatan Sipil",
                "Perekaman dan Pencetakan KTP Elektronik",
                "A-017",
                ZonedDateTime.of(2026, 11, 28, 8, 12, 30, 0, ZoneId.of("Asia/Jakarta")),
                12,
                25,
                TRACKING_URL,
                List.of("Kartu Keluarga (KK) asli dan fotokopi",
                        "Surat pengantar dari kelurahan/desa",
                        "Akta kelahiran bagi pemohon yang baru berusia 17 tahun"),
                "Layanan tanpa pungutan biaya. Pengaduan: SP4N LAPOR! lapor.go.id");
    }
}
