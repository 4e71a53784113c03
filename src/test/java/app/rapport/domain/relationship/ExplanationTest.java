package app.rapport.domain.relationship;

import static app.rapport.domain.relationship.RelationshipScorerTest.NOW;
import static app.rapport.domain.relationship.RelationshipScorerTest.daysAgo;
import static app.rapport.domain.relationship.RelationshipScorerTest.derive;
import static app.rapport.domain.relationship.RelationshipScorerTest.email;
import static app.rapport.domain.relationship.RelationshipScorerTest.in;
import static app.rapport.domain.relationship.RelationshipScorerTest.logged;
import static app.rapport.domain.relationship.RelationshipScorerTest.meeting;
import static app.rapport.domain.relationship.RelationshipScorerTest.out;
import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExplanationTest {

    static Stream<Arguments> hardCases() {
        return Stream.of(
                Arguments.of("unanswered pitches after a lunch", List.of(
                        meeting(daysAgo(150), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON),
                        out(daysAgo(60), Intent.SALES, "subject-proposal", "t1"),
                        out(daysAgo(40), Intent.SALES, "subject-proposal", "t2"),
                        out(daysAgo(20), Intent.SALES, "thread-proposal", "t3")),
                        "Last two-way contact 4 months ago (lunch). Your last three emails were proposals with no reply: "
                                + "suggest a coffee, not a pitch."),
                Arguments.of("mixed pitches never answered, nothing two-way", List.of(
                        in(daysAgo(100), Intent.UNKNOWN, "no-rule-matched", "t0"),
                        out(daysAgo(30), Intent.SALES, "subject-offer", "t1"),
                        out(daysAgo(20), Intent.SALES, "subject-demo", "t2")),
                        "No two-way contact on record. Your last two emails were sales pitches with no reply: "
                                + "suggest a coffee, not a pitch."),
                Arguments.of("unanswered emails that were not pitches", List.of(
                        meeting(daysAgo(45), Intent.RELATIONSHIP, "title-review", Mode.VIDEO),
                        out(daysAgo(30), Intent.ADMIN, "subject-documents", "t1"),
                        out(daysAgo(20), Intent.ADMIN, "subject-signature", "t2")),
                        "Last two-way contact 6 weeks ago (review). Your last two emails got no reply: try a call instead."),
                Arguments.of("only inbound", List.of(
                        in(daysAgo(200), Intent.SERVICE, "subject-question", "t1"),
                        in(daysAgo(120), Intent.UNKNOWN, "no-rule-matched", "t2"),
                        in(daysAgo(70), Intent.SERVICE, "subject-transfer", "t3")),
                        "Only inbound contact: they wrote 3 times this year and you have not met."),
                Arguments.of("only sales", List.of(
                        meeting(daysAgo(80), Intent.SALES, "title-demo", Mode.VIDEO),
                        email(daysAgo(60), Direction.OUTBOUND, true, Intent.SALES, "thread-quote", "t1"),
                        in(daysAgo(61), Intent.SALES, "subject-quote", "t1"),
                        logged(daysAgo(70), Channel.CALL, Direction.OUTBOUND, Intent.SALES, "subject-renewal")),
                        "All 4 contacts in the last 90 days were about sales: make the next one a check-in, not a pitch."),
                Arguments.of("long silence", List.of(
                        logged(daysAgo(250), Channel.CALL, Direction.INBOUND, Intent.SERVICE, "subject-claim"),
                        email(daysAgo(240), Direction.OUTBOUND, true, Intent.SERVICE, "subject-claim", "t1"),
                        meeting(daysAgo(300), Intent.SOCIAL, "title-golf", Mode.IN_PERSON)),
                        "No contact for 7 months (last: your email, claim); a touch was due on 17 Nov 2024."),
                Arguments.of("reply owed by the user", List.of(
                        meeting(daysAgo(40), Intent.SOCIAL, "title-coffee", Mode.IN_PERSON),
                        in(daysAgo(12), Intent.SERVICE, "subject-question", "t1")),
                        "They are waiting for your reply since 3 Jun."),
                Arguments.of("due soon after a video review", List.of(
                        meeting(daysAgo(21), Intent.RELATIONSHIP, "title-review", Mode.VIDEO)),
                        "Last contact 3 weeks ago (review); next touch due in 9 days."),
                Arguments.of("fresh after a call, one email unanswered since", List.of(
                        logged(daysAgo(5), Channel.CALL, Direction.OUTBOUND, Intent.UNKNOWN, "no-rule-matched"),
                        out(daysAgo(2), Intent.ADMIN, "subject-invoice", "t9")),
                        "Last contact 5 days ago (call); next touch due in 3 weeks. Your last email got no reply."),
                Arguments.of("overdue after a visit", List.of(
                        new Interaction(0, 1, 7, 2, "manual", "v1", daysAgo(35), Channel.MEETING, Direction.OUTBOUND, true,
                                "logged-conversation", Intent.UNKNOWN, "no-rule-matched", Mode.IN_PERSON, "logged-visit",
                                null, "Visit")),
                        "Last contact 5 weeks ago (visit); a touch was due on 10 Jun."),
                Arguments.of("nothing at all", List.of(), "No contact on record yet."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardCases")
    void explanationsReadAloud(String why, List<Interaction> interactions, String expected) {
        Relationship r = derive(interactions);
        assertThat(r.explanation()).isEqualTo(expected);
        assertThat(r.explanation().toLowerCase()).doesNotContain("past");
        assertThat(r.statusRule()).doesNotContain("past");
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "2025-06-15, 2025-06-15, today",
            "2025-06-14, 2025-06-15, yesterday",
            "2025-06-10, 2025-06-15, 5 days ago",
            "2025-06-01, 2025-06-15, 2 weeks ago",
            "2025-05-01, 2025-06-15, 6 weeks ago",
            "2025-04-15, 2025-06-15, 2 months ago",
            "2025-01-10, 2025-06-15, 5 months ago",
            "2024-06-15, 2025-06-15, 12 months ago",
            "2023-06-14, 2025-06-15, 2 years ago",
    })
    void relativeTimeInPlainWords(LocalDate from, LocalDate today, String expected) {
        assertThat(Explanations.ago(from, today)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "last contact at {0} seen from {1}: {2}")
    @CsvSource({
            // 23:30 UTC on 14 Jun is already 15 Jun in Berlin, so "today" there and "yesterday" in New York
            "Europe/Berlin,    Last contact today",
            "America/New_York, Last contact yesterday",
    })
    void relativeTimeUsesTheUsersCalendar(ZoneId zone, String expectedStart) {
        Relationship r = derive(RelationshipScorerTest.A, zone, NOW,
                List.of(meeting(java.time.Instant.parse("2025-06-14T23:30:00Z"), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON)));
        assertThat(r.explanation()).startsWith(expectedStart);
    }
}
