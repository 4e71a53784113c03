package app.rapport.domain.planning;

import app.rapport.domain.calendar.Occurrence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one plan run needs.
 *
 * @param now          the time of the run (UTC instant); nothing is proposed before now plus the lead time
 * @param settings     the user's planning settings, including their zone
 * @param candidates   clients the planner may consider, in any order; each client at most once
 * @param busy         the user's calendar occurrences over the horizon, recurrences expanded, holds of existing
 *                     suggestions included (they block like any tentative event)
 * @param placedStarts starts (UTC) of suggestions already placed before this run; they count towards the
 *                     daily and weekly caps
 */
public record PlanRequest(Instant now, PlanningSettings settings, List<PlanningCandidate> candidates,
                          List<Occurrence> busy, List<Instant> placedStarts) {
    public PlanRequest {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(settings, "settings");
        candidates = List.copyOf(candidates);
        busy = List.copyOf(busy);
        placedStarts = placedStarts == null ? List.of() : List.copyOf(placedStarts);
    }
}
