package app.rapport.sync;

import java.time.Instant;
import java.util.Map;

/**
 * The state and health of one stream of one account.
 *
 * @param phase            {@link #BACKFILL} until the first round completes, then {@link #INCREMENTAL}
 * @param state            {@link #IDLE}, {@link #SYNCING}, {@link #ERROR} (attempts exhausted; retried at the next
 *                         poll) or {@link #PAUSED} (the account needs reconnecting)
 * @param cursorUrl        the link to fetch next: a nextLink inside a round, the deltaLink between rounds, null to start over
 * @param cursorIsDelta    true when {@code cursorUrl} is a deltaLink (the last round completed)
 * @param windowStart      the oldest time this stream keeps (mail older is ignored; the calendar view starts here)
 * @param windowEnd        where the calendar view of the current cursor ends; null for mail
 * @param requestedAt      a notification or "sync now" asked for a round at this time
 * @param backfillSeen     items read in the current backfill
 * @param backfillEstimate what the provider says the folder holds, for a progress bar; null when unknown
 * @param providerTotal    the provider's item count at the last completeness check
 * @param storedTotal      distinct items Rapport holds for the stream at that check (interactions and ignored)
 */
public record SyncStream(long accountId, Stream stream, String phase, String state, String cursorUrl,
                         boolean cursorIsDelta, Instant windowStart, Instant windowEnd, Instant roundStartedAt, Instant requestedAt,
                         long rounds, long restarts, long itemsSeen, long itemsStored, long itemsRemoved,
                         Map<String, Long> ignored, Map<String, Long> rejected, long backfillSeen, Long backfillEstimate,
                         Long providerTotal, Long storedTotal, Instant checkedAt, int attempts, String lastError,
                         Instant lastErrorAt, Instant lastSuccessAt, Instant updatedAt) {
    public static final String BACKFILL = "backfill";
    public static final String INCREMENTAL = "incremental";
    public static final String IDLE = "idle";
    public static final String SYNCING = "syncing";
    public static final String ERROR = "error";
    public static final String PAUSED = "paused";

    public SyncStream {
        ignored = Map.copyOf(ignored);
        rejected = Map.copyOf(rejected);
    }
}
