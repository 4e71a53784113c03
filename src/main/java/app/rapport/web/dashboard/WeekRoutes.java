package app.rapport.web.dashboard;

import app.rapport.domain.client.Client;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.User;
import app.rapport.service.ConflictException;
import app.rapport.service.NotFoundException;
import app.rapport.service.PlanningService;
import app.rapport.web.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Week page ({@code GET /week?start=YYYY-MM-DD}) and its forms: accept or dismiss a suggestion,
 * and plan now. The forms work without JavaScript (POST, then 303 back to the week); with htmx they
 * post the same way and swap {@code #week} out of the answer. A suggestion already decided answers
 * 409 with the week and a sentence saying so.
 */
public final class WeekRoutes {
    private final Services services;

    public WeekRoutes(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/week", this::week);
        routes.post("/week/plan", this::plan);
        routes.post("/week/suggestions/{id}/accept", this::accept);
        routes.post("/week/suggestions/{id}/dismiss", this::dismiss);
    }

    private void week(Context ctx) {
        Optional<Viewer> viewer = Viewer.of(services, ctx);
        if (viewer.isEmpty()) {
            Viewer.signinNeeded(ctx);
            return;
        }
        render(ctx, viewer.get(), ctx.queryParam("start"), notice(ctx));
    }

    private void render(Context ctx, Viewer viewer, String start, WeekView.Notice notice) {
        User user = viewer.user();
        ZoneId zone = user.timeZone();
        LocalDate monday = WeekView.monday(start, services.clock().instant().atZone(zone).toLocalDate());
        var window = services.calendar().window(user.id(), monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant());
        List<Suggestion> suggestions = services.suggestions().list(user.id(),
                List.of(SuggestionState.PROPOSED, SuggestionState.PLACED, SuggestionState.ACCEPTED));
        WeekView view = WeekView.build(monday, zone, services.clock().instant(),
                services.planning().settings(user.id()).workingHours(), window, suggestions,
                id -> services.clientRepository().find(user.id(), id).map(Client::name).orElse(null), notice);
        ctx.render("week.jte", Map.of("frame", viewer.frame("Week", "week"), "view", view));
    }

    /** The outcome of the action that redirected here; fixed sentences only, nothing from the query is echoed. */
    private static WeekView.Notice notice(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null) return null;
        return switch (done) {
            case "accepted" -> new WeekView.Notice("ok", "Accepted: the hold is now a meeting and the invitation is on its way.");
            case "already" -> new WeekView.Notice("ok", "Already accepted: the client gets one invitation, never two.");
            case "dismissed" -> new WeekView.Notice("ok", "Dismissed: the hold is gone and the client is snoozed.");
            case "planned" -> {
                int placed = count(ctx.queryParam("placed"));
                yield new WeekView.Notice("ok", placed <= 0 ? "Planned: no new holds were needed."
                        : "Planned: " + placed + (placed == 1 ? " new hold." : " new holds."));
            }
            default -> null;
        };
    }

    private void plan(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        PlanningService.PlanOutcome outcome = services.planning().plan(viewer.get().user().id());
        back(ctx, "planned&placed=" + outcome.placed().size());
    }

    private void accept(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        long userId = viewer.get().user().id();
        long id = id(ctx);
        try {
            boolean already = services.suggestions().get(userId, id).state() == SuggestionState.ACCEPTED;
            services.suggestions().accept(userId, id);
            back(ctx, already ? "already" : "accepted");
        } catch (NotFoundException e) {
            failed(ctx, viewer.get(), 404, "There is no such suggestion.");
        } catch (ConflictException e) {
            failed(ctx, viewer.get(), 409, conflict(userId, id, "accepted"));
        }
    }

    private void dismiss(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        long userId = viewer.get().user().id();
        long id = id(ctx);
        int days = snoozeDays(ctx.formParam("snoozeDays"));
        try {
            services.suggestions().dismiss(userId, id, days);
            back(ctx, "dismissed");
        } catch (NotFoundException e) {
            failed(ctx, viewer.get(), 404, "There is no such suggestion.");
        } catch (ConflictException e) {
            failed(ctx, viewer.get(), 409, conflict(userId, id, "dismissed"));
        }
    }

    /** Why a suggestion can no longer be {@code verb}: said from its state, never the exception's text. */
    private String conflict(long userId, long id, String verb) {
        Suggestion s = services.suggestions().get(userId, id);
        return switch (s.state()) {
            case DISMISSED -> "This suggestion was already dismissed.";
            case ACCEPTED -> "This suggestion was already accepted, so it cannot be " + verb + ".";
            case EXPIRED -> "This suggestion has expired: its time has passed.";
            case SUPERSEDED -> "This suggestion was superseded: you were in touch with the client before the slot.";
            default -> "This suggestion's time has passed, so it cannot be " + verb + ".";
        };
    }

    private void failed(Context ctx, Viewer viewer, int status, String message) {
        ctx.status(status);
        render(ctx, viewer, ctx.formParam("start"), new WeekView.Notice("error", message));
    }

    private void back(Context ctx, String done) {
        LocalDate monday = WeekView.monday(ctx.formParam("start"),
                services.clock().instant().atZone(services.clock().getZone()).toLocalDate());
        ctx.redirect(WeekView.href(monday) + "&done=" + done, HttpStatus.SEE_OTHER);
    }

    /** The snooze from the form: one of 0..365 days, 14 when missing or not a number. */
    static int snoozeDays(String raw) {
        if (raw == null || raw.isBlank()) return WeekView.DEFAULT_SNOOZE;
        try {
            int days = Integer.parseInt(raw.strip());
            return days < 0 || days > app.rapport.service.SuggestionService.MAX_SNOOZE_DAYS ? WeekView.DEFAULT_SNOOZE : days;
        } catch (NumberFormatException e) {
            return WeekView.DEFAULT_SNOOZE;
        }
    }

    private static int count(String raw) {
        try {
            return raw == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
