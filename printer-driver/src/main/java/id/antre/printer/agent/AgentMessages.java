package id.antre.printer.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.antre.printer.status.PrinterStatus;
import id.antre.printer.escpos.TicketContent;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the agent and the server's WebSocket gateway exchange. Server to agent:
 * {@code snapshot}, {@code print}, {@code ack}, {@code heartbeat}, {@code pong}, {@code error}.
 * Agent to server: {@code subscribe}, {@code print-result}, {@code printer-status}, {@code ping}.
 */
final class AgentMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ticket to print. */
    record PrintJob(long id, long ticketId, TicketContent content) {
    }

    private AgentMessages() {
    }

    /** The message as a tree; throws {@link IllegalArgumentException} for anything but a JSON object. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String type(JsonNode message) {
        return message.path("type").asText("");
    }

    /**
     * The job id of a {@code print} message, or -1 when it has none (then nothing can be
     * answered for it).
     */
    static long jobId(JsonNode message) {
        JsonNode job = message.get("job");
        return job != null && job.canConvertToLong() ? job.asLong() : -1;
    }

    /**
     * The print job of a {@code print} message.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static PrintJob printJob(JsonNode message) {
        long id = jobId(message);
        if (id < 0) {
            throw new IllegalArgumentException("print message without a job id");
        }
        JsonNode c = message.get("content");
        if (c == null || !c.isObject()) {
            throw new IllegalArgumentException("print job " + id + " has no content");
        }
        try {
            return new PrintJob(id, message.path("ticketId").asLong(-1), content(c));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("print job " + id + " has bad content: " + e.getMessage(), e);
        }
    }

    /** The ticket as the server describes it (the same fields as the manager's preview reads). */
    static TicketContent content(JsonNode c) {
        List<String> documents = new ArrayList<>();
        c.path("requiredDocuments").forEach(d -> documents.add(d.asText()));
        return new TicketContent(required(c, "hallName"), text(c, "hallSubtitle"), text(c, "agencyName"),
                required(c, "serviceName"), required(c, "number"), issuedAt(c), c.path("ahead").asInt(0),
                c.path("estimatedWaitMinutes").asInt(0), text(c, "trackingUrl"), documents, text(c, "footer"),
                text(c, "location"), text(c, "priorityGroup"), c.path("countersOpen").asBoolean(true),
                text(c, "servingFrom"), text(c, "bookingSlot"));
    }

    private static ZonedDateTime issuedAt(JsonNode c) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(required(c, "issuedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("issuedAt is not an ISO date-time with offset: " + c.get("issuedAt"));
        }
        String zone = text(c, "timeZone");
        return zone == null ? at.toZonedDateTime() : at.atZoneSameInstant(ZoneId.of(zone));
    }

    private static String required(JsonNode c, String field) {
        String value = text(c, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** What the agent reports itself as ({@code client}): shown with its last-seen time in the device list. */
    static final String CLIENT = "print-agent/" + java.util.Objects.requireNonNullElse(
            AgentMessages.class.getPackage().getImplementationVersion(), "dev");

    static String subscribe(String kiosk, String token) {
        ObjectNode m = object("subscribe");
        m.putArray("topics").add("printer:" + kiosk);
        m.put("token", token);
        m.put("client", CLIENT);
        return m.toString();
    }

    static String ping() {
        return object("ping").toString();
    }

    static String printed(long job) {
        return object("print-result").put("job", job).put("status", "printed").toString();
    }

    /** {@code reason} starts with a stable code, e.g. {@code "PAPER_OUT: no paper; load a new roll"}. */
    static String failed(long job, String reason) {
        return object("print-result").put("job", job).put("status", "failed").put("reason", reason).toString();
    }

    static String printerStatus(PrinterStatus status, String detail) {
        return object("printer-status").put("status", status.name()).put("detail", detail).toString();
    }

    private static ObjectNode object(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}
