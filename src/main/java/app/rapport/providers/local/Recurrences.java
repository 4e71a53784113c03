package app.rapport.providers.local;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Expands calendar entries into the concrete {@link Occurrence}s inside a window, with ical4j's {@link Recur}.
 *
 * <p>Instances repeat on the wall clock of the entry's zone, so a weekly 09:00 meeting stays at 09:00 local time
 * across a DST change. The RRULE instances plus RDATEs, minus EXDATEs, minus the instances an override replaces,
 * make the series; DTSTART always counts as an instance (RFC 5545 3.8.5.3). Overrides become occurrences of their
 * own (with their own entry id) unless cancelled. A cancelled master gives nothing, its overrides included.
 *
 * <p>Expansion is bounded: at most {@link #MAX_INSTANCES} occurrences per call, and sub-daily rules
 * (SECONDLY, MINUTELY, HOURLY) start from the last instance before the window instead of walking every second
 * since DTSTART, so a FREQ=SECONDLY rule from 2006 cannot hang the planner.
 */
public final class Recurrences {
    /** The most occurrences one call returns; further instances are dropped. */
    public static final int MAX_INSTANCES = 10_000;
    /** Sub-daily rules with a COUNT up to this many are walked from DTSTART, so the COUNT stays exact. */
    private static final long MAX_COUNTED_STEPS = 1_000_000;

    private static final Comparator<Occurrence> ORDER = Comparator.comparing(Occurrence::start)
            .thenComparing(Occurrence::uid).thenComparing(Occurrence::end);

    private Recurrences() {}

    /** The occurrences of {@code master} (with its overrides, same UID) that overlap [from, to), sorted by start. */
    public static List<Occurrence> expand(CalendarEntry master, List<CalendarEntry> overridesOfSameUid, Instant from,
                                          Instant to) {
        Ical4j.init();
        Objects.requireNonNull(master, "master");
        if (!to.isAfter(from) || master.cancelled()) return List.of();
        List<Occurrence> out = new ArrayList<>();
        if (!master.recurring()) {
            if (overlaps(master.start(), master.end(), from, to)) out.add(occurrence(master, master.start(), master.end()));
        } else {
            Set<Instant> replaced = new HashSet<>();
            for (CalendarEntry o : overridesOfSameUid) if (o.recurrenceId() != null) replaced.add(o.recurrenceId());
            Set<Instant> excluded = new HashSet<>(master.exdates());
            for (Instant start : instanceStarts(master, from, to)) {
                if (excluded.contains(start) || replaced.contains(start)) continue;
                Instant end = endOf(master, start);
                if (overlaps(start, end, from, to)) out.add(occurrence(master, start, end));
                if (out.size() >= MAX_INSTANCES) break;
            }
        }
        for (CalendarEntry o : overridesOfSameUid) {
            if (o.recurrenceId() == null || o.cancelled() || !o.uid().equals(master.uid())) continue;
            if (overlaps(o.start(), o.end(), from, to)) out.add(occurrence(o, o.start(), o.end()));
        }
        out.sort(ORDER);
        return out.size() > MAX_INSTANCES ? List.copyOf(out.subList(0, MAX_INSTANCES)) : List.copyOf(out);
    }

    /**
     * Expands every entry: entries are grouped by UID into a master and its overrides; overrides whose master is
     * missing count as single events. The result is sorted by start and holds at most {@link #MAX_INSTANCES}.
     */
    public static List<Occurrence> expandAll(List<CalendarEntry> entries, Instant from, Instant to) {
        Map<String, List<CalendarEntry>> byUid = new LinkedHashMap<>();
        for (CalendarEntry e : entries) byUid.computeIfAbsent(e.uid(), k -> new ArrayList<>()).add(e);
        List<Occurrence> out = new ArrayList<>();
        for (List<CalendarEntry> group : byUid.values()) {
            List<CalendarEntry> masters = group.stream().filter(e -> e.recurrenceId() == null).toList();
            List<CalendarEntry> overrides = group.stream().filter(e -> e.recurrenceId() != null).toList();
            if (masters.isEmpty()) {
                for (CalendarEntry orphan : overrides) {
                    if (!orphan.cancelled() && overlaps(orphan.start(), orphan.end(), from, to)) {
                        out.add(occurrence(orphan, orphan.start(), orphan.end()));
                    }
                }
            } else {
                for (int i = 0; i < masters.size(); i++) {
                    // Overrides belong to the first master; a duplicated master must not repeat them.
                    out.addAll(expand(masters.get(i), i == 0 ? overrides : List.of(), from, to));
                }
            }
        }
        out.sort(ORDER);
        return out.size() > MAX_INSTANCES ? List.copyOf(out.subList(0, MAX_INSTANCES)) : List.copyOf(out);
    }

    /** Instance starts that may overlap [from, to): DTSTART, the RRULE's dates and the RDATEs, sorted. */
    private static List<Instant> instanceStarts(CalendarEntry master, Instant from, Instant to) {
        TreeSet<Instant> starts = new TreeSet<>();
        Duration length = Duration.between(master.start(), master.end());
        // An instance starting before the window can still reach into it; all-day spans may grow by an hour at DST.
        Instant windowStart = from.minus(length).minus(Duration.ofHours(1));
        if (!master.start().isBefore(windowStart) && master.start().isBefore(to)) starts.add(master.start());
        for (Instant r : master.rdates()) if (!r.isBefore(windowStart) && r.isBefore(to)) starts.add(r);
        if (master.rrule() != null) {
            Recur<ZonedDateTime> recur = rule(master);
            ZonedDateTime seed = master.start().atZone(master.zone());
            ZonedDateTime periodStart = windowStart.atZone(master.zone());
            ZonedDateTime periodEnd = to.atZone(master.zone());
            if (master.allDay()) {
                for (LocalDate d : dateRule(master).getDates(seed.toLocalDate(), periodStart.toLocalDate(),
                        periodEnd.toLocalDate().plusDays(1), MAX_INSTANCES + 1)) {
                    Instant s = d.atStartOfDay(master.zone()).toInstant();
                    if (!s.isBefore(windowStart) && s.isBefore(to)) starts.add(s);
                }
            } else {
                seed = fastForward(recur, seed, periodStart);
                for (ZonedDateTime d : recur.getDates(seed, periodStart, periodEnd, MAX_INSTANCES + 1)) {
                    Instant s = d.toInstant();
                    if (!s.isBefore(windowStart) && s.isBefore(to)) starts.add(s);
                }
            }
        }
        return new ArrayList<>(starts);
    }

    private static Recur<ZonedDateTime> rule(CalendarEntry master) {
        try {
            return new Recur<>(master.rrule());
        } catch (RuntimeException e) {
            throw new IcsException("event " + master.uid() + ": bad RRULE '" + master.rrule() + "': " + e.getMessage(), -1, e);
        }
    }

    private static Recur<LocalDate> dateRule(CalendarEntry master) {
        // UNTIL given as a date-time for a date series: the date part is what counts.
        String rrule = master.rrule().replaceAll("(?i)(UNTIL=\\d{8})T\\d{6}Z?", "$1");
        try {
            return new Recur<>(rrule);
        } catch (RuntimeException e) {
            throw new IcsException("event " + master.uid() + ": bad RRULE '" + master.rrule() + "': " + e.getMessage(), -1, e);
        }
    }

    /**
     * For SECONDLY, MINUTELY and HOURLY rules, moves the seed to the last multiple of the interval before the window
     * (ical4j otherwise walks every step from DTSTART). Rules with a small COUNT keep their seed so the count is exact.
     */
    private static ZonedDateTime fastForward(Recur<ZonedDateTime> recur, ZonedDateTime seed, ZonedDateTime periodStart) {
        ChronoUnit unit;
        Frequency frequency = recur.getFrequency();
        if (frequency == Frequency.SECONDLY) unit = ChronoUnit.SECONDS;
        else if (frequency == Frequency.MINUTELY) unit = ChronoUnit.MINUTES;
        else if (frequency == Frequency.HOURLY) unit = ChronoUnit.HOURS;
        else return seed;
        if (!seed.isBefore(periodStart)) return seed;
        long interval = Math.max(1, recur.getInterval());
        long steps = unit.between(seed, periodStart) / interval;
        if (recur.getCount() > 0 && steps <= MAX_COUNTED_STEPS) return seed;
        if (recur.getCount() > 0 && steps >= recur.getCount()) {
            // Every step is at most one instance, so a COUNT smaller than the steps ends before the window.
            return periodStart.plusYears(1000);
        }
        return seed.plus(steps * interval, unit);
    }

    private static Instant endOf(CalendarEntry master, Instant start) {
        if (master.allDay()) {
            long days = ChronoUnit.DAYS.between(master.start().atZone(master.zone()).toLocalDate(),
                    master.end().atZone(master.zone()).toLocalDate());
            return start.atZone(master.zone()).toLocalDate().plusDays(Math.max(1, days)).atStartOfDay(master.zone())
                    .toInstant();
        }
        return start.plus(Duration.between(master.start(), master.end()));
    }

    private static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    private static Occurrence occurrence(CalendarEntry e, Instant start, Instant end) {
        return new Occurrence(e.id(), e.uid(), e.summary(), start, end, e.allDay(), e.showAs(), e.kind(), e.suggestionId());
    }
}
