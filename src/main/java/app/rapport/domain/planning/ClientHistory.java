package app.rapport.domain.planning;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.IntentRules;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Facts about one client's contact history that the kind rules and the reason sentence need. Notes
 * ({@link Channel#NOTE}) are not contact and are ignored; so is anything dated after {@code now}.
 *
 * @param trailingSalesRun     how many of the most recent contacts, newest first, were outbound SALES touches;
 *                             the count stops at the first contact that is not (any inbound or mutual contact, or an
 *                             outbound touch with another intent)
 * @param unansweredPitch      the latest outbound SALES email is not two-way and no inbound or mutual contact followed it
 * @param lastReviewAt         start of the last review meeting held (UTC), or null. A review meeting is a MEETING whose
 *                             intent rule is "review"/"review-word" (IntentRules files reviews under RELATIONSHIP) or
 *                             whose subject contains "review"
 * @param inPersonMeetings365d meetings held in person in the 365 days (of 24 h) before {@code now}
 * @param totalMeetings365d    meetings held in the 365 days before {@code now}
 * @param lastMeetingMode      mode of the last meeting held (any age), or null when none
 * @param lastInPersonAt       start of the last in-person meeting held (any age, UTC), or null
 * @param lastTwoWayAt         the last two-way contact (UTC), or null
 * @param lastTwoWayLabel      a few words naming it ("lunch", "video call", "call", "email"), or null
 * @param clientIsLocal        the client's zone has the same UTC offset as the user's zone at {@code now}: a cheap
 *                             stand-in for "close enough to meet in person" (London and Lisbon count as local in winter;
 *                             no geography is attempted)
 */
public record ClientHistory(int trailingSalesRun, boolean unansweredPitch, Instant lastReviewAt,
                            int inPersonMeetings365d, int totalMeetings365d, Mode lastMeetingMode,
                            Instant lastInPersonAt, Instant lastTwoWayAt, String lastTwoWayLabel,
                            boolean clientIsLocal) {

    private static final Set<String> REVIEW_RULES = Set.of("review", "review-word");
    private static final Set<String> MEAL_WORDS = Set.of("breakfast", "lunch", "dinner", "coffee", "drinks", "golf");

    /** No contact at all. */
    public static ClientHistory none(boolean clientIsLocal) {
        return new ClientHistory(0, false, null, 0, 0, null, null, null, null, clientIsLocal);
    }

    /** Derives the facts from a client's interactions (any order). */
    public static ClientHistory of(List<Interaction> interactions, ZoneId userZone, ZoneId clientZone, Instant now) {
        List<Interaction> sorted = new ArrayList<>();
        for (Interaction i : interactions) {
            if (i.channel() != Channel.NOTE && !i.occurredAt().isAfter(now)) sorted.add(i);
        }
        // newest first; ties by id so the answer does not depend on input order
        sorted.sort(Comparator.comparing(Interaction::occurredAt).thenComparingLong(Interaction::id).reversed());

        int run = 0;
        for (Interaction i : sorted) {
            if (i.direction() == Direction.OUTBOUND && i.intent() == Intent.SALES) run++;
            else break;
        }

        boolean unanswered = false;
        boolean answeredSince = false;
        for (Interaction i : sorted) {
            if (i.direction() != Direction.OUTBOUND) {
                answeredSince = true;
            } else if (i.channel() == Channel.EMAIL && i.intent() == Intent.SALES) {
                unanswered = !answeredSince && !i.twoWay();
                break;
            }
        }

        Instant yearAgo = now.minus(Duration.ofDays(365));
        Instant lastReview = null;
        Instant lastInPerson = null;
        Mode lastMode = null;
        int inPerson = 0;
        int total = 0;
        Interaction lastTwoWay = null;
        for (Interaction i : sorted) {
            if (lastTwoWay == null && (i.twoWay() || i.direction() == Direction.MUTUAL)) lastTwoWay = i;
            if (i.channel() != Channel.MEETING) continue;
            if (lastMode == null) lastMode = i.mode();
            if (lastReview == null && isReview(i)) lastReview = i.occurredAt();
            if (lastInPerson == null && i.mode() == Mode.IN_PERSON) lastInPerson = i.occurredAt();
            if (i.occurredAt().isAfter(yearAgo)) {
                total++;
                if (i.mode() == Mode.IN_PERSON) inPerson++;
            }
        }
        boolean local = userZone.getRules().getOffset(now).equals(clientZone.getRules().getOffset(now));
        return new ClientHistory(run, unanswered, lastReview, inPerson, total, lastMode, lastInPerson,
                lastTwoWay == null ? null : lastTwoWay.occurredAt(), lastTwoWay == null ? null : label(lastTwoWay),
                local);
    }

    private static boolean isReview(Interaction i) {
        if (REVIEW_RULES.contains(IntentRules.ruleKeyword(i.intentRule()))) return true;
        return i.subject() != null && i.subject().toLowerCase(Locale.ROOT).contains("review");
    }

    /** "lunch", "review", "meeting in person", "video call", "phone call", "call", "email", "letter". */
    static String label(Interaction i) {
        String keyword = IntentRules.ruleKeyword(i.intentRule());
        return switch (i.channel()) {
            case MEETING -> {
                if (MEAL_WORDS.contains(keyword)) yield keyword;
                if (REVIEW_RULES.contains(keyword)) yield "review";
                yield switch (i.mode()) {
                    case IN_PERSON -> "meeting in person";
                    case VIDEO -> "video call";
                    case PHONE -> "phone call";
                    default -> "meeting";
                };
            }
            case CALL -> "call";
            case EMAIL -> "email";
            case LETTER -> "letter";
            case NOTE -> "note";
        };
    }
}
