package app.rapport.providers;

import app.rapport.domain.calendar.Occurrence;
import java.time.Instant;
import java.util.List;

/** The user's calendar time, as the planner needs it. */
public interface FreeBusy {
    /**
     * Every instance overlapping [from, to): events with recurrences expanded, holds and meetings,
     * sorted by start. Free (transparent) events are included with {@code showAs FREE}; the caller
     * decides what blocks.
     */
    List<Occurrence> occurrences(long userId, Instant from, Instant to);
}
