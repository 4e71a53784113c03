package app.rapport.emulator.graph;

import app.rapport.emulator.graph.GraphRequest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Events (create, read, list with the extended-property filter, update, delete) and getSchedule. Callers hold the lock. */
final class CalendarRoutes {
    private static final Pattern EXT_FILTER = Pattern.compile("(?is)^\\s*singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:\\s*"
            + "\\1/id\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/value\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)\\s*$");
    private static final Pattern EXPAND = Pattern.compile("(?is)^\\s*singleValueExtendedProperties\\s*(?:\\(\\s*\\$filter\\s*=\\s*(.*)\\))?\\s*$");
    private static final Pattern ID_EQ = Pattern.compile("(?i)id\\s+eq\\s+'((?:[^']|'')*)'");
    static final Set<String> SHOW_AS = Set.of("free", "tentative", "busy", "oof", "workingElsewhere", "unknown");
    private static final Set<String> IGNORED = Set.of("id", "createdDateTime", "lastModifiedDateTime", "changeKey", "iCalUId",
            "uid", "webLink", "organizer", "isOrganizer", "type", "responseStatus", "isCancelled", "onlineMeeting",
            "onlineMeetingUrl", "seriesMasterId", "bodyPreview", "hasAttachments", "isDraft", "importance", "isReminderOn",
            "reminderMinutesBeforeStart", "responseRequested", "allowNewTimeProposals", "hideAttendees", "locations",
            "originalStartTimeZone", "originalEndTimeZone", "originalStart", "occurrenceId", "cancelledOccurrences",
            "exceptionOccurrences", "recurrence");

    private final GraphEmulator emu;

    CalendarRoutes(GraphEmulator emu) {
        this.emu = emu;
    }

    // ------------------------------------------------------------------ events

    Reply create(GraphRequest r) {
        JsonNode b = r.body();
        String transactionId = Json.text(b, "transactionId");
        Mailbox mb = r.mailbox;
        if (transactionId != null) {
            GraphEvent existing = mb.byTransactionId(transactionId);
            if (existing != null) {
                emu.duplicatePostsSuppressed.incrementAndGet();
                return Reply.created(withContext(r, event(r, existing, null)));
            }
        }
        GraphEvent.Builder e = GraphEvent.builder();
        apply(b, e, null, true);
        if (e.start == null || e.end == null) throw GraphError.badRequest("An event needs start and end.");
        e.transactionId = transactionId;
        GraphEvent created = mb.createEvent(e, true);
        return Reply.created(withContext(r, event(r, created, null)));
    }

    Reply get(GraphRequest r, String id) {
        GraphEvent e = find(r.mailbox, id);
        return Reply.ok(withContext(r, event(r, e, expand(r))));
    }

    Reply patch(GraphRequest r, String id) {
        GraphEvent old = find(r.mailbox, id);
        JsonNode b = r.body();
        GraphEvent.Builder probe = old.toBuilder();
        apply(b, probe, old, false);
        GraphEvent updated = r.mailbox.changeEvent(id, x -> copy(probe, x), true);
        return Reply.ok(withContext(r, event(r, updated, null)));
    }

    Reply delete(GraphRequest r, String id) {
        find(r.mailbox, id);
        r.mailbox.removeEvent(id, true);
        return Reply.noContent();
    }

    /** POST /me/events/{id}/cancel by the organizer: cancellations go out and the event leaves the calendar. */
    Reply cancel(GraphRequest r, String id) {
        GraphEvent e = find(r.mailbox, id);
        if (!e.isOrganizer()) throw new GraphError(400, "ErrorAccessDenied", "Only the organizer can cancel a meeting.");
        r.mailbox.removeEvent(id, true);
        return new Reply(202, null, new java.util.LinkedHashMap<>());
    }

    /** accept / tentativelyAccept / decline by the mailbox owner as an attendee. */
    Reply answer(GraphRequest r, String id, String action) {
        GraphEvent e = find(r.mailbox, id);
        if (e.isOrganizer()) throw GraphError.badRequest("The organizer cannot respond to their own meeting.");
        String response = switch (action.toLowerCase(Locale.ROOT)) {
            case "accept" -> "accepted";
            case "tentativelyaccept" -> "tentativelyAccepted";
            default -> "declined";
        };
        Instant now = emu.now();
        if (response.equals("declined")) {
            r.mailbox.removeEvent(id, true);
        } else {
            r.mailbox.changeEvent(id, x -> {
                x.response = response;
                x.responseTime = now;
                x.showAs = response.equals("accepted") ? "busy" : "tentative";
            }, true);
        }
        return new Reply(202, null, new java.util.LinkedHashMap<>());
    }

