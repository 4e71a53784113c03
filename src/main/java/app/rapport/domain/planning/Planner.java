package app.rapport.domain.planning;

import app.rapport.domain.relationship.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans meetings: who is due, in priority order, what kind of meeting ({@link KindRules}), and the best
 * slot ({@link SlotFinder}). A pure function of its request: the same request gives the same plan,
 * whatever the order of its lists.
 * <p>
 * Who: candidates that are COOLING or INACTIVE, or due before the horizon ends; others are skipped as
 * "not-due". They are taken by priority (highest first), then due date (earliest first, none last), then
 * client id. A client snoozed past now is skipped as "snoozed", one with an open suggestion as
 * "open-suggestion". Once every day in the horizon is full the rest are skipped as "caps-full"; a client
 * for whom no slot fits is skipped as "no-free-slot".
 */
public final class Planner {
    private Planner() {}

    public static final String NOT_DUE = "not-due";
    public static final String SNOOZED = "snoozed";
    public static final String OPEN_SUGGESTION = "open-suggestion";
    public static final String CAPS_FULL = "caps-full";
    public static final String NO_FREE_SLOT = "no-free-slot";

    static final Comparator<PlanningCandidate> ORDER = Comparator
            .comparingDouble(PlanningCandidate::priority).reversed()
            .thenComparing(PlanningCandidate::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(PlanningCandidate::clientId);

    /** Marks a kind rule whose kind did not fit and was replaced, e.g. "in-person-history/fallback-call". */
    public static final String FALLBACK_SUFFIX = "/fallback-";

    /** Plans the request; throws IllegalArgumentException when a client appears twice. */
    public static Plan plan(PlanRequest request) {
        Instant now = request.now();
        PlanningSettings settings = request.settings();
        SlotFinder finder = new SlotFinder(settings, now, request.busy(), request.placedStarts());
        Instant horizonEnd = finder.horizonEnd();

        List<PlanningCandidate> ordered = new ArrayList<>(request.candidates());
        Set<Long> seen = new HashSet<>();
        for (PlanningCandidate c : ordered) {
            if (!seen.add(c.clientId())) {
                throw new IllegalArgumentException("candidates: client " + c.clientId() + " appears twice");
            }
        }
        ordered.sort(ORDER);

        List<PlannedMeeting> meetings = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        boolean full = finder.capsFull();
        for (PlanningCandidate c : ordered) {
            if (c.status() == Status.ACTIVE && (c.dueAt() == null || c.dueAt().isAfter(horizonEnd))) {
                skipped.add(new Skipped(c.clientId(), NOT_DUE, c.dueAt() == null ? "No touch is due."
                        : "Next touch due " + LocalDate.ofInstant(c.dueAt(), settings.zone()) + ", after the horizon."));
                continue;
            }
            if (c.snoozedUntil() != null && c.snoozedUntil().isAfter(now)) {
                skipped.add(new Skipped(c.clientId(), SNOOZED,
                        "Snoozed until " + LocalDate.ofInstant(c.snoozedUntil(), settings.zone()) + "."));
                continue;
            }
            if (c.hasOpenSuggestion()) {
                skipped.add(new Skipped(c.clientId(), OPEN_SUGGESTION, "A suggested meeting is already open."));
                continue;
            }
            if (full) {
                skipped.add(new Skipped(c.clientId(), CAPS_FULL, "Every day in the next " + settings.horizonDays()
                        + " days already has as many suggestions as the caps allow."));
                continue;
            }
            KindDecision chosen = KindRules.choose(c, now, settings.zone());
            KindDecision kind = chosen;
            Optional<Slot> slot = finder.find(kind.kind(), c.clientZone());
            String fallbackNote = "";
            MeetingKind fallback = kind.kind() == MeetingKind.REVIEW ? MeetingKind.VIDEO : MeetingKind.CALL;
            if (slot.isEmpty() && fallback != kind.kind()) {
                // A lunch across time zones or a long review may not fit anywhere; a shorter remote
                // touch still keeps the relationship warm, and the reason says why it changed.
                slot = finder.find(fallback, c.clientZone());
                if (slot.isPresent()) {
                    fallbackNote = " No " + kind.kind().label().toLowerCase(java.util.Locale.ROOT)
                            + " fits both calendars in the next " + settings.horizonDays() + " days, so a "
                            + fallback.label().toLowerCase(java.util.Locale.ROOT) + " instead.";
                    kind = new KindDecision(fallback, kind.rule() + FALLBACK_SUFFIX + fallback.wire());
                }
            }
            if (slot.isEmpty()) {
                skipped.add(new Skipped(c.clientId(), NO_FREE_SLOT, "No free " + kind.kind().label().toLowerCase(java.util.Locale.ROOT)
                        + " slot inside both working days in the next " + settings.horizonDays() + " days."));
                continue;
            }
            finder.place(slot.get());
            String reason = fallbackNote.isEmpty() ? Reasons.explain(c, kind, now, settings.zone())
                    : Reasons.explain(c, chosen, now, settings.zone()) + fallbackNote;
            meetings.add(new PlannedMeeting(c.clientId(), c.clientName(), kind.kind(), kind.rule(),
                    slot.get().start(), slot.get().end(), reason));
            full = finder.capsFull();
        }
        return new Plan(meetings, skipped, horizonEnd);
    }
}
