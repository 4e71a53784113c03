package app.rapport.web;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.IdentityKind;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.IntentCounts;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.suggestion.InvitationState;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.Account;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the API (DESIGN.md §6). Times are ISO-8601 with the offset of the user's zone,
 * never epoch numbers.
 */
final class JsonViews {
    private JsonViews() {}

    static OffsetDateTime time(Instant t, ZoneId zone) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime();
    }

    static Map<String, Object> suggestion(Suggestion s, String clientName, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("clientId", s.clientId());
        m.put("clientName", clientName);
        m.put("state", s.state().wire());
        m.put("stateRule", s.stateRule());
        m.put("kind", s.kind().wire());
        m.put("kindRule", s.kindRule());
        m.put("start", time(s.start(), zone));
        m.put("end", time(s.end(), zone));
        m.put("reason", s.reason());
        Map<String, Object> invitation = new LinkedHashMap<>();
        invitation.put("state", s.invitationState().wire());
        invitation.put("detail", s.invitationDetail());
        invitation.put("download", s.state() == SuggestionState.ACCEPTED && s.invitationState() != InvitationState.NONE
                ? "/api/v1/suggestions/" + s.id() + "/invitation.ics" : null);
        m.put("invitation", invitation);
        m.put("snoozeDays", s.snoozeDays());
        m.put("createdAt", time(s.createdAt(), zone));
        m.put("decidedAt", time(s.decidedAt(), zone));
        return m;
    }

    static Map<String, Object> client(Client c, Relationship r, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        m.put("tier", c.tier());
        m.put("cadenceOverrideDays", c.cadenceOverrideDays());
        m.put("timeZone", c.timeZone().getId());
        m.put("snoozedUntil", time(c.snoozedUntil(), zone));
        m.put("notes", c.notes());
        m.put("preferredKind", c.preferredKind());
        m.put("emails", c.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(Identity::value).toList());
        m.put("domains", c.identities().stream().filter(i -> i.kind() == IdentityKind.DOMAIN).map(Identity::value).toList());
        if (r != null) relationship(m, r, zone);
        return m;
    }

    private static void relationship(Map<String, Object> m, Relationship r, ZoneId zone) {
        m.put("status", r.status().wire());
        m.put("statusRule", r.statusRule());
        m.put("cadenceDays", r.cadenceDays());
        m.put("dueAt", time(r.dueAt(), zone));
        m.put("priority", Math.round(r.priority() * 10) / 10.0);
        LastContact last = r.lastContact();
        if (last == null) {
            m.put("lastContact", null);
        } else {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("at", time(last.at(), zone));
            l.put("channel", last.channel().wire());
            l.put("direction", last.direction().wire());
            l.put("intent", last.intent().wire());
            l.put("mode", last.mode().wire());
            l.put("rule", last.rule());
            m.put("lastContact", l);
        }
        m.put("lastInboundAt", time(r.lastInboundAt(), zone));
        m.put("lastOutboundAt", time(r.lastOutboundAt(), zone));
        m.put("lastTwoWayAt", time(r.lastTwoWayAt(), zone));
        m.put("lastMeetingAt", time(r.lastMeetingAt(), zone));
        m.put("lastNonSalesAt", time(r.lastNonSalesAt(), zone));
        m.put("awaitingReplyFrom", r.awaitingReplyFrom() == null ? null : r.awaitingReplyFrom().wire());
        m.put("counts90d", counts(r.counts90d()));
        m.put("counts365d", counts(r.counts365d()));
        m.put("reciprocity", Math.round(r.reciprocity() * 100) / 100.0);
        m.put("salesShare", Math.round(r.salesShare() * 100) / 100.0);
        m.put("explanation", r.explanation());
    }

    private static Map<String, Object> counts(IntentCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sales", c.sales());
        m.put("service", c.service());
        m.put("relationship", c.relationship());
        m.put("social", c.social());
        m.put("admin", c.admin());
        return m;
    }

    static Map<String, Object> interaction(Interaction i, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("clientId", i.clientId());
        m.put("accountId", i.accountId());
        m.put("source", i.source());
        m.put("externalId", i.externalId());
        m.put("occurredAt", time(i.occurredAt(), zone));
        m.put("channel", i.channel().wire());
        m.put("direction", i.direction().wire());
        m.put("twoWay", i.twoWay());
        m.put("twoWayRule", i.twoWayRule());
        m.put("intent", i.intent().wire());
        m.put("intentRule", i.intentRule());
        m.put("mode", i.mode().wire());
        m.put("modeRule", i.modeRule());
        m.put("threadId", i.threadId());
        m.put("subject", i.subject());
        return m;
    }

    static List<Map<String, Object>> interactions(List<Interaction> list, ZoneId zone) {
        return list.stream().map(i -> interaction(i, zone)).toList();
    }

    static Map<String, Object> account(Account a, Map<String, Long> ignoredByReason, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("provider", a.provider());
        m.put("label", a.label());
        m.put("state", a.state());
        m.put("stateDetail", a.stateDetail());
        m.put("createdAt", time(a.createdAt(), zone));
        m.put("ignoredByReason", ignoredByReason);
        return m;
    }

    static Map<String, Object> page(List<?> items, int total, int page, int size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("total", total);
        m.put("page", page);
        m.put("size", size);
        return m;
    }
}
