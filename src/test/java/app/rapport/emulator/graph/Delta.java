package app.rapport.emulator.graph;

import app.rapport.emulator.graph.GraphRequest.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delta queries for a mail folder and for the calendar view. Tokens are opaque random strings that
 * map to server-side cursors, so the emulator can expire them. A round snapshots its item ids and a
 * watermark (the mailbox change sequence) when it starts; pages serve the items' current state; the
 * last page's deltaLink holds that watermark, so changes made during a round come (again) in the next.
 */
final class Delta {
    private static final Pattern RECEIVED_FILTER =
            Pattern.compile("(?i)^\\s*receivedDateTime\\s+(ge|gt)\\s+(\\S+)\\s*$");
    private static final Duration MAX_CALENDAR_WINDOW = Duration.ofDays(1825);

    /** The items of one round and the watermark its deltaLink will carry. */
    record Round(List<String> ids, Map<String, List<String>> partial, long endWatermark) {}

    /** What a token stands for. A skip cursor points into a round; a delta cursor holds a watermark. */
    record Cursor(Mailbox mailbox, boolean calendar, String folderId, String folderRef, List<String> select,
            Instant receivedFrom, boolean receivedStrict, Instant windowStart, Instant windowEnd,
            Round round, int offset, long watermark) {

        Cursor skip(Round r, int at) {
            return new Cursor(mailbox, calendar, folderId, folderRef, select, receivedFrom, receivedStrict, windowStart,
                    windowEnd, r, at, -1);
        }

        Cursor delta(long w) {
            return new Cursor(mailbox, calendar, folderId, folderRef, select, receivedFrom, receivedStrict, windowStart,
                    windowEnd, null, 0, w);
        }
    }

    private final GraphEmulator emu;
    private final Map<String, Cursor> live = new HashMap<>();
    private final Map<String, Cursor> dead = new HashMap<>();
    private int pagesUntilExpiry = -1;
    long pagesServed;

    Delta(GraphEmulator emu) {
        this.emu = emu;
    }

    void expireAll() {
        dead.putAll(live);
        live.clear();
        pagesUntilExpiry = -1;
    }

    void expireAfterPages(int n) {
        pagesUntilExpiry = n;
        if (n <= 0) expireAll();
    }

    int liveTokens() {
        return live.size();
    }

    // ------------------------------------------------------------------ mail

    Reply mail(GraphRequest r, String folderRef) {
        Mailbox mb = r.mailbox;
        String token = tokenOf(r);
        if (token != null && !token.equals("latest")) {
            Cursor c = live.get(token);
            if (c == null || c.calendar()) return expired(r, dead.get(token), folderRef);
            checkOwner(c, mb);
            return c.round() != null ? page(r, c, c.round(), c.offset()) : page(r, c, mailRound(c), 0);
        }
        Mailbox.Folder folder = mb.findFolder(folderRef);
        if (folder == null) throw GraphError.notFound("mail folder " + folderRef);
        List<String> select = Resources.messageSelect(r.option("select"));
        Instant from = null;
        boolean strict = false;
        String filter = r.option("filter");
        if (filter != null && !filter.isBlank()) {
            Matcher m = RECEIVED_FILTER.matcher(filter);
            if (!m.matches()) {
                throw GraphError.badRequest("Message delta supports $filter only as 'receivedDateTime ge|gt <value>'; got '"
                        + filter + "'.");
            }
            strict = m.group(1).equalsIgnoreCase("gt");
            from = TimeZones.instant(m.group(2).replace("'", ""), ZoneOffset.UTC, "$filter");
        }
        Cursor base = new Cursor(mb, false, folder.id(), folderRef, select, from, strict, null, null, null, 0, -1);
        if ("latest".equals(token)) return page(r, base, new Round(List.of(), Map.of(), mb.seq), 0);
        List<String> ids = new ArrayList<>();
        for (GraphMessage m : mb.messagesIn(folder.id())) if (matches(base, m)) ids.add(m.id());
        return page(r, base, new Round(ids, Map.of(), mb.seq), 0);
    }

