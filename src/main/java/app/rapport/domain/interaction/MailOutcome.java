package app.rapport.domain.interaction;

import java.util.List;
import java.util.Objects;

/**
 * What one mail message amounts to: interactions (one per client it involves), or the reason it is
 * not contact.
 *
 * @param interactions   empty when ignored
 * @param ignoredReason  null when the message is contact; otherwise a kebab-case reason: one of
 *                       {@link BulkMailDetector}'s, or no-sender, no-date, no-id, colleague-sender,
 *                       unknown-sender, own-or-colleague-only, no-client-address
 */
public record MailOutcome(List<Interaction> interactions, String ignoredReason) {
    public MailOutcome {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
        if (ignoredReason != null && !interactions.isEmpty()) {
            throw new IllegalArgumentException("an ignored message has no interactions");
        }
    }

    public static MailOutcome ignored(String reason) {
        return new MailOutcome(List.of(), Objects.requireNonNull(reason, "reason"));
    }

    public static MailOutcome contact(List<Interaction> interactions) {
        return new MailOutcome(interactions, null);
    }

    public boolean isIgnored() {
        return ignoredReason != null;
    }
}
