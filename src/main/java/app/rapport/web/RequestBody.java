package app.rapport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** A JSON object from a request, read field by field; every bad value is a 400 naming the field. */
final class RequestBody {
    private final ObjectNode node;

    private RequestBody(ObjectNode node) {
        this.node = node;
    }

    static RequestBody parse(ObjectMapper mapper, byte[] bytes, Set<String> allowedFields) {
        JsonNode root;
        try {
            root = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (IOException e) {
            throw ApiError.badRequest("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) throw ApiError.badRequest("body", "must be a JSON object");
        ObjectNode object = (ObjectNode) root;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowedFields.contains(name)) {
                throw ApiError.badRequest(name, "is not a known field; known fields: " + String.join(", ",
                        allowedFields.stream().sorted().toList()));
            }
        }
        return new RequestBody(object);
    }

    /** Like {@link #parse}, but an empty body counts as {} (for actions such as accept). */
    static RequestBody parseOrEmpty(ObjectMapper mapper, byte[] bytes, Set<String> allowedFields) {
        return parse(mapper, bytes.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : bytes,
                allowedFields);
    }

    /** The raw value of a field (for nested objects), or null when absent. */
    JsonNode node(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** True when the field is present with the value null (PATCH: clear it). */
    boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiError.badRequest(field, "is required");
            return null;
        }
        if (!v.isTextual()) throw ApiError.badRequest(field, "must be a string");
        String s = v.asText();
        if (required && s.isBlank()) throw ApiError.badRequest(field, "must not be empty");
        if (s.length() > maxLength) throw ApiError.badRequest(field, "is longer than " + maxLength + " characters");
        return s;
    }

    Integer integer(String field, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ApiError.badRequest(field, "must be an integer");
        int i = v.asInt();
        if (i < min || i > max) throw ApiError.badRequest(field, "must be between " + min + " and " + max);
        return i;
    }

    Long longValue(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiError.badRequest(field, "is required");
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw ApiError.badRequest(field, "must be an integer");
        return v.asLong();
    }

    ZoneId zone(String field) {
        String s = string(field, false, 64);
        if (s == null) return null;
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw ApiError.badRequest(field, "'" + s + "' is not a time zone (use an IANA name like Europe/London)");
        }
    }

    Instant instant(String field, boolean required) {
        String s = string(field, required, 64);
        if (s == null) return null;
        return parseInstant(field, s);
    }

    static Instant parseInstant(String field, String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field, "'" + s + "' is not an ISO-8601 time with offset, e.g. 2026-11-23T14:30:00+01:00");
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required, Set<E> allowed) {
        String s = string(field, required, 32);
        if (s == null) return null;
        for (E e : allowed) {
            if (e.name().equalsIgnoreCase(s.trim())) return e;
        }
        throw ApiError.badRequest(field, "'" + s + "' is not one of " + String.join(", ",
                allowed.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }

    List<String> stringList(String field, int maxItems, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw ApiError.badRequest(field, "must be an array of strings");
        if (v.size() > maxItems) throw ApiError.badRequest(field, "has more than " + maxItems + " items");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) throw ApiError.badRequest(field + "[" + i + "]", "must be a string");
            if (item.asText().length() > maxLength) {
                throw ApiError.badRequest(field + "[" + i + "]", "is longer than " + maxLength + " characters");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Reads an optional query parameter with a parser; a bad value is a 400 naming the parameter. */
    static <T> T query(String name, String raw, Function<String, T> parse, String expected) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return parse.apply(raw.trim());
        } catch (RuntimeException e) {
            throw ApiError.badRequest(name, "'" + raw + "' is not " + expected);
        }
    }
}
