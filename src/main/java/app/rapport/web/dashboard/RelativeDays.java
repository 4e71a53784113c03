package app.rapport.web.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Distances between calendar days in words a person says: "due in 5 days", "overdue by 3 weeks",
 * "2 months ago". Days are the user's calendar days, so the caller converts instants in the user's zone.
 */
public final class RelativeDays {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RelativeDays() {}

    /** When a touch is due, seen from {@code today}. */
    public static String due(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days == 0) return "due today";
        if (days == 1) return "due tomorrow";
        if (days > 0) return "due in " + span(today, due);
        return "overdue by " + span(due, today);
    }

    /** How long ago a day was, seen from {@code today}. */
    public static String ago(LocalDate then, LocalDate today) {
        long days = ChronoUnit.DAYS.between(then, today);
        if (days == 0) return "today";
        if (days == 1) return "yesterday";
        if (days < 0) return "on " + DATE.format(then);
        return span(then, today) + " ago";
    }

    /** The distance from {@code earlier} to {@code later} in days, weeks, months or years. */
    static String span(LocalDate earlier, LocalDate later) {
        long days = ChronoUnit.DAYS.between(earlier, later);
        if (days < 14) return plural(days, "day");
        if (days < 60) return plural(days / 7, "week");
        long months = ChronoUnit.MONTHS.between(earlier, later);
        if (months < 24) return plural(Math.max(2, months), "month");
        return plural(ChronoUnit.YEARS.between(earlier, later), "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
