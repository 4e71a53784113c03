package app.rapport.domain.interaction;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact event with one client, already classified. Every inferred field carries the name of
 * the rule that decided it so the UI can explain it.
 *
 * @param id          store id (0 before it is stored)
 * @param accountId   the account it came from (the user's local account for manual logs and the demo)
 * @param source      the stream or importer it came from, e.g. "mail_inbox", "calendar", "manual"
 * @param externalId  the provider's id; (accountId, source, externalId, clientId) is unique
 * @param occurredAt  when it happened (sent time, meeting start), UTC instant
 * @param threadId    provider thread / conversation id, or null
 * @param subject     subject or meeting title; null when subjects are switched off
 */
public record Interaction(long id, long userId, long clientId, long accountId, String source, String externalId,
                          Instant occurredAt, Channel channel, Direction direction,
                          boolean twoWay, String twoWayRule,
                          Intent intent, String intentRule,
                          Mode mode, String modeRule,
                          String threadId, String subject) {
    public Interaction {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(intentRule, "intentRule");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(modeRule, "modeRule");
        Objects.requireNonNull(twoWayRule, "twoWayRule");
    }

    /** The same interaction with another two-way decision. */
    public Interaction withTwoWay(boolean newTwoWay, String newTwoWayRule) {
        return new Interaction(id, userId, clientId, accountId, source, externalId, occurredAt, channel, direction,
                newTwoWay, newTwoWayRule, intent, intentRule, mode, modeRule, threadId, subject);
    }

    /** The same interaction with another subject (null to drop it). */
    public Interaction withSubject(String newSubject) {
        return new Interaction(id, userId, clientId, accountId, source, externalId, occurredAt, channel, direction,
                twoWay, twoWayRule, intent, intentRule, mode, modeRule, threadId, newSubject);
    }
}
