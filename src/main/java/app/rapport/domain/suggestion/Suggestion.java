package app.rapport.domain.suggestion;

import app.rapport.domain.planning.MeetingKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A suggested relationship meeting with one client.
 *
 * @param stateRule        why it is in its state, e.g. "planned", "hold-deleted", "contact-before-slot"
 * @param kindRule         the rule that chose the kind
 * @param start            slot start, UTC instant
 * @param end              slot end, UTC instant, exclusive
 * @param reason           the sentence shown to the user
 * @param holdRef          the calendar writer's reference to the hold (or the meeting after accept), or null
 * @param snoozeDays       for dismissed suggestions, the snooze the user chose
 * @param invitationDetail why an invitation failed, or where it went
 */
public record Suggestion(long id, long userId, long clientId, SuggestionState state, String stateRule,
                         MeetingKind kind, String kindRule, Instant start, Instant end, String reason,
                         String holdRef, Integer snoozeDays, InvitationState invitationState,
                         String invitationDetail, Instant createdAt, Instant updatedAt, Instant decidedAt) {
    public Suggestion {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateRule, "stateRule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindRule, "kindRule");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(invitationState, "invitationState");
        if (!end.isAfter(start)) throw new IllegalArgumentException("end must be after start");
    }
}
