package app.rapport.domain.client;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A person, household or company the user serves.
 *
 * @param id                  store id (0 before it is stored)
 * @param userId              the owning user
 * @param cadenceOverrideDays per-client cadence in days, or null to use the tier's
 * @param timeZone            the client's own zone, used for plausible meeting hours
 * @param snoozedUntil        no suggestions before this instant, or null
 * @param preferredKind       the wire name of the meeting kind the client prefers (call, coffee...), or null
 */
public record Client(long id, long userId, String name, ClientKind kind, String tier,
                     Integer cadenceOverrideDays, ZoneId timeZone, Instant snoozedUntil,
                     String notes, List<Identity> identities, String preferredKind) {
    /** A client with no preferred meeting kind. */
    public Client(long id, long userId, String name, ClientKind kind, String tier, Integer cadenceOverrideDays,
                  ZoneId timeZone, Instant snoozedUntil, String notes, List<Identity> identities) {
        this(id, userId, name, kind, tier, cadenceOverrideDays, timeZone, snoozedUntil, notes, identities, null);
    }

    public Client {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(timeZone, "timeZone");
        identities = List.copyOf(identities);
    }

    public Client withId(long newId) {
        return new Client(newId, userId, name, kind, tier, cadenceOverrideDays, timeZone, snoozedUntil, notes, identities,
                preferredKind);
    }

    public Client withSnoozedUntil(Instant until) {
        return new Client(id, userId, name, kind, tier, cadenceOverrideDays, timeZone, until, notes, identities,
                preferredKind);
    }
}
