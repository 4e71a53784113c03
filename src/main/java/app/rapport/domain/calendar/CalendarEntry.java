package app.rapport.domain.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One event of a calendar as iCalendar describes it: a single event, or the master of a recurring
 * series (with {@code rrule}), or an override of one instance of a series (with {@code recurrenceId}).
 *
 * @param id           store id (0 before it is stored)
 * @param uid          the iCalendar UID; a master and its overrides share it
 * @param recurrenceId for an override, the original start of the instance it replaces; otherwise null
 * @param start        start of the (first) instance, UTC instant; for all-day events, midnight in {@code zone}
 * @param end          end of the (first) instance, exclusive; after {@code start}
 * @param zone         the zone the times were given in; recurrences repeat on this zone's wall clock
 *                     (so a 09:00 meeting stays at 09:00 across DST); floating and all-day times use the user's zone
 * @param allDay       a date-only event (holiday, travel day): it blocks the whole day in {@code zone}
 * @param rrule        the RFC 5545 RRULE value, e.g. "FREQ=WEEKLY;BYDAY=MO", or null for a single event
 * @param exdates      instance starts removed from the series
 * @param rdates       extra instance starts added to the series
 * @param cancelled    STATUS:CANCELLED: kept so a later import can remove it, never busy
 * @param suggestionId for holds and accepted meetings, the suggestion they show; otherwise null
 * @param attendees    attendee addresses (lower case)
 */
public record CalendarEntry(long id, String uid, Instant recurrenceId, String summary, String location,
                            Instant start, Instant end, ZoneId zone, boolean allDay, ShowAs showAs, EntryKind kind,
                            String rrule, List<Instant> exdates, List<Instant> rdates, boolean cancelled,
                            Long suggestionId, List<String> attendees) {
    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(showAs, "showAs");
        Objects.requireNonNull(kind, "kind");
        if (!end.isAfter(start)) throw new IllegalArgumentException("end must be after start for " + uid);
        summary = summary == null ? "" : summary;
        exdates = List.copyOf(exdates);
        rdates = List.copyOf(rdates);
        attendees = List.copyOf(attendees);
    }

    /** True for the master of a recurring series. */
    public boolean recurring() {
        return rrule != null || !rdates.isEmpty();
    }

    public CalendarEntry withId(long newId) {
        return new CalendarEntry(newId, uid, recurrenceId, summary, location, start, end, zone, allDay, showAs, kind,
                rrule, exdates, rdates, cancelled, suggestionId, attendees);
    }
}
