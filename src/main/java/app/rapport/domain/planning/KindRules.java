package app.rapport.domain.planning;

import app.rapport.domain.interaction.Mode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Chooses what kind of meeting to propose. Ordered rules; the first that fires names itself:
 * <ol>
 *   <li>{@code client-preference}: the client's own preferred kind always wins, a review included
 *       whatever the tier: the client asked for it, and no kind is a sales meeting.</li>
 *   <li>{@code quarterly-review}: a tier "A" client with no review meeting in the last 90 user-local days
 *       gets a REVIEW.</li>
 *   <li>{@code after-unanswered-pitch} / {@code after-sales-run}: after an unanswered sales email, or two or more
 *       sales touches in a row, a non-sales touch: COFFEE when the client is local and met in person this year,
 *       otherwise a CALL.</li>
 *   <li>{@code in-person-history}: at least half of this year's meetings were in person and the client is local:
 *       LUNCH for tier "A" or when the last in-person meeting was more than 180 days ago, otherwise COFFEE.</li>
 *   <li>{@code video-history}: the last meeting was a video call: VIDEO.</li>
 *   <li>{@code default-call}: a CALL.</li>
 * </ol>
 */
public final class KindRules {
    private KindRules() {}

    public static final String CLIENT_PREFERENCE = "client-preference";
    public static final String QUARTERLY_REVIEW = "quarterly-review";
    public static final String AFTER_UNANSWERED_PITCH = "after-unanswered-pitch";
    public static final String AFTER_SALES_RUN = "after-sales-run";
    public static final String IN_PERSON_HISTORY = "in-person-history";
    public static final String VIDEO_HISTORY = "video-history";
    public static final String DEFAULT_CALL = "default-call";

    /** Days between reviews for tier A. */
    static final int REVIEW_EVERY_DAYS = 90;
    /** An in-person gap longer than this earns a lunch rather than a coffee. */
    static final int LUNCH_AFTER_DAYS = 180;

    /** The kind for {@code c} at {@code now}; days are counted in {@code userZone}. */
    public static KindDecision choose(PlanningCandidate c, Instant now, ZoneId userZone) {
        ClientHistory h = c.history();
        LocalDate today = LocalDate.ofInstant(now, userZone);
        if (c.preferredKind() != null) return new KindDecision(c.preferredKind(), CLIENT_PREFERENCE);
        if ("A".equals(c.tier())
                && (h.lastReviewAt() == null || daysBetween(h.lastReviewAt(), today, userZone) > REVIEW_EVERY_DAYS)) {
            return new KindDecision(MeetingKind.REVIEW, QUARTERLY_REVIEW);
        }
        if (h.unansweredPitch() || h.trailingSalesRun() >= 2) {
            MeetingKind kind = h.clientIsLocal() && h.inPersonMeetings365d() > 0 ? MeetingKind.COFFEE : MeetingKind.CALL;
            return new KindDecision(kind, h.unansweredPitch() ? AFTER_UNANSWERED_PITCH : AFTER_SALES_RUN);
        }
        if (h.clientIsLocal() && h.totalMeetings365d() > 0 && 2 * h.inPersonMeetings365d() >= h.totalMeetings365d()) {
            boolean longGap = h.lastInPersonAt() == null
                    || daysBetween(h.lastInPersonAt(), today, userZone) > LUNCH_AFTER_DAYS;
            return new KindDecision("A".equals(c.tier()) || longGap ? MeetingKind.LUNCH : MeetingKind.COFFEE,
                    IN_PERSON_HISTORY);
        }
        if (h.lastMeetingMode() == Mode.VIDEO) return new KindDecision(MeetingKind.VIDEO, VIDEO_HISTORY);
        return new KindDecision(MeetingKind.CALL, DEFAULT_CALL);
    }

    private static long daysBetween(Instant at, LocalDate today, ZoneId zone) {
        return today.toEpochDay() - LocalDate.ofInstant(at, zone).toEpochDay();
    }
}
