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
 */
public record ClientInput(String name, ClientKind kind, String tier, Integer cadenceDays, ZoneId timeZone,
                          Instant snoozedUntil, String notes, List<String> emails, List<String> domains) {
    public ClientInput {
        emails = emails == null ? List.of() : List.copyOf(emails);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }
}
