package app.rapport.providers.local;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes calendar entries as an iCalendar subscription feed (METHOD:PUBLISH) for Outlook, Google and Apple.
 *
 * <p>Single events are written in UTC. A recurring series whose zone is a named region is written with
 * TZID and the zone's VTIMEZONE (from ical4j's bundled zone data) so subscribers repeat it on the local wall
 * clock across DST; a series in a fixed offset is written in UTC. All-day entries use VALUE=DATE.
 * ical4j's {@link CalendarOutputter} validates the result, ends lines with CRLF and folds them at 75 octets.
 */
public final class IcsWriter {
    static final String PRODID = "-//Rapport//Rapport//EN";
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private IcsWriter() {}

    /** The whole feed: one VEVENT per entry (masters, overrides and cancelled entries alike). */
    public static String calendarFeed(String calendarName, List<CalendarEntry> entries, Instant now) {
        Ical4j.init();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(new Version(new ParameterList(), "2.0"));
        calendar.add(new CalScale("GREGORIAN"));
        calendar.add(new Method("PUBLISH"));
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        Map<String, VTimeZone> zones = new LinkedHashMap<>();
        List<VEvent> events = new ArrayList<>();
        for (CalendarEntry entry : entries) {
            String tzid = localZone(entry);
            if (tzid != null) zones.computeIfAbsent(tzid, IcsWriter::vtimezone);
            events.add(event(entry, tzid, now));
        }
        // RFC 5545 requires at least one component, and some subscribers refuse an empty calendar:
        // an empty feed carries the UTC time zone so that it stays valid.
        if (events.isEmpty() && zones.isEmpty()) zones.put("UTC", vtimezone("UTC"));
        zones.values().forEach(calendar::add);
        events.forEach(calendar::add);
        return output(calendar);
    }

    private static VEvent event(CalendarEntry e, String tzid, Instant now) {
        VEvent event = new VEvent(false);
        event.add(new Uid(e.uid()));
        event.add(new DtStamp(UTC.format(now)));
        event.add(dateProperty(new DtStart<>(), e, e.start(), tzid));
        event.add(dateProperty(new DtEnd<>(), e, e.end(), tzid));
        if (e.recurrenceId() != null) event.add(dateProperty(new RecurrenceId<>(), e, e.recurrenceId(), tzid));
        if (e.rrule() != null) event.add(new RRule<>(e.rrule()));
        if (!e.exdates().isEmpty()) event.add(dateList(new ExDate<>(), e, e.exdates(), tzid));
        if (!e.rdates().isEmpty()) event.add(dateList(new RDate<>(), e, e.rdates(), tzid));
        event.add(new Summary(e.summary()));
        if (e.location() != null && !e.location().isBlank()) event.add(new Location(e.location()));
        event.add(new Transp(e.showAs() == ShowAs.FREE ? Transp.VALUE_TRANSPARENT : Transp.VALUE_OPAQUE));
        event.add(new Status(e.cancelled() ? Status.VALUE_CANCELLED
                : e.showAs() == ShowAs.TENTATIVE ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
        event.add(new XProperty("X-MICROSOFT-CDO-BUSYSTATUS", switch (e.showAs()) {
            case FREE -> "FREE";
            case TENTATIVE -> "TENTATIVE";
            case BUSY -> "BUSY";
        }));
        if (e.allDay()) event.add(new XProperty("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE"));
        if (e.kind() != EntryKind.EVENT && e.suggestionId() != null) {
            event.add(new XProperty("X-RAPPORT-SUGGESTION-ID", Long.toString(e.suggestionId())));
        }
        return event;
    }

    /** The TZID to write a recurring entry's times in, or null for UTC / dates. */
    private static String localZone(CalendarEntry e) {
        if (e.allDay() || !(e.recurring() || e.recurrenceId() != null)) return null;
        ZoneId zone = e.zone();
        if (zone instanceof ZoneOffset) return null;
        return bundledZone(zone.getId()) ? zone.getId() : null;
    }

    private static boolean bundledZone(String id) {
        return IcsWriter.class.getClassLoader().getResource("zoneinfo/" + id + ".ics") != null;
    }

    private static VTimeZone vtimezone(String tzid) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        TimeZone zone = registry.getTimeZone(tzid);
        if (zone == null) throw new IllegalStateException("no VTIMEZONE for " + tzid);
        return zone.getVTimeZone();
    }

    private static <P extends Property> P dateProperty(P property, CalendarEntry e, Instant value, String tzid) {
        if (e.allDay()) {
            property.add(Value.DATE);
            property.setValue(DATE.format(LocalDate.ofInstant(value, e.zone())));
        } else if (tzid != null) {
            property.add(new TzId(tzid));
            property.setValue(LOCAL.format(value.atZone(e.zone())));
        } else {
            property.setValue(UTC.format(value));
        }
        return property;
    }

    private static <P extends Property> P dateList(P property, CalendarEntry e, List<Instant> values, String tzid) {
        String joined;
        if (e.allDay()) {
            property.add(Value.DATE);
            joined = values.stream().map(v -> DATE.format(LocalDate.ofInstant(v, e.zone()))).collect(Collectors.joining(","));
        } else if (tzid != null) {
            property.add(new TzId(tzid));
            joined = values.stream().map(v -> LOCAL.format(v.atZone(e.zone()))).collect(Collectors.joining(","));
        } else {
            joined = values.stream().map(UTC::format).collect(Collectors.joining(","));
        }
        property.setValue(joined);
        return property;
    }

    /** Validates and prints a calendar with CRLF line ends and 75-octet folding. */
    static String output(Calendar calendar) {
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(true).output(calendar, out);
            return out.toString();
        } catch (ValidationException e) {
            throw new IllegalStateException("Rapport wrote an invalid calendar: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
