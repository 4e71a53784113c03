package app.rapport.domain.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.suggestion.Reconciler.Action;
import app.rapport.domain.suggestion.Reconciler.Decision;
import app.rapport.domain.suggestion.Reconciler.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    static final Instant CREATED = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant START = Instant.parse("2026-11-25T14:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(45));
    static final Duration BUFFER = Duration.ofMinutes(15);
    static final Hold SAME = new Hold(START, END);

    static Suggestion suggestion(SuggestionState state, String rule) {
        return new Suggestion(7, 1, 3, state, rule, MeetingKind.COFFEE, "in-person-history", START, END, "reason",
                state == SuggestionState.PLACED ? "42" : null, null, InvitationState.NONE, null, CREATED, CREATED, null);
    }

    static Occurrence busy(String from, String to, ShowAs showAs, Long suggestionId) {
        return new Occurrence(1, "u", "busy", Instant.parse(from), Instant.parse(to), false, showAs,
                suggestionId == null ? EntryKind.EVENT : EntryKind.HOLD, suggestionId);
    }

    static Stream<Arguments> transitions() {
        Suggestion placed = suggestion(SuggestionState.PLACED, "hold-placed");
        Suggestion proposed = suggestion(SuggestionState.PROPOSED, "planned");
        return Stream.of(
                Arguments.of("untouched hold is kept", placed, SAME, List.of(), List.of(), NOW, Action.KEEP, "unchanged"),
                Arguments.of("slot that has ended expires", placed, SAME, List.of(), List.of(), END, Action.EXPIRE, "slot-passed"),
                Arguments.of("ended slot expires even without a hold", placed, null, List.of(), List.of(),
                        END.plusSeconds(60), Action.EXPIRE, "slot-passed"),
                Arguments.of("contact after the suggestion supersedes it", placed, SAME,
                        List.of(Instant.parse("2026-11-22T09:00:00Z")), List.of(), NOW, Action.SUPERSEDE, "contact-before-slot"),
                Arguments.of("contact before the suggestion was made changes nothing", placed, SAME,
                        List.of(Instant.parse("2026-11-19T09:00:00Z")), List.of(), NOW, Action.KEEP, "unchanged"),
                Arguments.of("deleted hold dismisses", placed, null, List.of(), List.of(), NOW, Action.DISMISS, "hold-deleted"),
                Arguments.of("proposed without a hold gets one placed", proposed, null, List.of(), List.of(), NOW,
                        Action.PLACE, "hold-missing"),
                Arguments.of("moved hold keeps the new time", placed,
                        new Hold(START.plus(Duration.ofHours(2)), END.plus(Duration.ofHours(2))), List.of(), List.of(), NOW,
                        Action.KEEP_NEW_TIME, "hold-moved"),
                Arguments.of("busy event over the slot is a conflict", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T14:30:00Z", "2026-11-25T15:30:00Z", ShowAs.BUSY, null)), NOW,
                        Action.REPLACE, "conflict"),
                Arguments.of("busy event inside the buffer is a conflict", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T13:00:00Z", "2026-11-25T13:50:00Z", ShowAs.BUSY, null)), NOW,
                        Action.REPLACE, "conflict"),
                Arguments.of("busy event just outside the buffer is not", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T13:00:00Z", "2026-11-25T13:45:00Z", ShowAs.BUSY, null)), NOW,
                        Action.KEEP, "unchanged"),
                Arguments.of("a free event is no conflict", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T14:00:00Z", "2026-11-25T15:00:00Z", ShowAs.FREE, null)), NOW,
                        Action.KEEP, "unchanged"),
                Arguments.of("its own hold is no conflict", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T14:00:00Z", "2026-11-25T14:45:00Z", ShowAs.TENTATIVE, 7L)), NOW,
                        Action.KEEP, "unchanged"),
                Arguments.of("another hold over the slot is a conflict", placed, SAME, List.of(),
                        List.of(busy("2026-11-25T14:00:00Z", "2026-11-25T14:45:00Z", ShowAs.TENTATIVE, 8L)), NOW,
                        Action.REPLACE, "conflict"),
                Arguments.of("a slot the user moved onto busy time stays", suggestion(SuggestionState.PLACED, "hold-moved"),
                        SAME, List.of(), List.of(busy("2026-11-25T14:00:00Z", "2026-11-25T15:00:00Z", ShowAs.BUSY, null)),
                        NOW, Action.KEEP, "unchanged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void decidesEachTransition(String name, Suggestion s, Hold hold, List<Instant> contacts, List<Occurrence> busy,
                               Instant now, Action action, String rule) {
        Decision d = Reconciler.decide(s, hold, contacts, busy, BUFFER, now);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.rule()).isEqualTo(rule);
        if (action == Action.KEEP_NEW_TIME) {
            assertThat(d.start()).isEqualTo(hold.start());
            assertThat(d.end()).isEqualTo(hold.end());
        }
    }

    @Test
    void closedSuggestionsAreNotReconciled() {
        assertThatThrownBy(() -> Reconciler.decide(suggestion(SuggestionState.ACCEPTED, "accepted"), SAME, List.of(),
                List.of(), BUFFER, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finalStatesLeadNowhere() {
        for (SuggestionState s : List.of(SuggestionState.ACCEPTED, SuggestionState.DISMISSED, SuggestionState.EXPIRED,
                SuggestionState.SUPERSEDED)) {
            assertThat(s.next()).isEmpty();
            assertThat(s.open()).isFalse();
        }
        assertThat(SuggestionState.PLACED.canMoveTo(SuggestionState.ACCEPTED)).isTrue();
        assertThat(SuggestionState.PLACED.canMoveTo(SuggestionState.PROPOSED)).isFalse();
    }
}
