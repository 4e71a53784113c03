package app.rapport.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.support.EmlFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IcsReaderTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** RFC 5545 3.6.6 snippet: bare VALARMs directly in VCALENDAR, which ical4j's builder cannot hold. */
    static final Set<String> VALID_BUT_UNREADABLE = Set.of("ical4j/valid/rfc5545-sec3.6.6.ics");

    static List<CalendarEntry> read(String ics) {
        return IcsReader.read(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), LONDON);
    }

    static List<CalendarEntry> readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return IcsReader.read(in, LONDON);
        }
    }

    static Stream<String> sharedCalendarFiles() throws IOException {
        String base = System.getProperty("rapport.shared.data");
        Path dir = base == null ? null : Path.of(base, "calendar");
        if (dir == null || !Files.isDirectory(dir)) return Stream.of("<missing>");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".ics"))
                    .map(p -> dir.relativize(p).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} reads, or fails with IcsException")
    @MethodSource("sharedCalendarFiles")
    void everySharedCalendarFileReadsOrFailsWithIcsException(String relative) throws IOException {
        assumeTrue(!relative.equals("<missing>"), "shared calendar fixtures not found: skipped");
        Path file = EmlFixtures.sharedData().resolve("calendar").resolve(relative);
        boolean meantValid = relative.startsWith("ical4j/valid/") && !VALID_BUT_UNREADABLE.contains(relative);
        try {
            List<CalendarEntry> entries = readFile(file);
            assertThat(entries).allSatisfy(e -> assertThat(e.end()).isAfter(e.start()));
        } catch (IcsException e) {
            assertThat(meantValid).as(relative + " is meant valid but failed: " + e.getMessage()).isFalse();
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void multipleCalendarsInOneFileAreAllRead() throws IOException {
        List<CalendarEntry> entries = readFile(EmlFixtures.sharedData().resolve("calendar/ical4j/valid/multiple_calendars.ics"));
        assertThat(entries.size()).isGreaterThan(1);
    }

    @Test
    void theBigGoogleExportReadsWithAllItsEvents() throws IOException {
        List<CalendarEntry> entries = readFile(EmlFixtures.sharedData()
                .resolve("calendar/python-recurring-ical-events/benchmark/issue42.ics"));
        assertThat(entries).hasSize(4778);
    }

    static final String HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated inside a VEVENT", HEAD + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T090000Z\r\n", 0),
                Arguments.of("bad DTSTART", HEAD + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:2026-01-01 09:00\r\nEND:VEVENT\r\n"
                        + "END:VCALENDAR\r\n", 6),
                Arguments.of("missing END:VCALENDAR", HEAD + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T090000Z\r\n"
                        + "END:VEVENT\r\n", 0),
                Arguments.of("binary garbage", "\u0000\u0001\u00ff\u00fePK\u0003\u0004garbage", 1),
                Arguments.of("not iCalendar at all", "Hello, this is a letter.\r\n", 1));
    }

    @ParameterizedTest(name = "{0} gives IcsException with a line number")
    @MethodSource("malformed")
    void malformedInputGivesIcsExceptionWithALineNumber(String name, String ics, int expectedLine) {
        assertThatThrownBy(() -> read(ics)).isInstanceOf(IcsException.class).satisfies(e -> {
            IcsException ics4 = (IcsException) e;
            assertThat(ics4.lineNumber()).isPositive();
            assertThat(ics4.getMessage()).startsWith("line " + ics4.lineNumber() + ": ");
            if (expectedLine > 0) assertThat(ics4.lineNumber()).isEqualTo(expectedLine);
        });
    }

    @Test
    void aFileWithOnlyTodosGivesAnEmptyList() {
        assertThat(read(HEAD + "BEGIN:VTODO\r\nUID:t\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")).isEmpty();
    }

    @Test
    void inputOverTenMegabytesIsRefused() {
        byte[] big = new byte[IcsReader.MAX_BYTES + 1];
        assertThatThrownBy(() -> IcsReader.read(new ByteArrayInputStream(big), LONDON))
                .isInstanceOf(IcsException.class).hasMessageContaining("10 MB");
    }

    @Test
    void moreThanFiftyThousandEventsAreRefused() {
        StringBuilder b = new StringBuilder(HEAD);
        for (int i = 0; i <= IcsReader.MAX_EVENTS; i++) {
            b.append("BEGIN:VEVENT\r\nUID:").append(i).append("\r\nDTSTART:20260101T090000Z\r\nEND:VEVENT\r\n");
        }
        b.append("END:VCALENDAR\r\n");
        assertThatThrownBy(() -> read(b.toString())).isInstanceOf(IcsException.class).hasMessageContaining("50000");
    }

    @Test
    void fieldsMapFromAnOutlookStyleEvent() {
        CalendarEntry e = read(HEAD + "BEGIN:VEVENT\r\nUID:o1\r\nSUMMARY:Review\\, Q3\r\nLOCATION:Room 2\r\n"
                + "DTSTART;TZID=W. Europe Standard Time:20261015T090000\r\n"
                + "DTEND;TZID=W. Europe Standard Time:20261015T100000\r\n"
                + "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n"
                + "ATTENDEE;CN=Ann:MAILTO:Ann@Example.COM\r\nATTENDEE:urn:uuid:123\r\n"
                + "EXDATE;TZID=W. Europe Standard Time:20261022T090000\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n").get(0);
        assertThat(e.summary()).isEqualTo("Review, Q3");
        assertThat(e.location()).isEqualTo("Room 2");
        assertThat(e.showAs()).isEqualTo(ShowAs.TENTATIVE);
        assertThat(e.attendees()).containsExactly("ann@example.com");
        assertThat(e.rrule()).isEqualTo("FREQ=WEEKLY");
        assertThat(e.start()).isEqualTo(Instant.parse("2026-10-15T07:00:00Z"));
        assertThat(e.exdates()).containsExactly(Instant.parse("2026-10-22T07:00:00Z"));
        assertThat(e.id()).isZero();
        assertThat(e.suggestionId()).isNull();
    }

    static Stream<Arguments> showAs() {
        return Stream.of(
                Arguments.of("TRANSP:TRANSPARENT", ShowAs.FREE),
                Arguments.of("STATUS:TENTATIVE", ShowAs.TENTATIVE),
                Arguments.of("X-MICROSOFT-CDO-BUSYSTATUS:OOF", ShowAs.BUSY),
                Arguments.of("X-MICROSOFT-CDO-BUSYSTATUS:FREE", ShowAs.FREE),
                Arguments.of("TRANSP:OPAQUE", ShowAs.BUSY));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @MethodSource("showAs")
    void showAsFollowsTranspStatusAndOutlooksBusyStatus(String line, ShowAs expected) {
        CalendarEntry e = read(HEAD + "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T100000Z\r\n"
                + line + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").get(0);
        assertThat(e.showAs()).isEqualTo(expected);
    }

    @Test
    void endDefaultsAndZonesFollowTheRfc() {
        List<CalendarEntry> entries = read(HEAD
                + "BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:z\r\nDTSTART:20260101T090000Z\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260701T090000\r\nDURATION:PT45M\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T100000Z\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
        CalendarEntry allDay = entries.get(0);
        assertThat(allDay.allDay()).isTrue();
        assertThat(allDay.zone()).isEqualTo(LONDON);
        assertThat(allDay.end()).isEqualTo(Instant.parse("2026-12-26T00:00:00Z"));
        CalendarEntry zeroLength = entries.get(1);
        assertThat(zeroLength.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(zeroLength.showAs()).isEqualTo(ShowAs.FREE);
        assertThat(zeroLength.end()).isEqualTo(Instant.parse("2026-01-01T09:01:00Z"));
        CalendarEntry floating = entries.get(2);
        assertThat(floating.start()).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(floating.end()).isEqualTo(Instant.parse("2026-07-01T08:45:00Z"));
        assertThat(floating.cancelled()).isTrue();
        assertThat(entries.get(3).uid()).startsWith("generated-").isEqualTo(read(HEAD
                + "BEGIN:VEVENT\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .get(0).uid());
    }
}
