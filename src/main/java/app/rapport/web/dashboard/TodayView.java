package app.rapport.web.dashboard;

import app.rapport.domain.client.Client;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import app.rapport.service.ClientView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Today page: counts per status, status filters that are plain links, and one page of clients
 * most urgent first.
 *
 * @param nextHref the link to the next page of rows, or null on the last page
 */
public record TodayView(List<Filter> filters, String filterLabel, List<Row> rows, int total, int page, int pageSize,
                        String nextHref, String firstHref) {
    /** A status filter link with the number of clients it shows. */
    public record Filter(String status, String label, int count, String href, boolean selected) {}

    /** The last contact of a row; {@code mode} is only set for meetings. */
    public record Last(String when, String date, String channel, String direction, String intent, String mode,
                       String rule) {}

    /** One client in the list. {@code last} is null when there is no contact on record. */
    public record Row(long id, String href, String name, String tier, String status, String statusLabel, String due,
                      boolean overdue, String dueDate, Last last, String explanation) {}

    /** Builds the page from one page of the urgency list and the counts per status. */
    public static TodayView build(ClientView.Page page, Map<Status, Integer> counts, Status filter, Instant now,
                                  ZoneId zone) {
        LocalDate today = Words.day(now, zone);
        List<Filter> filters = new ArrayList<>();
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        filters.add(new Filter("", "All", all, "/", filter == null));
        for (Status s : Status.values()) {
            filters.add(new Filter(s.wire(), Words.status(s), counts.getOrDefault(s, 0), "/?status=" + s.wire(),
                    s == filter));
        }
        List<Row> rows = new ArrayList<>();
        for (ClientView.Summary s : page.items()) rows.add(row(s.client(), s.relationship(), zone, today));
        boolean more = (long) page.page() * page.size() < page.total();
        String base = filter == null ? "/?" : "/?status=" + filter.wire() + "&";
        return new TodayView(filters, filter == null ? "clients" : Words.status(filter).toLowerCase() + " clients",
                rows, page.total(), page.page(), page.size(), more ? base + "page=" + (page.page() + 1) : null,
                filter == null ? "/" : "/?status=" + filter.wire());
    }

    static Row row(Client c, Relationship r, ZoneId zone, LocalDate today) {
        String href = "/clients/" + c.id();
        if (r == null) {
            return new Row(c.id(), href, c.name(), c.tier(), "", "Not computed yet", "", false, "", null, "");
        }
        Last last = null;
        LastContact l = r.lastContact();
        if (l != null) {
            last = new Last(RelativeDays.ago(Words.day(l.at(), zone), today), Words.date(l.at(), zone),
                    l.channel().wire(), l.direction().wire(), l.intent().wire(),
                    Words.isMeeting(l) ? l.mode().wire() : null, l.rule());
        }
        boolean overdue = r.dueAt() != null && Words.day(r.dueAt(), zone).isBefore(today);
        String due = r.dueAt() == null ? "" : RelativeDays.due(Words.day(r.dueAt(), zone), today);
        return new Row(c.id(), href, c.name(), r.tier(), r.status().wire(), Words.status(r.status()), due, overdue,
                Words.date(r.dueAt(), zone), last, r.explanation());
    }

    /** Rows shown so far, counting earlier pages: "1–50". */
    public String range() {
        if (rows.isEmpty()) return "0";
        int from = (page - 1) * pageSize + 1;
        return from + "–" + (from + rows.size() - 1);
    }
}
