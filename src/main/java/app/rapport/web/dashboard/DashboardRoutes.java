package app.rapport.web.dashboard;

import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.Status;
import app.rapport.domain.user.User;
import app.rapport.service.ClientView;
import app.rapport.service.NotFoundException;
import app.rapport.store.RelationshipRepository;
import app.rapport.web.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-rendered dashboard: Today ({@code GET /}) and a client ({@code GET /clients/{id}}).
 * Pages need the session cookie; without it they answer 401 with a page that says how to sign in.
 * A request from htmx (header HX-Request) for a next page gets only the rows, which the page appends.
 */
public final class DashboardRoutes {
    static final int TODAY_PAGE = 50;
    private static final int CHART_MONTHS = 12;
    /** More contacts than this in a year with one client would be a data problem, not a relationship. */
    private static final int CHART_LIMIT = 10_000;

    private final Services services;

    public DashboardRoutes(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::today);
        routes.get("/clients/{id}", this::client);
    }

    private Optional<Viewer> viewer(Context ctx) {
        return Viewer.of(services, ctx);
    }

    private void today(Context ctx) {
        Optional<Viewer> viewer = viewer(ctx);
        if (viewer.isEmpty()) {
            signinNeeded(ctx);
            return;
        }
        User user = viewer.get().user();
        Status filter = status(ctx.queryParam("status"));
        int page = page(ctx.queryParam("page"));
        ClientView.Page list = services.clients().list(user.id(), filter, null, RelationshipRepository.Sort.URGENCY,
                page, TODAY_PAGE);
        Map<Status, Integer> counts = services.clients().countByStatus(user.id());
        TodayView view = TodayView.build(list, counts, filter, services.clock().instant(), user.timeZone());
        ctx.header("Vary", "HX-Request");
        if (isHtmx(ctx)) {
            ctx.render("today_rows.jte", Map.of("view", view));
        } else {
            ctx.render("today.jte", Map.of("frame", viewer.get().frame("Today", "today"), "view", view,
                    "reconnects", AccountsView.reconnects(services.accounts().list(user.id()))));
        }
    }

    private void client(Context ctx) {
        Optional<Viewer> viewer = viewer(ctx);
        if (viewer.isEmpty()) {
            signinNeeded(ctx);
            return;
        }
        User user = viewer.get().user();
        long id = id(ctx.pathParam("id"));
        ClientView.Detail detail;
        try {
            if (id <= 0) throw new NotFoundException("no client " + ctx.pathParam("id"));
            detail = services.clients().get(user.id(), id);
        } catch (NotFoundException e) {
            ctx.status(404).render("not_found.jte", Map.of("frame", viewer.get().frame("Not found", ""),
                    "what", "There is no client with this number in your book."));
            return;
        }
        int page = page(ctx.queryParam("page"));
        Instant now = services.clock().instant();
        List<Interaction> timeline = services.interactions().page(user.id(), id, null,
                (page - 1) * ClientPageView.TIMELINE_PAGE, ClientPageView.TIMELINE_PAGE + 1);
        List<Interaction> chartSource = page == 1 && !isHtmx(ctx)
                ? services.interactions().page(user.id(), id,
                        MonthlyIntentChart.windowStart(user.timeZone(), now, CHART_MONTHS), 0, CHART_LIMIT)
                : List.of();
        ClientPageView view = ClientPageView.build(detail.client(), detail.relationship(), timeline, page,
                chartSource, now, user.timeZone());
        ctx.header("Vary", "HX-Request");
        if (isHtmx(ctx)) {
            ctx.render("timeline_rows.jte", Map.of("view", view));
        } else {
            ctx.render("client.jte", Map.of("frame", viewer.get().frame(detail.client().name(), "client"),
                    "view", view));
        }
    }

    private static void signinNeeded(Context ctx) {
        Viewer.signinNeeded(ctx);
    }

    static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
    }

    /** A status filter from the query; anything else shows every client. */
    static Status status(String raw) {
        if (raw == null || raw.isBlank()) return null;
        try {
            return Status.fromWire(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A page number from the query; anything that is not one is the first page. */
    static int page(String raw) {
        if (raw == null) return 1;
        try {
            int page = Integer.parseInt(raw.trim());
            return page < 1 || page > 100_000 ? 1 : page;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
