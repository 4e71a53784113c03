package app.rapport.providers;

import app.rapport.domain.interaction.MailMessage;
import app.rapport.sync.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads one stream of a provider account page by page, following the provider's cursor. */
public interface StreamReader {
    /**
     * The page after {@code cursor}; a null cursor starts a full round.
     *
     * @param windowStart the oldest time kept (the calendar view begins here)
     * @param windowEnd   where the calendar view ends
     * @throws SyncFailure classified by kind
     */
    Page read(long accountId, Stream stream, String cursor, Instant windowStart, Instant windowEnd);

    /** How many items the provider holds for the stream, or null when it cannot say cheaply. */
    Long total(long accountId, Stream stream);

    /**
     * One page. {@code next} is the cursor to store with it; {@code roundComplete} says it is the
     * cursor for the next round rather than the next page of this one.
     *
     * @param partialUpdates changes that carried no content (a read flag): nothing to store
     * @param rejected       items that could not be read, per reason; logged and counted, never fatal
     */
    record Page(List<MailMessage> mail, List<CalendarItem> events, List<String> removedIds, int partialUpdates,
                Map<String, Long> rejected, String next, boolean roundComplete) {}
}
