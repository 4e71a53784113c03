package app.rapport.domain.user;

import java.time.Instant;

/**
 * A connected source of activity.
 *
 * @param provider "local" (manual logs and the demo), "file" (imports), "microsoft" or "google"
 * @param label    what identifies it to the user, e.g. the mailbox address
 * @param state    e.g. "connected", "reconnect_needed"
 */
public record Account(long id, long userId, String provider, String label, String state, Instant createdAt) {}
