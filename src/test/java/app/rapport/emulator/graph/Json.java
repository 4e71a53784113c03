package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** JSON, date and id helpers shared by the emulator's parts. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String GRAPH_CONTENT_TYPE =
            "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            throw new GraphError(400, "RequestBodyRead", "The request body is not valid JSON: " + e.getMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Graph error body: {"error":{"code","message","innerError":{"request-id","date","client-request-id"}}}. */
    static ObjectNode graphError(String code, String message, String clientRequestId, Instant now) {
        ObjectNode root = object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", seconds(now).replace("Z", ""));
        inner.put("request-id", UUID.randomUUID().toString());
        inner.put("client-request-id", clientRequestId != null ? clientRequestId : UUID.randomUUID().toString());
        return root;
    }

    /** "2026-03-10T10:00:00Z": message timestamps are second precision. */
    static String seconds(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** "2026-03-10T10:00:00.1234567Z": event and subscription timestamps carry seven fraction digits. */
    static String sevenDigits(Instant t) {
        return t == null ? null : SEVEN_DIGITS.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "Z";
    }

    /** The wall-clock half of a dateTimeTimeZone: "2026-03-10T10:00:00.0000000". */
    static String wallClock(Instant t, ZoneId zone) {
        return SEVEN_DIGITS.format(LocalDateTime.ofInstant(t, zone));
    }

    /** Random URL-safe text of the given number of bytes. */
    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** An Outlook-looking immutable item id; it holds '-', '_' and a trailing '=' like real ones. */
    static String itemId(String prefix) {
        byte[] b = new byte[33];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().encodeToString(b).replace("=", "") + "AAA=";
    }

    static String changeKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "DwAAABYAAA" + Base64.getEncoder().encodeToString(b).replace("=", "");
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
