package app.rapport.domain.relationship;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Tier;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.IntentRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Derives a client's {@link Relationship} from its interactions: the product's rules for what
 * counts as contact, when the next touch is due, how warm the relationship is and how urgent.
 *
 * <p><b>What counts.</b> Every interaction counts as contact except an outbound email nobody answered
 * (one-way, and no later inbound email in its thread) and a NOTE (a note the user wrote down is not
 * contact). Interactions after {@code now} are ignored (not yet happened, or a bad Date header).
 * Emails are looked at per thread as well as through their stored two-way flag, because mailbox
 * streams sync in any order and a reply may be stored before the message it answers: an email is
 * two-way when the other side wrote earlier in the same thread.
 *
 * <p><b>Due date and status.</b> Cadence is the client's override (when positive) or the tier's
 * (90 days when there is no tier). {@code dueAt} is midnight, in the user's zone, of the calendar
 * date of the last counting contact plus the cadence in days: date arithmetic, so a DST change in
 * between moves nothing. All day counts below are calendar days in the user's zone.
 * <ul>
 *   <li>ACTIVE {@code due-later}: due more than 14 days from today.</li>
 *   <li>COOLING {@code due-soon}: due in 1 to 14 days.</li>
 *   <li>COOLING {@code overdue}: due today or overdue by less than one cadence.</li>
 *   <li>INACTIVE {@code overdue-by-a-cadence}: overdue by one cadence or more.</li>
 *   <li>INACTIVE {@code no-contact-on-record}: nothing counts; {@code dueAt} is now.</li>
 * </ul>
 * A snoozed client keeps its status: snoozing only affects planning.
 *
 * <p><b>Facts.</b> lastInboundAt / lastOutboundAt: latest inbound / outbound interaction of any
 * channel (answered or not); lastTwoWayAt: latest two-way one (meeting held, call or visit, reply in
 * thread); lastMeetingAt: latest MEETING (synced, or a logged visit); lastNonSalesAt: latest counting
 * contact whose intent is not SALES. awaitingReplyFrom looks at the latest email: inbound means the
 * USER owes a reply, outbound the CLIENT; null when that email is older than 60 days, or when a call,
 * meeting or letter came after it (the conversation moved on). counts90d / counts365d: interactions
 * per known intent within the last 90 / 365 days (24-hour days), unanswered emails included.
 * reciprocity: inbound / (inbound + outbound) over 365 days among emails, calls and letters
 * (meetings are mutual and left out), 0.5 when there are none. salesShare: sales / all known-intent
 * interactions over 90 days, 0 when there are none. One-way streak: outbound emails that are neither
 * two-way nor answered, sent after the client last took part (an inbound contact, a meeting, or a
 * two-way call or visit).
 *
 * <p><b>Priority</b>, 0..100, rounded to one decimal: with {@code e} = days since the last counting
 * contact / cadence (2 when there is none),
 * <pre>
 *   tier points   T = A 25, B 15, C 5; other tier names by the tier's cadence: &le;30 days 25, &le;90 15, else 5
 *   priority      = T &times; min(e, 1)                        the tier weighs in full once the client is due
 *                 + 40 &times; clamp(e - 1, 0, 1)              overdue ratio: 0 at due, 40 at one cadence overdue
 *                 + 5 &times; min(one-way streak, 3)           you wrote, they did not answer
 *                 + 10 if the user owes a reply
 *                 + 10 &times; clamp((salesShare - 0.5) / 0.5, 0, 1)   mostly sales lately
 * </pre>
 * capped at 100.
 *
 * <p><b>Explanation.</b> One or two short sentences built from the same facts, the most useful
 * first: no contact on record; a reply owed by the user; unanswered pitches; unanswered emails; only
 * inbound contact; mostly sales; otherwise the last contact and when the next touch is due. Relative
 * times ("3 weeks ago", "5 months ago") are calendar days in the user's zone.
 *
 * <p>One pass over the interactions (plus one over emails with thread ids), no streams, no regular
 * expressions; thread-safe.
 */
