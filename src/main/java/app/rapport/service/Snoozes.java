package app.rapport.service;

import app.rapport.store.ClientRepository;
import java.time.Instant;

/** Snoozing a client: the planner leaves it alone until then. */
final class Snoozes {
    private Snoozes() {}

    /** Moves the client's snooze forward to {@code until}; never shortens a longer snooze. */
    static void extend(ClientRepository clients, long userId, long clientId, Instant until, Instant now) {
        clients.find(userId, clientId).ifPresent(client -> {
            if (client.snoozedUntil() == null || client.snoozedUntil().isBefore(until)) {
                clients.update(client.withSnoozedUntil(until), now);
            }
        });
    }
}
