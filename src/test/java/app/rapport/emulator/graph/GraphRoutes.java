package app.rapport.emulator.graph;

import app.rapport.emulator.graph.GraphRequest.Reply;
import app.rapport.emulator.graph.GraphRequest.Segment;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Maps a /v1.0 request to its handler and route kind (for stats and fault predicates). */
final class GraphRoutes {
    /** A resolved route: its kind, whether it runs under the emulator lock, and the handler. */
    record Route(String kind, boolean locked, Supplier<Reply> handler) {}

    private static final String[] USER_READ = {"User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All"};
    private static final String[] SETTINGS_READ = {"MailboxSettings.Read", "MailboxSettings.ReadWrite"};
    private static final String[] MAIL_READ = {"Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"};
    private static final String[] CAL_READ = {"Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"};
    private static final String[] CAL_WRITE = {"Calendars.ReadWrite"};

    private final GraphEmulator emu;
    private final CalendarRoutes calendar;

    GraphRoutes(GraphEmulator emu) {
        this.emu = emu;
        this.calendar = new CalendarRoutes(emu);
    }

    Route route(GraphRequest r) {
        List<Segment> s = r.segments;
        String m = r.method;
        if (s.isEmpty()) return unknown(r);
        if (s.get(0).is("subscriptions")) return subscriptions(r, s.subList(1, s.size()));
        if (s.get(0).is("$batch")) {
            return new Route("batch", false, () -> {
                throw new GraphError(501, "notSupported", "The Graph emulator does not emulate JSON batching ($batch).");
            });
        }
        List<Segment> rest;
        String user = null;
        if (s.get(0).is("me")) {
            rest = s.subList(1, s.size());
        } else if (s.get(0).is("users") && s.size() >= 2) {
            user = s.get(1).name();
            rest = s.subList(2, s.size());
        } else {
            return unknown(r);
        }
        Route route = userRoute(r, m, rest);
        if (user == null) return route;
        String who = user;
        return new Route(route.kind(), route.locked(), () -> {
            if (who.equals("TokenToReplace")) {
                throw GraphError.badRequest("The client asked for /users/TokenToReplace: it was built without the Graph SDK's "
                        + "default interceptors (UrlReplaceHandler), e.g. GraphClientFactory.create(...) with a custom list.");
            }
            if (!who.equalsIgnoreCase(r.mailbox.userId()) && !who.equalsIgnoreCase(r.mailbox.address())) {
                throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            }
            return route.handler().get();
        });
    }

    private Route userRoute(GraphRequest r, String m, List<Segment> s) {
        int n = s.size();
        if (n == 0) return get(r, "me", () -> me(r), USER_READ);
        String a = s.get(0).name().toLowerCase(Locale.ROOT);
        switch (a) {
            case "mailboxsettings" -> {
                if (n == 1) return get(r, "mailboxSettings", () -> Reply.ok(settings(r)), SETTINGS_READ);
                if (n == 2 && s.get(1).is("workingHours")) {
                    return get(r, "mailboxSettings", () -> {
                        ObjectNode o = Json.object();
                        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/mailboxSettings/workingHours");
                        o.setAll(workingHours(r.mailbox.workingHours()));
                        return Reply.ok(o);
                    }, SETTINGS_READ);
                }
                if (n == 2 && s.get(1).is("timeZone")) {
                    return get(r, "mailboxSettings", () -> Reply.ok(Json.object().put("value", r.mailbox.timeZone())), SETTINGS_READ);
                }
            }
            case "mailfolders" -> {
                if (n == 1) return get(r, "mailFolders", () -> folders(r), MAIL_READ);
                String folder = s.get(1).name();
                if (n == 2) return get(r, "mailFolder", () -> Reply.ok(folder(r, folderOr404(r, folder))), MAIL_READ);
                if (n >= 3 && s.get(2).is("messages")) {
                    if (n == 3) return get(r, "messages.list", () -> messages(r, folderOr404(r, folder).id()), MAIL_READ);
                    if (n == 4 && s.get(3).is("delta")) return get(r, "messages.delta", () -> emu.delta.mail(r, folder), MAIL_READ);
                    if (n == 4) return get(r, "message.get", () -> message(r, s.get(3).name()), MAIL_READ);
                }
            }
            case "messages" -> {
                if (n == 1) return get(r, "messages.list", () -> messages(r, null), MAIL_READ);
                if (n == 2) return get(r, "message.get", () -> message(r, s.get(1).name()), MAIL_READ);
            }
            case "events" -> {
                return events(r, m, s.subList(1, n));
            }
            case "calendar" -> {
                if (n >= 2 && s.get(1).is("events")) return events(r, m, s.subList(2, n));
                if (n == 2 && s.get(1).is("getSchedule")) {
                    return method(r, "POST", "getSchedule", () -> calendar.getSchedule(r), CAL_READ);
                }
                if (n == 2 && s.get(1).is("calendarView")) return calendarView(r, s.subList(2, n));
            }
            case "calendarview" -> {
                return calendarView(r, s.subList(1, n));
            }
            default -> { }
        }
        return unknown(r);
    }

