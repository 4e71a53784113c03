package app.rapport.domain.planning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
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

    /** The latest end a window can have here: a day's hours never run past midnight. */
    public static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

    /**
     * The same working time seen from another zone: each day's window, taken on its next date on or
     * after {@code from} (a date in {@code zone}), converted to wall-clock time in {@code target}.
     * The offset between the zones is the one of that week, so where their daylight-saving dates
     * differ the hours are an hour off for those weeks. A window that crosses midnight in
     * {@code target} is split over the two days; where two pieces land on one day they merge when
     * they touch (or are a minute apart, as 23:59 stands for midnight), else the longer wins.
     */
    public WorkingHours convert(ZoneId zone, ZoneId target, java.time.LocalDate from) {
        if (zone.getRules().equals(target.getRules())) return this;
        Map<DayOfWeek, Window> out = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, Window> e : days.entrySet()) {
            java.time.LocalDate date = from.with(java.time.temporal.TemporalAdjusters.nextOrSame(e.getKey()));
            java.time.ZonedDateTime start = java.time.ZonedDateTime.of(date, e.getValue().start(), zone).withZoneSameInstant(target);
            java.time.ZonedDateTime end = java.time.ZonedDateTime.of(date, e.getValue().end(), zone).withZoneSameInstant(target);
            if (start.toLocalDate().equals(end.toLocalDate())) {
                add(out, start.getDayOfWeek(), start.toLocalTime(), end.toLocalTime());
            } else {
                add(out, start.getDayOfWeek(), start.toLocalTime(), LAST_MINUTE);
                add(out, end.getDayOfWeek(), LocalTime.MIDNIGHT, end.toLocalTime());
            }
        }
        return new WorkingHours(out);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    private static void add(Map<DayOfWeek, Window> out, DayOfWeek day, LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) return;
        Window piece = new Window(start, end);
        Window had = out.get(day);
        if (had == null) {
            out.put(day, piece);
        } else if (minutes(piece.start()) <= minutes(had.end()) + 1 && minutes(had.start()) <= minutes(piece.end()) + 1) {
            // within a minute counts as touching: 23:59 stands for midnight
            out.put(day, new Window(had.start().isBefore(start) ? had.start() : start, had.end().isAfter(end) ? had.end() : end));
        } else if (java.time.Duration.between(start, end).compareTo(java.time.Duration.between(had.start(), had.end())) > 0) {
            out.put(day, piece);
        }
    }
}
