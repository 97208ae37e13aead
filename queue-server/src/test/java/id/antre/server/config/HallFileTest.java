package id.antre.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.domain.Hall;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HallFileTest {

  /** Every option of the hall file set to something other than its default. */
  static final String EVERY_OPTION = """
      hall:
        name: MPP LENGKAP
        subtitle: KOTA UJI
        timeZone: Asia/Makassar
      routing: { priorityCap: 5, transfersFirst: false, recallLimit: 4 }
      defaults:
        hours: { mon: "07:30-14:00", tue: "07:30-14:00", wed: "07:30-14:00", thu: "07:30-14:00", fri: "07:30-11:00" }
        issuingOpensMinutesBefore: 20
        cutoffMinutesBeforeClose: 45
        targetWaitMinutes: 25
        averageServiceMinutes: 7.5
      fridayBreak: { from: "11:15", to: "13:15" }
      holidays:
        - { date: "2027-01-01", name: "Tahun Baru" }
        - { date: 2026-12-24, name: "Cuti bersama Natal" }
      outcomes: [selesai, kurang-berkas]
      runningText: "Selamat datang: layanan gratis"
      ticketFooter: "Simpan tiket ini sampai dipanggil"
      voice: { reading: digits, sayAgency: true }
      agencies:
        - code: DUKCAPIL
          name: Disdukcapil
          fullName: Dinas Kependudukan
          services:
            - { code: KTP, prefix: A, name: "KTP-el", dailyQuota: 300, documents: [KK, "Surat pengantar"] }
            - code: KK
              prefix: B
              name: Kartu Keluarga
              dailyQuota: 10
              hours: { sat: "08:00-12:00" }
              issuingOpensMinutesBefore: 0
              issuingCutoff: "10:30"
              cutoffMinutesBeforeClose: 0
              targetWaitMinutes: 90
              averageServiceMinutes: 12
        - code: POLRES
          name: Polres
          services:
            - code: SKCK
              prefix: E
              name: SKCK
              dailyQuota: 100
              booking:
                enabled: true
                slotMinutes: 20
                perSlot: 3
                quotaPerDay: 40
                daysAhead: 5
                opensAt: "06:30"
                needsNik: false
                needsPhone: true
                checkIn: { beforeMinutes: 20, afterMinutes: 10 }
                order: check-in
      counters:
        - { id: "1", agency: DUKCAPIL, zone: lantai-1, services: [KTP, KK], weights: { KTP: 3 } }
        - { id: loket-2, name: "Loket Dua", agency: POLRES, zone: lantai-2, services: [SKCK] }
      """;

  @Test
  void theDemoHallExportedAndReadBackIsTheSameHall() throws IOException {
    Hall demo = HallConfigParser.parse(demoFile());
    assertThat(HallConfigParser.parse(HallFile.yaml(demo))).isEqualTo(demo);
  }

  @Test
  void aHallWithEveryOptionSetExportedAndReadBackIsTheSameHall() {
    Hall hall = HallConfigParser.parse(EVERY_OPTION);
    String exported = HallFile.yaml(hall);
    assertThat(HallConfigParser.parse(exported)).isEqualTo(hall);
    assertThat(exported).contains("ticketFooter: Simpan tiket ini sampai dipanggil").contains("reading: digits");
  }

  @Test
  void theConfigurationsJsonReadsBackAsTheSameHall() throws IOException {
    for (String file : new String[] {demoFile(), EVERY_OPTION}) {
      Hall hall = HallConfigParser.parse(file);
      String json = new JsonObject(HallFile.tree(hall)).encode();
      assertThat(HallConfigParser.parse(json)).isEqualTo(hall);
    }
  }

  @Test
  void whatMostServicesShareIsWrittenOnceUnderDefaults() throws IOException {
    String exported = HallFile.yaml(HallConfigParser.parse(demoFile()));
    assertThat(exported).startsWith("# Antre hall file: MAL PELAYANAN PUBLIK KABUPATEN CIREBON\n");
    assertThat(exported.split("mon: ", -1).length - 1).as("hours written once, where they differ").isLessThan(5);
  }

  @Test
  void aMissingTicketFooterIsTheDefaultOne() {
    Hall hall = HallConfigParser.parse(EVERY_OPTION.replace("ticketFooter: \"Simpan tiket ini sampai dipanggil\"\n", ""));
    assertThat(hall.ticketFooter()).isEqualTo(HallConfigParser.DEFAULT_TICKET_FOOTER);
  }

  static String demoFile() throws IOException {
    try (InputStream in = HallFileTest.class.getResourceAsStream("/halls/cirebon.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
