package app.rapport.domain.planning;

import static app.rapport.domain.planning.Fixtures.LONDON;
import static app.rapport.domain.planning.Fixtures.NEW_YORK;
import static app.rapport.domain.planning.Fixtures.SINGAPORE;
import static app.rapport.domain.planning.Fixtures.busy;
import static app.rapport.domain.planning.Fixtures.occurrence;
import static app.rapport.domain.planning.MeetingKind.CALL;
import static app.rapport.domain.planning.MeetingKind.COFFEE;
import static app.rapport.domain.planning.MeetingKind.LUNCH;
import static app.rapport.domain.planning.MeetingKind.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlotFinderTest {
    /** Monday 9 March 2026, 07:00 in London (GMT); with the 2 h lead the first slot is 09:00. */
    private static final String MONDAY = "2026-03-09T07:00:00Z";

    private static PlanningSettings london() {
        return PlanningSettings.defaults(LONDON);
    }

    private static Arguments slot(String name, String now, UnaryOperator<PlanningSettings> settings,
                                  List<Occurrence> busy, MeetingKind kind, ZoneId client, String expected) {
        return Arguments.of(name, now, settings, busy, kind, client, expected);
    }

    static Stream<Arguments> slots() {
        UnaryOperator<PlanningSettings> same = s -> s;
        UnaryOperator<PlanningSettings> noBuffer = s -> s.withBuffer(Duration.ZERO);
        return Stream.of(
                // working hours and the client's zone
                slot("a local call takes the first slot of the day", MONDAY, same, List.of(), CALL, LONDON,
                        "2026-03-09T09:00:00Z"),
                slot("a New York client only fits London afternoons", MONDAY, same, List.of(), CALL, NEW_YORK,
                        "2026-03-09T12:00:00Z"),
                slot("a Singapore client fits London mornings", MONDAY, same, List.of(), REVIEW, SINGAPORE,
                        "2026-03-09T09:00:00Z"),
                slot("a Singapore client never fits a London lunch", MONDAY, same, List.of(), LUNCH, SINGAPORE, null),
                slot("a review ending after 18:00 in Singapore waits for the next morning", MONDAY, noBuffer,
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T09:10:00Z")), REVIEW, SINGAPORE,
                        "2026-03-10T09:00:00Z"),
                slot("a user in New York meets a London client in the London afternoon", "2026-03-09T12:00:00Z",
                        s -> PlanningSettings.defaults(NEW_YORK), List.of(), CALL, LONDON, "2026-03-09T14:00:00Z"),
                slot("the weekend is skipped", "2026-03-13T16:00:00Z", same, List.of(), CALL, LONDON,
                        "2026-03-16T09:00:00Z"),
                slot("odd working hours still start on the quarter hour", MONDAY,
                        s -> s.withWorkingHours(WorkingHours.weekdays(LocalTime.of(9, 10), LocalTime.of(17, 0))),
                        List.of(), CALL, LONDON, "2026-03-09T09:15:00Z"),
                // lead time and the grid
                slot("the lead time rounds up to the next quarter hour", "2026-03-09T10:07:00Z", same, List.of(), CALL,
                        LONDON, "2026-03-09T12:15:00Z"),
                slot("no lead time starts at the next quarter hour", "2026-03-09T10:07:00Z",
                        s -> s.withMinLeadTime(Duration.ZERO), List.of(), CALL, LONDON, "2026-03-09T10:15:00Z"),
                // busy time and buffers
                slot("a buffer follows a busy block", MONDAY, same,
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z")), CALL, LONDON,
                        "2026-03-09T10:15:00Z"),
                slot("without a buffer the slot follows at once", MONDAY, noBuffer,
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z")), CALL, LONDON,
                        "2026-03-09T10:00:00Z"),
                slot("a buffer precedes a busy block", MONDAY, same,
                        List.of(busy("2026-03-09T09:40:00Z", "2026-03-09T10:30:00Z")), CALL, LONDON,
                        "2026-03-09T10:45:00Z"),
                slot("a call fits exactly between two blocks with their buffers", MONDAY, same,
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T09:30:00Z"),
                                busy("2026-03-09T10:30:00Z", "2026-03-09T11:00:00Z")), CALL, LONDON,
                        "2026-03-09T09:45:00Z"),
                slot("a block ending off the grid pushes to the next quarter hour", MONDAY, same,
                        List.of(busy("2026-03-09T08:50:00Z", "2026-03-09T09:10:00Z")), CALL, LONDON,
                        "2026-03-09T09:30:00Z"),
                slot("overlapping blocks merge", MONDAY, same,
                        List.of(busy("2026-03-09T11:00:00Z", "2026-03-09T12:00:00Z"),
                                busy("2026-03-09T09:00:00Z", "2026-03-09T11:30:00Z"),
                                busy("2026-03-09T11:45:00Z", "2026-03-09T13:00:00Z")), CALL, LONDON,
                        "2026-03-09T13:15:00Z"),
                slot("free time does not block", MONDAY, same,
                        List.of(occurrence("2026-03-09T09:00:00Z", "2026-03-09T17:30:00Z", ShowAs.FREE, false)), CALL,
                        LONDON, "2026-03-09T09:00:00Z"),
                slot("a tentative event blocks", MONDAY, same,
                        List.of(occurrence("2026-03-09T09:00:00Z", "2026-03-09T12:00:00Z", ShowAs.TENTATIVE, false)),
                        CALL, LONDON, "2026-03-09T12:15:00Z"),
                slot("an all-day event blocks the whole day", MONDAY, same,
                        List.of(occurrence("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", ShowAs.BUSY, true)), CALL,
                        LONDON, "2026-03-10T09:00:00Z"),
                // meal times
                slot("lunch starts at noon", MONDAY, same, List.of(), LUNCH, LONDON, "2026-03-09T12:00:00Z"),
                slot("lunch can start as late as 13:30", MONDAY, same,
                        List.of(busy("2026-03-09T11:00:00Z", "2026-03-09T13:15:00Z")), LUNCH, LONDON,
                        "2026-03-09T13:30:00Z"),
                slot("lunch never starts after 13:30", MONDAY, same,
                        List.of(busy("2026-03-09T11:00:00Z", "2026-03-09T13:30:00Z")), LUNCH, LONDON,
                        "2026-03-10T12:00:00Z"),
                slot("coffee in the morning", MONDAY, same, List.of(), COFFEE, LONDON, "2026-03-09T09:00:00Z"),
                slot("coffee in the afternoon when the morning is busy", MONDAY, same,
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T11:00:00Z")), COFFEE, LONDON,
                        "2026-03-09T14:30:00Z"),
                slot("coffee can start at 16:30", "2026-03-09T14:30:00Z", same, List.of(), COFFEE, LONDON,
                        "2026-03-09T16:30:00Z"),
                slot("coffee never starts after 16:30", "2026-03-09T14:31:00Z", same, List.of(), COFFEE, LONDON,
                        "2026-03-10T09:00:00Z"),
                // the horizon
                slot("nothing past the horizon", MONDAY, s -> s.withHorizonDays(1),
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-09T17:30:00Z")), CALL, LONDON, null),
                slot("the last day of the horizon is used", MONDAY, s -> s.withHorizonDays(2),
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-10T17:30:00Z")), CALL, LONDON, null),
                slot("the horizon counts calendar days", MONDAY, s -> s.withHorizonDays(3),
                        List.of(busy("2026-03-09T09:00:00Z", "2026-03-10T17:30:00Z")), CALL, LONDON,
                        "2026-03-11T09:00:00Z"),
                // DST: Europe/London falls back on 25 Oct 2026, the US on 1 Nov 2026; London springs forward 28 Mar 2027
                slot("before London falls back, 09:00 BST is 08:00 UTC", "2026-10-21T06:00:00Z", same, List.of(), CALL,
                        LONDON, "2026-10-21T08:00:00Z"),
                slot("across the London change, Monday starts at 09:00 GMT", "2026-10-23T15:00:00Z", same, List.of(),
                        CALL, LONDON, "2026-10-26T09:00:00Z"),
                slot("New York is five hours behind before London falls back", "2026-10-21T06:00:00Z", same, List.of(),
                        CALL, NEW_YORK, "2026-10-21T12:00:00Z"),
                slot("New York is four hours behind in the week between the changes", "2026-10-26T07:00:00Z", same,
                        List.of(), CALL, NEW_YORK, "2026-10-26T12:00:00Z"),
                slot("New York is five hours behind again after the US falls back", "2026-11-02T07:00:00Z", same,
                        List.of(), CALL, NEW_YORK, "2026-11-02T13:00:00Z"),
                slot("across the spring change, Monday starts at 09:00 BST", "2027-03-26T16:00:00Z", same, List.of(),
                        CALL, LONDON, "2027-03-29T08:00:00Z"),
                slot("lunch after the spring change is at noon BST", "2027-03-29T06:00:00Z", same, List.of(), LUNCH,
                        LONDON, "2027-03-29T11:00:00Z"),
                slot("New York is four hours behind before London springs forward", "2027-03-22T07:00:00Z", same,
                        List.of(), CALL, NEW_YORK, "2027-03-22T12:00:00Z"),
                slot("New York is five hours behind after London springs forward", "2027-03-29T06:00:00Z", same,
                        List.of(), CALL, NEW_YORK, "2027-03-29T12:00:00Z"),
                slot("a Singapore review ends by 18:00 there after the spring change", "2027-03-29T06:00:00Z", same,
                        List.of(), REVIEW, SINGAPORE, "2027-03-29T08:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slots")
    void findsTheEarliestGoodSlot(String name, String now, UnaryOperator<PlanningSettings> settings,
                                  List<Occurrence> busy, MeetingKind kind, ZoneId client, String expected) {
        PlanningSettings s = settings.apply(london());
        SlotFinder finder = new SlotFinder(s, Instant.parse(now), busy, List.of());
        Optional<Slot> slot = finder.find(kind, client);
        if (expected == null) {
            assertThat(slot).isEmpty();
        } else {
            assertThat(slot).contains(new Slot(Instant.parse(expected), Instant.parse(expected).plus(s.durationOf(kind))));
        }
    }

    private static List<String> placeAll(SlotFinder finder, int times) {
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Optional<Slot> slot = finder.find(CALL, LONDON);
            if (slot.isEmpty()) break;
            finder.place(slot.get());
            starts.add(slot.get().start().toString());
        }
        return starts;
    }

    @Test
    void findingDoesNotPlace() {
        SlotFinder finder = new SlotFinder(london(), Instant.parse(MONDAY), List.of(), List.of());
        assertThat(finder.find(CALL, LONDON)).isEqualTo(finder.find(CALL, LONDON));
    }

    @Test
    void meetingsSpreadOneADayBeforeAnyDayTakesASecond() {
        SlotFinder finder = new SlotFinder(london(), Instant.parse(MONDAY), List.of(), List.of());
        assertThat(placeAll(finder, 3))
                .containsExactly("2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z", "2026-03-11T09:00:00Z");
    }

    @Test
    void daysFillUpToTheDailyCapAndThenTheHorizonIsFull() {
        SlotFinder finder = new SlotFinder(london().withHorizonDays(2), Instant.parse(MONDAY), List.of(), List.of());
        assertThat(placeAll(finder, 10)).containsExactly("2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z",
                "2026-03-09T09:45:00Z", "2026-03-10T09:45:00Z");
        assertThat(finder.capsFull()).isTrue();
    }

    @Test
    void aFullDaySendsTheNextMeetingToTheNextDayWithRoom() {
        SlotFinder finder = new SlotFinder(london().withCaps(1, 8), Instant.parse(MONDAY),
                List.of(busy("2026-03-10T09:00:00Z", "2026-03-10T17:30:00Z")), List.of());
        assertThat(placeAll(finder, 3))
                .containsExactly("2026-03-09T09:00:00Z", "2026-03-11T09:00:00Z", "2026-03-12T09:00:00Z");
    }

    @Test
    void placedSlotsKeepTheBufferBetweenThem() {
        SlotFinder finder = new SlotFinder(london().withCaps(3, 8).withHorizonDays(1), Instant.parse(MONDAY),
                List.of(), List.of());
        assertThat(placeAll(finder, 5))
                .containsExactly("2026-03-09T09:00:00Z", "2026-03-09T09:45:00Z", "2026-03-09T10:30:00Z");
    }

    @Test
    void theWeeklyCapMovesMeetingsToTheNextWeek() {
        SlotFinder finder = new SlotFinder(london().withCaps(2, 2), Instant.parse(MONDAY), List.of(), List.of());
        assertThat(placeAll(finder, 4)).containsExactly("2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z",
                "2026-03-16T09:00:00Z", "2026-03-17T09:00:00Z");
    }

    @Test
    void suggestionsPlacedBeforeTheRunCountTowardsTheCaps() {
        List<Instant> earlier = List.of(Instant.parse("2026-03-09T15:00:00Z"), Instant.parse("2026-03-12T15:00:00Z"),
                Instant.parse("2026-03-13T15:00:00Z"));
        SlotFinder finder = new SlotFinder(london().withCaps(1, 4), Instant.parse(MONDAY), List.of(), earlier);
        assertThat(placeAll(finder, 3)).containsExactly("2026-03-10T09:00:00Z", "2026-03-16T09:00:00Z",
                "2026-03-17T09:00:00Z");
    }

    @Test
    void capsAreFullWhenEveryWorkingDayIsFull() {
        SlotFinder finder = new SlotFinder(london().withCaps(1, 8).withHorizonDays(3), Instant.parse(MONDAY),
                List.of(), List.of(Instant.parse("2026-03-09T15:00:00Z"), Instant.parse("2026-03-10T15:00:00Z")));
        assertThat(finder.capsFull()).isFalse();
        finder.place(finder.find(CALL, LONDON).orElseThrow());
        assertThat(finder.capsFull()).isTrue();
    }
}
