package id.antre.printer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antre.printer.status.PrinterStatus;
import id.antre.printer.escpos.TicketContent;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AgentMessagesTest {

    static final String PRINT = """
            {"type":"print","job":17,"ticketId":42,"kiosk":"kiosk-1","content":{
              "hallName":"MAL PELAYANAN PUBLIK","hallSubtitle":"KABUPATEN CIREBON","agencyName":"Disdukcapil",
              "serviceName":"Perekaman KTP-el","number":"A017","issuedAt":"2026-11-28T08:12:00+07:00",
              "timeZone":"Asia/Jakarta","ahead":3,"estimatedWaitMinutes":12,
              "trackingUrl":"https://antre.example/t/abc","requiredDocuments":["KK asli","Fotokopi KK"],
              "footer":null}}""";

    @Test
    void aPrintMessageBecomesTheTicketContentInTheHallsZone() {
        AgentMessages.PrintJob job = AgentMessages.printJob(AgentMessages.parse(PRINT));

        assertThat(job.id()).isEqualTo(17);
        assertThat(job.ticketId()).isEqualTo(42);
        TicketContent c = job.content();
        assertThat(c.number()).isEqualTo("A017");
        assertThat(c.serviceName()).isEqualTo("Perekaman KTP-el");
        assertThat(c.issuedAt().getZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
        assertThat(c.issuedAt().getHour()).isEqualTo(8);
        assertThat(c.ahead()).isEqualTo(3);
        assertThat(c.estimatedWaitMinutes()).isEqualTo(12);
        assertThat(c.requiredDocuments()).containsExactly("KK asli", "Fotokopi KK");
        assertThat(c.footer()).isNull();
    }

    @Test
    void whereToGoThePriorityGroupAndWhetherAnyoneServesReachThePaper() {
        String more = PRINT.replace("\"footer\":null}}", "\"footer\":null,\"location\":\"Lantai 1\","
                + "\"priorityGroup\":\"Lanjut usia\",\"countersOpen\":false,\"servingFrom\":\"08.00\"}}");
        TicketContent c = AgentMessages.printJob(AgentMessages.parse(more)).content();
        assertThat(c.location()).isEqualTo("Lantai 1");
        assertThat(c.priorityGroup()).isEqualTo("Lanjut usia");
        assertThat(c.countersOpen()).isFalse();
        assertThat(c.servingFrom()).isEqualTo("08.00");

        TicketContent booked = AgentMessages.printJob(AgentMessages.parse(
                PRINT.replace("\"footer\":null}}", "\"footer\":null,\"bookingSlot\":\"09.30\"}}"))).content();
        assertThat(booked.bookingSlot()).isEqualTo("09.30");

        TicketContent older = AgentMessages.printJob(AgentMessages.parse(PRINT)).content();
        assertThat(older.countersOpen()).as("a server that does not say is taken as serving").isTrue();
        assertThat(older.bookingSlot()).isNull();
        assertThat(older.location()).isNull();
    }

    @Test
    void aPrintMessageWithoutItsNumberIsRefusedNamingTheField() {
        String broken = PRINT.replace("\"number\":\"A017\",", "");
        assertThatThrownBy(() -> AgentMessages.printJob(AgentMessages.parse(broken)))
                .hasMessageContaining("job 17").hasMessageContaining("number is missing");
        assertThat(AgentMessages.jobId(AgentMessages.parse(broken))).isEqualTo(17);
    }

    @Test
    void theAgentsMessagesHaveTheShapeTheGatewayReads() {
        assertThat(AgentMessages.subscribe("kiosk-1", "d1abc"))
                .isEqualTo("{\"type\":\"subscribe\",\"topics\":[\"printer:kiosk-1\"],\"token\":\"d1abc\",\"client\":\""
                        + AgentMessages.CLIENT + "\"}");
        assertThat(AgentMessages.printed(17)).isEqualTo("{\"type\":\"print-result\",\"job\":17,\"status\":\"printed\"}");
        assertThat(AgentMessages.failed(17, "PAPER_OUT: load a new roll"))
                .isEqualTo("{\"type\":\"print-result\",\"job\":17,\"status\":\"failed\",\"reason\":\"PAPER_OUT: load a new roll\"}");
        assertThat(AgentMessages.printerStatus(PrinterStatus.COVER_OPEN, "close it"))
                .isEqualTo("{\"type\":\"printer-status\",\"status\":\"COVER_OPEN\",\"detail\":\"close it\"}");
        assertThat(AgentMessages.ping()).isEqualTo("{\"type\":\"ping\"}");
    }

    @Test
    void somethingThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> AgentMessages.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentMessages.parse("{nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
