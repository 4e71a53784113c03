package app.rapport.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

class IcsWriterTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");

    static CalendarEntry entry(String uid, String start, String end, ShowAs showAs, EntryKind kind, Long suggestionId) {
        return new CalendarEntry(0, uid, null, "Meeting " + uid, null, Instant.parse(start), Instant.parse(end),
                ZoneOffset.UTC, false, showAs, kind, null, List.of(), List.of(), false, suggestionId, List.of());
    }

    static final List<CalendarEntry> ENTRIES = List.of(
            entry("busy@x", "2026-10-05T09:00:00Z", "2026-10-05T10:00:00Z", ShowAs.BUSY, EntryKind.EVENT, null),
            entry("free@x", "2026-10-05T11:00:00Z", "2026-10-05T12:00:00Z", ShowAs.FREE, EntryKind.EVENT, null),
            entry("hold@x", "2026-10-06T14:00:00Z", "2026-10-06T14:45:00Z", ShowAs.TENTATIVE, EntryKind.HOLD, 42L),
            new CalendarEntry(0, "weekly@x", null, "Standup with a rather long summary, so that the line is folded "
                    + "by the outputter at seventy-five octets — ünïcödé included", "Room 1",
                    LocalDateTimeIn("2026-10-15T09:00", LONDON), LocalDateTimeIn("2026-10-15T09:15", LONDON), LONDON,
                    false, ShowAs.BUSY, EntryKind.EVENT, "FREQ=WEEKLY;COUNT=4",
                    List.of(LocalDateTimeIn("2026-10-22T09:00", LONDON)), List.of(), false, null, List.of()),
            new CalendarEntry(0, "holiday@x", null, "Holiday", null, LocalDate.parse("2026-12-25").atStartOfDay(LONDON)
                    .toInstant(), LocalDate.parse("2026-12-26").atStartOfDay(LONDON).toInstant(), LONDON, true,
                    ShowAs.FREE, EntryKind.EVENT, null, List.of(), List.of(), false, null, List.of()),
            new CalendarEntry(0, "gone@x", null, "Cancelled", null, Instant.parse("2026-10-07T09:00:00Z"),
                    Instant.parse("2026-10-07T10:00:00Z"), ZoneOffset.UTC, false, ShowAs.BUSY, EntryKind.EVENT, null,
                    List.of(), List.of(), true, null, List.of()));

    static Instant LocalDateTimeIn(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void feedReadsBackWithTheSameUidsTimesAndShowAs() {
        String feed = IcsWriter.calendarFeed("Rapport", ENTRIES, NOW);
        List<CalendarEntry> back = IcsReader.read(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), LONDON);
        assertThat(back).extracting(CalendarEntry::uid, CalendarEntry::start, CalendarEntry::end, CalendarEntry::showAs,
                        CalendarEntry::allDay, CalendarEntry::cancelled, CalendarEntry::rrule)
                .containsExactlyElementsOf(ENTRIES.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.uid(),
                        e.start(), e.end(), e.showAs(), e.allDay(), e.cancelled(), e.rrule())).toList());
        assertThat(back.get(3).summary()).isEqualTo(ENTRIES.get(3).summary());
        assertThat(back.get(3).exdates()).isEqualTo(ENTRIES.get(3).exdates());
        assertThat(back.get(3).zone()).isEqualTo(LONDON);
    }

    @Test
    void feedSeriesStillRepeatsAtNineLocalAfterTheDstChange() {
        String feed = IcsWriter.calendarFeed("Rapport", ENTRIES, NOW);
        List<CalendarEntry> back = IcsReader.read(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), LONDON);
        List<Occurrence> weekly = Recurrences.expandAll(back.stream().filter(e -> e.uid().equals("weekly@x")).toList(),
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(weekly).extracting(Occurrence::start).containsExactly(LocalDateTimeIn("2026-10-15T09:00", LONDON),
                LocalDateTimeIn("2026-10-29T09:00", LONDON), LocalDateTimeIn("2026-11-05T09:00", LONDON));
    }

    @Test
    void feedHasTheHeaderPropertiesCrlfLineEndsAndLinesOfAtMost75Octets() throws Exception {
        String feed = IcsWriter.calendarFeed("Rapport", ENTRIES, NOW);
        assertThat(feed).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("PRODID:-//Rapport//Rapport//EN\r\n", "VERSION:2.0\r\n", "CALSCALE:GREGORIAN\r\n",
                        "METHOD:PUBLISH\r\n", "X-WR-CALNAME:Rapport\r\n", "X-RAPPORT-SUGGESTION-ID:42\r\n",
                        "TRANSP:TRANSPARENT\r\n", "STATUS:TENTATIVE\r\n", "STATUS:CANCELLED\r\n", "STATUS:CONFIRMED\r\n",
                        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n", "DTSTART:20261005T090000Z\r\n",
                        "DTSTART;VALUE=DATE:20261225\r\n", "RRULE:FREQ=WEEKLY;COUNT=4\r\n",
                        "DTSTART;TZID=Europe/London:20261015T090000\r\n", "BEGIN:VTIMEZONE\r\n");
        assertThat(feed.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed));
        parsed.validate();
    }

    @Test
    void anEmptyFeedIsStillAValidCalendar() throws Exception {
        String feed = IcsWriter.calendarFeed("Empty", List.of(), NOW);
        assertThat(feed).contains("METHOD:PUBLISH\r\n").contains("BEGIN:VTIMEZONE\r\n");
        net.fortuna.ical4j.model.Calendar parsed = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(feed));
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
        assertThat(IcsReader.read(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), LONDON)).isEmpty();
    }
}
