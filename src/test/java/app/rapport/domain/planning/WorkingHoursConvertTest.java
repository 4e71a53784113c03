package app.rapport.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Working hours kept in one zone (a mailbox's) seen from the user's zone. */
class WorkingHoursConvertTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final LocalDate MONDAY_IN_NOVEMBER = LocalDate.of(2026, 11, 23);

    @Test
    void theSameRulesChangeNothing() {
        WorkingHours h = WorkingHours.standard();
        assertThat(h.convert(LONDON, ZoneId.of("Europe/London"), MONDAY_IN_NOVEMBER)).isSameAs(h);
    }

    @Test
    void berlinHoursAreAnHourEarlierInLondon() {
        WorkingHours berlin = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(berlin.convert(BERLIN, LONDON, MONDAY_IN_NOVEMBER))
                .isEqualTo(WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0)));
    }

    @Test
    void theOffsetIsTheOneOfTheWeekAsked() {
        // London and Los Angeles change clocks on different dates: in the gap the difference is 7 hours, not 8.
        WorkingHours la = new WorkingHours(java.util.Map.of(DayOfWeek.MONDAY, new WorkingHours.Window(LocalTime.of(8, 0),
                LocalTime.of(12, 0))));
        assertThat(la.convert(LOS_ANGELES, LONDON, LocalDate.of(2026, 11, 23)).on(DayOfWeek.MONDAY))
                .isEqualTo(new WorkingHours.Window(LocalTime.of(16, 0), LocalTime.of(20, 0)));
        assertThat(la.convert(LOS_ANGELES, LONDON, LocalDate.of(2026, 3, 16)).on(DayOfWeek.MONDAY))
                .isEqualTo(new WorkingHours.Window(LocalTime.of(15, 0), LocalTime.of(19, 0)));
    }

    @Test
    void aWindowAcrossMidnightIsSplitAndTheLongerPieceOfADayWins() {
        // 09:00-17:00 in Los Angeles is 17:00-01:00 in London in November.
        WorkingHours la = WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0));
        WorkingHours london = la.convert(LOS_ANGELES, LONDON, MONDAY_IN_NOVEMBER);
        assertThat(london.on(DayOfWeek.MONDAY)).isEqualTo(new WorkingHours.Window(LocalTime.of(17, 0), LocalTime.of(23, 59)));
        assertThat(london.on(DayOfWeek.TUESDAY)).isEqualTo(new WorkingHours.Window(LocalTime.of(17, 0), LocalTime.of(23, 59)));
        assertThat(london.on(DayOfWeek.SATURDAY)).isEqualTo(new WorkingHours.Window(LocalTime.MIDNIGHT, LocalTime.of(1, 0)));
        assertThat(london.on(DayOfWeek.SUNDAY)).isNull();
    }

    @Test
    void piecesThatTouchMerge() {
        WorkingHours h = new WorkingHours(java.util.Map.of(
                DayOfWeek.MONDAY, new WorkingHours.Window(LocalTime.of(20, 0), LocalTime.of(23, 59)),
                DayOfWeek.TUESDAY, new WorkingHours.Window(LocalTime.of(0, 0), LocalTime.of(2, 0))));
        // Berlin 20:00-23:59 Monday is 19:00-22:59 London; Berlin 00:00-02:00 Tuesday is 23:00 Monday to 01:00 Tuesday.
        WorkingHours london = h.convert(BERLIN, LONDON, MONDAY_IN_NOVEMBER);
        assertThat(london.on(DayOfWeek.MONDAY)).isEqualTo(new WorkingHours.Window(LocalTime.of(19, 0), LocalTime.of(23, 59)));
        assertThat(london.on(DayOfWeek.TUESDAY)).isEqualTo(new WorkingHours.Window(LocalTime.MIDNIGHT, LocalTime.of(1, 0)));
    }
}
