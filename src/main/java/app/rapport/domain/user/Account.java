package app.rapport.domain.user;

import java.time.Instant;

/**
 * A connected source of activity.
 *
 * @param provider    "local" (manual logs and the demo), "file" (imports), "microsoft" or "google"
 * @param label       what identifies it to the user, e.g. the mailbox address
 * @param state       {@link #CONNECTED}, {@link #RECONNECT_NEEDED} or {@link #DISCONNECTED}
 * @param stateDetail why the account needs attention, in a sentence; null when it does not
 * @param externalId  the provider's id for the mailbox (Graph user id), or null
 */
public record Account(long id, long userId, String provider, String label, String state, Instant createdAt,
                      String stateDetail, String externalId) {
    public static final String CONNECTED = "connected";
    public static final String RECONNECT_NEEDED = "reconnect_needed";
    public static final String DISCONNECTED = "disconnected";
    public static final String MICROSOFT = "microsoft";

    public Account(long id, long userId, String provider, String label, String state, Instant createdAt) {
        this(id, userId, provider, label, state, createdAt, null, null);
    }

    public boolean connected() {
        return CONNECTED.equals(state);
    }
}
