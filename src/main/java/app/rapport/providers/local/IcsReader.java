package app.rapport.providers.local;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RDate;

/**
 * Reads iCalendar (RFC 5545) files into {@link CalendarEntry} values: one per VEVENT, kind EVENT, not yet stored.
 *
 * <p>Reading is all or nothing: any malformed part throws {@link IcsException} and no entry is returned.
 * Only events matter for planning, so VTODO, VJOURNAL and VFREEBUSY are skipped. A file may hold
 * several VCALENDARs one after another.
 *
 * <p>Decisions the RFC leaves open:
 * <ul>
 *   <li>A VEVENT without UID gets {@code generated-<sha256 of its text>@rapport}, stable across imports.</li>
 *   <li>No DTEND and no DURATION: all-day events last one day; a timed event is zero-length (RFC 5545 3.6.1),
 *       which cannot be stored (end must be after start), so it becomes one minute shown as FREE.</li>
 *   <li>A TZID that is not a Java zone id (Windows names, "Customized Time Zone") is resolved with ical4j's
 *       aliases; failing that, the event keeps the fixed UTC offset its VTIMEZONE gives at the start.</li>
 *   <li>A VEVENT without DTSTART (allowed in iTIP messages) is skipped: it cannot be placed in time.</li>
 *   <li>Floating times and dates are read in the user's zone.</li>
 *   <li>A date-only EXDATE of a timed series removes the instance on that date (at the series' start time).</li>
 * </ul>
 */
public final class IcsReader {
    /** Larger input is refused. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** More VEVENTs than this are refused. */
    public static final int MAX_EVENTS = 50_000;

    /**
     * Properties Rapport never reads. ical4j parses every value eagerly, so a bad CREATED date (Google writes
     * "00001231T000000Z") or GEO would otherwise reject a whole export.
     */
    private static final List<String> IGNORED = List.of("CREATED", "LAST-MODIFIED", "DTSTAMP", "GEO", "ATTACH",
            "CATEGORIES", "CLASS", "PRIORITY", "URL", "IMAGE", "CONFERENCE", "REQUEST-STATUS", "COMPLETED", "DUE",
            "PERCENT-COMPLETE", "RELATED-TO", "FREEBUSY", "TRIGGER", "REPEAT", "CONTACT", "RESOURCES", "COMMENT");
    private static final ContentHandlerContext CONTEXT = new ContentHandlerContext().withIgnoredPropertyNames(IGNORED);

    private IcsReader() {}

    /** Reads every VEVENT of {@code in}; throws IcsException (and returns nothing) when any part is malformed. */
    public static List<CalendarEntry> read(InputStream in, ZoneId userZone) {
        Ical4j.init();
        String text = decode(readBounded(in));
        List<CalendarEntry> entries = new ArrayList<>();
        for (Chunk chunk : split(text)) {
            Calendar calendar = parse(chunk);
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            if (entries.size() + events.size() > MAX_EVENTS) {
                throw new IcsException("the file holds more than " + MAX_EVENTS + " events");
            }
            for (VEvent event : events) {
                // Without DTSTART (allowed in iTIP messages with METHOD) an event cannot be placed in time.
                if (event.getProperty(Property.DTSTART).isEmpty()) continue;
                entries.add(toEntry(event, userZone));
            }
        }
        return List.copyOf(entries);
    }

