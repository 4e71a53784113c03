package app.rapport.config;

import java.util.Set;

/**
 * Fetching activity from connected accounts.
 *
 * @param backfillMonths how far back a new account's first sync reads, in months (0: from now on)
 * @param pollMinutes    minutes between polls when push notifications do not arrive, at least 1
 * @param push           "auto" (change notifications when server.publicUrl is https), "on" or "off"
 * @param maxAttempts    failed attempts in a row before a stream shows an error and waits for the next poll
 */
public record SyncConfig(int backfillMonths, int pollMinutes, String push, int maxAttempts) {
    public static final Set<String> PUSH_MODES = Set.of("auto", "on", "off");

    /** True when providers should be asked to notify {@code publicUrl} of changes. */
    public boolean pushTo(String publicUrl) {
        return switch (push) {
            case "on" -> true;
            case "off" -> false;
            default -> publicUrl.startsWith("https://");
        };
    }
}
