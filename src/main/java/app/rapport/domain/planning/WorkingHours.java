package app.rapport.domain.planning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The user's working hours: for each day of the week an optional start and end, as wall-clock times
 * in the user's own zone ({@link PlanningSettings#zone()}). A day missing from the map is a day off.
 * The end is exclusive and must be after the start on the same day (no windows across midnight).
 *
 * @param days the working window per day; days left out are off
 */
public record WorkingHours(Map<DayOfWeek, Window> days) {

    /**
     * One day's window, user-local wall-clock time.
     *
     * @param start first minute a meeting may start
     * @param end   the time every meeting must have ended by
     */
    public record Window(LocalTime start, LocalTime end) {}

    public WorkingHours {
        Objects.requireNonNull(days, "days");
        EnumMap<DayOfWeek, Window> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!days.containsKey(day)) continue;
            Window w = days.get(day);
            if (w == null) continue;
            if (w.start() == null) throw new IllegalArgumentException("working hours for " + day + ": start is missing");
            if (w.end() == null) throw new IllegalArgumentException("working hours for " + day + ": end is missing");
            if (!w.end().isAfter(w.start())) {
                throw new IllegalArgumentException("working hours for " + day + ": end " + w.end()
                        + " must be after start " + w.start());
            }
            copy.put(day, w);
        }
        days = Collections.unmodifiableMap(copy);
    }

    /** Monday to Friday, 09:00 to 17:30; weekends off. */
    public static WorkingHours standard() {
        return weekdays(LocalTime.of(9, 0), LocalTime.of(17, 30));
    }

    /** The same window Monday to Friday; weekends off. */
    public static WorkingHours weekdays(LocalTime start, LocalTime end) {
        EnumMap<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) map.put(d, new Window(start, end));
        }
        return new WorkingHours(map);
    }

    /** A copy with {@code day} working from {@code start} to {@code end}. */
    public WorkingHours with(DayOfWeek day, LocalTime start, LocalTime end) {
        EnumMap<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        map.putAll(days);
        map.put(day, new Window(start, end));
        return new WorkingHours(map);
    }

    /** A copy with {@code day} off. */
    public WorkingHours off(DayOfWeek day) {
        EnumMap<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        map.putAll(days);
        map.remove(day);
        return new WorkingHours(map);
    }

    /** The window on {@code day}, or null when the day is off. */
    public Window on(DayOfWeek day) {
        return days.get(day);
    }
}