    private Round mailRound(Cursor c) {
        Mailbox mb = c.mailbox();
        LinkedHashMap<String, List<String>> changed = new LinkedHashMap<>();
        Map<String, Boolean> full = new HashMap<>();
        for (int i = firstAfter(mb.mailLog, c.watermark()); i < mb.mailLog.size(); i++) {
            Mailbox.MailChange ch = mb.mailLog.get(i);
            if (!ch.folderId().equals(c.folderId())) continue;
            List<String> fields = changed.remove(ch.messageId());
            if (fields == null) fields = new ArrayList<>();
            if (ch.kind() == Mailbox.ChangeKind.FIELDS) {
                for (String f : ch.fields()) if (!fields.contains(f)) fields.add(f);
            } else {
                full.put(ch.messageId(), true);
            }
            changed.put(ch.messageId(), fields);
        }
        Map<String, List<String>> partial = new HashMap<>();
        changed.forEach((id, fields) -> {
            if (!full.containsKey(id)) partial.put(id, List.copyOf(fields));
        });
        return new Round(List.copyOf(changed.keySet()), partial, mb.seq);
    }

    private static int firstAfter(List<? extends Object> log, long watermark) {
        int lo = 0;
        int hi = log.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Object e = log.get(mid);
            long seq = e instanceof Mailbox.MailChange mc ? mc.seq() : ((Mailbox.CalendarChange) e).seq();
            if (seq <= watermark) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static boolean matches(Cursor c, GraphMessage m) {
        if (c.receivedFrom() == null) return true;
        int cmp = m.receivedDateTime().compareTo(c.receivedFrom());
        return c.receivedStrict() ? cmp > 0 : cmp >= 0;
    }

    private ObjectNode mailItem(Cursor c, Round round, String id) {
        GraphMessage m = c.mailbox().messages.get(id);
        if (m == null || !m.parentFolderId().equals(c.folderId())) return Resources.removed("#microsoft.graph.message", id);
        if (!matches(c, m)) return null;
        List<String> changed = round.partial().get(id);
        if (changed != null && emu.partialUpdates) return Resources.partialMessage(m, changed, c.select());
        return Resources.message(m, c.select());
    }

    // ------------------------------------------------------------------ calendar

    Reply calendar(GraphRequest r) {
        Mailbox mb = r.mailbox;
        String token = tokenOf(r);
        if (token != null && !token.equals("latest")) {
            Cursor c = live.get(token);
            if (c == null || !c.calendar()) return expired(r, dead.get(token), null);
            checkOwner(c, mb);
            return c.round() != null ? page(r, c, c.round(), c.offset()) : page(r, c, calendarRound(c), 0);
        }
        String s = r.query.get("startDateTime");
        String e = r.query.get("endDateTime");
        if (s == null || s.isBlank() || e == null || e.isBlank()) { // the SDK sends "startDateTime=&endDateTime=" when unset
            throw new GraphError(400, "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters startDateTime and endDateTime.");
        }
        Instant start = TimeZones.instant(s, ZoneOffset.UTC, "startDateTime");
        Instant end = TimeZones.instant(e, ZoneOffset.UTC, "endDateTime");
        if (!end.isAfter(start)) throw new GraphError(400, "ErrorInvalidParameter", "endDateTime must be after startDateTime.");
        if (Duration.between(start, end).compareTo(MAX_CALENDAR_WINDOW) > 0) {
            throw new GraphError(400, "ErrorInvalidRequest", "The time window of a calendar view can be at most 1825 days.");
        }
        Cursor base = new Cursor(mb, true, null, null, null, null, false, start, end, null, 0, -1);
        if ("latest".equals(token)) return page(r, base, new Round(List.of(), Map.of(), mb.seq), 0);
        List<String> ids = new ArrayList<>();
        for (GraphEvent ev : mb.events()) if (overlaps(ev, start, end)) ids.add(ev.id());
        return page(r, base, new Round(ids, Map.of(), mb.seq), 0);
    }

    private Round calendarRound(Cursor c) {
        Mailbox mb = c.mailbox();
        LinkedHashMap<String, Boolean> changed = new LinkedHashMap<>();
        for (int i = firstAfter(mb.calendarLog, c.watermark()); i < mb.calendarLog.size(); i++) {
            String id = mb.calendarLog.get(i).eventId();
            changed.remove(id);
            changed.put(id, true);
        }
        return new Round(List.copyOf(changed.keySet()), Map.of(), mb.seq);
    }

    static boolean overlaps(GraphEvent e, Instant start, Instant end) {
        if (e.start().equals(e.end())) return !e.start().isBefore(start) && e.start().isBefore(end);
        return e.start().isBefore(end) && e.end().isAfter(start);
    }

    private ObjectNode calendarItem(GraphRequest r, Cursor c, String id) {
        GraphEvent e = c.mailbox().events.get(id);
        if (e == null || !overlaps(e, c.windowStart(), c.windowEnd())) return Resources.removed("#microsoft.graph.event", id);
        return Resources.event(e, r.responseZone(), r.responseZoneName(), null);
    }

    // ------------------------------------------------------------------ paging

    private Reply page(GraphRequest r, Cursor base, Round round, int offset) {
        Integer asked = r.maxPageSize();
        int size = asked == null ? emu.options.defaultPageSize : Math.max(1, Math.min(asked, emu.options.maxPageSize));
        int end = Math.min(round.ids().size(), offset + size);
        ObjectNode body = Json.object();
        body.put("@odata.context", emu.graphBaseUrl() + (base.calendar() ? "/$metadata#Collection(event)"
                : "/$metadata#Collection(message)"));
        ArrayNode value = Json.array();
        for (int i = offset; i < end; i++) {
            String id = round.ids().get(i);
            ObjectNode item = base.calendar() ? calendarItem(r, base, id) : mailItem(base, round, id);
            if (item != null) value.add(item);
        }
        String token = Json.randomToken(36);
        boolean more = end < round.ids().size();
        if (more) live.put(token, base.skip(round, end));
        else live.put(token, base.delta(round.endWatermark()));
        String link = link(base, more ? "$skiptoken=" : "$deltatoken=", token);
        if (more) body.put("@odata.nextLink", link);
        body.set("value", value);
        if (!more) body.put("@odata.deltaLink", link);
        pagesServed++;
        if (pagesUntilExpiry > 0 && --pagesUntilExpiry == 0) expireAll();
        if (asked != null) r.applied.add("odata.maxpagesize=" + size);
        return Reply.ok(body);
    }

    private String link(Cursor c, String param, String token) {
        return (c.calendar() ? emu.graphBaseUrl() + "/me/calendarView/delta"
                : emu.graphBaseUrl() + "/me/mailFolders('" + c.folderRef() + "')/messages/delta") + "?" + param + token;
    }

    private String freshUrl(Cursor c, String folderRef) {
        if (c == null) {
            return folderRef == null ? null : emu.graphBaseUrl() + "/me/mailFolders('" + folderRef + "')/messages/delta";
        }
        if (c.calendar()) {
            return emu.graphBaseUrl() + "/me/calendarView/delta?startDateTime=" + Json.seconds(c.windowStart())
                    + "&endDateTime=" + Json.seconds(c.windowEnd());
        }
        String url = emu.graphBaseUrl() + "/me/mailFolders('" + c.folderRef() + "')/messages/delta";
        if (c.select() != null) url += "?$select=" + String.join(",", c.select());
        return url;
    }

    private Reply expired(GraphRequest r, Cursor tombstone, String folderRef) {
        DeltaExpiry shape = emu.deltaExpiry;
        GraphError err = new GraphError(shape.status, shape.code, shape.code.equals("resyncRequired")
                ? "The delta token is no longer valid; the application must reset the sync state."
                : "The sync state generation is not found: the delta token has expired.");
        String fresh = freshUrl(tombstone, folderRef);
        if (shape.status == 410 && fresh != null) err.header("Location", fresh);
        throw err;
    }

    private static String tokenOf(GraphRequest r) {
        String skip = r.option("skiptoken");
        return skip != null ? skip : r.option("deltatoken");
    }

    private static void checkOwner(Cursor c, Mailbox mb) {
        if (c.mailbox() != mb) throw new GraphError(403, "ErrorAccessDenied", "The delta token belongs to another mailbox.");
    }
}
