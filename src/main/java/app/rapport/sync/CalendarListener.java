package app.rapport.sync;

/**
 * Told when a round of a provider calendar changed something, so that what depends on the
 * calendar follows: reconcile sees holds the user deleted or moved in Outlook, and a client's
 * decline of an accepted meeting is shown.
 */
@FunctionalInterface
public interface CalendarListener {
    void calendarChanged(long userId, long accountId);

    /**
     * Before a calendar round reads its first page, for what the round should keep fresh besides
     * events (the mailbox's working hours). A failure here does not stop the round.
     *
     * @param fullRound the round reads the whole calendar view from scratch (first sync, a moved
     *                  window or an expired cursor)
     */
    default void roundStarting(long userId, long accountId, boolean fullRound) {}
}
