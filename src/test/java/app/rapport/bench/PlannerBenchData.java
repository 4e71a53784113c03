package app.rapport.bench;

import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.planning.ClientHistory;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.planning.PlanRequest;
import app.rapport.domain.planning.PlanningCandidate;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.relationship.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic planning workload: candidates in several zones with varied histories, and busy
 * occurrences spread over the user's working days, all from one seeded {@link Random}.
 */
public final class PlannerBenchData {
    public static final ZoneId USER_ZONE = ZoneId.of("Europe/London");
    /** Monday 2 March 2026, 07:00 in London. */
    public static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");

    private static final ZoneId[] CLIENT_ZONES = {USER_ZONE, USER_ZONE, USER_ZONE, ZoneId.of("Europe/Dublin"),
            ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Singapore")};
    private static final String[] TIERS = {"A", "B", "B", "C", "C", "C"};
    private static final Status[] STATUSES = Status.values();
    private static final MeetingKind[] KINDS = MeetingKind.values();
    private static final Mode[] MODES = Mode.values();

    private PlannerBenchData() {}

    /** Default settings in London with the given horizon and caps. */
    public static PlanningSettings settings(int horizonDays, int maxPerDay, int maxPerWeek) {
        return PlanningSettings.defaults(USER_ZONE).withHorizonDays(horizonDays).withCaps(maxPerDay, maxPerWeek);
    }

    /** {@code candidates} candidates and {@code busy} occurrences over a 28-day horizon from {@link #NOW}. */
    public static PlanRequest request(int candidates, int busy, PlanningSettings settings, long seed) {
        Random random = new Random(seed);
        return new PlanRequest(NOW, settings, candidates(candidates, random), busy(busy, settings.horizonDays(), random),
                List.of());
    }

    static List<PlanningCandidate> candidates(int count, Random random) {
        List<PlanningCandidate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ZoneId zone = CLIENT_ZONES[random.nextInt(CLIENT_ZONES.length)];
            int total = random.nextInt(6);
            int inPerson = total == 0 ? 0 : random.nextInt(total + 1);
            Instant lastInPerson = inPerson == 0 ? null : NOW.minus(Duration.ofDays(1 + random.nextInt(360)));
            Instant lastReview = random.nextInt(3) == 0 ? null : NOW.minus(Duration.ofDays(1 + random.nextInt(200)));
            Instant lastTwoWay = random.nextInt(10) == 0 ? null : NOW.minus(Duration.ofDays(1 + random.nextInt(400)));
            ClientHistory history = new ClientHistory(random.nextInt(4), random.nextInt(4) == 0, lastReview, inPerson,
                    total, total == 0 ? null : MODES[random.nextInt(MODES.length)], lastInPerson, lastTwoWay,
                    lastTwoWay == null ? null : "call", zone.getRules().getOffset(NOW)
                    .equals(USER_ZONE.getRules().getOffset(NOW)));
            Instant due = NOW.plus(Duration.ofDays(random.nextInt(100) - 60));
            Instant snoozed = random.nextInt(20) == 0 ? NOW.plus(Duration.ofDays(random.nextInt(30))) : null;
            MeetingKind preferred = random.nextInt(8) == 0 ? KINDS[random.nextInt(KINDS.length)] : null;
            out.add(new PlanningCandidate(i + 1, "Client " + (i + 1), TIERS[random.nextInt(TIERS.length)],
                    random.nextInt(10_001) / 100.0, due, STATUSES[random.nextInt(STATUSES.length)], zone, snoozed,
                    random.nextInt(25) == 0, preferred, history, lastTwoWay, lastTwoWay));
        }
        return out;
    }

    /**
     * Busy time around the clock, as a calendar with recurring series expanded looks: timed events of 15 to 45
     * minutes at any hour of any day (so roughly a third land in working hours), 30% shown as free, 10% tentative,
     * 1% all-day.
     */
    static List<Occurrence> busy(int count, int horizonDays, Random random) {
        List<Occurrence> out = new ArrayList<>(count);
        LocalDate first = LocalDate.ofInstant(NOW, USER_ZONE);
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt(horizonDays + 1));
            int roll = random.nextInt(100);
            ShowAs showAs = roll < 30 ? ShowAs.FREE : roll < 40 ? ShowAs.TENTATIVE : ShowAs.BUSY;
            boolean allDay = roll == 99;
            Instant start;
            Instant end;
            if (allDay) {
                start = day.atStartOfDay(USER_ZONE).toInstant();
                end = day.plusDays(1).atStartOfDay(USER_ZONE).toInstant();
            } else {
                ZonedDateTime s = ZonedDateTime.of(day, LocalTime.MIDNIGHT.plusMinutes(5L * random.nextInt(288)),
                        USER_ZONE);
                start = s.toInstant();
                end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(3))));
            }
            out.add(new Occurrence(i + 1, "bench-" + i, "Busy " + i, start, end, allDay, showAs, EntryKind.EVENT, null));
        }
        return out;
    }
}
