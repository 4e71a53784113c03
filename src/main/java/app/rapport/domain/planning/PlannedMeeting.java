package app.rapport.domain.planning;

import java.time.Instant;

/**
 * One meeting the planner proposes.
 *
 * @param kindRule the rule that chose the kind, e.g. "after-sales-run"
 * @param start    UTC instant, on the user's 15-minute grid
 * @param end      UTC instant, exclusive
 * @param reason   one or two plain sentences a salesperson can read aloud
 */
public record PlannedMeeting(long clientId, String clientName, MeetingKind kind, String kindRule, Instant start,
                             Instant end, String reason) {}
