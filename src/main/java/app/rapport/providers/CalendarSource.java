package app.rapport.providers;

import java.time.Instant;
import java.util.Optional;

/** Reads back what the calendar shows for a hold, so reconcile sees what the user did to it. */
public interface CalendarSource {
    /** The hold as it is now, or empty when it was deleted. */
    Optional<HoldView> hold(long userId, String holdRef);

    /**
     * A hold as the calendar shows it.
     *
     * @param start UTC instant
     * @param end   UTC instant, exclusive
     */
    record HoldView(String holdRef, Instant start, Instant end) {}
}
