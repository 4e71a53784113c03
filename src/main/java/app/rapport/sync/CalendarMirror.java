package app.rapport.sync;

import app.rapport.providers.CalendarItem;
import java.util.List;

/**
 * Keeps Rapport's copy of a provider calendar, which free/busy, the week view and reconcile read.
 * Called inside the transaction that commits the page and its cursor.
 */
public interface CalendarMirror {
    /**
     * Applies one page: events added or changed, and ids removed from the calendar.
     *
     * @param round a number that grows with every round of the stream; stored with each event seen
     */
    void apply(long userId, long accountId, long round, List<CalendarItem> changed, List<String> removedIds);

    /** After a full round: drops the account's events that round did not see (deleted while no cursor held them). */
    void sweep(long userId, long accountId, long round);
}
