package app.rapport.domain.planning;

import java.time.Instant;
import java.util.List;

/**
 * The result of one plan run.
 *
 * @param meetings   proposed meetings, in the order they were placed (highest priority first)
 * @param skipped    candidates left out, in the order they were considered
 * @param horizonEnd the end of the planning horizon (UTC)
 */
public record Plan(List<PlannedMeeting> meetings, List<Skipped> skipped, Instant horizonEnd) {
    public Plan {
        meetings = List.copyOf(meetings);
        skipped = List.copyOf(skipped);
    }
}
