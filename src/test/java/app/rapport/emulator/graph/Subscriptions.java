package app.rapport.emulator.graph;

import app.rapport.emulator.graph.GraphRequest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions, the validation handshake and asynchronous change and lifecycle notifications.
 * Changes are queued under the emulator lock and posted by background threads; a request that
 * changes data never waits for a delivery.
 */
final class Subscriptions {
    private static final List<String> CHANGE_TYPES = List.of("created", "updated", "deleted");

    static final class Sub {
        final String id = UUID.randomUUID().toString();
        Mailbox mailbox;
        String applicationId;
        String resource;
        boolean events;
        String folderId; // null with events, or for all mail
        List<String> changeTypes;
        String notificationUrl;
        String lifecycleUrl;
        Instant expiration;
        String clientState;
        String tlsVersion;

        GraphSubscription snapshot() {
            return new GraphSubscription(id, mailbox.address(), applicationId, resource, changeTypes, notificationUrl,
                    lifecycleUrl, expiration, clientState);
        }
    }

    private record Pending(String subscriptionId, String changeType, ObjectNode item) {}

    private final GraphEmulator emu;
    private final Map<String, Sub> subs = new LinkedHashMap<>();
    private final Map<String, List<Pending>> queue = new HashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final HttpClient http;
    boolean paused;
    int missedWhilePaused;

    Subscriptions(GraphEmulator emu) {
        this.emu = emu;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("graph-emulator-notify-timer"));
        this.senders = Executors.newCachedThreadPool(daemon("graph-emulator-notify"));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void close() {
        timer.shutdownNow();
        senders.shutdownNow();
    }

    // ------------------------------------------------------------------ change hooks (emulator lock held)

    void messageChanged(Mailbox mb, String folderId, GraphMessage m, String changeType) {
        for (Sub s : live(mb)) {
            if (s.events || (s.folderId != null && !s.folderId.equals(folderId))) continue;
            notify(s, changeType, item(s, changeType, "messages", "Message", m.id(), changeType.equals("deleted") ? null : m.changeKey()));
        }
    }

    void messageMoved(Mailbox mb, String fromFolder, String toFolder, GraphMessage m) {
        for (Sub s : live(mb)) {
            if (s.events) continue;
            String type = s.folderId == null ? "updated" : s.folderId.equals(fromFolder) ? "deleted"
                    : s.folderId.equals(toFolder) ? "created" : null;
            if (type != null) notify(s, type, item(s, type, "messages", "Message", m.id(), type.equals("deleted") ? null : m.changeKey()));
        }
    }

    void eventChanged(Mailbox mb, GraphEvent e, String changeType) {
        for (Sub s : live(mb)) {
            if (!s.events) continue;
            notify(s, changeType, item(s, changeType, "events", "Event", e.id(), changeType.equals("deleted") ? null : e.changeKey()));
        }
    }

    private List<Sub> live(Mailbox mb) {
        List<Sub> out = new ArrayList<>();
        Instant now = emu.now();
        subs.values().removeIf(s -> !s.expiration.isAfter(now));
        for (Sub s : subs.values()) if (s.mailbox == mb) out.add(s);
        return out;
    }

    private ObjectNode item(Sub s, String changeType, String collection, String type, String id, String changeKey) {
        ObjectNode o = Json.object();
        o.put("id", Json.randomToken(9));
        o.put("subscriptionId", s.id);
        o.put("subscriptionExpirationDateTime", Json.sevenDigits(s.expiration));
        if (s.clientState != null) o.put("clientState", s.clientState);
        else o.putNull("clientState");
        o.put("changeType", changeType);
        o.put("resource", "users/" + s.mailbox.userId() + "/" + collection + "/" + id);
        o.put("tenantId", emu.options.tenantId);
        ObjectNode rd = o.putObject("resourceData");
        rd.put("@odata.type", "#Microsoft.Graph." + type);
        rd.put("@odata.id", "Users/" + s.mailbox.userId() + "/" + type + "s/" + id);
        if (changeKey != null) rd.put("@odata.etag", "W/\"" + changeKey + "\"");
        rd.put("id", id);
        return o;
    }

    private void notify(Sub s, String changeType, ObjectNode item) {
        if (!s.changeTypes.contains(changeType)) return;
        if (paused) {
            missedWhilePaused++;
            return;
        }
        String url = s.notificationUrl;
        List<Pending> q = queue.get(url);
        if (q == null) {
            if (timer.isShutdown()) return;
            q = new ArrayList<>();
            queue.put(url, q);
            busy.incrementAndGet();
            long delay = emu.options.notificationBatchWindow.toMillis();
            timer.schedule(() -> flush(url), delay, TimeUnit.MILLISECONDS);
        }
        q.add(new Pending(s.id, changeType, item));
    }

