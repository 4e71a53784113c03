package app.rapport.web;

import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.service.NotFoundException;
import app.rapport.store.PushSubscriptionRepository;
import app.rapport.sync.SyncStream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/accounts: the user's sources, connecting Microsoft 365, and sync state per stream. */
final class AccountRoutes {
    private final Services services;

    AccountRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/accounts", this::list);
        routes.post("/api/v1/accounts/{provider}/connect", this::connect);
        routes.get("/api/v1/accounts/{id}/sync", this::syncState);
        routes.post("/api/v1/accounts/{id}/sync", this::syncNow);
    }

    private void list(Context ctx) {
        User user = Auth.user(ctx);
        var items = services.accounts().list(user.id()).stream().map(a -> view(a, user.timeZone())).toList();
        ctx.json(Map.of("items", items));
    }

    private void connect(Context ctx) {
        User user = Auth.user(ctx);
        String provider = ctx.pathParam("provider");
        if (!Account.MICROSOFT.equals(provider)) {
            throw new ApiError(404, "not_found", "no provider '" + provider + "' to connect; this server connects: microsoft");
        }
        // A dashboard session binds the authorisation to itself; an API token binds it to the user only.
        String session = ctx.header("Authorization") == null ? ctx.cookie(Auth.SESSION_COOKIE) : null;
        ctx.json(Map.of("authorizationUrl", services.accountConnect().start(user.id(), session).toString()));
    }

    private void syncState(Context ctx) {
        User user = Auth.user(ctx);
        ctx.json(view(account(ctx, user), user.timeZone()));
    }

    private void syncNow(Context ctx) {
        User user = Auth.user(ctx);
        Account account = account(ctx, user);
        services.accountConnect().syncNow(user.id(), account.id());
        ctx.status(202).json(view(account, user.timeZone()));
    }

    private Account account(Context ctx, User user) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad_request", "account id must be a number");
        }
        return services.accounts().find(user.id(), id).orElseThrow(() -> new NotFoundException("no account " + id));
    }

    private Map<String, Object> view(Account a, ZoneId zone) {
        Map<String, Object> m = JsonViews.account(a, services.ignored().countsByReason(a.id()), zone);
        List<Map<String, Object>> streams = services.syncStreams().forAccount(a.id()).stream().map(s -> stream(s, zone)).toList();
        if (!streams.isEmpty()) m.put("streams", streams);
        List<PushSubscriptionRepository.Subscription> push = services.pushSubscriptions().forAccount(a.id());
        if (!push.isEmpty()) {
            m.put("push", push.stream().map(p -> Map.of("stream", p.stream().id(),
                    "expiresAt", JsonViews.time(p.expiresAt(), zone))).toList());
        }
        return m;
    }

    static Map<String, Object> stream(SyncStream s, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stream", s.stream().id());
        m.put("phase", s.phase());
        m.put("state", s.state());
        Map<String, Object> backfill = new LinkedHashMap<>();
        backfill.put("seen", s.backfillSeen());
        backfill.put("estimate", s.backfillEstimate());
        backfill.put("done", SyncStream.INCREMENTAL.equals(s.phase()));
        m.put("backfill", backfill);
        m.put("lastSuccessAt", JsonViews.time(s.lastSuccessAt(), zone));
        m.put("lastError", s.lastError());
        m.put("lastErrorAt", JsonViews.time(s.lastErrorAt(), zone));
        m.put("attempts", s.attempts());
        m.put("rounds", s.rounds());
        m.put("restarts", s.restarts());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("seen", s.itemsSeen());
        counts.put("stored", s.itemsStored());
        counts.put("removed", s.itemsRemoved());
        counts.put("ignoredByReason", s.ignored());
        counts.put("rejectedByReason", s.rejected());
        m.put("counts", counts);
        if (s.checkedAt() != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("providerTotal", s.providerTotal());
            check.put("storedTotal", s.storedTotal());
            check.put("complete", s.providerTotal() != null && s.storedTotal() != null && s.storedTotal() >= s.providerTotal());
            check.put("checkedAt", JsonViews.time(s.checkedAt(), zone));
            m.put("completeness", check);
        }
        return m;
    }
}
