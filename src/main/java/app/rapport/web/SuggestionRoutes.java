package app.rapport.web;

import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.User;
import app.rapport.service.PlanningService;
import app.rapport.service.SuggestionService;
import app.rapport.store.ClientRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/suggestions: list, plan now, accept, dismiss, and the invitation download. */
final class SuggestionRoutes {
    /** Snooze when a dismissal does not say. */
    static final int DEFAULT_SNOOZE_DAYS = 14;

    private final SuggestionService suggestions;
    private final PlanningService planning;
    private final ClientRepository clients;
    private final ObjectMapper mapper;

    SuggestionRoutes(Services s, ObjectMapper mapper) {
        this.suggestions = s.suggestions();
        this.planning = s.planning();
        this.clients = s.clientRepository();
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/suggestions", this::list);
        routes.post("/api/v1/suggestions/plan", this::plan);
        routes.get("/api/v1/suggestions/{id}", ctx -> {
            User user = Auth.user(ctx);
            ctx.json(view(suggestions.get(user.id(), id(ctx)), user));
        });
        routes.post("/api/v1/suggestions/{id}/accept", ctx -> {
            User user = Auth.user(ctx);
            long id = id(ctx);
            RequestBody.parseOrEmpty(mapper, ctx.bodyAsBytes(), Set.of());
            ctx.json(view(suggestions.accept(user.id(), id), user));
        });
        routes.post("/api/v1/suggestions/{id}/dismiss", ctx -> {
            User user = Auth.user(ctx);
            long id = id(ctx);
            RequestBody body = RequestBody.parseOrEmpty(mapper, ctx.bodyAsBytes(), Set.of("snoozeDays"));
            Integer days = body.integer("snoozeDays", 0, SuggestionService.MAX_SNOOZE_DAYS);
            ctx.json(view(suggestions.dismiss(user.id(), id, days == null ? DEFAULT_SNOOZE_DAYS : days), user));
        });
        routes.get("/api/v1/suggestions/{id}/invitation.ics", ctx -> {
            User user = Auth.user(ctx);
            long id = id(ctx);
            ctx.contentType("text/calendar; charset=UTF-8; method=REQUEST")
                    .header("Content-Disposition", "attachment; filename=\"invitation-" + id + ".ics\"")
                    .result(suggestions.invitationIcs(user.id(), id));
        });
    }

    private void list(Context ctx) {
        User user = Auth.user(ctx);
        List<SuggestionState> states = new ArrayList<>();
        String raw = ctx.queryParam("state");
        if (raw != null && !raw.isBlank()) {
            for (String part : raw.split(",")) {
                states.add(RequestBody.query("state", part, SuggestionState::fromWire,
                        "proposed, placed, accepted, dismissed, expired or superseded"));
            }
        }
        List<Map<String, Object>> items = suggestions.list(user.id(), states).stream().map(s -> view(s, user)).toList();
        ctx.json(Map.of("items", items));
    }

    private void plan(Context ctx) {
        User user = Auth.user(ctx);
        RequestBody.parseOrEmpty(mapper, ctx.bodyAsBytes(), Set.of());
        PlanningService.PlanOutcome outcome = planning.plan(user.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placed", outcome.placed().stream().map(s -> view(s, user)).toList());
        body.put("skipped", outcome.skipped());
        body.put("reconciled", outcome.reconciled().changed());
        body.put("horizonEnd", JsonViews.time(outcome.horizonEnd(), user.timeZone()));
        ctx.json(body);
    }

    Map<String, Object> view(Suggestion s, User user) {
        return JsonViews.suggestion(s, clients.find(user.id(), s.clientId()).map(c -> c.name()).orElse(null),
                user.timeZone());
    }

    private static long id(Context ctx) {
        return RequestBody.query("id", ctx.pathParam("id"), Long::parseLong, "a suggestion id");
    }
}
