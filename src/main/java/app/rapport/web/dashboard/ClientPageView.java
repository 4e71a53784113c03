package app.rapport.web.dashboard;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.IdentityKind;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.IntentCounts;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Relationship;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client page: the relationship's fields with the rules behind them, identities, a month chart
 * and one page of the timeline, newest first.
 *
 * @param relationship null until the relationship has been computed
 * @param moreHref     the next page of the timeline, or null when there is none
 */
public record ClientPageView(long id, String name, String kind, String tier, String timeZone, String notes,
                             List<String> emails, List<String> domains, Summary relationship,
                             List<Fact> facts, List<Count> counts90d, List<TimelineRow> timeline, int timelinePage,
                             String moreHref, MonthlyIntentChart chart) {
    /** Status, due date and the sentence at the top of the page. */
    public record Summary(String status, String statusLabel, String statusRule, String due, boolean overdue,
                          String dueDate, String explanation) {}

    /** One labelled value; {@code rule} names the rule that decided it, when one did. */
    public record Fact(String label, String value, String rule) {}

    /** Contacts with one intent in the last 90 days. */
    public record Count(String intent, int count) {}

    /** One interaction; {@code mode} and {@code modeRule} are set for meetings only. */
    public record TimelineRow(String date, String time, String channel, String direction, String intent,
                              String intentRule, String mode, String modeRule, boolean twoWay, String twoWayRule,
                              String subject) {}

    public static final int TIMELINE_PAGE = 50;

    /**
     * Builds the page.
     *
     * @param timeline     up to {@link #TIMELINE_PAGE} + 1 interactions of page {@code timelinePage}, newest
     *                     first; one more than a page means there is a next page
     * @param chartSource  the client's interactions since {@link MonthlyIntentChart#windowStart}
     */
    public static ClientPageView build(Client c, Relationship r, List<Interaction> timeline, int timelinePage,
                                       List<Interaction> chartSource, Instant now, ZoneId zone) {
        LocalDate today = Words.day(now, zone);
        List<String> emails = c.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(Identity::value)
                .toList();
        List<String> domains = c.identities().stream().filter(i -> i.kind() == IdentityKind.DOMAIN)
                .map(Identity::value).toList();
        boolean more = timeline.size() > TIMELINE_PAGE;
        List<TimelineRow> rows = timeline.stream().limit(TIMELINE_PAGE).map(i -> row(i, zone)).toList();
        Summary summary = null;
        List<Fact> facts = List.of();
        List<Count> counts = List.of();
        if (r != null) {
            boolean overdue = r.dueAt() != null && Words.day(r.dueAt(), zone).isBefore(today);
            summary = new Summary(r.status().wire(), Words.status(r.status()), r.statusRule(),
                    r.dueAt() == null ? "" : RelativeDays.due(Words.day(r.dueAt(), zone), today), overdue,
                    Words.date(r.dueAt(), zone), r.explanation());
            facts = facts(c, r, zone, today);
            counts = counts(r.counts90d());
        }
        return new ClientPageView(c.id(), c.name(), c.kind().name().toLowerCase(Locale.ROOT), c.tier(),
                c.timeZone().getId(), c.notes(), emails, domains, summary, facts, counts, rows, timelinePage,
                more ? "/clients/" + c.id() + "?page=" + (timelinePage + 1) : null,
                MonthlyIntentChart.of(chartSource, zone, now, 12));
    }

    static List<Fact> facts(Client c, Relationship r, ZoneId zone, LocalDate today) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Status", Words.status(r.status()), r.statusRule()));
        facts.add(new Fact("Tier", r.tier(), null));
        facts.add(new Fact("Cadence", "every " + r.cadenceDays() + " days"
                + (c.cadenceOverrideDays() != null ? " (set for this client)" : " (the tier's)"), null));
        facts.add(new Fact("Due", r.dueAt() == null ? "not due"
                : RelativeDays.due(Words.day(r.dueAt(), zone), today) + " (" + Words.date(r.dueAt(), zone) + ")", null));
        facts.add(new Fact("Priority", String.format(Locale.ROOT, "%.0f of 100", r.priority()), null));
        LastContact last = r.lastContact();
        if (last == null) {
            facts.add(new Fact("Last contact", "none on record", null));
        } else {
            String what = Words.wire(last.channel().wire()) + ", " + last.direction().wire() + ", "
                    + last.intent().wire() + (Words.isMeeting(last) ? ", " + Words.wire(last.mode().wire()) : "");
            facts.add(new Fact("Last contact", Words.agoWithDate(last.at(), zone, today) + ": " + what, last.rule()));
        }
        facts.add(new Fact("Last inbound", Words.agoWithDate(r.lastInboundAt(), zone, today), null));
        facts.add(new Fact("Last outbound", Words.agoWithDate(r.lastOutboundAt(), zone, today), null));
        facts.add(new Fact("Last two-way", Words.agoWithDate(r.lastTwoWayAt(), zone, today), null));
        facts.add(new Fact("Last meeting", Words.agoWithDate(r.lastMeetingAt(), zone, today), null));
        facts.add(new Fact("Last non-sales", Words.agoWithDate(r.lastNonSalesAt(), zone, today), null));
        facts.add(new Fact("Awaiting reply from", r.awaitingReplyFrom() == null ? "nobody"
                : switch (r.awaitingReplyFrom()) {
                    case CLIENT -> "the client";
                    case USER -> "you";
                }, null));
        facts.add(new Fact("Reciprocity", percent(r.reciprocity()) + " of contacts started by the client (365 days)",
                null));
        facts.add(new Fact("Sales share", percent(r.salesShare()) + " of contacts were sales (90 days)", null));
        return facts;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static List<Count> counts(IntentCounts c) {
        return List.of(new Count(Intent.SALES.wire(), c.sales()), new Count(Intent.SERVICE.wire(), c.service()),
                new Count(Intent.RELATIONSHIP.wire(), c.relationship()), new Count(Intent.SOCIAL.wire(), c.social()),
                new Count(Intent.ADMIN.wire(), c.admin()));
    }

    static TimelineRow row(Interaction i, ZoneId zone) {
        boolean meeting = Words.isMeeting(i);
        return new TimelineRow(Words.date(i.occurredAt(), zone),
                i.occurredAt().atZone(zone).toLocalTime().withSecond(0).withNano(0).toString(),
                i.channel().wire(), i.direction().wire(), i.intent().wire(), i.intentRule(),
                meeting ? i.mode().wire() : null, meeting ? i.modeRule() : null, i.twoWay(), i.twoWayRule(),
                i.subject());
    }
}
