package app.rapport.domain.planning;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the planner may use the user's time.
 *
 * @param zone         the user's own zone: working hours, meal times, the 15-minute grid, days and ISO weeks
 *                     for the caps are all wall-clock rules in this zone
 * @param workingHours when the user works, wall-clock in {@code zone}
 * @param maxPerDay    most suggested meetings on one user-local date, counting ones already placed (&ge; 1; default 2)
 * @param maxPerWeek   most suggested meetings in one ISO week (Monday to Sunday, user-local), counting ones already
 *                     placed (&ge; 1; default 8)
 * @param buffer       free time kept before and after every busy block and every placed suggestion
 *                     (0 to 4 hours; default 15 minutes)
 * @param horizonDays  how far ahead to plan, in user-local calendar days from now (1..90; default 14)
 * @param durations    how long each kind of meeting lasts (each 5 minutes to 8 hours); kinds left out take the
 *                     default: call 30 min, video 30, coffee 45, lunch 75, review 60, visit 60
 * @param minLeadTime  no slot starts sooner than now plus this (0 to 14 days; default 2 hours)
 */
public record PlanningSettings(ZoneId zone, WorkingHours workingHours, int maxPerDay, int maxPerWeek, Duration buffer,
                               int horizonDays, Map<MeetingKind, Duration> durations, Duration minLeadTime) {

    /** The default duration of each kind. */
    public static final Map<MeetingKind, Duration> DEFAULT_DURATIONS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            MeetingKind.CALL, Duration.ofMinutes(30),
            MeetingKind.VIDEO, Duration.ofMinutes(30),
            MeetingKind.COFFEE, Duration.ofMinutes(45),
            MeetingKind.LUNCH, Duration.ofMinutes(75),
            MeetingKind.REVIEW, Duration.ofMinutes(60),
            MeetingKind.VISIT, Duration.ofMinutes(60))));

    public PlanningSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workingHours, "workingHours");
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(minLeadTime, "minLeadTime");
        if (maxPerDay < 1) throw new IllegalArgumentException("maxPerDay cannot be less than 1, was " + maxPerDay);
        if (maxPerWeek < 1) throw new IllegalArgumentException("maxPerWeek cannot be less than 1, was " + maxPerWeek);
        if (buffer.isNegative() || buffer.compareTo(Duration.ofHours(4)) > 0) {
            throw new IllegalArgumentException("buffer must be between 0 and 4 hours, was " + buffer);
        }
        if (horizonDays < 1 || horizonDays > 90) {
            throw new IllegalArgumentException("horizonDays must be between 1 and 90, was " + horizonDays);
        }
        if (minLeadTime.isNegative() || minLeadTime.compareTo(Duration.ofDays(14)) > 0) {
            throw new IllegalArgumentException("minLeadTime must be between 0 and 14 days, was " + minLeadTime);
        }
        EnumMap<MeetingKind, Duration> all = new EnumMap<>(DEFAULT_DURATIONS);
        if (durations != null) {
            for (Map.Entry<MeetingKind, Duration> e : durations.entrySet()) {
                Duration d = e.getValue();
                if (e.getKey() == null || d == null) throw new IllegalArgumentException("durations cannot hold nulls");
                if (d.compareTo(Duration.ofMinutes(5)) < 0 || d.compareTo(Duration.ofHours(8)) > 0) {
                    throw new IllegalArgumentException("durations." + e.getKey().wire()
                            + " must be between 5 minutes and 8 hours, was " + d);
                }
                all.put(e.getKey(), d);
            }
        }
        durations = Collections.unmodifiableMap(all);
    }

    /** Standard working hours and every default, in the user's {@code zone}. */
    public static PlanningSettings defaults(ZoneId zone) {
        return new PlanningSettings(zone, WorkingHours.standard(), 2, 8, Duration.ofMinutes(15), 14,
                DEFAULT_DURATIONS, Duration.ofHours(2));
    }

    /** How long a meeting of {@code kind} lasts. */
    public Duration durationOf(MeetingKind kind) {
        return durations.get(kind);
    }

    public PlanningSettings withWorkingHours(WorkingHours value) {
        return new PlanningSettings(zone, value, maxPerDay, maxPerWeek, buffer, horizonDays, durations, minLeadTime);
    }

    public PlanningSettings withCaps(int perDay, int perWeek) {
        return new PlanningSettings(zone, workingHours, perDay, perWeek, buffer, horizonDays, durations, minLeadTime);
    }

    public PlanningSettings withBuffer(Duration value) {
        return new PlanningSettings(zone, workingHours, maxPerDay, maxPerWeek, value, horizonDays, durations, minLeadTime);
    }

    public PlanningSettings withHorizonDays(int value) {
        return new PlanningSettings(zone, workingHours, maxPerDay, maxPerWeek, buffer, value, durations, minLeadTime);
    }

    public PlanningSettings withMinLeadTime(Duration value) {
        return new PlanningSettings(zone, workingHours, maxPerDay, maxPerWeek, buffer, horizonDays, durations, value);
    }
}
