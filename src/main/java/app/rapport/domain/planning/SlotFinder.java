package app.rapport.domain.planning;

import app.rapport.domain.calendar.Occurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds good slots for one plan run and remembers the ones it placed. A slot is good when:
 * <ul>
 *   <li>it starts on the user's 15-minute wall-clock grid, no sooner than now plus the lead time, and ends
 *       inside the user's working hours of that day and before the horizon ends (now plus {@code horizonDays}
 *       user-local calendar days);</li>
 *   <li>it lies inside the client's plausible hours: Monday to Friday, 08:00 to 18:00 on one day of the
 *       client's own wall clock (a fixed assumption: we know their zone, not their diary);</li>
 *   <li>it keeps at least {@code buffer} away from every occurrence that {@link Occurrence#blocksPlanning()}
 *       (busy or tentative; all-day ones block the whole span they are given) and from every slot placed
 *       in this run;</li>
 *   <li>a LUNCH starts between 12:00 and 13:30, a COFFEE between 08:30 and 11:00 or 14:30 and 16:30,
 *       user-local, both ends included;</li>
 *   <li>its user-local date holds fewer than {@code maxPerDay} suggestions and its ISO week fewer than
 *       {@code maxPerWeek}, counting those already placed before this run.</li>
 * </ul>
 * <b>Spreading.</b> Days are filled in levels: first the earliest day holding no suggestion where a slot fits;
 * only when no empty day fits, the earliest day holding one; and so on up to {@code maxPerDay}. So three
 * meetings land on three different days, earlier days fill first, and no day takes more than the cap.
 * <p>
 * <b>Cost.</b> Busy time is sorted and merged once and looked up by binary search; placed slots live in a
 * {@link TreeMap}. The answer for a (kind, client zone) pair only changes when a slot is placed, so it is cached
 * until the next {@link #place}: many clients in the same zone cost one search.
 * <p>
 * Not thread-safe; one instance per plan run.
 */
public final class SlotFinder {
    /** Client plausible hours, client-local wall clock, Monday to Friday. */
    static final LocalTime CLIENT_DAY_START = LocalTime.of(8, 0);
    static final LocalTime CLIENT_DAY_END = LocalTime.of(18, 0);
    static final int GRID_MINUTES = 15;

    private static final LocalTime LUNCH_FROM = LocalTime.of(12, 0);
    private static final LocalTime LUNCH_TO = LocalTime.of(13, 30);
    private static final LocalTime MORNING_COFFEE_FROM = LocalTime.of(8, 30);
    private static final LocalTime MORNING_COFFEE_TO = LocalTime.of(11, 0);
    private static final LocalTime AFTERNOON_COFFEE_FROM = LocalTime.of(14, 30);
    private static final LocalTime AFTERNOON_COFFEE_TO = LocalTime.of(16, 30);

    private final PlanningSettings settings;
    private final ZoneId zone;
    private final long bufferMs;
    private final long earliestStartMs;
    private final LocalDateTime earliestLocal;
    private final Instant horizonEnd;
    private final long horizonEndMs;
    /** Working days in the horizon, earliest first, with their window. */
    private final List<Day> days = new ArrayList<>();
    /** Busy time widened by the buffer, merged: disjoint and sorted, so the ends are sorted too. */
    private final long[] busyStarts;
    private final long[] busyEnds;
    /** Slots placed in this run: start to end, epoch ms, not widened. */
    private final TreeMap<Long, Long> placed = new TreeMap<>();
    private final Map<LocalDate, Integer> perDay = new HashMap<>();
    private final Map<LocalDate, Integer> perWeek = new HashMap<>();
    private final Map<Key, Optional<Slot>> cache = new HashMap<>();

    private record Day(LocalDate date, LocalDate week, LocalTime from, LocalTime to, long endMs) {}

    private record Key(MeetingKind kind, ZoneId clientZone) {}

    /**
     * @param now          the time of the plan run
     * @param busy         occurrences in (at least) the horizon; those that do not block planning are ignored
     * @param placedStarts starts of suggestions placed before this run; they count towards the caps (their
     *                     time should be in {@code busy} as holds)
     */
    public SlotFinder(PlanningSettings settings, Instant now, List<Occurrence> busy, List<Instant> placedStarts) {
        this.settings = settings;
        this.zone = settings.zone();
        this.bufferMs = settings.buffer().toMillis();
        Instant earliest = now.plus(settings.minLeadTime());
        this.earliestStartMs = earliest.toEpochMilli();
        this.earliestLocal = roundUp(LocalDateTime.ofInstant(earliest, zone));
        this.horizonEnd = now.atZone(zone).plusDays(settings.horizonDays()).toInstant();
        this.horizonEndMs = horizonEnd.toEpochMilli();

        LocalDate last = LocalDate.ofInstant(horizonEnd, zone);
        long shortest = settings.durations().values().stream().mapToLong(java.time.Duration::toMillis).min().orElse(0);
        for (LocalDate d = LocalDate.ofInstant(earliest, zone); !d.isAfter(last); d = d.plusDays(1)) {
            WorkingHours.Window w = settings.workingHours().on(d.getDayOfWeek());
            if (w == null) continue;
            long startMs = Math.max(ZonedDateTime.of(d, w.start(), zone).toInstant().toEpochMilli(), earliestStartMs);
            long endMs = Math.min(ZonedDateTime.of(d, w.end(), zone).toInstant().toEpochMilli(), horizonEndMs);
            // a day with no room for even the shortest meeting never counts towards "caps full"
            if (endMs - startMs < shortest) continue;
            days.add(new Day(d, weekOf(d), w.start(), w.end(), endMs));
        }

        List<long[]> blocks = new ArrayList<>();
        long from = now.toEpochMilli() - bufferMs;
        for (Occurrence o : busy) {
            if (!o.blocksPlanning()) continue;
            long s = o.start().toEpochMilli() - bufferMs;
            long e = o.end().toEpochMilli() + bufferMs;
            if (e <= from || s >= horizonEndMs + bufferMs) continue;
            blocks.add(new long[] {s, e});
        }
        blocks.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[] starts = new long[blocks.size()];
        long[] ends = new long[blocks.size()];
        int n = 0;
        for (long[] b : blocks) {
            if (n > 0 && b[0] <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], b[1]);
            } else {
                starts[n] = b[0];
                ends[n] = b[1];
                n++;
            }
        }
        this.busyStarts = Arrays.copyOf(starts, n);
        this.busyEnds = Arrays.copyOf(ends, n);

        for (Instant s : placedStarts) count(LocalDate.ofInstant(s, zone), 1);
    }

    /** The end of the horizon: now plus {@code horizonDays} user-local calendar days. */
    public Instant horizonEnd() {
        return horizonEnd;
    }

    /** The best slot for a meeting of {@code kind} with a client in {@code clientZone}, without placing it. */
    public Optional<Slot> find(MeetingKind kind, ZoneId clientZone) {
        Key key = new Key(kind, clientZone);
        Optional<Slot> hit = cache.get(key);
        if (hit == null) {
            hit = search(kind, clientZone);
            cache.put(key, hit);
        }
        return hit;
    }

    /** Records {@code slot} as taken: it blocks its time plus the buffer and counts towards the caps. */
    public void place(Slot slot) {
        placed.put(slot.start().toEpochMilli(), slot.end().toEpochMilli());
        count(LocalDate.ofInstant(slot.start(), zone), 1);
        cache.clear();
    }

    /** True when every working day in the horizon has reached the daily cap or sits in a full week. */
    public boolean capsFull() {
        for (Day d : days) {
            if (perDay.getOrDefault(d.date, 0) < settings.maxPerDay()
                    && perWeek.getOrDefault(d.week, 0) < settings.maxPerWeek()) {
                return false;
            }
        }
        return true;
    }

    private Optional<Slot> search(MeetingKind kind, ZoneId clientZone) {
        long durationMs = settings.durationOf(kind).toMillis();
        for (int level = 0; level < settings.maxPerDay(); level++) {
            for (Day d : days) {
                // days holding fewer than `level` were tried at a lower level and had no room
                if (perDay.getOrDefault(d.date, 0) != level) continue;
                if (perWeek.getOrDefault(d.week, 0) >= settings.maxPerWeek()) continue;
                Slot s = earliestOn(d, kind, durationMs, clientZone);
                if (s != null) return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private Slot earliestOn(Day d, MeetingKind kind, long durationMs, ZoneId clientZone) {
        LocalDateTime t = roundUp(LocalDateTime.of(d.date, d.from));
        if (earliestLocal.isAfter(t)) t = earliestLocal;
        LocalDateTime stop = LocalDateTime.of(d.date, d.to);
        long[] client = clientWindows(d, clientZone);
        while (t.isBefore(stop)) {
            ZonedDateTime z = ZonedDateTime.ofLocal(t, zone, null);
            if (!z.toLocalDateTime().equals(t)) { // a wall-clock time skipped by a DST gap
                t = t.plusMinutes(GRID_MINUTES);
                continue;
            }
            long s = z.toInstant().toEpochMilli();
            long e = s + durationMs;
            if (e > d.endMs) return null; // later starts end later still
            if (s < earliestStartMs || !mealTime(kind, t.toLocalTime()) || !inside(client, s, e)) {
                t = t.plusMinutes(GRID_MINUTES);
                continue;
            }
            long blockedUntil = blockedUntil(s, e);
            if (blockedUntil < 0) return new Slot(Instant.ofEpochMilli(s), Instant.ofEpochMilli(e));
            LocalDateTime next = t.plusMinutes(GRID_MINUTES);
            LocalDateTime jump = roundUp(LocalDateTime.ofInstant(Instant.ofEpochMilli(blockedUntil), zone));
            t = jump.isAfter(next) ? jump : next;
        }
        return null;
    }

    /**
     * The client's plausible hours that can overlap day {@code d}, as [start, end] pairs in epoch ms: the
     * client-local dates of the day's first and last working minute, weekdays only.
     */
    private long[] clientWindows(Day d, ZoneId clientZone) {
        LocalDate first = ZonedDateTime.of(d.date, d.from, zone).withZoneSameInstant(clientZone).toLocalDate();
        LocalDate last = ZonedDateTime.of(d.date, d.to, zone).withZoneSameInstant(clientZone).toLocalDate();
        long[] out = new long[4];
        int n = 0;
        for (LocalDate cd = first; !cd.isAfter(last); cd = cd.plusDays(1)) {
            DayOfWeek dow = cd.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) continue;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = ZonedDateTime.of(cd, CLIENT_DAY_START, clientZone).toInstant().toEpochMilli();
            out[n++] = ZonedDateTime.of(cd, CLIENT_DAY_END, clientZone).toInstant().toEpochMilli();
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean inside(long[] windows, long s, long e) {
        for (int i = 0; i < windows.length; i += 2) {
            if (s >= windows[i] && e <= windows[i + 1]) return true;
        }
        return false;
    }

    /** -1 when [s, e) is free, else the instant (epoch ms) until which something blocks it. */
    private long blockedUntil(long s, long e) {
        // the last busy block starting before e; blocks are disjoint so earlier ones end earlier
        int lo = 0;
        int hi = busyStarts.length - 1;
        int idx = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (busyStarts[mid] < e) {
                idx = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (idx >= 0 && busyEnds[idx] > s) return busyEnds[idx];
        // placed slots do not overlap one another, so the one starting last before e + buffer decides
        Entry<Long, Long> p = placed.lowerEntry(e + bufferMs);
        if (p != null && p.getValue() + bufferMs > s) return p.getValue() + bufferMs;
        return -1;
    }

    private static boolean mealTime(MeetingKind kind, LocalTime start) {
        return switch (kind) {
            case LUNCH -> within(start, LUNCH_FROM, LUNCH_TO);
            case COFFEE -> within(start, MORNING_COFFEE_FROM, MORNING_COFFEE_TO)
                    || within(start, AFTERNOON_COFFEE_FROM, AFTERNOON_COFFEE_TO);
            default -> true;
        };
    }

    private static boolean within(LocalTime t, LocalTime from, LocalTime to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    /** The first grid time at or after {@code t}. */
    private static LocalDateTime roundUp(LocalDateTime t) {
        LocalDateTime floor = t.withSecond(0).withNano(0).withMinute(t.getMinute() / GRID_MINUTES * GRID_MINUTES);
        return floor.equals(t) ? t : floor.plusMinutes(GRID_MINUTES);
    }

    private void count(LocalDate date, int n) {
        perDay.merge(date, n, Integer::sum);
        perWeek.merge(weekOf(date), n, Integer::sum);
    }

    private static LocalDate weekOf(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