    private Route calendarView(GraphRequest r, List<Segment> s) {
        if (s.size() == 1 && s.get(0).is("delta")) return get(r, "calendarView.delta", () -> emu.delta.calendar(r), CAL_READ);
        return unknown(r);
    }

    private Route events(GraphRequest r, String m, List<Segment> s) {
        if (s.isEmpty()) {
            if (m.equals("POST")) return method(r, "POST", "events.create", () -> calendar.create(r), CAL_WRITE);
            return get(r, "events.list", () -> calendar.list(r), CAL_READ);
        }
        String id = s.get(0).name();
        if (s.size() == 1) {
            return switch (m) {
                case "PATCH" -> method(r, "PATCH", "event.update", () -> calendar.patch(r, id), CAL_WRITE);
                case "DELETE" -> method(r, "DELETE", "event.delete", () -> calendar.delete(r, id), CAL_WRITE);
                default -> get(r, "event.get", () -> calendar.get(r, id), CAL_READ);
            };
        }
        if (s.size() == 2) {
            String action = s.get(1).name();
            if (action.equalsIgnoreCase("cancel")) return method(r, "POST", "event.cancel", () -> calendar.cancel(r, id), CAL_WRITE);
            if (List.of("accept", "tentativelyaccept", "decline").contains(action.toLowerCase(Locale.ROOT))) {
                return method(r, "POST", "event.respond", () -> calendar.answer(r, id, action), CAL_WRITE);
            }
        }
        return unknown(r);
    }

    private Route subscriptions(GraphRequest r, List<Segment> s) {
        Subscriptions subs = emu.subscriptions;
        if (s.isEmpty()) {
            if (r.method.equals("POST")) return new Route("subscriptions.create", false, () -> subs.create(r));
            return get(r, "subscriptions.list", () -> subs.list(r));
        }
        String id = s.get(0).name();
        if (s.size() == 1) {
            return switch (r.method) {
                case "PATCH" -> new Route("subscription.update", false, () -> subs.patch(r, id));
                case "DELETE" -> new Route("subscription.delete", false, () -> subs.delete(r, id));
                default -> get(r, "subscription.get", () -> subs.get(r, id));
            };
        }
        if (s.size() == 2 && s.get(1).is("reauthorize")) {
            return method(r, "POST", "subscription.reauthorize", () -> subs.reauthorize(r, id));
        }
        return unknown(r);
    }

    private Route get(GraphRequest r, String kind, Supplier<Reply> h, String... scopes) {
        return method(r, "GET", kind, h, scopes);
    }

    private Route method(GraphRequest r, String method, String kind, Supplier<Reply> h, String... scopes) {
        return new Route(kind, true, () -> {
            if (!r.method.equals(method)) {
                throw new GraphError(405, "Request_BadRequest", "The HTTP method '" + r.method + "' is not allowed on " + r.path + ".");
            }
            if (scopes.length > 0 && emu.options.enforceScopes) {
                boolean ok = false;
                for (String sc : scopes) ok |= Identity.containsIgnoreCase(r.token.scopes, sc);
                if (!ok) {
                    throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again. (The token has "
                            + r.token.scopes + "; this call needs one of " + String.join(", ", scopes) + ".)");
                }
            }
            return h.get();
        });
    }

    private Route unknown(GraphRequest r) {
        return new Route("unknown", false, () -> {
            throw new GraphError(404, "ResourceNotFound", "The Graph emulator has no route for " + r.method + " /v1.0" + r.path + ".");
        });
    }

    // ------------------------------------------------------------------ handlers

    private Reply me(GraphRequest r) {
        Mailbox mb = r.mailbox;
        ObjectNode o = Json.object();
        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users/$entity");
        o.putArray("businessPhones");
        o.put("displayName", mb.displayName());
        String[] names = mb.displayName().split(" ", 2);
        o.put("givenName", names[0]);
        o.put("surname", names.length > 1 ? names[1] : null);
        o.putNull("jobTitle");
        o.put("mail", mb.address());
        o.putNull("mobilePhone");
        o.putNull("officeLocation");
        o.put("preferredLanguage", "en-US");
        o.put("userPrincipalName", mb.address());
        o.put("id", mb.userId());
        return Reply.ok(o);
    }

