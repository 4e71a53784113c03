package app.rapport.demo;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.interaction.MeetingEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo owner's working calendar for the weeks around "now": recurring team meetings (one
 * instance cancelled), a monthly committee, client meetings from the demo book, a travel day, a
 * day of leave, a tentative call and an optional webinar. Everything is placed relative to the
 * Monday of the current week in the owner's zone, so the week view looks the same whatever day the
 * demo is first loaded.
 */
public final class DemoCalendar {
    private static final String TEAM_MEETING = "Team meeting";
    private DemoCalendar() {}

    /** The entries, with uids stable for the same book and week. */
    public static List<CalendarEntry> generate(DemoBook book, ZoneId zone, Instant now) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate seriesStart = monday.minusWeeks(8);
        List<CalendarEntry> out = new ArrayList<>();
        Instant skippedTeamMeeting = at(monday.plusWeeks(2), "09:30", zone);
        out.add(series("demo-team-meeting", TEAM_MEETING, "Board room, Mercer Yard", seriesStart, "09:30", 45, zone,
                "FREQ=WEEKLY;BYDAY=MO", List.of(skippedTeamMeeting)));
        out.add(series("demo-one-to-one", "1:1 Priya / Dana", "Microsoft Teams Meeting", seriesStart.plusDays(3), "16:00",
                30, zone, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", List.of()));
        out.add(series("demo-committee", "Investment committee", "Board room", seriesStart.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY)), "10:00", 120,
                zone, "FREQ=MONTHLY;BYDAY=1TU", List.of()));
        out.add(series("demo-school-run", "School run", null, seriesStart.plusDays(4), "15:00", 60, zone,
                "FREQ=WEEKLY;BYDAY=FR", List.of()));
        out.add(single("demo-travel", "Travel: Edinburgh client visits", "Edinburgh",
                at(monday.plusWeeks(1).plusDays(2), "07:00", zone), at(monday.plusWeeks(1).plusDays(2), "20:00", zone),
                zone, ShowAs.BUSY));
        LocalDate leave = monday.plusWeeks(1).plusDays(4);
        out.add(new CalendarEntry(0, "demo-leave", null, "Annual leave", null, leave.atStartOfDay(zone).toInstant(),
                leave.plusDays(1).atStartOfDay(zone).toInstant(), zone, true, ShowAs.BUSY, EntryKind.EVENT, null,
                List.of(), List.of(), false, null, List.of()));
        out.add(single("demo-platform-call", "Platform provider call (to be confirmed)", null,
                at(monday.plusDays(8), "11:00", zone), at(monday.plusDays(8), "12:00", zone), zone, ShowAs.TENTATIVE));
        out.add(single("demo-webinar", "Market update webinar (optional)", "Online",
                at(monday.plusDays(3), "12:30", zone), at(monday.plusDays(3), "13:30", zone), zone, ShowAs.FREE));
        Instant from = monday.minusWeeks(1).atStartOfDay(zone).toInstant();
        for (MeetingEvent meeting : book.meetings()) {
            if (meeting.start().isBefore(from) || meeting.cancelled() || !meeting.end().isAfter(meeting.start())) continue;
            // The book's own team meetings and 1:1s are single events; the series above stand for them.
            if (meeting.title().equals(TEAM_MEETING) || meeting.title().startsWith("1:1 ")) continue;
            out.add(new CalendarEntry(0, "demo-" + meeting.externalId(), null, meeting.title(), meeting.location(),
                    meeting.start(), meeting.end(), zone, false, ShowAs.BUSY, EntryKind.EVENT, null, List.of(), List.of(),
                    false, null, meeting.attendees().stream().map(a -> a.address().toLowerCase(Locale.ROOT)).toList()));
        }
        return out;
    }

    private static CalendarEntry series(String uid, String summary, String location, LocalDate first, String time,
                                        int minutes, ZoneId zone, String rrule, List<Instant> exdates) {
        ZonedDateTime start = first.atTime(LocalTime.parse(time)).atZone(zone);
        return new CalendarEntry(0, uid, null, summary, location, start.toInstant(),
                start.plus(Duration.ofMinutes(minutes)).toInstant(), zone, false, ShowAs.BUSY, EntryKind.EVENT, rrule,
                exdates, List.of(), false, null, List.of());
    }

    private static CalendarEntry single(String uid, String summary, String location, Instant start, Instant end,
                                        ZoneId zone, ShowAs showAs) {
        return new CalendarEntry(0, uid, null, summary, location, start, end, zone, false, showAs, EntryKind.EVENT, null,
                List.of(), List.of(), false, null, List.of());
    }

    private static Instant at(LocalDate day, String time, ZoneId zone) {
        return day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }
}