    private void flush(String url) {
        List<Pending> items;
        synchronized (emu.lock) {
            items = queue.remove(url);
        }
        if (items == null || items.isEmpty()) {
            busy.decrementAndGet();
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (Pending p : items) {
            value.add(p.item());
            if (!ids.contains(p.subscriptionId())) ids.add(p.subscriptionId());
            events.add(p.changeType());
        }
        send("change", url, ids, events, Json.write(body), 1);
    }

    /** Posts on a sender thread, records the attempt, and retries failures later. Owns one busy count. */
    private void send(String kind, String url, List<String> ids, List<String> events, String body, int attempt) {
        senders.execute(() -> {
            long t0 = System.nanoTime();
            int status = 0;
            String error = null;
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(emu.options.publishTimeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                status = res.statusCode();
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            record(new Delivery(kind, url, ids, events, body, status, ms, ms > 3000, attempt, emu.now(), error));
            boolean ok = status >= 200 && status < 300;
            if (!ok && attempt <= emu.options.notificationRetries && !timer.isShutdown()) {
                timer.schedule(() -> send(kind, url, ids, events, body, attempt + 1),
                        emu.options.notificationRetryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                busy.decrementAndGet();
            }
        });
    }

    private void record(Delivery d) {
        synchronized (deliveries) {
            deliveries.add(d);
            deliveries.notifyAll();
        }
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    List<Delivery> awaitDeliveries(String kind, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (true) {
                List<Delivery> of = deliveries.stream().filter(d -> kind == null || d.kind().equals(kind)).toList();
                if (of.size() >= count) return of;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + (kind == null ? "" : kind + " ")
                            + "deliveries within " + timeout + ", got " + of.size() + ": " + of);
                }
                try {
                    deliveries.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** Waits until nothing is queued, sending or waiting for a retry. */
    void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy.get() > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("notifications still busy after " + timeout);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void sendLifecycle(String subscriptionId, String event) {
        if (!List.of("reauthorizationRequired", "subscriptionRemoved", "missed").contains(event)) {
            throw new IllegalArgumentException("unknown lifecycle event " + event);
        }
        Sub s;
        synchronized (emu.lock) {
            s = subs.get(subscriptionId);
            if (s == null) throw new java.util.NoSuchElementException("no subscription " + subscriptionId);
            if (event.equals("subscriptionRemoved")) subs.remove(subscriptionId);
        }
        ObjectNode body = Json.object();
        ObjectNode o = body.putArray("value").addObject();
        o.put("subscriptionId", s.id);
        o.put("subscriptionExpirationDateTime", Json.sevenDigits(s.expiration));
        o.put("tenantId", emu.options.tenantId);
        if (s.clientState != null) o.put("clientState", s.clientState);
        else o.putNull("clientState");
        o.put("lifecycleEvent", event);
        busy.incrementAndGet();
        send("lifecycle", s.lifecycleUrl != null ? s.lifecycleUrl : s.notificationUrl, List.of(s.id), List.of(event),
                Json.write(body), 1);
    }

    List<GraphSubscription> all() {
        synchronized (emu.lock) {
            Instant now = emu.now();
            subs.values().removeIf(s -> !s.expiration.isAfter(now));
            return subs.values().stream().map(Sub::snapshot).toList();
        }
    }

    /** Lets a subscription run out now, as a missed renewal would. */
    void expire(String id) {
        synchronized (emu.lock) {
            Sub s = subs.get(id);
            if (s != null) s.expiration = emu.now();
        }
    }

    // ------------------------------------------------------------------ HTTP

    Reply create(GraphRequest r) {
        JsonNode b = r.body();
        Sub s = new Sub();
        synchronized (emu.lock) {
            s.mailbox = r.mailbox;
            s.applicationId = r.token.grant.clientId;
            s.resource = required(b, "resource");
            resolveResource(r, s);
            s.changeTypes = changeTypes(required(b, "changeType"));
            s.notificationUrl = url(required(b, "notificationUrl"), "notificationUrl");
            String lifecycle = Json.text(b, "lifecycleNotificationUrl");
            s.lifecycleUrl = lifecycle == null ? null : url(lifecycle, "lifecycleNotificationUrl");
            s.expiration = expiration(Json.text(b, "expirationDateTime"));
            s.clientState = Json.text(b, "clientState");
            if (s.clientState != null && s.clientState.length() > 128) {
                throw new GraphError(400, "InvalidRequest", "clientState can be at most 128 characters long.");
            }
            s.tlsVersion = b.hasNonNull("latestSupportedTlsVersion") ? b.get("latestSupportedTlsVersion").asText() : "v1_2";
            if (b.path("includeResourceData").asBoolean(false)) {
                throw new GraphError(400, "InvalidRequest", "The Graph emulator does not emulate rich notifications (includeResourceData).");
            }
        }
        validate(s.notificationUrl, "notificationUrl");
        if (s.lifecycleUrl != null) validate(s.lifecycleUrl, "lifecycleNotificationUrl");
        synchronized (emu.lock) {
            subs.put(s.id, s);
        }
        return Reply.created(json(s, true));
    }

    Reply list(GraphRequest r) {
        ObjectNode body = Json.object();
        body.put("@odata.context", emu.graphBaseUrl() + "/$metadata#subscriptions");
        ArrayNode value = body.putArray("value");
        synchronized (emu.lock) {
            Instant now = emu.now();
            subs.values().removeIf(s -> !s.expiration.isAfter(now));
            for (Sub s : subs.values()) {
                if (s.mailbox == r.mailbox && s.applicationId.equals(r.token.grant.clientId)) value.add(json(s, false));
            }
        }
        return Reply.ok(body);
    }

    Reply get(GraphRequest r, String id) {
        synchronized (emu.lock) {
            return Reply.ok(json(own(r, id), true));
        }
    }

    Reply patch(GraphRequest r, String id) {
        JsonNode b = r.body();
        synchronized (emu.lock) {
            Sub s = own(r, id);
            for (var it = b.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!f.equals("expirationDateTime") && !f.startsWith("@odata")) {
                    throw new GraphError(400, "InvalidRequest", "The Graph emulator only lets PATCH change expirationDateTime, not " + f + ".");
                }
            }
            s.expiration = expiration(Json.text(b, "expirationDateTime"));
            return Reply.ok(json(s, true));
        }
    }

    Reply delete(GraphRequest r, String id) {
        synchronized (emu.lock) {
            own(r, id);
            subs.remove(id);
            return Reply.noContent();
        }
    }

    Reply reauthorize(GraphRequest r, String id) {
        synchronized (emu.lock) {
            own(r, id);
            return Reply.noContent();
        }
    }

    private Sub own(GraphRequest r, String id) {
        Sub s = subs.get(id);
        if (s != null && !s.expiration.isAfter(emu.now())) {
            subs.remove(id);
            s = null;
        }
        if (s == null || s.mailbox != r.mailbox || !s.applicationId.equals(r.token.grant.clientId)) {
            throw new GraphError(404, "ResourceNotFound", "The object was not found (subscription " + id + ").");
        }
        return s;
    }

    private ObjectNode json(Sub s, boolean context) {
        ObjectNode o = Json.object();
        if (context) o.put("@odata.context", emu.graphBaseUrl() + "/$metadata#subscriptions/$entity");
        o.put("id", s.id);
        o.put("resource", s.resource);
        o.put("applicationId", s.applicationId);
        o.put("changeType", String.join(",", s.changeTypes));
        if (s.clientState != null) o.put("clientState", s.clientState);
        else o.putNull("clientState");
        o.put("notificationUrl", s.notificationUrl);
        o.putNull("notificationQueryOptions");
        if (s.lifecycleUrl != null) o.put("lifecycleNotificationUrl", s.lifecycleUrl);
        else o.putNull("lifecycleNotificationUrl");
        o.put("expirationDateTime", Json.sevenDigits(s.expiration));
        o.put("creatorId", s.mailbox.userId());
        o.put("includeResourceData", false);
        o.put("latestSupportedTlsVersion", s.tlsVersion);
        o.putNull("encryptionCertificate");
        o.putNull("encryptionCertificateId");
        o.putNull("notificationUrlAppId");
        return o;
    }

    private void resolveResource(GraphRequest r, Sub s) {
        String res = s.resource.trim();
        while (res.startsWith("/")) res = res.substring(1);
        List<GraphRequest.Segment> seg = GraphRequest.parse(res);
        int i;
        if (!seg.isEmpty() && seg.get(0).is("me")) {
            i = 1;
        } else if (seg.size() >= 2 && seg.get(0).is("users")) {
            String who = seg.get(1).name();
            if (!who.equalsIgnoreCase(r.mailbox.userId()) && !who.equalsIgnoreCase(r.mailbox.address())) {
                throw new GraphError(403, "ExtensionError", "A delegated subscription can only watch the signed-in user's mailbox.");
            }
            i = 2;
        } else {
            throw unsupported(s.resource);
        }
        List<GraphRequest.Segment> rest = seg.subList(i, seg.size());
        if (rest.size() == 1 && rest.get(0).is("events")) {
            s.events = true;
        } else if (rest.size() == 2 && rest.get(0).is("calendar") && rest.get(1).is("events")) {
            s.events = true;
        } else if (rest.size() == 1 && rest.get(0).is("messages")) {
            s.folderId = null;
        } else if (rest.size() == 3 && rest.get(0).is("mailFolders") && rest.get(2).is("messages")) {
            Mailbox.Folder f = r.mailbox.findFolder(rest.get(1).name());
            if (f == null) throw new GraphError(404, "ResourceNotFound", "No mail folder '" + rest.get(1).name() + "'.");
            s.folderId = f.id();
        } else {
            throw unsupported(s.resource);
        }
        if (s.events ? !hasAny(r, "Calendars.Read", "Calendars.ReadWrite", "Calendars.ReadBasic")
                : !hasAny(r, "Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")) {
            throw new GraphError(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied. The token lacks the permission for " + s.resource + "]");
        }
    }

    private boolean hasAny(GraphRequest r, String... scopes) {
        if (!emu.options.enforceScopes) return true;
        for (String sc : scopes) if (Identity.containsIgnoreCase(r.token.scopes, sc)) return true;
        return false;
    }

    private static GraphError unsupported(String resource) {
        return new GraphError(400, "InvalidRequest", "The Graph emulator cannot subscribe to '" + resource
                + "'; it knows me/mailFolders('{folder}')/messages, me/messages and me/events.");
    }

    private static String required(JsonNode b, String field) {
        String v = Json.text(b, field);
        if (v == null || v.isBlank()) throw new GraphError(400, "InvalidRequest", "The property '" + field + "' is required.");
        return v;
    }

    private static List<String> changeTypes(String csv) {
        List<String> out = new ArrayList<>();
        for (String t : csv.split(",")) {
            String x = t.trim().toLowerCase(Locale.ROOT);
            if (!CHANGE_TYPES.contains(x)) throw new GraphError(400, "InvalidRequest", "Unknown changeType '" + t + "'.");
            if (!out.contains(x)) out.add(x);
        }
        return out;
    }

    private static String url(String u, String field) {
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new GraphError(400, "InvalidRequest", field + " is not a URL: " + u);
        }
        if (uri.getScheme() == null || !Arrays.asList("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
            throw new GraphError(400, "InvalidRequest", field + " must be an absolute http(s) URL (Graph itself requires https).");
        }
        return u;
    }

    private Instant expiration(String text) {
        if (text == null) throw new GraphError(400, "InvalidRequest", "The property 'expirationDateTime' is required.");
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            t = TimeZones.instant(text, java.time.ZoneOffset.UTC, "expirationDateTime");
        }
        Instant now = emu.now();
        if (!t.isAfter(now)) {
            throw new GraphError(400, "InvalidRequest", "Subscription expiration must be in the future; it was " + text + ".");
        }
        long maxMinutes = emu.options.maxSubscriptionLifetime.toMinutes();
        if (t.isAfter(now.plus(emu.options.maxSubscriptionLifetime))) {
            throw new GraphError(400, "InvalidRequest", "Subscription expiration can only be " + maxMinutes
                    + " minutes in the future.");
        }
        return t;
    }

    /** The handshake: POST url?validationToken=..., expect 200 text/plain with the decoded token, within the timeout. */
    private void validate(String url, String field) {
        String token = "Validation: emulator reachability check " + UUID.randomUUID() + " a+b&c=d/e?f";
        String target = url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int status = 0;
        String error = null;
        String why = null;
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(target))
                    .timeout(emu.options.validationTimeout)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = res.statusCode();
            String type = res.headers().firstValue("Content-Type").orElse("");
            if (status != 200) why = "answered HTTP " + status;
            else if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) why = "answered Content-Type '" + type + "', not text/plain";
            else if (!res.body().equals(token)) why = "answered a body that is not the decoded validation token";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            why = "did not answer within " + emu.options.validationTimeout.toSeconds() + " s (" + error + ")";
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        record(new Delivery("validation", target, List.of(), List.of(), "", status, ms, ms > 3000, 1, emu.now(), error));
        if (why != null) {
            throw new GraphError(400, "ValidationError", "Subscription validation request failed. The " + field + " endpoint "
                    + why + "; it must answer 200 OK with the validation token as text/plain.");
        }
    }
}