    private static byte[] readBounded(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw new IcsException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            return bytes;
        } catch (IOException e) {
            throw new IcsException("cannot read the file: " + e.getMessage(), -1, e);
        }
    }

    private static String decode(byte[] bytes) {
        // Malformed UTF-8 (old Latin-1 exports) becomes U+FFFD rather than an error.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) throw new IcsException("line " + lineAt(text, i) + ": binary data (NUL byte) in the file", lineAt(text, i), null);
        }
        return text;
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** One VCALENDAR's text and the file line it starts on (1-based). */
    private record Chunk(String text, int firstLine) {}

    /** ical4j's builder reads a single VCALENDAR, so the file is cut before each further BEGIN:VCALENDAR. */
    private static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder current = new StringBuilder();
        int firstLine = 1;
        boolean seenBegin = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
                if (seenBegin) {
                    chunks.add(new Chunk(current.toString(), firstLine));
                    current.setLength(0);
                    firstLine = i + 1;
                }
                seenBegin = true;
            }
            boolean continued = i + 1 < lines.length && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t');
            if (line.strip().equalsIgnoreCase("RRULE:") && !continued) {
                line = ""; // calendarlabs.com writes an empty RRULE for single events; ical4j cannot parse it
            }
            current.append(line).append("\r\n");
        }
        if (seenBegin || !current.toString().isBlank()) chunks.add(new Chunk(current.toString(), firstLine));
        if (chunks.isEmpty()) throw new IcsException("the file is empty");
        return chunks;
    }

    private static Calendar parse(Chunk chunk) {
        try {
            CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(), CONTEXT,
                    TimeZoneRegistryFactory.getInstance().createRegistry());
            return builder.build(new StringReader(chunk.text()));
        } catch (ParserException e) {
            int line = e.getLineNo() > 0 ? chunk.firstLine() + e.getLineNo() - 1 : -1;
            String reason = rootMessage(e).replaceFirst("^Error at line [\\d,.]+:\\s*", "");
            throw new IcsException((line > 0 ? "line " + line + ": " : "") + "not valid iCalendar: " + reason, line, e);
        } catch (IOException | RuntimeException e) {
            throw new IcsException("not valid iCalendar: " + rootMessage(e), -1, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (t != e && e.getMessage() != null && !e.getMessage().equals(message)) message = e.getMessage() + " (" + message + ")";
        return message;
    }

    private static CalendarEntry toEntry(VEvent event, ZoneId userZone) {
        String uid = text(event, Property.UID).filter(s -> !s.isBlank()).orElseGet(() -> generatedUid(event));
        try {
            return convert(event, uid, userZone);
        } catch (DateTimeException | IllegalArgumentException | ClassCastException e) {
            throw new IcsException("event " + uid + ": " + rootMessage(e), -1, e);
        }
    }

    private static CalendarEntry convert(VEvent event, String uid, ZoneId userZone) {
        DateProperty<?> dtStart = event.<DateProperty<?>>getProperty(Property.DTSTART)
                .orElseThrow(() -> new IcsException("event " + uid + " has no DTSTART"));
        Temporal startValue = date(dtStart, uid);
        boolean allDay = startValue instanceof LocalDate;
        ZoneId zone = zoneOf(dtStart, startValue, userZone);
        ZonedDateTime start = zoned(startValue, zone);

        ShowAs showAs = showAs(event);
        ZonedDateTime end = null;
        Optional<DateProperty<?>> dtEnd = event.getProperty(Property.DTEND);
        Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
        if (dtEnd.isPresent()) {
            Temporal endValue = date(dtEnd.get(), uid);
            end = zoned(endValue, endValue instanceof LocalDate ? zone : zoneOf(dtEnd.get(), endValue, userZone));
        } else if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            end = start.plus(amount);
        }
        if (end == null || !end.isAfter(start)) {
            if (allDay) {
                end = start.plusDays(1);
            } else {
                // Zero-length (RFC 5545 3.6.1): it takes no time, so it never blocks the planner.
                end = start.plusMinutes(1);
                showAs = ShowAs.FREE;
            }
        }

        Instant recurrenceId = event.<DateProperty<?>>getProperty(Property.RECURRENCE_ID)
                .map(p -> instant(date(p, uid), zone, start)).orElse(null);
        String rrule = text(event, Property.RRULE).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (rrule != null) checkRule(rrule, uid);

        List<Instant> exdates = new ArrayList<>();
        for (Property p : event.getProperties(Property.EXDATE)) {
            for (Object d : ((DateListProperty<?>) p).getDates()) exdates.add(instant((Temporal) d, zone, start));
        }
        List<Instant> rdates = new ArrayList<>();
        for (Property p : event.getProperties(Property.RDATE)) {
            RDate<?> rdate = (RDate<?>) p;
            Optional<? extends Set<? extends Period<?>>> periods = rdate.getPeriods();
            if (periods.isPresent() && !periods.get().isEmpty()) {
                for (Period<?> period : periods.get()) rdates.add(instant(period.getStart(), zone, start));
            } else {
                for (Object d : rdate.getDates()) rdates.add(instant((Temporal) d, zone, start));
            }
        }

        boolean cancelled = text(event, Property.STATUS).map(s -> s.strip().equalsIgnoreCase("CANCELLED")).orElse(false);
        return new CalendarEntry(0, uid, recurrenceId, text(event, Property.SUMMARY).orElse(""),
                text(event, Property.LOCATION).filter(s -> !s.isBlank()).orElse(null),
                start.toInstant(), end.toInstant(), zone, allDay, showAs, EntryKind.EVENT, rrule,
                distinctSorted(exdates), distinctSorted(rdates), cancelled, null, attendees(event));
    }

    private static Temporal date(DateProperty<?> property, String uid) {
        Temporal value;
        try {
            value = property.getDate();
        } catch (RuntimeException e) {
            throw new IcsException("event " + uid + ": bad " + property.getName() + " '" + property.getValue() + "': "
                    + rootMessage(e), -1, e);
        }
        if (value == null) throw new IcsException("event " + uid + ": empty " + property.getName());
        return value;
    }

    private static void checkRule(String rrule, String uid) {
        try {
            new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new IcsException("event " + uid + ": bad RRULE '" + rrule + "': " + rootMessage(e), -1, e);
        }
    }

    /** The zone the event's times repeat in: a Java zone when the TZID names one, UTC for Z, else the user's. */
    private static ZoneId zoneOf(DateProperty<?> property, Temporal value, ZoneId userZone) {
        if (value instanceof LocalDate || value instanceof LocalDateTime) return userZone;
        if (value instanceof Instant) return ZoneOffset.UTC;
        if (value instanceof OffsetDateTime odt) return odt.getOffset().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : odt.getOffset();
        ZonedDateTime zdt = (ZonedDateTime) value;
        Optional<TzId> tzid = property.getParameter(Parameter.TZID);
        if (tzid.isPresent()) {
            ZoneId known = javaZone(tzid.get().getValue());
            if (known != null) return known;
        }
        ZoneId z = zdt.getZone();
        if (z instanceof ZoneOffset) return z;
        if (ZoneId.getAvailableZoneIds().contains(z.getId())) return z;
        // A zone only the file's VTIMEZONE defines (ical4j registers it under a generated id that does not
        // outlive this JVM): keep the offset it has at the event's start.
        return zdt.getOffset();
    }

    private static ZoneId javaZone(String tzid) {
        if (tzid == null) return null;
        String id = tzid.strip();
        if (id.startsWith("\"") && id.endsWith("\"") && id.length() > 1) id = id.substring(1, id.length() - 1);
        if (id.startsWith("/")) id = id.substring(1);
        if (id.isEmpty()) return null;
        if (ZoneId.getAvailableZoneIds().contains(id)) return ZoneId.of(id);
        try {
            ZoneId global = TimeZoneRegistry.getGlobalZoneId(id);
            if (global != null && ZoneId.getAvailableZoneIds().contains(global.getId())) return global;
        } catch (RuntimeException e) {
            // not an alias ical4j knows
        }
        // Mozilla-style prefixes: "/mozilla.org/20050126_1/Europe/Berlin" -> "Europe/Berlin"
        String[] parts = id.split("/");
        if (parts.length >= 2) {
            String tail = parts[parts.length - 2] + "/" + parts[parts.length - 1];
            if (ZoneId.getAvailableZoneIds().contains(tail)) return ZoneId.of(tail);
        }
        return null;
    }

    private static ZonedDateTime zoned(Temporal value, ZoneId zone) {
        if (value instanceof LocalDate d) return d.atStartOfDay(zone);
        if (value instanceof LocalDateTime dt) return dt.atZone(zone);
        if (value instanceof Instant i) return i.atZone(zone);
        if (value instanceof OffsetDateTime odt) return odt.atZoneSameInstant(zone);
        if (value instanceof ZonedDateTime zdt) return zdt.withZoneSameInstant(zone);
        throw new IcsException("unsupported date value " + value);
    }

    /** An EXDATE/RDATE/RECURRENCE-ID value as an instant; a bare date of a timed series takes the series' start time. */
    private static Instant instant(Temporal value, ZoneId zone, ZonedDateTime seriesStart) {
        if (value instanceof LocalDate d && !(seriesStartIsMidnightDate(seriesStart))) {
            return LocalDateTime.of(d, seriesStart.toLocalTime()).atZone(zone).toInstant();
        }
        return zoned(value, zone).toInstant();
    }

    private static boolean seriesStartIsMidnightDate(ZonedDateTime start) {
        return start.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static ShowAs showAs(VEvent event) {
        Optional<String> busy = text(event, "X-MICROSOFT-CDO-BUSYSTATUS").map(s -> s.strip().toUpperCase(Locale.ROOT));
        if (busy.isPresent()) {
            switch (busy.get()) {
                case "FREE": return ShowAs.FREE;
                case "TENTATIVE": return ShowAs.TENTATIVE;
                case "BUSY", "OOF", "WORKINGELSEWHERE": return ShowAs.BUSY;
                default: break;
            }
        }
        if (text(event, Property.TRANSP).map(s -> s.strip().equalsIgnoreCase("TRANSPARENT")).orElse(false)) return ShowAs.FREE;
        if (text(event, Property.STATUS).map(s -> s.strip().equalsIgnoreCase("TENTATIVE")).orElse(false)) return ShowAs.TENTATIVE;
        return ShowAs.BUSY;
    }

    private static List<String> attendees(VEvent event) {
        Set<String> out = new LinkedHashSet<>();
        for (Property p : event.getProperties(Property.ATTENDEE)) {
            String value = p.getValue() == null ? "" : p.getValue().strip();
            if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
                String address = value.substring(7).strip().toLowerCase(Locale.ROOT);
                if (!address.isEmpty()) out.add(address);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> text(Component component, String name) {
        return component.getProperty(name).map(Property::getValue);
    }

    private static List<Instant> distinctSorted(List<Instant> instants) {
        return instants.stream().distinct().sorted().toList();
    }

    private static String generatedUid(VEvent event) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(event.toString().getBytes(StandardCharsets.UTF_8));
            return "generated-" + HexFormat.of().formatHex(hash, 0, 16) + "@rapport";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
