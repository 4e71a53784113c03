package app.rapport.emulator.graph;

import app.rapport.emulator.graph.GraphRequest.Reply;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stateful local stand-in for the parts of Microsoft Graph (v1.0) and the Microsoft identity
 * platform (v2.0 endpoints) that Rapport uses: OAuth code + PKCE and refresh, /me, mailboxSettings,
 * mail folder delta, events, calendarView delta, getSchedule, subscriptions with validation and
 * notifications, and Outlook's throttling. Point the app at {@link #authority()} and
 * {@link #graphBaseUrl()}. See the package's README-style notes in {@code package-info.java}.
 */
public final class GraphEmulator implements AutoCloseable {
    /** Every piece of state (identity, mailboxes, delta cursors, subscriptions) is guarded by this lock. */
    final Object lock = new Object();
    final Options options;
    final Identity identity;
    final Delta delta;
    final Throttle throttle;
    final Subscriptions subscriptions;
    private final GraphRoutes routes;
    private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    private final List<String> requestLog = new ArrayList<>();
    final AtomicLong duplicatePostsSuppressed = new AtomicLong();
    volatile boolean partialUpdates;
    volatile DeltaExpiry deltaExpiry;
    private Javalin app;
    private String baseUrl;

    private GraphEmulator(Options options) {
        this.options = options;
        this.partialUpdates = options.partialUpdates;
        this.deltaExpiry = options.deltaExpiry;
        this.identity = new Identity(this);
        this.delta = new Delta(this);
        this.throttle = new Throttle(this);
        this.subscriptions = new Subscriptions(this);
        this.routes = new GraphRoutes(this);
    }

    public static GraphEmulator start() {
        return start(Options.defaults());
    }

    public static GraphEmulator start(Options options) {
        GraphEmulator emu = new GraphEmulator(options);
        emu.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            for (HandlerType t : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE)) {
                cfg.routes.addHttpHandler(t, "/*", emu::handle);
            }
        }).start("127.0.0.1", 0);
        emu.baseUrl = "http://127.0.0.1:" + emu.app.port();
        return emu;
    }

    @Override
    public void close() {
        subscriptions.close();
        if (app != null) app.stop();
    }

    /** http://127.0.0.1:PORT */
    public String baseUrl() { return baseUrl; }

    /** http://127.0.0.1:PORT/v1.0 — the Graph SDK's base URL. */
    public String graphBaseUrl() { return baseUrl + "/v1.0"; }

    /** The identity authority; clients append /{tenant}/oauth2/v2.0/authorize and /token (any tenant segment). */
    public String authority() { return baseUrl; }

    public String authorizeEndpoint() { return baseUrl + "/common/oauth2/v2.0/authorize"; }

    public String tokenEndpoint() { return baseUrl + "/common/oauth2/v2.0/token"; }

    public String tenantId() { return options.tenantId; }

    Instant now() {
        return options.clock.instant();
    }

    // =================================================================== identity test API

    /** Registers an app (confidential when secret is non-null); calling again adds another redirect URI. */
    public GraphEmulator registerApp(String clientId, String clientSecret, String redirectUri) {
        synchronized (lock) {
            identity.registerApp(clientId, clientSecret, redirectUri);
        }
        return this;
    }

    /** The mailbox for an address, created on first use (display name from the local part). */
    public Mailbox mailbox(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@')));
        String name = local.isEmpty() ? address : Character.toUpperCase(local.charAt(0)) + local.substring(1).replace('.', ' ');
        return mailbox(address, name);
    }

    public Mailbox mailbox(String address, String displayName) {
        synchronized (lock) {
            return mailboxes.computeIfAbsent(Mailbox.key(address),
                    k -> new Mailbox(this, address.trim(), displayName, UUID.randomUUID().toString()));
        }
    }

    public List<Mailbox> mailboxes() {
        synchronized (lock) {
            return List.copyOf(mailboxes.values());
        }
    }

    /** The mailbox whose address or user id this is, or null. */
    Mailbox findMailbox(String addressOrId) {
        synchronized (lock) {
            Mailbox m = mailboxes.get(Mailbox.key(addressOrId));
            if (m != null) return m;
            for (Mailbox x : mailboxes.values()) if (x.userId().equalsIgnoreCase(addressOrId)) return x;
            return null;
        }
    }

    Mailbox signInTarget(String chosen, String loginHint) {
        if (chosen != null) return findMailbox(chosen);
        if (loginHint != null && findMailbox(loginHint) != null) return findMailbox(loginHint);
        return mailboxes.isEmpty() ? null : mailboxes.values().iterator().next();
    }

    /** Which mailbox the next authorize requests consent as (default: login_hint if known, else the first mailbox). */
    public GraphEmulator signInAs(String address) {
        synchronized (lock) {
            identity.signInAs = address;
        }
        return this;
    }

    /** While on, authorize answers error=access_denied (the user clicked Cancel on the consent screen). */
    public GraphEmulator denyConsent(boolean deny) {
        synchronized (lock) {
            identity.denyConsent = deny;
        }
        return this;
    }

    /** Revokes every grant of the mailbox: refreshes answer invalid_grant (AADSTS70000) and its access tokens get 401. */
    public GraphEmulator revokeGrant(String address) {
        synchronized (lock) {
            identity.revokeGrant(existing(address));
        }
        return this;
    }

    /** Every access token issued so far stops working now (tokens issued later work). */
    public GraphEmulator expireAccessTokens() {
        synchronized (lock) {
            identity.expireAccessTokens();
        }
        return this;
    }

    /** The access tokens live now keep working for n more Graph requests (any token), then die: "401 mid-page". */
    public GraphEmulator expireAccessTokensAfter(int graphRequests) {
        synchronized (lock) {
            identity.expireAccessTokensAfter(graphRequests);
        }
        return this;
    }

    /** Scopes the mailbox has consented to (all apps, live grants), as sent without the Graph resource prefix. */
    public Set<String> grantedScopes(String address) {
        synchronized (lock) {
            return identity.grantedScopes(existing(address));
        }
    }

    /** A live access token for the mailbox without the browser leg, with the given scopes (none = every scope Rapport uses). */
    public String issueAccessToken(String address, String... scopes) {
        Set<String> s = scopes.length > 0 ? Set.of(scopes) : Set.of("User.Read", "Mail.Read", "Calendars.ReadWrite",
                "MailboxSettings.Read", "offline_access", "openid", "profile", "email");
        synchronized (lock) {
            return identity.issueDirect(existing(address), s);
        }
    }

    /** Token endpoint requests by grant_type ("authorization_code", "refresh_token", ...), counted before validation. */
    public long tokenRequests(String grantType) {
        var c = identity.tokenRequests.get(grantType);
        return c == null ? 0 : c.get();
    }

    // =================================================================== delta test API

    /** Every skip and delta token handed out so far answers the current {@link #deltaExpiry(DeltaExpiry)} shape. */
    public GraphEmulator expireDeltaTokens() {
        synchronized (lock) {
            delta.expireAll();
        }
        return this;
    }

    public GraphEmulator expireDeltaTokens(DeltaExpiry shape) {
        deltaExpiry(shape);
        return expireDeltaTokens();
    }

    public GraphEmulator deltaExpiry(DeltaExpiry shape) {
        this.deltaExpiry = shape;
        return this;
    }

    /** After n more delta pages are served, all tokens (including those in the n-th page's links) expire. */
    public GraphEmulator expireTokensAfterPages(int pages) {
        synchronized (lock) {
            delta.expireAfterPages(pages);
        }
        return this;
    }

    /** Whether message delta sends only changed fields for plain updates (id, the changes, parentFolderId). */
    public GraphEmulator partialUpdates(boolean on) {
        this.partialUpdates = on;
        return this;
    }

    /** Delta pages served so far (all mailboxes, mail and calendar). */
    public long deltaPagesServed() {
        synchronized (lock) {
            return delta.pagesServed;
        }
    }

    // =================================================================== throttling and faults

    /** The next {@code count} Graph requests (after authentication) fail with this status and code. */
    public GraphEmulator failNext(int count, int status, String code, String retryAfterOrNull) {
        throttle.failNext(r -> true, count, status, code, retryAfterOrNull);
        return this;
    }

    /** The next {@code count} Graph requests that match fail with this status and code. */
    public GraphEmulator failMatching(Predicate<RequestInfo> when, int count, int status, String code, String retryAfterOrNull) {
        throttle.failNext(when, count, status, code, retryAfterOrNull);
        return this;
    }

    /** Forgets every injected fault not yet used up (an outage ends). */
    public GraphEmulator clearFaults() {
        throttle.clearFaults();
        return this;
    }

    /** Adds this delay to every Graph request while it holds its concurrency slot. */
    public GraphEmulator latency(Duration d) {
        throttle.latency = d;
        return this;
    }

    public GraphStats stats() {
        return throttle.stats();
    }

    public GraphEmulator resetStats() {
        throttle.reset();
        return this;
    }

    /** "METHOD /v1.0/path?query -> status" for the last 10,000 Graph and identity requests. */
    public List<String> requestLog() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    // =================================================================== calendar

    /** Meeting requests ("invitations") sent to attendees newly added to organizer events, all mailboxes. */
    public List<Mailbox.MeetingMessage> invitationsSent() {
        synchronized (lock) {
            List<Mailbox.MeetingMessage> out = new ArrayList<>();
            for (Mailbox m : mailboxes.values()) for (Mailbox.MeetingMessage x : m.meetingMessages) if (x.kind().equals("request")) out.add(x);
            return out;
        }
    }

    /** POSTs with a transactionId that matched an existing event (answered with that event, nothing created). */
    public long duplicateEventPostsSuppressed() {
        return duplicatePostsSuppressed.get();
    }

    // =================================================================== subscriptions

    public List<GraphSubscription> subscriptions() {
        return subscriptions.all();
    }

    /** Posts a lifecycle event (reauthorizationRequired, subscriptionRemoved, missed); subscriptionRemoved also deletes it. */
    public GraphEmulator sendLifecycle(String subscriptionId, String lifecycleEvent) {
        subscriptions.sendLifecycle(subscriptionId, lifecycleEvent);
        return this;
    }

    /** The subscription runs out now (as if its renewal was missed): no more notifications, GET/PATCH answer 404. */
    public GraphEmulator expireSubscription(String subscriptionId) {
        subscriptions.expire(subscriptionId);
        return this;
    }

    /** While paused, changes are not notified (they are counted by {@link #missedNotifications()}). */
    public GraphEmulator pauseNotifications(boolean paused) {
        synchronized (lock) {
            subscriptions.paused = paused;
        }
        return this;
    }

    public int missedNotifications() {
        synchronized (lock) {
            return subscriptions.missedWhilePaused;
        }
    }

    /** Every validation, change and lifecycle POST made so far, in order of completion. */
    public List<Delivery> deliveries() {
        return subscriptions.deliveries();
    }

    /** Waits until at least {@code count} deliveries of the kind ("change", "lifecycle", "validation"; null = any) exist. */
    public List<Delivery> awaitDeliveries(String kind, int count, Duration timeout) {
        return subscriptions.awaitDeliveries(kind, count, timeout);
    }

    /** Waits until no notification is queued, in flight or waiting for a retry. */
    public GraphEmulator awaitNotificationsIdle(Duration timeout) {
        subscriptions.awaitIdle(timeout);
        return this;
    }

    // =================================================================== HTTP

    private Mailbox existing(String address) {
        Mailbox m = findMailbox(address);
        if (m == null) throw new NoSuchElementException("no mailbox " + address);
        return m;
    }

    private void handle(Context ctx) {
        String raw = ctx.req().getRequestURI();
        String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        String method = ctx.method().name();
        try {
            if (path.equals("/v1.0") || path.startsWith("/v1.0/")) {
                graph(ctx, method, path.substring(5));
                return;
            }
            String[] p = path.substring(1).split("/");
            if (p.length == 4 && p[1].equals("oauth2") && p[2].equals("v2.0") && p[3].equals("authorize") && method.equals("GET")) {
                identity.authorize(ctx);
            } else if (p.length == 4 && p[1].equals("oauth2") && p[2].equals("v2.0") && p[3].equals("token") && method.equals("POST")) {
                identity.token(ctx);
            } else if (p.length == 4 && p[1].equals("v2.0") && p[2].equals(".well-known") && p[3].equals("openid-configuration")) {
                identity.openIdConfiguration(ctx, p[0]);
            } else if (p.length == 4 && p[1].equals("discovery") && p[2].equals("v2.0") && p[3].equals("keys")) {
                ctx.contentType("application/json").result("{\"keys\":[]}");
            } else {
                writeError(ctx, new GraphError(404, "ResourceNotFound", "The Graph emulator has no route for " + method + " " + path + "."));
            }
        } finally {
            log(method + " " + raw + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) + " -> " + ctx.statusCode());
        }
    }

    private void graph(Context ctx, String method, String path) {
        GraphRequest r = new GraphRequest(ctx, method, path, GraphRequest.parse(path), Identity.queryMap(ctx.queryString()));
        boolean admitted = false;
        try {
            GraphRoutes.Route route = routes.route(r);
            r.routeKind = route.kind();
            String auth = ctx.header("Authorization");
            String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
            Identity.AccessToken token;
            String why;
            synchronized (lock) {
                token = identity.authenticate(bearer);
                why = token == null ? identity.whyDead(bearer) : null;
            }
            if (token == null) {
                throttle.count(r);
                throw new GraphError(401, "InvalidAuthenticationToken", why)
                        .header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"" + authorizeEndpoint()
                                + "\", client_id=\"00000003-0000-0000-c000-000000000000\"");
            }
            r.token = token;
            r.mailbox = token.grant.mailbox;
            throttle.count(r);
            GraphError fault = throttle.fault(r);
            if (fault != null) throw fault;
            throttle.admit(r);
            admitted = true;
            Duration latency = throttle.latency;
            if (latency != null && !latency.isZero()) Thread.sleep(latency.toMillis());
            Reply reply;
            if (route.locked()) {
                synchronized (lock) {
                    reply = route.handler().get();
                }
            } else {
                reply = route.handler().get();
            }
            write(ctx, r, reply);
        } catch (GraphError e) {
            writeError(ctx, e);
        } catch (NoSuchElementException e) {
            writeError(ctx, GraphError.notFound(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeError(ctx, new GraphError(503, "serviceNotAvailable", "Interrupted."));
        } catch (RuntimeException e) {
            writeError(ctx, new GraphError(500, "generalException", "Graph emulator failure: " + e));
        } finally {
            if (admitted) throttle.release(r);
        }
    }

    private void write(Context ctx, GraphRequest r, Reply reply) {
        ctx.status(reply.status());
        ctx.header("request-id", UUID.randomUUID().toString());
        ctx.header("client-request-id", ctx.header("client-request-id") != null ? ctx.header("client-request-id") : UUID.randomUUID().toString());
        reply.headers().forEach(ctx::header);
        if (r.outlookTimeZone() != null) r.applied.add("outlook.timezone=\"" + r.outlookTimeZone() + "\"");
        if (r.prefersImmutableIds()) r.applied.add("IdType=\"ImmutableId\"");
        if (!r.applied.isEmpty()) ctx.header("Preference-Applied", String.join(", ", r.applied));
        if (reply.body() == null) {
            ctx.result("");
        } else {
            ctx.contentType(Json.GRAPH_CONTENT_TYPE).result(Json.write(reply.body()));
        }
    }

    private void writeError(Context ctx, GraphError e) {
        ctx.status(e.status);
        e.headers.forEach(ctx::header);
        ctx.contentType("application/json; charset=utf-8")
                .result(Json.write(Json.graphError(e.code, e.getMessage(), ctx.header("client-request-id"), now())));
    }

    private void log(String line) {
        synchronized (requestLog) {
            if (requestLog.size() >= 10_000) requestLog.remove(0);
            requestLog.add(line);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