public final class RelationshipScorer {
    static final int SOON_DAYS = 14;
    static final int DEFAULT_CADENCE_DAYS = 90;
    private static final long DAY_MS = 86_400_000L;
    private static final long AWAIT_REPLY_MS = 60 * DAY_MS;
    private static final long WINDOW_90_MS = 90 * DAY_MS;
    private static final long WINDOW_365_MS = 365 * DAY_MS;
    private static final int INTENTS = Intent.values().length;

    private final Clock clock;

    public RelationshipScorer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Derives the relationship of one client.
     *
     * @param tier         the client's tier, or null (then the client's override or 90 days)
     * @param userZone     the user's time zone: due dates are midnights there, day counts are its days
     * @param interactions the client's interactions, any order, possibly empty
     */
    public Relationship derive(Client client, Tier tier, ZoneId userZone, List<Interaction> interactions) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(userZone, "userZone");
        Instant now = clock.instant();
        long nowMs = now.toEpochMilli();
        int cadence = client.cadenceOverrideDays() != null && client.cadenceOverrideDays() > 0
                ? client.cadenceOverrideDays()
                : tier != null ? tier.cadenceDays() : DEFAULT_CADENCE_DAYS;
        List<Interaction> list = interactions == null ? List.of() : interactions;
        int n = list.size();

        // Pass 1: per-thread email times, and when the client last took part.
        Map<String, long[]> threads = null;
        long clientTookPart = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            Interaction i = list.get(k);
            Channel channel = i.channel();
            if (channel == Channel.NOTE) continue;
            long t = i.occurredAt().toEpochMilli();
            if (t > nowMs) continue;
            Direction d = i.direction();
            if ((d != Direction.OUTBOUND || (channel != Channel.EMAIL && i.twoWay())) && t > clientTookPart) {
                clientTookPart = t;
            }
            if (channel == Channel.EMAIL && i.threadId() != null && d != Direction.MUTUAL) {
                if (threads == null) threads = new HashMap<>();
                long[] th = threads.computeIfAbsent(i.threadId(), key -> newThread());
                if (d == Direction.INBOUND) {
                    if (t < th[MIN_IN]) th[MIN_IN] = t;
                    if (t > th[MAX_IN]) th[MAX_IN] = t;
                } else if (t < th[MIN_OUT]) {
                    th[MIN_OUT] = t;
                }
            }
        }

        // Pass 2: everything else.
        Interaction last = null;
        long lastT = Long.MIN_VALUE;
        Interaction lastTwoWay = null;
        long lastTwoWayT = Long.MIN_VALUE;
        long lastInT = Long.MIN_VALUE;
        long lastOutT = Long.MIN_VALUE;
        long lastMeetingT = Long.MIN_VALUE;
        long lastNonSalesT = Long.MIN_VALUE;
        long latestEmailT = Long.MIN_VALUE;
        Direction latestEmailDir = null;
        long latestOtherT = Long.MIN_VALUE;
        int[] c90 = new int[INTENTS];
        int[] c365 = new int[INTENTS];
        int in365 = 0;
        int out365 = 0;
        int inCalls365 = 0;
        int streak = 0;
        int streakSales = 0;
        String streakKeyword = null;
        long cut90 = nowMs - WINDOW_90_MS;
        long cut365 = nowMs - WINDOW_365_MS;

        for (int k = 0; k < n; k++) {
            Interaction i = list.get(k);
            Channel channel = i.channel();
            if (channel == Channel.NOTE) continue;
            long t = i.occurredAt().toEpochMilli();
            if (t > nowMs) continue;
            Direction d = i.direction();
            boolean email = channel == Channel.EMAIL;

            boolean twoWay = i.twoWay();
            boolean answered = false;
            if (email && threads != null && i.threadId() != null) {
                long[] th = threads.get(i.threadId());
                if (th != null) {
                    if (d == Direction.INBOUND) {
                        twoWay |= th[MIN_OUT] < t;
                    } else if (d == Direction.OUTBOUND) {
                        twoWay |= th[MIN_IN] < t;
                        answered = th[MAX_IN] > t;
                    }
                }
            }
            boolean counts = !(email && d == Direction.OUTBOUND && !twoWay && !answered);

            if (counts) {
                if (t > lastT || (t == lastT && tieBreak(i, last))) {
                    lastT = t;
                    last = i;
                }
                if (i.intent() != Intent.SALES && t > lastNonSalesT) lastNonSalesT = t;
            }
            if (twoWay && (t > lastTwoWayT || (t == lastTwoWayT && tieBreak(i, lastTwoWay)))) {
                lastTwoWayT = t;
                lastTwoWay = i;
            }
            if (d == Direction.INBOUND && t > lastInT) lastInT = t;
            if (d == Direction.OUTBOUND && t > lastOutT) lastOutT = t;
            if ((channel == Channel.MEETING || "logged-visit".equals(i.modeRule())) && t > lastMeetingT) lastMeetingT = t;

            if (email) {
                if (d != Direction.MUTUAL && (t > latestEmailT || (t == latestEmailT && d == Direction.OUTBOUND))) {
                    latestEmailT = t;
                    latestEmailDir = d;
                }
                if (d == Direction.OUTBOUND && !twoWay && !answered && t > clientTookPart) {
                    streak++;
                    if (i.intent() == Intent.SALES) streakSales++;
                    String keyword = IntentRules.ruleKeyword(i.intentRule());
                    if (streakKeyword == null) streakKeyword = keyword;
                    else if (!streakKeyword.equals(keyword)) streakKeyword = "";
                }
            } else if (t > latestOtherT) {
                latestOtherT = t;
            }

            if (t >= cut365) {
                c365[i.intent().ordinal()]++;
                if (t >= cut90) c90[i.intent().ordinal()]++;
                if (channel != Channel.MEETING) {
                    if (d == Direction.INBOUND) {
                        in365++;
                        if (channel == Channel.CALL) inCalls365++;
                    } else if (d == Direction.OUTBOUND) {
                        out365++;
                    }
                }
            }
        }

        IntentCounts counts90 = counts(c90);
        IntentCounts counts365 = counts(c365);
        double reciprocity = in365 + out365 == 0 ? 0.5 : (double) in365 / (in365 + out365);
        int known90 = counts90.total();
        double salesShare = known90 == 0 ? 0 : (double) counts90.sales() / known90;

        Party awaiting = null;
        if (latestEmailDir != null && nowMs - latestEmailT <= AWAIT_REPLY_MS && latestOtherT <= latestEmailT) {
            awaiting = latestEmailDir == Direction.INBOUND ? Party.USER : Party.CLIENT;
        }

        LocalDate today = LocalDate.ofInstant(now, userZone);
        Status status;
        String statusRule;
        Instant dueAt;
        LocalDate dueDate;
        long daysSince;
        if (last == null) {
            status = Status.INACTIVE;
            statusRule = "no-contact-on-record";
            dueAt = now;
            dueDate = today;
            daysSince = -1;
        } else {
            LocalDate lastDate = LocalDate.ofInstant(last.occurredAt(), userZone);
            dueDate = lastDate.plusDays(cadence);
            dueAt = dueDate.atStartOfDay(userZone).toInstant();
            daysSince = today.toEpochDay() - lastDate.toEpochDay();
            long daysUntilDue = dueDate.toEpochDay() - today.toEpochDay();
            if (daysUntilDue > SOON_DAYS) {
                status = Status.ACTIVE;
                statusRule = "due-later";
            } else if (daysUntilDue > 0) {
                status = Status.COOLING;
                statusRule = "due-soon";
            } else if (-daysUntilDue < cadence) {
                status = Status.COOLING;
                statusRule = "overdue";
            } else {
                status = Status.INACTIVE;
                statusRule = "overdue-by-a-cadence";
            }
        }

        String tierName = tier != null ? tier.name() : client.tier();
        int tierCadence = tier != null ? tier.cadenceDays() : cadence;
        double elapsed = last == null ? 2.0 : Math.max(0, daysSince) / (double) cadence;
        double priority = priority(tierName, tierCadence, elapsed, streak, awaiting == Party.USER, salesShare);

        Facts f = new Facts(today, userZone, status, dueDate, last, daysSince, lastTwoWay, awaiting, latestEmailT,
                streak, streakSales, streakKeyword, lastOutT, lastMeetingT, in365, inCalls365, counts90, salesShare);
        LastContact lastContact = last == null ? null
                : new LastContact(last.occurredAt(), last.channel(), last.direction(), last.intent(), last.mode(),
                        last.intentRule());

        return new Relationship(client.id(), status, statusRule, tierName, cadence, dueAt, priority, lastContact,
                instant(lastInT), instant(lastOutT), instant(lastTwoWayT), instant(lastMeetingT), instant(lastNonSalesT),
                awaiting, counts90, counts365, reciprocity, salesShare, Explanations.explain(f), now);
    }

    private static final int MIN_IN = 0;
    private static final int MAX_IN = 1;
    private static final int MIN_OUT = 2;

    private static long[] newThread() {
        return new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE};
    }

    /** Same instant: a deterministic pick whatever the list order (a meeting or call over an email, then the lower external id). */
    private static boolean tieBreak(Interaction candidate, Interaction current) {
        if (current == null) return true;
        int c = Integer.compare(candidate.channel().ordinal(), current.channel().ordinal());
        if (c != 0) return c > 0;
        return candidate.externalId().compareTo(current.externalId()) < 0;
    }

    private static IntentCounts counts(int[] c) {
        return new IntentCounts(c[Intent.SALES.ordinal()], c[Intent.SERVICE.ordinal()], c[Intent.RELATIONSHIP.ordinal()],
                c[Intent.SOCIAL.ordinal()], c[Intent.ADMIN.ordinal()]);
    }

    private static Instant instant(long ms) {
        return ms == Long.MIN_VALUE ? null : Instant.ofEpochMilli(ms);
    }

    /** The priority formula in the class comment. */
    static double priority(String tierName, int tierCadenceDays, double elapsed, int streak, boolean userOwesReply,
                           double salesShare) {
        double p = tierPoints(tierName, tierCadenceDays) * Math.min(elapsed, 1.0)
                + 40 * clamp(elapsed - 1, 0, 1)
                + 5 * Math.min(streak, 3)
                + (userOwesReply ? 10 : 0)
                + 10 * clamp((salesShare - 0.5) / 0.5, 0, 1);
        return Math.round(Math.min(100, p) * 10) / 10.0;
    }

    static int tierPoints(String tierName, int tierCadenceDays) {
        String t = tierName == null ? "" : tierName.strip().toUpperCase(Locale.ROOT);
        switch (t) {
            case "A" -> { return 25; }
            case "B" -> { return 15; }
            case "C" -> { return 5; }
            default -> {
                if (tierCadenceDays <= 30) return 25;
                return tierCadenceDays <= 90 ? 15 : 5;
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /** The facts an explanation is built from. Day counts are calendar days in {@code zone}. */
    record Facts(LocalDate today, ZoneId zone, Status status, LocalDate dueDate, Interaction last, long daysSinceLast,
                 Interaction lastTwoWay, Party awaiting, long latestEmailMs, int streak, int streakSales,
                 String streakKeyword, long lastOutboundMs, long lastMeetingMs, int inbound365, int inboundCalls365,
                 IntentCounts counts90, double salesShare) {}
}
