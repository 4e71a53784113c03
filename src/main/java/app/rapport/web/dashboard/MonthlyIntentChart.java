package app.rapport.web.dashboard;

import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Contacts per month by intent over the last twelve months, as stacked bars of a server-drawn SVG.
 * Months are the user's calendar months: a message sent at 23:30 UTC on 31 October is November's in
 * Berlin.
 */
public final class MonthlyIntentChart {
    /** Drawing area in SVG user units; the SVG scales to its container. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 220;
    static final int PLOT_TOP = 12;
    static final int PLOT_BOTTOM = 190;
    static final int LEFT = 36;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** One month's contacts per intent; every intent is present, zero when none. */
    public record Month(YearMonth month, Map<Intent, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One coloured piece of a bar. */
    public record Segment(String intent, int count, double y, double height) {}

    /** One month's bar: its label, the tooltip text for its {@code <title>}, and its pieces bottom-up. */
    public record Bar(String label, String title, double x, double width, List<Segment> segments) {}

    /** A horizontal grid line with its value. */
    public record Tick(int value, double y) {}

    private final List<Month> months;
    private final int max;

    private MonthlyIntentChart(List<Month> months) {
        this.months = List.copyOf(months);
        this.max = months.stream().mapToInt(Month::total).max().orElse(0);
    }

    /** The chart of {@code interactions} over the {@code count} months ending with the month of {@code now}. */
    public static MonthlyIntentChart of(List<Interaction> interactions, ZoneId zone, Instant now, int count) {
        List<Instant> at = new ArrayList<>(interactions.size());
        List<Intent> intents = new ArrayList<>(interactions.size());
        for (Interaction i : interactions) {
            at.add(i.occurredAt());
            intents.add(i.intent());
        }
        return new MonthlyIntentChart(bucket(at, intents, zone, YearMonth.from(now.atZone(zone)), count));
    }

    /** The first instant the chart of {@code count} months ending with the month of {@code now} counts. */
    public static Instant windowStart(ZoneId zone, Instant now, int count) {
        return YearMonth.from(now.atZone(zone)).minusMonths(count - 1L).atDay(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Counts contacts per intent in each of the {@code count} months ending with {@code last}, oldest
     * first; contacts outside those months are left out. {@code at} and {@code intents} run in step.
     */
    static List<Month> bucket(List<Instant> at, List<Intent> intents, ZoneId zone, YearMonth last, int count) {
        Map<YearMonth, Map<Intent, Integer>> byMonth = new LinkedHashMap<>();
        for (int m = count - 1; m >= 0; m--) {
            Map<Intent, Integer> zero = new EnumMap<>(Intent.class);
            for (Intent intent : Intent.values()) zero.put(intent, 0);
            byMonth.put(last.minusMonths(m), zero);
        }
        for (int k = 0; k < at.size(); k++) {
            Map<Intent, Integer> counts = byMonth.get(YearMonth.from(at.get(k).atZone(zone)));
            if (counts != null) counts.merge(intents.get(k), 1, Integer::sum);
        }
        List<Month> out = new ArrayList<>();
        byMonth.forEach((month, counts) -> out.add(new Month(month, Map.copyOf(counts))));
        return out;
    }

    public List<Month> months() {
        return months;
    }

    /** The largest monthly total: the top of the scale. */
    public int max() {
        return max;
    }

    public boolean isEmpty() {
        return max == 0;
    }

    /** Intents in the order they stack (bottom first) and appear in the legend. */
    public List<String> legend() {
        return java.util.Arrays.stream(Intent.values()).map(Intent::wire).toList();
    }

    /** The scale's top: the largest total rounded up to a step of the grid. */
    int scaleTop() {
        int step = step();
        return Math.max(step, ((max + step - 1) / step) * step);
    }

    private int step() {
        if (max <= 4) return 1;
        if (max <= 10) return 2;
        if (max <= 25) return 5;
        if (max <= 50) return 10;
        return (int) Math.ceil(max / 5.0 / 10.0) * 10;
    }

    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        int top = scaleTop();
        for (int v = 0; v <= top; v += step()) ticks.add(new Tick(v, yOf(v, top)));
        return ticks;
    }

    private static double yOf(double value, int top) {
        return PLOT_BOTTOM - value * (PLOT_BOTTOM - PLOT_TOP) / top;
    }

    public List<Bar> bars() {
        int top = scaleTop();
        double slot = (WIDTH - LEFT - 4.0) / months.size();
        double width = Math.round(slot * 0.64 * 10) / 10.0;
        List<Bar> bars = new ArrayList<>();
        for (int k = 0; k < months.size(); k++) {
            Month m = months.get(k);
            double x = Math.round((LEFT + k * slot + (slot - width) / 2) * 10) / 10.0;
            List<Segment> segments = new ArrayList<>();
            int below = 0;
            StringBuilder title = new StringBuilder(LONG.format(m.month())).append(": ");
            if (m.total() == 0) title.append("no contact");
            else title.append(m.total()).append(m.total() == 1 ? " contact" : " contacts");
            List<String> parts = new ArrayList<>();
            for (Intent intent : Intent.values()) {
                int n = m.counts().get(intent);
                if (n == 0) continue;
                double y0 = yOf(below, top);
                double y1 = yOf(below + n, top);
                segments.add(new Segment(intent.wire(), n, round(y1), round(y0 - y1)));
                parts.add(n + " " + intent.wire());
                below += n;
            }
            if (!parts.isEmpty()) title.append(" (").append(String.join(", ", parts)).append(")");
            bars.add(new Bar(SHORT.format(m.month()), title.toString(), x, width, segments));
        }
        return bars;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
