package app.rapport.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} survives the wire")
    @EnumSource(MeetingKind.class)
    void everyMeetingKindRoundTripsThroughItsWireName(MeetingKind kind) {
        assertThat(MeetingKind.fromWire(" " + kind.wire() + " ")).isEqualTo(kind);
        assertThat(kind.wire()).isEqualTo(kind.name().toLowerCase());
    }

    @Test
    void meetingKindsHaveHumanLabels() {
        assertThat(Stream.of(MeetingKind.values()).map(MeetingKind::label))
                .containsExactly("Call", "Video call", "Coffee", "Lunch", "Review", "Visit");
    }

    @Test
    void standardWorkingHoursAreWeekdaysNineToHalfPastFive() {
        WorkingHours h = WorkingHours.standard();
        assertThat(h.on(DayOfWeek.MONDAY)).isEqualTo(new WorkingHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 30)));
        assertThat(h.on(DayOfWeek.FRIDAY)).isNotNull();
        assertThat(h.on(DayOfWeek.SATURDAY)).isNull();
        assertThat(h.on(DayOfWeek.SUNDAY)).isNull();
        assertThat(h.off(DayOfWeek.FRIDAY).on(DayOfWeek.FRIDAY)).isNull();
    }

    static Stream<Arguments> badWorkingHours() {
        return Stream.of(
                Arguments.of((Supplier<Object>) () -> WorkingHours.standard().with(DayOfWeek.TUESDAY, LocalTime.of(17, 0),
                        LocalTime.of(9, 0)), "working hours for TUESDAY: end 09:00 must be after start 17:00"),
                Arguments.of((Supplier<Object>) () -> WorkingHours.standard().with(DayOfWeek.WEDNESDAY, LocalTime.NOON,
                        LocalTime.NOON), "working hours for WEDNESDAY: end 12:00 must be after start 12:00"),
                Arguments.of((Supplier<Object>) () -> WorkingHours.standard().with(DayOfWeek.SATURDAY, null,
                        LocalTime.NOON), "working hours for SATURDAY: start is missing"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badWorkingHours")
    void badWorkingHoursNameTheDay(Supplier<Object> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void defaultSettingsAreTheDocumentedOnes() {
        PlanningSettings s = PlanningSettings.defaults(ZONE);
        assertThat(s.maxPerDay()).isEqualTo(2);
        assertThat(s.maxPerWeek()).isEqualTo(8);
        assertThat(s.buffer()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.horizonDays()).isEqualTo(14);
        assertThat(s.minLeadTime()).isEqualTo(Duration.ofHours(2));
        assertThat(s.durationOf(MeetingKind.LUNCH)).isEqualTo(Duration.ofMinutes(75));
        assertThat(s.durationOf(MeetingKind.COFFEE)).isEqualTo(Duration.ofMinutes(45));
        assertThat(s.durationOf(MeetingKind.REVIEW)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void kindsLeftOutOfDurationsTakeTheDefault() {
        PlanningSettings s = new PlanningSettings(ZONE, WorkingHours.standard(), 2, 8, Duration.ZERO, 14,
                Map.of(MeetingKind.CALL, Duration.ofMinutes(20)), Duration.ZERO);
        assertThat(s.durationOf(MeetingKind.CALL)).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.durationOf(MeetingKind.VISIT)).isEqualTo(Duration.ofMinutes(60));
    }

    static Stream<Arguments> badSettings() {
        PlanningSettings d = PlanningSettings.defaults(ZONE);
        return Stream.of(
                Arguments.of((Supplier<Object>) () -> d.withCaps(0, 8), "maxPerDay cannot be less than 1, was 0"),
                Arguments.of((Supplier<Object>) () -> d.withCaps(2, 0), "maxPerWeek cannot be less than 1, was 0"),
                Arguments.of((Supplier<Object>) () -> d.withBuffer(Duration.ofMinutes(-5)),
                        "buffer must be between 0 and 4 hours, was PT-5M"),
                Arguments.of((Supplier<Object>) () -> d.withHorizonDays(0), "horizonDays must be between 1 and 90, was 0"),
                Arguments.of((Supplier<Object>) () -> d.withHorizonDays(91), "horizonDays must be between 1 and 90, was 91"),
                Arguments.of((Supplier<Object>) () -> d.withMinLeadTime(Duration.ofDays(15)),
                        "minLeadTime must be between 0 and 14 days, was PT360H"),
                Arguments.of((Supplier<Object>) () -> new PlanningSettings(ZONE, WorkingHours.standard(), 2, 8,
                        Duration.ZERO, 14, Map.of(MeetingKind.LUNCH, Duration.ofMinutes(1)), Duration.ZERO),
                        "durations.lunch must be between 5 minutes and 8 hours, was PT1M"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void badSettingsNameTheField(Supplier<Object> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
