package app.rapport.domain.planning;

import static app.rapport.domain.planning.Fixtures.LONDON;
import static app.rapport.domain.planning.Fixtures.NEW_YORK;
import static app.rapport.domain.planning.Fixtures.meeting;
import static app.rapport.domain.planning.Fixtures.touch;
import static app.rapport.domain.interaction.Channel.CALL;
import static app.rapport.domain.interaction.Channel.EMAIL;
import static app.rapport.domain.interaction.Channel.NOTE;
import static app.rapport.domain.interaction.Direction.INBOUND;
import static app.rapport.domain.interaction.Direction.OUTBOUND;
import static app.rapport.domain.interaction.Intent.ADMIN;
import static app.rapport.domain.interaction.Intent.RELATIONSHIP;
import static app.rapport.domain.interaction.Intent.SALES;
import static app.rapport.domain.interaction.Intent.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientHistoryTest {
    private static final Instant NOW = Instant.parse("2026-03-09T07:00:00Z");

    static Stream<Arguments> salesRuns() {
        return Stream.of(
                Arguments.of("no contact", List.of(), 0, false),
                Arguments.of("two unanswered sales emails", List.of(
                        touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false),
                        touch("2026-02-15T10:00:00Z", EMAIL, OUTBOUND, SALES, false)), 2, true),
                Arguments.of("an inbound reply ends the run", List.of(
                        touch("2026-01-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false),
                        touch("2026-02-01T10:00:00Z", EMAIL, INBOUND, SALES, true),
                        touch("2026-02-15T10:00:00Z", EMAIL, OUTBOUND, SALES, false)), 1, true),
                Arguments.of("a service email ends the run; the older sales email is still unanswered", List.of(
                        touch("2026-01-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false),
                        touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SERVICE, false),
                        touch("2026-02-15T10:00:00Z", CALL, OUTBOUND, SALES, false)), 1, true),
                Arguments.of("a sales call is not an unanswered email", List.of(
                        touch("2026-02-15T10:00:00Z", CALL, OUTBOUND, SALES, false)), 1, false),
                Arguments.of("a reply after the pitch answers it", List.of(
                        touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false),
                        touch("2026-02-02T10:00:00Z", EMAIL, INBOUND, ADMIN, true)), 0, false),
                Arguments.of("a pitch answered in its thread is not unanswered", List.of(
                        touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SALES, true)), 1, false),
                Arguments.of("notes and future contacts are ignored", List.of(
                        touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false),
                        touch("2026-02-10T10:00:00Z", NOTE, INBOUND, ADMIN, false),
                        touch("2026-03-20T10:00:00Z", EMAIL, INBOUND, ADMIN, true)), 1, true));
    }

    @ParameterizedTest(name = "{0}: run {2}, unanswered {3}")
    @MethodSource("salesRuns")
    void salesRunsAndUnansweredPitchesComeFromTheNewestContacts(String name, List<Interaction> list, int run,
                                                                boolean unanswered) {
        List<Interaction> shuffled = new ArrayList<>(list);
        Collections.reverse(shuffled);
        ClientHistory h = ClientHistory.of(shuffled, LONDON, LONDON, NOW);
        assertThat(h.trailingSalesRun()).isEqualTo(run);
        assertThat(h.unansweredPitch()).isEqualTo(unanswered);
    }

    @Test
    void meetingsCountOverTheLastYearAndReviewsAreFoundByRuleOrSubject() {
        List<Interaction> list = List.of(
                meeting("2024-12-01T12:00:00Z", Mode.IN_PERSON, RELATIONSHIP, "title-lunch", "Lunch"),
                meeting("2025-06-01T12:00:00Z", Mode.IN_PERSON, RELATIONSHIP, "title-review", "Annual review"),
                meeting("2025-09-01T12:00:00Z", Mode.VIDEO, SERVICE, "no-rule-matched", "Portfolio Review Q3"),
                meeting("2026-01-10T12:00:00Z", Mode.IN_PERSON, RELATIONSHIP, "title-lunch", "Lunch at Rules"),
                meeting("2026-02-20T12:00:00Z", Mode.VIDEO, ADMIN, "scheduling", "Catch-up"));
        ClientHistory h = ClientHistory.of(list, LONDON, LONDON, NOW);
        assertThat(h.totalMeetings365d()).isEqualTo(4);
        assertThat(h.inPersonMeetings365d()).isEqualTo(2);
        assertThat(h.lastMeetingMode()).isEqualTo(Mode.VIDEO);
        assertThat(h.lastReviewAt()).isEqualTo(Instant.parse("2025-09-01T12:00:00Z"));
        assertThat(h.lastInPersonAt()).isEqualTo(Instant.parse("2026-01-10T12:00:00Z"));
        assertThat(h.lastTwoWayAt()).isEqualTo(Instant.parse("2026-02-20T12:00:00Z"));
        assertThat(h.lastTwoWayLabel()).isEqualTo("video call");
    }

    @Test
    void theLastTwoWayContactIsLabelledForTheReason() {
        ClientHistory h = ClientHistory.of(List.of(
                meeting("2025-11-01T12:00:00Z", Mode.IN_PERSON, RELATIONSHIP, "title-lunch", "Lunch"),
                touch("2026-02-01T10:00:00Z", EMAIL, OUTBOUND, SALES, false)), LONDON, LONDON, NOW);
        assertThat(h.lastTwoWayAt()).isEqualTo(Instant.parse("2025-11-01T12:00:00Z"));
        assertThat(h.lastTwoWayLabel()).isEqualTo("lunch");
    }

    static Stream<Arguments> zones() {
        return Stream.of(
                Arguments.of(LONDON, LONDON, "2026-03-09T07:00:00Z", true),
                Arguments.of(LONDON, ZoneId.of("Europe/Lisbon"), "2026-03-09T07:00:00Z", true),
                Arguments.of(LONDON, ZoneId.of("Europe/Paris"), "2026-03-09T07:00:00Z", false),
                Arguments.of(LONDON, NEW_YORK, "2026-03-09T07:00:00Z", false),
                // offsets are compared at now: Dublin and London agree all year
                Arguments.of(LONDON, ZoneId.of("Europe/Dublin"), "2026-07-01T07:00:00Z", true));
    }

    @ParameterizedTest(name = "user {0}, client {1} at {2}: local {3}")
    @MethodSource("zones")
    void aClientIsLocalWhenBothZonesShareTheirOffsetNow(ZoneId user, ZoneId client, String now, boolean local) {
        assertThat(ClientHistory.of(List.of(), user, client, Instant.parse(now)).clientIsLocal()).isEqualTo(local);
    }
}
