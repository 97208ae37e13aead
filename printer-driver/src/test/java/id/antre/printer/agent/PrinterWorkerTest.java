package id.antre.printer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.antre.printer.decode.DecodedTicket;
import id.antre.printer.decode.EscPosDecoder;
import id.antre.printer.escpos.PrinterProfile;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.escpos.TicketContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printer thread with a file as the printer: order, duplicates, failures, messages. */
class PrinterWorkerTest {

    @TempDir
    Path dir;

    final BlockingQueue<JsonNode> sent = new LinkedBlockingQueue<>();
    PrinterWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(2));
        }
    }

    PrinterWorker start(String printer) {
        AgentConfig config = AgentConfig.of("http://127.0.0.1:1", "token", "kiosk-1", PrinterTarget.parse(printer))
                .withStatusPoll(Duration.ofSeconds(30));
        worker = new PrinterWorker(config, json -> sent.add(AgentMessages.parse(json)));
        worker.start();
        return worker;
    }

    JsonNode next(String type) throws InterruptedException {
        while (true) {
            JsonNode m = sent.poll(5, TimeUnit.SECONDS);
            assertThat(m).as("a " + type + " message").isNotNull();
            if (type.equals(AgentMessages.type(m))) {
                return m;
            }
        }
    }

    static AgentMessages.PrintJob job(long id, String number) {
        return new AgentMessages.PrintJob(id, id * 10, new TicketContent("MPP UJI", null, "Disdukcapil", "KTP-el",
                number, ZonedDateTime.parse("2026-11-30T09:00+07:00[Asia/Jakarta]"), 0, 0,
                "http://antre.test/t/abc", List.of(), null));
    }

    @Test
    void jobsPrintInOrderAndAJobSentTwicePrintsOnceButIsAcknowledgedTwice() throws Exception {
        Path file = dir.resolve("printer.bin");
        start("file:" + file);

        worker.submit(job(1, "A001"));
        worker.submit(job(2, "A002"));
        assertThat(next("print-result").path("job").asLong()).isEqualTo(1);
        assertThat(next("print-result").path("job").asLong()).isEqualTo(2);
        worker.submit(job(1, "A001"));
        JsonNode again = next("print-result");

        assertThat(again.path("job").asLong()).isEqualTo(1);
        assertThat(again.path("status").asText()).isEqualTo("printed");
        DecodedTicket decoded = EscPosDecoder.decode(Files.readAllBytes(file), PrinterProfile.MM80);
        assertThat(decoded.cuts()).isEqualTo(2);
        assertThat(decoded.lines()).containsSubsequence("A001", "A002");
        assertThat(decoded.lines().stream().filter("A001"::equals)).hasSize(1);
    }

    @Test
    void aPrinterThatCannotBeOpenedIsReportedOfflineAndItsJobFailsWithTheReason() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("printer.bin");
        start("file:" + missing);

        JsonNode status = next("printer-status");
        assertThat(status.path("status").asText()).isEqualTo("OFFLINE");
        assertThat(status.path("detail").asText()).startsWith("PORT_UNAVAILABLE: ").contains(missing.toString());
        worker.submit(job(7, "A007"));
        JsonNode result = next("print-result");

        assertThat(result.path("job").asLong()).isEqualTo(7);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("reason").asText()).startsWith("PORT_UNAVAILABLE: ");
        assertThat(worker.status()).isEqualTo(PrinterStatus.OFFLINE);
    }
}
