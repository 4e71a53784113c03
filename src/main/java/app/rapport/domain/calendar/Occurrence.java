package app.rapport.domain.calendar;

import java.time.Instant;

/**
 * One concrete instance of a calendar entry inside a window, after recurrences are expanded.
 *
 * @param entryId      the entry it came from (its master for a series)
 * @param start        UTC instant
 * @param end          UTC instant, exclusive
 * @param suggestionId for holds and accepted meetings, the suggestion; otherwise null
 */
public record Occurrence(long entryId, String uid, String summary, Instant start, Instant end, boolean allDay,
                         ShowAs showAs, EntryKind kind, Long suggestionId) {
    /** True when this instance keeps the planner from using its time. */
    public boolean blocksPlanning() {
        return showAs != ShowAs.FREE;
    }
}
