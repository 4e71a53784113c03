package app.rapport.domain.suggestion;

import app.rapport.domain.calendar.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Decides what an open suggestion becomes after a calendar change or as time passes, from what
 * the calendar shows for its hold, the contacts since it was made and the busy time around it.
 * The first rule that fires wins:
 * <ol>
 *   <li>slot-passed: the slot has ended → expired (the hold is removed);</li>
 *   <li>contact-before-slot: a real contact with the client happened after the suggestion was made
 *       → superseded (the hold is removed);</li>
 *   <li>hold-deleted: the user deleted the hold → dismissed;</li>
 *   <li>hold-moved: the user moved the hold → the new time is kept;</li>
 *   <li>conflict: busy time now overlaps the slot or its buffers → the hold moves to the next good
 *       slot (unless the user put it there themselves, which they may);</li>
 *   <li>hold-missing: a proposed suggestion without a hold → the hold is placed;</li>
 *   <li>unchanged.</li>
 * </ol>
 */
public final class Reconciler {
    /** Why a suggestion whose hold the user moved is exempt from conflict moves. */
    public static final String MOVED_BY_USER = "hold-moved";

    private Reconciler() {}

    /** What to do with one suggestion. */
    public enum Action { KEEP, EXPIRE, SUPERSEDE, DISMISS, KEEP_NEW_TIME, REPLACE, PLACE }

    /**
     * The decision and the rule that made it; for {@link Action#KEEP_NEW_TIME}, the new slot.
     */
    public record Decision(Action action, String rule, Instant start, Instant end) {
        static Decision of(Action action, String rule) {
            return new Decision(action, rule, null, null);
        }
    }

    /**
     * A hold as the calendar shows it now.
     *
     * @param start UTC instant
     * @param end   UTC instant, exclusive
     */
    public record Hold(Instant start, Instant end) {}

    /**
     * @param suggestion an open suggestion
     * @param hold       the hold as the calendar shows it, or null when there is none (deleted, or never placed)
     * @param contacts   when the user and the client were last in contact, any order
     * @param busy       occurrences around the slot; the suggestion's own hold is ignored
     * @param buffer     the user's buffer around meetings
     */
    public static Decision decide(Suggestion suggestion, Hold hold, Collection<Instant> contacts,
                                  List<Occurrence> busy, Duration buffer, Instant now) {
        if (!suggestion.state().open()) throw new IllegalArgumentException("only open suggestions are reconciled");
        Instant start = hold != null ? hold.start() : suggestion.start();
        Instant end = hold != null ? hold.end() : suggestion.end();
        if (!end.isAfter(now)) return Decision.of(Action.EXPIRE, "slot-passed");
        for (Instant contact : contacts) {
            if (contact.isAfter(suggestion.createdAt()) && !contact.isAfter(now)) {
                return Decision.of(Action.SUPERSEDE, "contact-before-slot");
            }
        }
        if (hold == null) {
            return suggestion.state() == SuggestionState.PLACED
                    ? Decision.of(Action.DISMISS, "hold-deleted")
                    : Decision.of(Action.PLACE, "hold-missing");
        }
        if (!hold.start().equals(suggestion.start()) || !hold.end().equals(suggestion.end())) {
            return new Decision(Action.KEEP_NEW_TIME, MOVED_BY_USER, hold.start(), hold.end());
        }
        if (!MOVED_BY_USER.equals(suggestion.stateRule()) && conflicts(suggestion, busy, buffer)) {
            return Decision.of(Action.REPLACE, "conflict");
        }
        return Decision.of(Action.KEEP, "unchanged");
    }

    static boolean conflicts(Suggestion s, List<Occurrence> busy, Duration buffer) {
        Instant from = s.start().minus(buffer);
        Instant to = s.end().plus(buffer);
        for (Occurrence o : busy) {
            if (!o.blocksPlanning()) continue;
            if (o.suggestionId() != null && o.suggestionId() == s.id()) continue;
            if (o.start().isBefore(to) && o.end().isAfter(from)) return true;
        }
        return false;
    }
}
