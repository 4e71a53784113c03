package app.rapport.config;

/**
 * Fetching activity from connected accounts.
 *
 * @param backfillMonths how far back a new account's first sync reads, in months (0: from now on)
 * @param pollMinutes    minutes between polls when push notifications do not arrive, at least 1
 */
public record SyncConfig(int backfillMonths, int pollMinutes) {}
