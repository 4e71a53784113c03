package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Zone names as Graph accepts them (UTC, IANA, and a few common Windows names) and dateTimeTimeZone parsing. */
final class TimeZones {
    // Windows zone ids mapped to their usual IANA zone (CLDR windowsZones "001" territory).
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("utc", "UTC"),
            Map.entry("coordinated universal time", "UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("israel standard time", "Asia/Jerusalem"));

    private TimeZones() {}

    /** The zone for a Graph zone name, or a 400 error. */
    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) return ZoneOffset.UTC;
        String n = name.trim();
        if (n.equalsIgnoreCase("UTC") || n.equalsIgnoreCase("Etc/UTC") || n.equalsIgnoreCase("tzone://Microsoft/Utc")) {
            return ZoneOffset.UTC;
        }
        String windows = WINDOWS.get(n.toLowerCase(java.util.Locale.ROOT));
        if (windows != null) return ZoneId.of(windows);
        try {
            return ZoneId.of(n);
        } catch (DateTimeException e) {
            throw new GraphError(400, "TimeZoneNotSupportedException", "A valid TimeZone value must be specified. '" + n
                    + "' is neither UTC, an IANA zone nor a Windows zone the emulator knows.");
        }
    }

    /** A dateTimeTimeZone object {"dateTime","timeZone"} as an instant. */
    static Instant dateTimeTimeZone(JsonNode node, String field) {
        if (node == null || !node.isObject()) throw GraphError.badRequest(field + " must be a dateTimeTimeZone object");
        String dt = Json.text(node, "dateTime");
        if (dt == null) throw GraphError.badRequest(field + ".dateTime is required");
        return instant(dt, zone(Json.text(node, "timeZone")), field);
    }

    /** Parses "2026-03-10T10:00:00[.fffffff]" in the zone, or a value that carries its own offset. */
    static Instant instant(String text, ZoneId zone, String field) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset: wall time in the zone
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw GraphError.badRequest("Cannot read " + field + " '" + text + "' as a date and time");
            }
        }
    }
}