    Reply list(GraphRequest r) {
        String filter = r.option("filter");
        String propId = null;
        String propValue = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = EXT_FILTER.matcher(filter);
            if (!m.matches()) {
                throw GraphError.badRequest("The Graph emulator supports only $filter=singleValueExtendedProperties/Any(ep: ep/id eq '...' and ep/value eq '...') on events; got '"
                        + filter + "'.");
            }
            propId = m.group(2).replace("''", "'");
            propValue = m.group(3).replace("''", "'");
        }
        List<GraphEvent> all = new ArrayList<>();
        for (GraphEvent e : r.mailbox.events()) {
            if (propId == null || hasProperty(e, propId, propValue)) all.add(e);
        }
        int top = intOption(r, "top", 10, 1, 1000);
        int skip = intOption(r, "skip", 0, 0, Integer.MAX_VALUE);
        Function<String, Boolean> expand = expand(r);
        ObjectNode body = Json.object();
        body.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/events");
        ArrayNode value = body.putArray("value");
        for (int i = skip; i < Math.min(all.size(), skip + top); i++) value.add(event(r, all.get(i), expand));
        if (skip + top < all.size()) {
            StringBuilder next = new StringBuilder(emu.graphBaseUrl() + "/me/events?");
            if (filter != null) next.append("$filter=").append(Identity.enc(filter)).append('&');
            if (r.option("expand") != null) next.append("$expand=").append(Identity.enc(r.option("expand"))).append('&');
            next.append("$top=").append(top).append("&$skip=").append(skip + top);
            body.put("@odata.nextLink", next.toString());
        }
        return Reply.ok(body);
    }

    private static boolean hasProperty(GraphEvent e, String id, String value) {
        for (Map.Entry<String, String> p : e.extendedProperties().entrySet()) {
            if (Resources.samePropertyId(p.getKey(), id) && p.getValue() != null && p.getValue().equalsIgnoreCase(value)) return true;
        }
        return false;
    }

    private Function<String, Boolean> expand(GraphRequest r) {
        String expand = r.option("expand");
        if (expand == null || expand.isBlank()) return null;
        Matcher m = EXPAND.matcher(expand);
        if (!m.matches()) throw GraphError.badRequest("The Graph emulator can only $expand singleValueExtendedProperties; got '" + expand + "'.");
        if (m.group(1) == null) return id -> true;
        List<String> ids = new ArrayList<>();
        Matcher idm = ID_EQ.matcher(m.group(1));
        while (idm.find()) ids.add(idm.group(1).replace("''", "'"));
        if (ids.isEmpty()) throw GraphError.badRequest("Cannot read the $filter inside $expand: " + m.group(1));
        return id -> ids.stream().anyMatch(x -> Resources.samePropertyId(x, id));
    }

    private ObjectNode event(GraphRequest r, GraphEvent e, Function<String, Boolean> expand) {
        return Resources.event(e, r.responseZone(), r.responseZoneName(), expand);
    }

    private ObjectNode withContext(GraphRequest r, ObjectNode o) {
        ObjectNode out = Json.object();
        out.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/events/$entity");
        out.setAll(o);
        return out;
    }

    static GraphEvent find(Mailbox mb, String id) {
        GraphEvent e = mb.events.get(id);
        if (e == null) throw GraphError.notFound("event " + id);
        return e;
    }

    private static int intOption(GraphRequest r, String name, int dflt, int min, int max) {
        String v = r.option(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw GraphError.badRequest("$" + name + " must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("$" + name + " is not a number: " + v);
        }
    }

    /** Applies a POST/PATCH body to a builder; unknown properties are a 400 like Graph's RequestBodyRead. */
    private void apply(JsonNode b, GraphEvent.Builder e, GraphEvent old, boolean create) {
        if (!b.isObject()) throw new GraphError(400, "RequestBodyRead", "The body must be a JSON object.");
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (name.startsWith("@odata")) continue;
            switch (name) {
                case "subject" -> e.subject = v.isNull() ? "" : v.asText();
                case "body" -> {
                    e.bodyContentType = v.path("contentType").asText("text").toLowerCase(Locale.ROOT);
                    e.bodyContent = v.path("content").asText("");
                }
                case "start" -> {
                    e.start = TimeZones.dateTimeTimeZone(v, "start");
                    e.originalStartTimeZone = v.path("timeZone").asText("UTC");
                }
                case "end" -> {
                    e.end = TimeZones.dateTimeTimeZone(v, "end");
                    e.originalEndTimeZone = v.path("timeZone").asText("UTC");
                }
                case "isAllDay" -> e.isAllDay = v.asBoolean();
                case "showAs" -> {
                    String s = v.asText();
                    if (!SHOW_AS.contains(s)) throw GraphError.badRequest("showAs '" + s + "' is not one of " + SHOW_AS);
                    e.showAs = s;
                }
                case "location" -> e.location = v.isNull() ? "" : v.path("displayName").asText("");
                case "attendees" -> e.attendees = attendees(v, old);
                case "isOnlineMeeting" -> e.isOnlineMeeting = v.asBoolean();
                case "onlineMeetingProvider" -> e.onlineMeetingProvider = v.asText();
                case "transactionId" -> {
                    if (!create && old != null && !v.asText().equals(old.transactionId())) {
                        throw GraphError.badRequest("transactionId cannot be changed after the event was created.");
                    }
                }
                case "singleValueExtendedProperties" -> {
                    if (!v.isArray()) throw GraphError.badRequest("singleValueExtendedProperties must be an array");
                    for (JsonNode p : v) {
                        String id = Json.text(p, "id");
                        if (id == null || id.isBlank()) throw GraphError.badRequest("An extended property needs an id.");
                        e.extendedProperties.keySet().removeIf(k -> Resources.samePropertyId(k, id));
                        e.extendedProperties.put(id, Json.text(p, "value"));
                    }
                }
                case "categories" -> {
                    List<String> cs = new ArrayList<>();
                    for (JsonNode c : v) cs.add(c.asText());
                    e.categories = cs;
                }
                case "sensitivity" -> e.sensitivity = v.asText();
                default -> {
                    if (name.equals("recurrence") && !v.isNull()) {
                        throw new GraphError(400, "BadRequest", "The Graph emulator does not emulate recurring events.");
                    }
                    if (!IGNORED.contains(name)) {
                        throw new GraphError(400, "RequestBodyRead",
                                "The property '" + name + "' does not exist on type 'microsoft.graph.event'.");
                    }
                }
            }
        }
        if (e.start != null && e.end != null && e.end.isBefore(e.start)) {
            throw GraphError.badRequest("The event's end must not be before its start.");
        }
        if (e.isAllDay && e.start != null && e.end != null) {
            ZoneId z = TimeZones.zone(e.originalStartTimeZone);
            if (!e.start.atZone(z).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    || !e.end.atZone(z).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                throw GraphError.badRequest("An all-day event must start and end at midnight.");
            }
        }
    }

    private static List<Attendee> attendees(JsonNode v, GraphEvent old) {
        if (!v.isArray()) throw GraphError.badRequest("attendees must be an array");
        if (v.size() > 500) throw GraphError.badRequest("An event can have at most 500 attendees.");
        List<Attendee> out = new ArrayList<>();
        for (JsonNode a : v) {
            Recipient who = Recipient.fromJson(a);
            String type = a.path("type").asText("required");
            Attendee previous = old == null ? null : old.attendee(who.address());
            out.add(previous != null ? new Attendee(type, previous.response(), previous.responseTime(), who)
                    : new Attendee(type, "none", null, who));
        }
        return out;
    }

    private static void copy(GraphEvent.Builder from, GraphEvent.Builder to) {
        to.subject = from.subject;
        to.bodyContentType = from.bodyContentType;
        to.bodyContent = from.bodyContent;
        to.start = from.start;
        to.end = from.end;
        to.originalStartTimeZone = from.originalStartTimeZone;
        to.originalEndTimeZone = from.originalEndTimeZone;
        to.isAllDay = from.isAllDay;
        to.showAs = from.showAs;
        to.location = from.location;
        to.attendees = from.attendees;
        to.isOnlineMeeting = from.isOnlineMeeting;
        to.onlineMeetingProvider = from.onlineMeetingProvider;
        to.extendedProperties = from.extendedProperties;
        to.categories = from.categories;
        to.sensitivity = from.sensitivity;
    }

    // ------------------------------------------------------------------ getSchedule

    Reply getSchedule(GraphRequest r) {
        // the action's parameters are PascalCase in Graph's metadata (the SDK sends "Schedules", "StartTime");
        // Graph accepts any case
        JsonNode b = lowerCaseKeys(r.body());
        JsonNode schedules = b.get("schedules");
        if (schedules == null || !schedules.isArray() || schedules.isEmpty()) {
            throw new GraphError(400, "ErrorInvalidParameter", "schedules must list at least one address.");
        }
        if (schedules.size() > 100) {
            throw new GraphError(400, "ErrorMailboxDataArrayTooBig", "The schedules array can hold at most 100 addresses.");
        }
        Instant start = TimeZones.dateTimeTimeZone(b.get("starttime"), "startTime");
        Instant end = TimeZones.dateTimeTimeZone(b.get("endtime"), "endTime");
        if (!end.isAfter(start)) throw new GraphError(400, "ErrorInvalidParameter", "endTime must be after startTime.");
        if (Duration.between(start, end).compareTo(Duration.ofDays(62)) > 0) {
            throw new GraphError(400, "ErrorTimeIntervalTooBig", "The requested time window is longer than 62 days.");
        }
        int interval = b.hasNonNull("availabilityviewinterval") ? b.get("availabilityviewinterval").asInt() : 30;
        if (interval < 5 || interval > 1440) {
            throw new GraphError(400, "ErrorInvalidParameter", "availabilityViewInterval must be between 5 and 1440 minutes.");
        }
        ZoneId zone = r.responseZone();
        String zoneName = r.responseZoneName();
        ObjectNode body = Json.object();
        body.put("@odata.context", emu.graphBaseUrl() + "/$metadata#Collection(microsoft.graph.scheduleInformation)");
        ArrayNode value = body.putArray("value");
        for (JsonNode s : schedules) {
            String address = s.asText();
            ObjectNode info = value.addObject();
            info.put("scheduleId", address);
            Mailbox other = emu.findMailbox(address);
            if (other == null) {
                info.put("availabilityView", "");
                info.putArray("scheduleItems");
                ObjectNode err = info.putObject("error");
                err.put("message", "The mailbox " + address + " was not found in this tenant.");
                err.put("responseCode", "ErrorMailRecipientNotFound");
                continue;
            }
            boolean self = other == r.mailbox;
            List<GraphEvent> busy = new ArrayList<>();
            for (GraphEvent e : other.events()) {
                if (!e.isCancelled() && !e.showAs().equals("free") && Delta.overlaps(e, start, end)) busy.add(e);
            }
            StringBuilder view = new StringBuilder();
            Duration step = Duration.ofMinutes(interval);
            for (Instant slot = start; slot.isBefore(end); slot = slot.plus(step)) {
                Instant slotEnd = slot.plus(step);
                int digit = 0;
                for (GraphEvent e : busy) if (Delta.overlaps(e, slot, slotEnd)) digit = Math.max(digit, digit(e.showAs()));
                view.append(digit);
            }
            info.put("availabilityView", view.toString());
            ArrayNode items = info.putArray("scheduleItems");
            for (GraphEvent e : busy) {
                ObjectNode it = items.addObject();
                boolean priv = !e.sensitivity().equals("normal");
                it.put("isPrivate", priv);
                it.put("status", e.showAs());
                if (self || !priv) {
                    it.put("subject", e.subject());
                    it.put("location", e.location());
                }
                it.put("isMeeting", !e.attendees().isEmpty());
                it.put("isRecurring", false);
                it.put("isException", false);
                it.put("isReminderSet", true);
                it.set("start", Resources.dateTimeTimeZone(e.start(), zone, zoneName));
                it.set("end", Resources.dateTimeTimeZone(e.end(), zone, zoneName));
            }
            info.set("workingHours", GraphRoutes.workingHours(other.workingHours()));
        }
        return Reply.ok(body);
    }

    private static ObjectNode lowerCaseKeys(JsonNode b) {
        ObjectNode out = Json.object();
        if (b != null && b.isObject()) b.fields().forEachRemaining(f -> out.set(f.getKey().toLowerCase(Locale.ROOT), f.getValue()));
        return out;
    }

    /** availabilityView digit: 0 free, 1 tentative, 2 busy, 3 oof; workingElsewhere and unknown count as 0. */
    private static int digit(String showAs) {
        return switch (showAs) {
            case "tentative" -> 1;
            case "busy" -> 2;
            case "oof" -> 3;
            default -> 0;
        };
    }
}
