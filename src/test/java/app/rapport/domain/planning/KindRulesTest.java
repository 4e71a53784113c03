package app.rapport.domain.planning;

import static app.rapport.domain.planning.Fixtures.LONDON;
import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.interaction.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-09T07:00:00Z");

    private static Instant daysAgo(Integer days) {
        return days == null ? null : NOW.minus(Duration.ofDays(days));
    }

    @ParameterizedTest(name = "tier {0}, prefers {1}, review {2}d, run {3}, unanswered {4}, {5}/{6} in person, last in person {7}d, last {8}, local {9} -> {10} by {11}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // a preference wins over everything, a review included whatever the tier
            "A | LUNCH  | NULL | 3 | true  | 0 | 0 | NULL | NULL      | true  | LUNCH  | client-preference",
            "C | REVIEW | NULL | 0 | false | 0 | 0 | NULL | NULL      | true  | REVIEW | client-preference",
            "B | VISIT  | NULL | 0 | false | 0 | 0 | NULL | NULL      | false | VISIT  | client-preference",
            // tier A: a review each quarter
            "A | NULL   | NULL | 0 | false | 0 | 0 | NULL | NULL      | true  | REVIEW | quarterly-review",
            "A | NULL   | 91   | 3 | true  | 2 | 2 | 91   | IN_PERSON | true  | REVIEW | quarterly-review",
            "A | NULL   | 90   | 0 | false | 0 | 0 | NULL | NULL      | true  | CALL   | default-call",
            "B | NULL   | NULL | 0 | false | 0 | 0 | NULL | NULL      | true  | CALL   | default-call",
            // after sales: a non-sales touch, coffee only when local and met in person this year
            "B | NULL   | NULL | 1 | true  | 1 | 3 | 200  | IN_PERSON | true  | COFFEE | after-unanswered-pitch",
            "B | NULL   | NULL | 1 | true  | 1 | 3 | 200  | IN_PERSON | false | CALL   | after-unanswered-pitch",
            "B | NULL   | NULL | 2 | false | 0 | 3 | NULL | VIDEO     | true  | CALL   | after-sales-run",
            "A | NULL   | 30   | 4 | false | 2 | 2 | 30   | IN_PERSON | true  | COFFEE | after-sales-run",
            "B | NULL   | NULL | 1 | false | 0 | 0 | NULL | NULL      | true  | CALL   | default-call",
            // in-person history: lunch for tier A or a long gap, else coffee
            "B | NULL   | NULL | 0 | false | 2 | 4 | 30   | IN_PERSON | true  | COFFEE | in-person-history",
            "B | NULL   | NULL | 0 | false | 1 | 1 | 181  | IN_PERSON | true  | LUNCH  | in-person-history",
            "A | NULL   | 10   | 0 | false | 3 | 3 | 10   | IN_PERSON | true  | LUNCH  | in-person-history",
            "B | NULL   | NULL | 0 | false | 1 | 3 | 30   | VIDEO     | true  | VIDEO  | video-history",
            "B | NULL   | NULL | 0 | false | 2 | 2 | 30   | IN_PERSON | false | CALL   | default-call",
            // otherwise by the last meeting's mode
            "B | NULL   | NULL | 0 | false | 0 | 2 | NULL | VIDEO     | true  | VIDEO  | video-history",
            "C | NULL   | NULL | 0 | false | 0 | 2 | NULL | PHONE     | true  | CALL   | default-call",
    })
    void kindRulesFireInOrderAndNameThemselves(String tier, MeetingKind preferred, Integer reviewDaysAgo, int run,
                                               boolean unanswered, int inPerson, int total, Integer inPersonDaysAgo,
                                               Mode lastMode, boolean local, MeetingKind kind, String rule) {
        ClientHistory h = new ClientHistory(run, unanswered, daysAgo(reviewDaysAgo), inPerson, total, lastMode,
                daysAgo(inPersonDaysAgo), null, null, local);
        PlanningCandidate c = Fixtures.with(Fixtures.candidate(1, 50), tier, preferred, h, null);
        assertThat(KindRules.choose(c, NOW, LONDON)).isEqualTo(new KindDecision(kind, rule));
    }
}
