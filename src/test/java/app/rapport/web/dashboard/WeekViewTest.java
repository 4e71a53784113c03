package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.planning.WorkingHours;
import app.rapport.service.CalendarService.CalendarItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekViewTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static CalendarItem event(String summary, String start, String end, ShowAs showAs) {
        return new CalendarItem(new Occurrence(1, summary, summary, Instant.parse(start), Instant.parse(end), false,
                showAs, EntryKind.EVENT, null), null, null);
    }

    static WeekView week(WorkingHours hours, CalendarItem... items) {
        return WeekView.build(MONDAY, LONDON, NOW, hours, List.of(items), List.of(), id -> null, null);
    }

    @Test
    void anyDateMeansTheMondayOfItsIsoWeekAndNonsenseMeansThisWeek() {
        LocalDate today = LocalDate.parse("2026-11-25");
        assertThat(WeekView.monday("2026-11-29", today)).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(WeekView.monday("2026-11-30", today)).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(WeekView.monday("2021-01-03", today)).isEqualTo(LocalDate.parse("2020-12-28"));
        for (String bad : new String[] {null, "", "tomorrow", "2026-02-30", "<script>"}) {
            assertThat(WeekView.monday(bad, today)).as(bad).isEqualTo(MONDAY);
        }
    }

    @Test
    void hourRowsCoverWorkingHoursPlusAnHourButAtLeastEightToSeven() {
        assertThat(week(WorkingHours.standard()).hours()).first().isEqualTo("08:00");
        assertThat(week(WorkingHours.standard()).hours()).last().isEqualTo("18:00");
        WorkingHours late = WorkingHours.weekdays(LocalTime.of(7, 30), LocalTime.of(20, 15));
        assertThat(week(late).hours()).first().isEqualTo("06:00");
        assertThat(week(late).hours()).last().isEqualTo("21:00");
    }

    @Test
    void overlappingBlocksSitSideBySideAndOthersTakeTheWholeColumn() {
        WeekView view = week(WorkingHours.standard(),
                event("A", "2026-11-24T09:00:00Z", "2026-11-24T10:00:00Z", ShowAs.BUSY),
                event("B", "2026-11-24T09:30:00Z", "2026-11-24T10:30:00Z", ShowAs.TENTATIVE),
                event("C", "2026-11-24T14:00:00Z", "2026-11-24T15:00:00Z", ShowAs.FREE));
        List<WeekView.Block> tuesday = view.days().get(1).blocks();
        assertThat(tuesday).extracting(WeekView.Block::title).containsExactly("A", "B", "C");
        assertThat(tuesday.get(0).style()).contains("left: 0.000%; width: 50.000%");
        assertThat(tuesday.get(1).style()).contains("left: 50.000%; width: 50.000%");
        assertThat(tuesday.get(2).style()).contains("left: 0.000%; width: 100.000%");
        assertThat(tuesday).extracting(WeekView.Block::css)
                .containsExactly("block event show-busy", "block event show-tentative", "block event show-free");
        // 08:00 to 19:00 is 11 hours: 09:00 is 1/11 down, an hour is 1/11 tall.
        assertThat(tuesday.get(0).style()).startsWith("top: 9.091%; height: 9.091%");
        assertThat(tuesday.get(0).time()).isEqualTo("09:00–10:00");
    }

    @Test
    void allDayAndMultiDayEventsGoToTheAllDayRowOfEachDayTheyCover() {
        CalendarItem leave = new CalendarItem(new Occurrence(2, "l", "Annual leave", Instant.parse("2026-11-26T00:00:00Z"),
                Instant.parse("2026-11-27T00:00:00Z"), true, ShowAs.BUSY, EntryKind.EVENT, null), null, null);
        WeekView view = week(WorkingHours.standard(), leave,
                event("Early", "2026-11-27T05:00:00Z", "2026-11-27T06:00:00Z", ShowAs.BUSY));
        assertThat(view.days().get(3).allDay()).extracting(WeekView.Block::title).containsExactly("Annual leave");
        assertThat(view.days().get(2).allDay()).isEmpty();
        WeekView.Block early = view.days().get(4).blocks().get(0);
        assertThat(early.style()).startsWith("top: 0.000%");
        assertThat(early.time()).isEqualTo("05:00–06:00");
    }
}
