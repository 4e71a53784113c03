package app.rapport.domain.planning;

import app.rapport.domain.client.Client;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One client the planner may propose a meeting with: the facts it needs from the client, its
 * relationship and its history, flattened so the planner stays a pure function.
 *
 * @param priority          0..100 from the relationship, higher first
 * @param dueAt             when the next touch is due (UTC instant), or null when nothing is scheduled
 * @param clientZone        the client's own zone, for their plausible hours
 * @param snoozedUntil      no suggestion before this instant (UTC), or null
 * @param hasOpenSuggestion a proposed or placed suggestion already exists for this client
 * @param preferredKind     the client's preferred kind of meeting, or null
 * @param lastTwoWayAt      the last two-way contact (UTC), or null
 * @param lastContactAt     the last contact that counts (UTC), or null
 */
public record PlanningCandidate(long clientId, String clientName, String tier, double priority, Instant dueAt,
                                Status status, ZoneId clientZone, Instant snoozedUntil, boolean hasOpenSuggestion,
                                MeetingKind preferredKind, ClientHistory history, Instant lastTwoWayAt,
                                Instant lastContactAt) {
    public PlanningCandidate {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(clientZone, "clientZone");
        Objects.requireNonNull(history, "history");
    }

    /** Flattens a client and its relationship; throws IllegalArgumentException when they are for different clients. */
    public static PlanningCandidate of(Client client, Relationship relationship, ClientHistory history,
                                       boolean hasOpenSuggestion, MeetingKind preferredKind) {
        if (client.id() != relationship.clientId()) {
            throw new IllegalArgumentException("relationship is for client " + relationship.clientId()
                    + ", not client " + client.id());
        }
        Instant lastTwoWay = relationship.lastTwoWayAt() != null ? relationship.lastTwoWayAt() : history.lastTwoWayAt();
        return new PlanningCandidate(client.id(), client.name(), client.tier(), relationship.priority(),
                relationship.dueAt(), relationship.status(), client.timeZone(), client.snoozedUntil(),
                hasOpenSuggestion, preferredKind, history, lastTwoWay,
                relationship.lastContact() == null ? null : relationship.lastContact().at());
    }
}
