package app.rapport.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.support.EmlFixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecurrencesTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static List<CalendarEntry> read(String... veventLines) {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("\r\n", veventLines)
                + "\r\nEND:VCALENDAR\r\n";
        return IcsReader.read(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), LONDON);
    }

    static List<String> localStarts(List<Occurrence> occurrences, ZoneId zone) {
        return occurrences.stream().map(o -> LocalDateTime.ofInstant(o.start(), zone).toString()).toList();
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Stream<Arguments> series() {
        return Stream.of(
                Arguments.of("weekly across the London DST end keeps 09:00 local", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w1", "DTSTART;TZID=Europe/London:20261015T090000",
                        "DTEND;TZID=Europe/London:20261015T100000", "RRULE:FREQ=WEEKLY", "END:VEVENT"),
                        "2026-10-01T00:00", "2026-11-06T00:00",
                        List.of("2026-10-15T09:00", "2026-10-22T09:00", "2026-10-29T09:00", "2026-11-05T09:00")),
                Arguments.of("weekly across the US DST end keeps 09:00 local", NEW_YORK, List.of(
                        "BEGIN:VEVENT", "UID:w2", "DTSTART;TZID=America/New_York:20261026T090000",
                        "DURATION:PT30M", "RRULE:FREQ=WEEKLY;BYDAY=MO", "END:VEVENT"),
                        "2026-10-20T00:00", "2026-11-10T00:00",
                        List.of("2026-10-26T09:00", "2026-11-02T09:00", "2026-11-09T09:00")),
                Arguments.of("EXDATE removes an instance", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w3", "DTSTART;TZID=Europe/London:20260105T090000",
                        "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=DAILY;COUNT=3",
                        "EXDATE;TZID=Europe/London:20260106T090000", "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of("2026-01-05T09:00", "2026-01-07T09:00")),
                Arguments.of("RDATE adds an instance", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w4", "DTSTART;TZID=Europe/London:20260105T090000",
                        "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=WEEKLY;COUNT=2",
                        "RDATE;TZID=Europe/London:20260108T150000", "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of("2026-01-05T09:00", "2026-01-08T15:00", "2026-01-12T09:00")),
                Arguments.of("an override moves one instance", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w5", "DTSTART;TZID=Europe/London:20260105T090000",
                        "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
                        "BEGIN:VEVENT", "UID:w5", "RECURRENCE-ID;TZID=Europe/London:20260106T090000",
                        "DTSTART;TZID=Europe/London:20260106T140000", "DTEND;TZID=Europe/London:20260106T143000",
                        "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of("2026-01-05T09:00", "2026-01-06T14:00", "2026-01-07T09:00")),
                Arguments.of("a cancelled override removes its instance", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w6", "DTSTART;TZID=Europe/London:20260105T090000",
                        "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
                        "BEGIN:VEVENT", "UID:w6", "RECURRENCE-ID;TZID=Europe/London:20260106T090000",
                        "DTSTART;TZID=Europe/London:20260106T090000", "DTEND;TZID=Europe/London:20260106T093000",
                        "STATUS:CANCELLED", "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of("2026-01-05T09:00", "2026-01-07T09:00")),
                Arguments.of("UNTIL ends the series (inclusive)", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w7", "DTSTART:20260105T090000Z", "DTEND:20260105T100000Z",
                        "RRULE:FREQ=DAILY;UNTIL=20260107T090000Z", "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of("2026-01-05T09:00", "2026-01-06T09:00", "2026-01-07T09:00")),
                Arguments.of("the window cuts a long series", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:w8", "DTSTART;TZID=Europe/London:20200106T090000",
                        "DTEND;TZID=Europe/London:20200106T100000", "RRULE:FREQ=WEEKLY", "END:VEVENT"),
                        "2026-03-01T00:00", "2026-03-15T00:00",
                        List.of("2026-03-02T09:00", "2026-03-09T09:00")),
                Arguments.of("an all-day yearly holiday stays on its date", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:h1", "DTSTART;VALUE=DATE:20201225", "DTEND;VALUE=DATE:20201226",
                        "RRULE:FREQ=YEARLY;UNTIL=20291231", "END:VEVENT"),
                        "2025-06-01T00:00", "2027-06-01T00:00",
                        List.of("2025-12-25T00:00", "2026-12-25T00:00")),
                Arguments.of("a single event overlapping the window is one occurrence", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:s1", "DTSTART;TZID=Europe/London:20260105T233000",
                        "DTEND;TZID=Europe/London:20260106T003000", "END:VEVENT"),
                        "2026-01-06T00:00", "2026-01-07T00:00",
                        List.of("2026-01-05T23:30")),
                Arguments.of("a cancelled master gives nothing", LONDON, List.of(
                        "BEGIN:VEVENT", "UID:c1", "DTSTART;TZID=Europe/London:20260105T090000",
                        "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=DAILY;COUNT=3", "STATUS:CANCELLED",
                        "END:VEVENT"),
                        "2026-01-01T00:00", "2026-02-01T00:00",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void seriesExpandToTheExpectedLocalStarts(String name, ZoneId zone, List<String> lines, String from, String to,
                                              List<String> expected) {
        List<CalendarEntry> entries = read(lines.toArray(String[]::new));
        List<Occurrence> occurrences = Recurrences.expandAll(entries, at(from, zone), at(to, zone));
        assertThat(localStarts(occurrences, zone)).containsExactlyElementsOf(expected);
    }

    @Test
    void weeklyMeetingLastsOneHourOnBothSidesOfTheDstChange() {
        List<Occurrence> occurrences = Recurrences.expandAll(read("BEGIN:VEVENT", "UID:w1",
                "DTSTART;TZID=Europe/London:20261015T090000", "DTEND;TZID=Europe/London:20261015T100000",
                "RRULE:FREQ=WEEKLY;COUNT=4", "END:VEVENT"), at("2026-10-01T00:00", LONDON), at("2026-12-01T00:00", LONDON));
        assertThat(occurrences).hasSize(4).allSatisfy(o ->
                assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofHours(1)));
        assertThat(occurrences.get(2).start()).isEqualTo(Instant.parse("2026-10-29T09:00:00Z"));
        assertThat(occurrences.get(1).start()).isEqualTo(Instant.parse("2026-10-22T08:00:00Z"));
    }

    @Test
    void allDayHolidaySpansTheWholeLocalDayEvenOnTheDstChangeDay() {
        List<Occurrence> occurrences = Recurrences.expandAll(read("BEGIN:VEVENT", "UID:h2",
                "DTSTART;VALUE=DATE:20251025", "DTEND;VALUE=DATE:20251026", "RRULE:FREQ=YEARLY", "END:VEVENT"),
                at("2026-10-24T00:00", LONDON), at("2026-10-27T00:00", LONDON));
        assertThat(occurrences).singleElement().satisfies(o -> {
            assertThat(o.allDay()).isTrue();
            assertThat(o.start()).isEqualTo(LocalDate.parse("2026-10-25").atStartOfDay(LONDON).toInstant());
            assertThat(o.end()).isEqualTo(LocalDate.parse("2026-10-26").atStartOfDay(LONDON).toInstant());
            assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofHours(25));
        });
    }

    @Test
    void overrideOccurrenceCarriesItsOwnEntryIdAndMasterInstancesCarryTheMasters() {
        List<CalendarEntry> entries = read("BEGIN:VEVENT", "UID:w5", "DTSTART;TZID=Europe/London:20260105T090000",
                "DTEND;TZID=Europe/London:20260105T093000", "RRULE:FREQ=DAILY;COUNT=2", "END:VEVENT",
                "BEGIN:VEVENT", "UID:w5", "RECURRENCE-ID;TZID=Europe/London:20260106T090000",
                "DTSTART;TZID=Europe/London:20260106T140000", "DTEND;TZID=Europe/London:20260106T143000", "END:VEVENT");
        CalendarEntry master = entries.get(0).withId(7);
        CalendarEntry override = entries.get(1).withId(8);
        List<Occurrence> occurrences = Recurrences.expand(master, List.of(override), at("2026-01-01T00:00", LONDON),
                at("2026-02-01T00:00", LONDON));
        assertThat(occurrences).extracting(Occurrence::entryId).containsExactly(7L, 8L);
    }

    @Test
    @Timeout(10)
    void aSecondlyRuleFromYearsAgoIsBoundedAndFast() {
        List<CalendarEntry> entries = read("BEGIN:VEVENT", "UID:bomb", "DTSTART:20060611T000000Z",
                "DTEND:20060611T000001Z", "RRULE:FREQ=SECONDLY", "END:VEVENT");
        long t = System.nanoTime();
        List<Occurrence> occurrences = Recurrences.expandAll(entries, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(occurrences.size()).isBetween(1, Recurrences.MAX_INSTANCES);
        assertThat(occurrences.get(0).start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Timeout(10)
    void theZidestoreBombFileFromTheSharedDataExpandsQuickly() throws Exception {
        Path file = EmlFixtures.sharedData().resolve("calendar/ical4j/valid/zidestoreical4jbomb.ics");
        List<CalendarEntry> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = IcsReader.read(in, LONDON);
        }
        List<Occurrence> occurrences = Recurrences.expandAll(entries, Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(occurrences.size()).isBetween(1, Recurrences.MAX_INSTANCES);
    }
}
