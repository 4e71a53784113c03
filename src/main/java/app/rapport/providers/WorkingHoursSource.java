package app.rapport.providers;

import app.rapport.domain.planning.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Working hours a user's connected calendar keeps (Outlook's mailbox settings), for the planner. */
public interface WorkingHoursSource {
    /** No connected calendar says anything. */
    WorkingHoursSource NONE = (userId, zone, now) -> Optional.empty();

    /**
     * The hours as wall-clock time in {@code zone} (the user's own zone), or empty when no connected
     * calendar keeps any.
     */
    Optional<WorkingHours> workingHours(long userId, ZoneId zone, Instant now);
}
