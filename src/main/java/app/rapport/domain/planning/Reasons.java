package app.rapport.domain.planning;

import static app.rapport.domain.relationship.Explanations.ago;
import static app.rapport.domain.relationship.Explanations.number;
import static app.rapport.domain.relationship.Explanations.span;

import app.rapport.domain.relationship.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The reason sentence of a planned meeting: first how due the client is and the last two-way contact,
 * then why this kind of meeting. Plain English, relative times in the user's calendar days. A client
 * who has gone quiet is "inactive", never anything harsher; the plan is never a pitch.
 */
final class Reasons {
    private Reasons() {}


    static String explain(PlanningCandidate c, KindDecision kind, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return due(c, today, zone) + ": " + lastTwoWay(c, today, zone) + " " + why(c, kind, today, zone);
    }

    private static String due(PlanningCandidate c, LocalDate today, ZoneId zone) {
        String client = "a tier " + c.tier() + " client";
        if (c.dueAt() == null) return capitalise(client) + " with no touch on record";
        LocalDate due = LocalDate.ofInstant(c.dueAt(), zone);
        long days = today.toEpochDay() - due.toEpochDay();
        if (days > 0) {
            String lead = c.status() == Status.INACTIVE ? "Inactive and overdue by " : "Overdue by ";
            return lead + span(due, today) + " for " + client;
        }
        if (days == 0) return "Due today for " + client;
        if (days == -1) return "Due tomorrow for " + client;
        return "Due in " + span(today, due) + " for " + client;
    }

    private static String lastTwoWay(PlanningCandidate c, LocalDate today, ZoneId zone) {
        Instant at = c.lastTwoWayAt();
        if (at == null) return "no two-way contact on record yet.";
        String label = c.history().lastTwoWayLabel();
        boolean sameContact = at.equals(c.history().lastTwoWayAt());
        return "last two-way contact was " + ago(LocalDate.ofInstant(at, zone), today)
                + (label != null && sameContact ? " (" + label + ")." : ".");
    }

    private static String why(PlanningCandidate c, KindDecision kind, LocalDate today, ZoneId zone) {
        ClientHistory h = c.history();
        String a = "a " + kind.kind().label().toLowerCase(Locale.ROOT);
        return switch (kind.rule()) {
            case KindRules.CLIENT_PREFERENCE -> "They prefer " + a + ".";
            case KindRules.QUARTERLY_REVIEW -> h.lastReviewAt() == null
                    ? "No review meeting on record, so a quarterly review."
                    : "Last review was " + ago(LocalDate.ofInstant(h.lastReviewAt(), zone), today)
                    + ", so a quarterly review.";
            case KindRules.AFTER_UNANSWERED_PITCH -> (h.trailingSalesRun() >= 2
                    ? "Your last " + number(h.trailingSalesRun()) + " touches were about sales with no reply"
                    : "Your last sales email got no reply") + ", so " + a + " to catch up, not another pitch.";
            case KindRules.AFTER_SALES_RUN -> "Your last " + number(h.trailingSalesRun())
                    + " touches were about sales, so " + a + " to catch up, not another pitch.";
            case KindRules.IN_PERSON_HISTORY -> h.inPersonMeetings365d() == h.totalMeetings365d()
                    ? "You have met in person this year, so " + a + "."
                    : "Most of your meetings this year were in person, so " + a + ".";
            case KindRules.VIDEO_HISTORY -> "Your last meeting was a video call, so another one.";
            default -> "A short call to catch up.";
        };
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
