package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Serialises stored messages and events as Graph JSON, honouring $select. */
final class Resources {
    /** Message properties in the order Graph lists them; internetMessageHeaders and body only when selected. */
    static final List<String> MESSAGE_FIELDS = List.of("createdDateTime", "lastModifiedDateTime", "changeKey", "categories",
            "receivedDateTime", "sentDateTime", "hasAttachments", "internetMessageId", "subject", "bodyPreview",
            "importance", "parentFolderId", "conversationId", "isRead", "isDraft", "inferenceClassification", "sender",
            "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo");
    static final List<String> SELECT_ONLY_MESSAGE_FIELDS = List.of("internetMessageHeaders", "body", "id");
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private Resources() {}

    /** Canonical field names for a $select value, or a Graph 400 for unknown names. Null/blank = default set. */
    static List<String> messageSelect(String select) {
        if (select == null || select.isBlank()) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String raw : select.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) continue;
            String canonical = canonical(name, MESSAGE_FIELDS, SELECT_ONLY_MESSAGE_FIELDS);
            if (canonical == null) {
                throw new GraphError(400, "RequestBroker--ParseUri",
                        "Could not find a property named '" + name + "' on type 'microsoft.graph.message'.");
            }
            out.add(canonical);
        }
        return List.copyOf(out);
    }

    private static String canonical(String name, List<String> a, List<String> b) {
        for (String f : a) if (f.equalsIgnoreCase(name)) return f;
        for (String f : b) if (f.equalsIgnoreCase(name)) return f;
        return null;
    }

    static ObjectNode message(GraphMessage m, List<String> select) {
        ObjectNode o = Json.object();
        o.put("@odata.type", "#microsoft.graph.message");
        o.put("@odata.etag", "W/\"" + m.changeKey() + "\"");
        o.put("id", m.id());
        Collection<String> fields = select == null ? MESSAGE_FIELDS : select;
        for (String f : fields) putMessageField(o, m, f);
        return o;
    }

    /** A delta entry for a plain update: id, the changed (and selected) fields and parentFolderId. */
    static ObjectNode partialMessage(GraphMessage m, List<String> changed, List<String> select) {
        ObjectNode o = Json.object();
        o.put("@odata.type", "#microsoft.graph.message");
        o.put("@odata.etag", "W/\"" + m.changeKey() + "\"");
        o.put("id", m.id());
        for (String f : changed) {
            if (select == null ? MESSAGE_FIELDS.contains(f) : select.contains(f)) putMessageField(o, m, f);
        }
        if (select == null || select.contains("parentFolderId")) putMessageField(o, m, "parentFolderId");
        return o;
    }

    static ObjectNode removed(String type, String id) {
        ObjectNode o = Json.object();
        o.put("@odata.type", type);
        o.put("id", id);
        o.putObject("@removed").put("reason", "deleted");
        return o;
    }

    private static void putMessageField(ObjectNode o, GraphMessage m, String f) {
        switch (f) {
            case "id" -> o.put("id", m.id());
            case "createdDateTime" -> o.put(f, Json.seconds(m.createdDateTime()));
            case "lastModifiedDateTime" -> o.put(f, Json.seconds(m.lastModifiedDateTime()));
            case "changeKey" -> o.put(f, m.changeKey());
            case "categories" -> strings(o.putArray(f), m.categories());
            case "receivedDateTime" -> o.put(f, Json.seconds(m.receivedDateTime()));
            case "sentDateTime" -> o.put(f, Json.seconds(m.sentDateTime()));
            case "hasAttachments" -> o.put(f, m.hasAttachments());
            case "internetMessageId" -> o.put(f, m.internetMessageId());
            case "subject" -> o.put(f, m.subject());
            case "bodyPreview" -> o.put(f, m.bodyPreview());
            case "importance" -> o.put(f, "normal");
            case "parentFolderId" -> o.put(f, m.parentFolderId());
            case "conversationId" -> o.put(f, m.conversationId());
            case "isRead" -> o.put(f, m.isRead());
            case "isDraft" -> o.put(f, m.isDraft());
            case "inferenceClassification" -> o.put(f, "focused");
            case "sender" -> recipient(o, f, m.sender());
            case "from" -> recipient(o, f, m.from());
            case "toRecipients" -> recipients(o.putArray(f), m.toRecipients());
            case "ccRecipients" -> recipients(o.putArray(f), m.ccRecipients());
            case "bccRecipients" -> recipients(o.putArray(f), m.bccRecipients());
            case "replyTo" -> recipients(o.putArray(f), m.replyTo());
            case "body" -> o.putObject(f).put("contentType", "text").put("content", m.bodyPreview());
            case "internetMessageHeaders" -> {
                ArrayNode a = o.putArray(f);
                for (GraphMessage.Header h : m.internetMessageHeaders()) a.addObject().put("name", h.name()).put("value", h.value());
            }
            default -> { }
        }
    }

    private static void recipient(ObjectNode o, String field, Recipient r) {
        if (r == null) o.putNull(field);
        else o.set(field, r.toJson());
    }

    private static void recipients(ArrayNode a, List<Recipient> rs) {
        for (Recipient r : rs) a.add(r.toJson());
    }

    private static void strings(ArrayNode a, List<String> xs) {
        for (String x : xs) a.add(x);
    }

    static ObjectNode dateTimeTimeZone(Instant t, ZoneId zone, String zoneName) {
        return Json.object().put("dateTime", Json.wallClock(t, zone)).put("timeZone", zoneName);
    }

    /**
     * The event in the calendarView property set. Times in {@code zone} (named {@code zoneName}, UTC by
     * default); extended properties only for the ids in {@code expandIds} (null = none).
     */
    static ObjectNode event(GraphEvent e, ZoneId zone, String zoneName, Function<String, Boolean> expandIds) {
        ObjectNode o = Json.object();
        o.put("@odata.type", "#microsoft.graph.event");
        o.put("@odata.etag", "W/\"" + e.changeKey() + "\"");
        o.put("id", e.id());
        o.put("createdDateTime", Json.sevenDigits(e.createdDateTime()));
        o.put("lastModifiedDateTime", Json.sevenDigits(e.lastModifiedDateTime()));
        o.put("changeKey", e.changeKey());
        strings(o.putArray("categories"), e.categories());
        if (e.transactionId() != null) o.put("transactionId", e.transactionId());
        else o.putNull("transactionId");
        o.put("originalStartTimeZone", e.originalStartTimeZone());
        o.put("originalEndTimeZone", e.originalEndTimeZone());
        o.put("iCalUId", e.iCalUId());
        o.put("uid", e.iCalUId());
        o.put("reminderMinutesBeforeStart", 15);
        o.put("isReminderOn", !e.isAllDay());
        o.put("hasAttachments", false);
        o.put("subject", e.subject());
        String preview = e.bodyContent() == null ? "" : e.bodyContent().replaceAll("<[^>]*>", "").strip();
        o.put("bodyPreview", preview.length() > 255 ? preview.substring(0, 255) : preview);
        o.put("importance", "normal");
        o.put("sensitivity", e.sensitivity());
        o.put("isAllDay", e.isAllDay());
        o.put("isCancelled", e.isCancelled());
        o.put("isOrganizer", e.isOrganizer());
        o.put("responseRequested", true);
        o.putNull("seriesMasterId");
        o.put("showAs", e.showAs());
        o.put("type", "singleInstance");
        o.put("webLink", e.webLink());
        o.putNull("onlineMeetingUrl");
        o.put("isOnlineMeeting", e.isOnlineMeeting());
        o.put("onlineMeetingProvider", e.onlineMeetingProvider());
        o.put("allowNewTimeProposals", true);
        o.put("isDraft", false);
        o.put("hideAttendees", false);
        ObjectNode rs = o.putObject("responseStatus");
        rs.put("response", e.response());
        rs.put("time", Json.seconds(e.responseTime() != null ? e.responseTime() : NEVER));
        o.putObject("body").put("contentType", e.bodyContentType()).put("content", e.bodyContent());
        o.set("start", dateTimeTimeZone(e.start(), zone, zoneName));
        o.set("end", dateTimeTimeZone(e.end(), zone, zoneName));
        ObjectNode loc = o.putObject("location");
        loc.put("displayName", e.location());
        loc.put("locationType", "default");
        loc.put("uniqueIdType", e.location().isEmpty() ? "unknown" : "private");
        ArrayNode locs = o.putArray("locations");
        if (!e.location().isEmpty()) locs.addObject().put("displayName", e.location()).put("locationType", "default");
        o.putNull("recurrence");
        ArrayNode atts = o.putArray("attendees");
        for (Attendee a : e.attendees()) {
            ObjectNode x = atts.addObject();
            x.put("type", a.type());
            x.putObject("status").put("response", a.response())
                    .put("time", Json.seconds(a.responseTime() != null ? a.responseTime() : NEVER));
            x.set("emailAddress", a.emailAddress().toJson().get("emailAddress"));
        }
        o.set("organizer", e.organizer().toJson());
        if (e.isOnlineMeeting() && e.joinUrl() != null) o.putObject("onlineMeeting").put("joinUrl", e.joinUrl());
        else o.putNull("onlineMeeting");
        if (expandIds != null) {
            ArrayNode props = Json.array();
            for (Map.Entry<String, String> p : e.extendedProperties().entrySet()) {
                if (expandIds.apply(p.getKey())) props.addObject().put("id", p.getKey()).put("value", p.getValue());
            }
            o.set("singleValueExtendedProperties", props);
        }
        return o;
    }

    /** Extended property ids compare case-insensitively except the property name after "Name ". */
    static boolean samePropertyId(String a, String b) {
        if (a == null || b == null) return false;
        String[] x = a.trim().split("\\s+", 4);
        String[] y = b.trim().split("\\s+", 4);
        if (x.length != y.length) return false;
        for (int i = 0; i < x.length; i++) {
            boolean isName = i == 3 && x.length == 4 && x[2].equalsIgnoreCase("Name");
            if (isName ? !x[i].equals(y[i]) : !x[i].toLowerCase(Locale.ROOT).equals(y[i].toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    static List<String> list(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
