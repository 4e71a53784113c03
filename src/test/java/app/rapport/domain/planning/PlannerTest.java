package app.rapport.domain.planning;

import static app.rapport.domain.planning.Fixtures.LONDON;
import static app.rapport.domain.planning.Fixtures.NEW_YORK;
import static app.rapport.domain.planning.Fixtures.SINGAPORE;
import static app.rapport.domain.planning.Fixtures.busy;
import static app.rapport.domain.planning.Fixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.relationship.IntentCounts;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {
    private static final Instant NOW = Instant.parse("2026-03-09T07:00:00Z");
    private static final PlanningSettings ONE_A_DAY = PlanningSettings.defaults(LONDON).withCaps(1, 8);

    private static Plan plan(PlanningSettings settings, List<PlanningCandidate> candidates, List<Occurrence> busy) {
        return Planner.plan(new PlanRequest(NOW, settings, candidates, busy, List.of()));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void higherPriorityGoesFirstThenEarlierDueThenLowerId() {
        List<PlanningCandidate> candidates = List.of(
                candidate(1, 50),
                candidate(4, 50),
                Fixtures.withDue(candidate(3, 50), Status.COOLING, Instant.parse("2026-03-01T00:00:00Z")),
                candidate(2, 90));
        Plan plan = plan(ONE_A_DAY, candidates, List.of());
        assertThat(plan.meetings()).extracting(PlannedMeeting::clientId, m -> m.start().toString()).containsExactly(
                tuple(2L, "2026-03-09T09:00:00Z"), tuple(3L, "2026-03-10T09:00:00Z"),
                tuple(1L, "2026-03-11T09:00:00Z"), tuple(4L, "2026-03-12T09:00:00Z"));
        assertThat(plan.skipped()).isEmpty();
    }

    static Stream<Arguments> skips() {
        return Stream.of(
                Arguments.of("snoozed until tomorrow", Fixtures.withSnooze(candidate(1, 50), NOW.plus(Duration.ofDays(1))),
                        "snoozed"),
                Arguments.of("an open suggestion", Fixtures.withOpenSuggestion(candidate(1, 50)), "open-suggestion"),
                Arguments.of("active and due after the horizon",
                        Fixtures.withDue(candidate(1, 50), Status.ACTIVE, NOW.plus(Duration.ofDays(30))), "not-due"),
                Arguments.of("active with nothing due", Fixtures.withDue(candidate(1, 50), Status.ACTIVE, null),
                        "not-due"),
                Arguments.of("a lunch in Auckland, where no working hour overlaps London's",
                        Fixtures.withZone(Fixtures.with(candidate(1, 50), "B", MeetingKind.LUNCH,
                                ClientHistory.none(false), null), java.time.ZoneId.of("Pacific/Auckland")), "no-free-slot"));
    }

    @Test
    void aLunchThatFitsNowhereBecomesACallAndTheReasonSaysSo() {
        PlanningCandidate singapore = Fixtures.withZone(Fixtures.with(candidate(1, 50), "B", MeetingKind.LUNCH,
                ClientHistory.none(false), null), SINGAPORE);
        Plan plan = plan(ONE_A_DAY, List.of(singapore), List.of());
        assertThat(plan.meetings()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MeetingKind.CALL);
            assertThat(m.kindRule()).isEqualTo("client-preference/fallback-call");
            assertThat(m.reason()).contains("They prefer a lunch.")
                    .endsWith("No lunch fits both calendars in the next 14 days, so a call instead.");
        });
    }

    @ParameterizedTest(name = "{0} is skipped as {2}")
    @MethodSource("skips")
    void candidatesAreSkippedWithTheRuleThatDecided(String name, PlanningCandidate c, String rule) {
        Plan plan = plan(ONE_A_DAY, List.of(c), List.of());
        assertThat(plan.meetings()).isEmpty();
        assertThat(plan.skipped()).extracting(Skipped::clientId, Skipped::rule).containsExactly(tuple(1L, rule));
        assertThat(plan.skipped().get(0).detail()).isNotBlank();
    }

    static Stream<Arguments> planned() {
        return Stream.of(
                Arguments.of("a snooze that has ended", Fixtures.withSnooze(candidate(1, 50), NOW.minusSeconds(1))),
                Arguments.of("an active client due inside the horizon",
                        Fixtures.withDue(candidate(1, 50), Status.ACTIVE, NOW.plus(Duration.ofDays(10)))),
                Arguments.of("an inactive client due long ago",
                        Fixtures.withDue(candidate(1, 50), Status.INACTIVE, NOW.minus(Duration.ofDays(300)))));
    }

    @ParameterizedTest(name = "{0} is planned")
    @MethodSource("planned")
    void dueClientsArePlanned(String name, PlanningCandidate c) {
        assertThat(plan(ONE_A_DAY, List.of(c), List.of()).meetings()).extracting(PlannedMeeting::clientId)
                .containsExactly(1L);
    }

    @Test
    void onceEveryDayIsFullTheRestAreSkippedAsCapsFull() {
        PlanningSettings oneDay = ONE_A_DAY.withHorizonDays(1);
        Plan plan = plan(oneDay, List.of(candidate(1, 90), candidate(2, 80), candidate(3, 70)), List.of());
        assertThat(plan.meetings()).extracting(PlannedMeeting::clientId).containsExactly(1L);
        assertThat(plan.skipped()).extracting(Skipped::clientId, Skipped::rule)
                .containsExactly(tuple(2L, "caps-full"), tuple(3L, "caps-full"));
    }

    @Test
    void existingHoldsBlockTheirTimeAndCountTowardsTheCaps() {
        Occurrence hold = busy("2026-03-09T09:00:00Z", "2026-03-09T09:30:00Z");
        Plan plan = Planner.plan(new PlanRequest(NOW, PlanningSettings.defaults(LONDON),
                List.of(candidate(1, 90), candidate(2, 80)), List.of(hold), List.of(hold.start())));
        assertThat(plan.meetings()).extracting(m -> m.start().toString())
                .containsExactly("2026-03-10T09:00:00Z", "2026-03-11T09:00:00Z");
    }

    @Test
    void aClientAppearingTwiceIsRejected() {
        assertThatThrownBy(() -> plan(ONE_A_DAY, List.of(candidate(1, 50), candidate(1, 60)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("candidates: client 1 appears twice");
    }

    @Test
    void theSamePlanComesOutWhateverTheInputOrder() {
        List<PlanningCandidate> candidates = new ArrayList<>();
        ZoneId[] zones = {LONDON, NEW_YORK, SINGAPORE, Fixtures.PARIS};
        for (int i = 0; i < 60; i++) {
            PlanningCandidate c = Fixtures.withZone(candidate(i, (i * 37) % 5 * 10), zones[i % zones.length]);
            c = Fixtures.withDue(c, Status.COOLING, NOW.minus(Duration.ofDays(i % 7)));
            candidates.add(i % 9 == 0 ? Fixtures.with(c, "A", null, ClientHistory.none(true), null) : c);
        }
        List<Occurrence> busy = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            Instant day = Instant.parse("2026-03-09T10:00:00Z").plus(Duration.ofDays(d));
            busy.add(Fixtures.occurrence(day.toString(), day.plus(Duration.ofMinutes(90)).toString(),
                    app.rapport.domain.calendar.ShowAs.BUSY, false));
        }
        PlanningSettings settings = PlanningSettings.defaults(LONDON);
        Plan first = plan(settings, candidates, busy);
        assertThat(first.meetings()).hasSize(16); // two a day over 8 working days
        Random random = new Random(42);
        for (int run = 0; run < 5; run++) {
            List<PlanningCandidate> c = new ArrayList<>(candidates);
            List<Occurrence> b = new ArrayList<>(busy);
            Collections.shuffle(c, random);
            Collections.shuffle(b, random);
            assertThat(plan(settings, c, b)).isEqualTo(first);
        }
    }

    @Test
    void theReasonSaysHowDueTheClientIsAndWhyThisKindOfMeeting() {
        ClientHistory h = new ClientHistory(2, true, daysAgo(53), 1, 2, Mode.IN_PERSON,
                Instant.parse("2025-11-05T12:00:00Z"), Instant.parse("2025-11-05T12:00:00Z"), "lunch", true);
        PlanningCandidate c = Fixtures.with(Fixtures.withDue(candidate(1, 80), Status.COOLING,
                Instant.parse("2026-02-16T00:00:00Z")), "A", null, h, Instant.parse("2025-11-05T12:00:00Z"));
        PlannedMeeting m = plan(ONE_A_DAY, List.of(c), List.of()).meetings().get(0);
        assertThat(m.kind()).isEqualTo(MeetingKind.COFFEE);
        assertThat(m.kindRule()).isEqualTo("after-unanswered-pitch");
        assertThat(m.reason()).isEqualTo("Overdue by 3 weeks for a tier A client: last two-way contact was 4 months ago"
                + " (lunch). Your last two touches were about sales with no reply, so a coffee to catch up, not another"
                + " pitch.");
    }

    static Stream<Arguments> reasons() {
        PlanningCandidate base = candidate(1, 50);
        return Stream.of(
                Arguments.of(Fixtures.withDue(base, Status.INACTIVE, Instant.parse("2025-10-01T00:00:00Z")),
                        "Inactive and overdue by 5 months for a tier B client: no two-way contact on record yet."
                                + " A short call to catch up."),
                Arguments.of(Fixtures.withDue(base, Status.COOLING, Instant.parse("2026-03-09T00:00:00Z")),
                        "Due today for a tier B client: no two-way contact on record yet. A short call to catch up."),
                Arguments.of(Fixtures.with(Fixtures.withDue(base, Status.COOLING, Instant.parse("2026-03-19T00:00:00Z")),
                                "A", null, ClientHistory.none(true), daysAgo(40)),
                        "Due in 10 days for a tier A client: last two-way contact was 5 weeks ago."
                                + " No review meeting on record, so a quarterly review."),
                Arguments.of(Fixtures.with(Fixtures.withDue(base, Status.COOLING, Instant.parse("2026-03-10T00:00:00Z")),
                                "B", MeetingKind.VIDEO, ClientHistory.none(true), null),
                        "Due tomorrow for a tier B client: no two-way contact on record yet. They prefer a video call."),
                Arguments.of(Fixtures.with(base, "C", null,
                                new ClientHistory(0, false, null, 2, 2, Mode.IN_PERSON, daysAgo(20), daysAgo(20),
                                        "coffee", true), daysAgo(20)),
                        "A tier C client with no touch on record: last two-way contact was 2 weeks ago (coffee)."
                                + " You have met in person this year, so a coffee."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("reasons")
    void reasonsReadAloud(PlanningCandidate c, String reason) {
        String actual = plan(ONE_A_DAY, List.of(c), List.of()).meetings().get(0).reason();
        assertThat(actual).isEqualTo(reason).doesNotContainIgnoringCase("past");
    }

    @Test
    void aCandidateIsBuiltFromTheClientAndItsRelationship() {
        Client client = new Client(7, 1, "Ada Lovelace", ClientKind.PERSON, "A", null, NEW_YORK,
                Instant.parse("2026-03-01T00:00:00Z"), null, List.of());
        Relationship r = new Relationship(7, Status.COOLING, "due-soon", "A", 30, Instant.parse("2026-03-12T00:00:00Z"),
                72.5, new LastContact(daysAgo(20), Channel.EMAIL, Direction.OUTBOUND, Intent.SALES, Mode.UNKNOWN, "x"),
                null, null, daysAgo(40), null, null, null, IntentCounts.ZERO, IntentCounts.ZERO, 0.5, 0.2, "", NOW);
        PlanningCandidate c = PlanningCandidate.of(client, r, ClientHistory.none(false), true, MeetingKind.VISIT);
        assertThat(c).isEqualTo(new PlanningCandidate(7, "Ada Lovelace", "A", 72.5,
                Instant.parse("2026-03-12T00:00:00Z"), Status.COOLING, NEW_YORK, Instant.parse("2026-03-01T00:00:00Z"),
                true, MeetingKind.VISIT, ClientHistory.none(false), daysAgo(40), daysAgo(20)));
        assertThatThrownBy(() -> PlanningCandidate.of(client.withId(8), r, ClientHistory.none(false), false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relationship is for client 7, not client 8");
    }
}
