package app.rapport.domain.relationship;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.IntentRules;
import app.rapport.domain.relationship.RelationshipScorer.Facts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words a salesperson can read aloud, built from a relationship's facts. Plain English, relative
 * times in the user's calendar days, one or two short sentences.
 */
public final class Explanations {
    private Explanations() {}

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String[] NUMBER_WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten"};

    /** Intent rules that say nothing about the topic of a contact. */
    private static final Set<String> NO_TOPIC = Set.of(IntentRules.NO_RULE_MATCHED, "scheduling", "out-of-office");
    private static final Map<String, String> TOPIC_WORDS = Map.of("thank-you", "thanks", "review-word", "review",
            "outing", "an outing", "new-product", "new product");
    private static final Set<String> MEETING_TOPICS = Set.of("breakfast", "lunch", "dinner", "coffee", "drinks", "golf",
            "outing", "review", "review-word", "check-in", "planning", "celebration", "demo", "introduction");
    private static final Map<String, String> PITCHES = Map.of("proposal", "proposals", "quote", "quotes", "offer",
            "offers", "renewal", "renewal offers", "contract", "contracts", "demo", "demo invitations", "upgrade",
            "upgrade offers");

    static String explain(Facts f) {
        if (f.last() == null) {
            if (f.streak() > 0) {
                String s = "You wrote " + times(f.streak()) + " and never heard back";
                return f.streakSales() == f.streak() ? s + ": suggest a coffee, not a pitch." : s + ".";
            }
            return "No contact on record yet.";
        }
        if (f.awaiting() == Party.USER) {
            return "They are waiting for your reply since " + date(f, Instant.ofEpochMilli(f.latestEmailMs())) + ".";
        }
        if (f.streak() >= 2) {
            String lead = lastTwoWaySentence(f);
            String emails = "Your last " + number(f.streak()) + " emails";
            if (f.streakSales() == f.streak()) {
                String what = PITCHES.getOrDefault(f.streakKeyword() == null ? "" : f.streakKeyword(), "sales pitches");
                return lead + " " + emails + " were " + what + " with no reply: suggest a coffee, not a pitch.";
            }
            return lead + " " + emails + " got no reply: try a call instead.";
        }
        if (f.lastOutboundMs() == Long.MIN_VALUE && f.lastMeetingMs() == Long.MIN_VALUE && f.inbound365() > 0) {
            String verb = f.inboundCalls365() > 0 ? "got in touch " : "wrote ";
            return "Only inbound contact: they " + verb + times(f.inbound365()) + " this year and you have not met.";
        }
        int known = f.counts90().total();
        if (known >= 3 && f.salesShare() >= 0.75) {
            int sales = f.counts90().sales();
            String lead = sales == known
                    ? "All " + known + " contacts in the last 90 days were about sales"
                    : sales + " of " + known + " contacts in the last 90 days were about sales";
            return lead + ": make the next one a check-in, not a pitch.";
        }

        String label = label(f.last());
        String tail = f.streak() == 1 ? " Your last email got no reply." : "";
        long daysUntilDue = f.dueDate().toEpochDay() - f.today().toEpochDay();
        LocalDate lastDate = LocalDate.ofInstant(f.last().occurredAt(), f.zone());
        if (f.status() == Status.INACTIVE) {
            return "No contact for " + span(lastDate, f.today()) + " (last: " + label + "); a touch was due on "
                    + date(f, f.dueDate()) + "." + tail;
        }
        String lead = "Last contact " + ago(lastDate, f.today()) + " (" + label + ")";
        if (daysUntilDue <= 0) {
            return lead + "; a touch was due " + (daysUntilDue == 0 ? "today" : "on " + date(f, f.dueDate())) + "." + tail;
        }
        return lead + "; next touch due " + ahead(f.today(), f.dueDate()) + "." + tail;
    }

    private static String lastTwoWaySentence(Facts f) {
        Interaction i = f.lastTwoWay();
        if (i == null) return "No two-way contact on record.";
        LocalDate d = LocalDate.ofInstant(i.occurredAt(), f.zone());
        return "Last two-way contact " + ago(d, f.today()) + " (" + label(i) + ").";
    }

    /** "lunch", "video call", "call, claim", "email, proposal", "visit". */
    static String label(Interaction i) {
        String keyword = IntentRules.ruleKeyword(i.intentRule());
        String topic = NO_TOPIC.contains(keyword) ? null : TOPIC_WORDS.getOrDefault(keyword, keyword.replace('-', ' '));
        Channel channel = i.channel();
        if (channel == Channel.MEETING) {
            if (topic != null && MEETING_TOPICS.contains(keyword)) return topic;
            if ("logged-visit".equals(i.modeRule())) return topic == null ? "visit" : "visit, " + topic;
            String how = switch (i.mode()) {
                case IN_PERSON -> "meeting in person";
                case VIDEO -> "video call";
                case PHONE -> "phone meeting";
                default -> "meeting";
            };
            return topic == null ? how : how + ", " + topic;
        }
        String what = switch (channel) {
            case CALL -> "call";
            case LETTER -> i.direction() == Direction.INBOUND ? "their letter" : "your letter";
            case EMAIL -> i.direction() == Direction.INBOUND ? "their email" : "your email";
            default -> "note";
        };
        return topic == null ? what : what + ", " + topic;
    }

    /** "today", "yesterday", "5 days ago", "3 weeks ago", "5 months ago", "2 years ago". */
    public static String ago(LocalDate from, LocalDate today) {
        long days = today.toEpochDay() - from.toEpochDay();
        if (days <= 0) return "today";
        if (days == 1) return "yesterday";
        return span(from, today) + " ago";
    }

    /** "5 days", "3 weeks", "5 months", "2 years": a calendar span, rounded down. */
    public static String span(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        if (days < 14) return plural(Math.max(days, 1), "day");
        if (days < 60) return plural(days / 7, "week");
        long months = Period.between(from, to).toTotalMonths();
        if (months < 24) return plural(Math.max(months, 1), "month");
        return plural(months / 12, "year");
    }

    /** "tomorrow", "in 9 days", "in 3 weeks", "in 2 months". */
    static String ahead(LocalDate today, LocalDate due) {
        long days = due.toEpochDay() - today.toEpochDay();
        if (days <= 0) return "today";
        if (days == 1) return "tomorrow";
        return "in " + span(today, due);
    }

    private static String date(Facts f, Instant at) {
        return date(f, LocalDate.ofInstant(at, f.zone()));
    }

    private static String date(Facts f, LocalDate d) {
        return (d.getYear() == f.today().getYear() ? DAY_MONTH : DAY_MONTH_YEAR).format(d);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** "no", "one" … "ten", then digits. */
    public static String number(int n) {
        return n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String.valueOf(n);
    }

    private static String times(int n) {
        if (n == 1) return "once";
        if (n == 2) return "twice";
        return n + " times";
    }
}