    private ObjectNode settings(GraphRequest r) {
        Mailbox mb = r.mailbox;
        ObjectNode o = Json.object();
        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + mb.userId() + "')/mailboxSettings");
        o.put("archiveFolder", mb.findFolder("archive").id());
        o.put("timeZone", mb.timeZone());
        o.put("delegateMeetingMessageDeliveryOptions", "sendToDelegateOnly");
        o.put("dateFormat", "yyyy-MM-dd");
        o.put("timeFormat", "HH:mm");
        o.put("userPurpose", "user");
        ObjectNode auto = o.putObject("automaticRepliesSetting");
        auto.put("status", "disabled");
        auto.put("externalAudience", "all");
        auto.put("internalReplyMessage", "");
        auto.put("externalReplyMessage", "");
        o.putObject("language").put("locale", "en-US").put("displayName", "English (United States)");
        o.set("workingHours", workingHours(mb.workingHours()));
        return o;
    }

    static ObjectNode workingHours(WorkingHours wh) {
        ObjectNode o = Json.object();
        ArrayNode days = o.putArray("daysOfWeek");
        for (DayOfWeek d : wh.daysOfWeek()) days.add(d.name().toLowerCase(Locale.ROOT));
        o.put("startTime", time(wh.startTime()));
        o.put("endTime", time(wh.endTime()));
        o.putObject("timeZone").put("name", wh.timeZone());
        return o;
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.0000000", t.getHour(), t.getMinute(), t.getSecond());
    }

    private Reply folders(GraphRequest r) {
        ObjectNode o = Json.object();
        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/mailFolders");
        ArrayNode value = o.putArray("value");
        for (Mailbox.Folder f : r.mailbox.folders.values()) value.add(folder(r, f));
        return Reply.ok(o);
    }

    private ObjectNode folder(GraphRequest r, Mailbox.Folder f) {
        List<GraphMessage> in = r.mailbox.messagesIn(f.id());
        ObjectNode o = Json.object();
        o.put("id", f.id());
        o.put("displayName", f.displayName());
        o.put("parentFolderId", "AQMkADroot");
        o.put("childFolderCount", 0);
        o.put("unreadItemCount", in.stream().filter(m -> !m.isRead()).count());
        o.put("totalItemCount", in.size());
        o.put("isHidden", false);
        return o;
    }

    private static Mailbox.Folder folderOr404(GraphRequest r, String ref) {
        Mailbox.Folder f = r.mailbox.findFolder(ref);
        if (f == null) throw GraphError.notFound("mail folder " + ref);
        return f;
    }

    private Reply messages(GraphRequest r, String folderId) {
        List<String> select = Resources.messageSelect(r.option("select"));
        if (r.option("filter") != null) throw GraphError.badRequest("The Graph emulator does not filter message lists; use delta.");
        List<GraphMessage> all = new java.util.ArrayList<>();
        if (folderId != null) {
            all.addAll(r.mailbox.messagesIn(folderId));
        } else {
            for (Mailbox.Folder f : r.mailbox.folders.values()) all.addAll(r.mailbox.messagesIn(f.id()));
            all.sort(java.util.Comparator.comparing(GraphMessage::receivedDateTime).reversed());
        }
        int top = parse(r.option("top"), 10);
        if (top < 1 || top > 1000) throw GraphError.badRequest("$top must be between 1 and 1000");
        int skip = parse(r.option("skip"), 0);
        ObjectNode o = Json.object();
        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/messages");
        ArrayNode value = o.putArray("value");
        for (int i = skip; i < Math.min(all.size(), skip + top); i++) value.add(Resources.message(all.get(i), select));
        if (skip + top < all.size()) {
            String base = folderId == null ? "/me/messages" : "/me/mailFolders('" + folderId + "')/messages";
            String next = emu.graphBaseUrl() + base + "?" + (select == null ? "" : "$select=" + String.join(",", select) + "&")
                    + "$top=" + top + "&$skip=" + (skip + top);
            o.put("@odata.nextLink", next);
        }
        return Reply.ok(o);
    }

    private Reply message(GraphRequest r, String id) {
        GraphMessage m = r.mailbox.messages.get(id);
        if (m == null) throw GraphError.notFound("message " + id);
        ObjectNode o = Json.object();
        o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#users('" + r.mailbox.userId() + "')/messages/$entity");
        o.setAll(Resources.message(m, Resources.messageSelect(r.option("select"))));
        return Reply.ok(o);
    }

    private static int parse(String v, int dflt) {
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("Not a number: " + v);
        }
    }
}
