package app.rapport.web;

import app.rapport.domain.user.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** /api/v1/accounts: the user's sources and what each ignored. */
final class AccountRoutes {
    private final Services services;

    AccountRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/accounts", this::list);
    }

    private void list(Context ctx) {
        User user = Auth.user(ctx);
        var items = services.accounts().list(user.id()).stream()
                .map(a -> JsonViews.account(a, services.ignored().countsByReason(a.id()), user.timeZone()))
                .toList();
        ctx.json(Map.of("items", items));
    }
}
