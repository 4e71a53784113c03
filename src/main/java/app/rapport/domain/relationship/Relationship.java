package app.rapport.domain.relationship;

import java.time.Instant;

/**
 * The derived state of one client's relationship, recomputed from its interactions.
 *
 * @param cadenceDays       effective cadence: the client's override or its tier's
 * @param dueAt             when the next touch is due (UTC instant; midnight in the user's zone)
 * @param priority          0..100, higher is more urgent
 * @param lastContact       the last contact that counts, or null if none
 * @param awaitingReplyFrom who owes a reply in the latest open thread, or null
 * @param reciprocity       0..1: the client's share of the contacts initiated over 365 days (0.5 is balanced)
 * @param salesShare        0..1: the share of sales among contacts with a known intent over 90 days
 * @param statusRule        the rule that decided the status
 * @param explanation       one plain sentence a salesperson can read aloud
 */
public record Relationship(long clientId, Status status, String statusRule, String tier, int cadenceDays,
                           Instant dueAt, double priority, LastContact lastContact,
                           Instant lastInboundAt, Instant lastOutboundAt, Instant lastTwoWayAt,
                           Instant lastMeetingAt, Instant lastNonSalesAt, Party awaitingReplyFrom,
                           IntentCounts counts90d, IntentCounts counts365d, double reciprocity,
                           double salesShare, String explanation, Instant computedAt) {}
