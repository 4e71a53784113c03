package app.rapport.sync;

/**
 * Told when a round of a provider calendar changed something, so that what depends on the
 * calendar follows: reconcile sees holds the user deleted or moved in Outlook, and a client's
 * decline of an accepted meeting is shown.
 */
@FunctionalInterface
public interface CalendarListener {
    void calendarChanged(long userId, long accountId);
}
