package app.rapport.service;

import app.rapport.domain.client.ClientKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A client as the user describes it, before validation against the user's tiers and other clients.
 *
 * @param cadenceDays  per-client cadence override, or null for the tier's
 * @param snoozedUntil no suggestions before then, or null
 * @param emails       addresses as typed
 * @param domains      company domains as typed
 * @param preferredKind the meeting kind the client prefers (call, video, coffee, lunch, review, visit), or null
 */
public record ClientInput(String name, ClientKind kind, String tier, Integer cadenceDays, ZoneId timeZone,
                          Instant snoozedUntil, String notes, List<String> emails, List<String> domains,
                          String preferredKind) {
    public ClientInput {
        emails = emails == null ? List.of() : List.copyOf(emails);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** A client without a preferred meeting kind. */
    public ClientInput(String name, ClientKind kind, String tier, Integer cadenceDays, ZoneId timeZone,
                       Instant snoozedUntil, String notes, List<String> emails, List<String> domains) {
        this(name, kind, tier, cadenceDays, timeZone, snoozedUntil, notes, emails, domains, null);
    }
}
