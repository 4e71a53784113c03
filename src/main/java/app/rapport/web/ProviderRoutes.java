package app.rapport.web;

import app.rapport.service.AccountConnectService;
import app.rapport.sync.PushNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What providers call: the OAuth redirect after consent, and Graph's change notifications. Neither
 * carries a Rapport token; the OAuth state and each subscription's clientState are the proof.
 */
final class ProviderRoutes {
    /** Graph notification batches are small; anything near this is not one. */
    private static final int MAX_WEBHOOK_BODY = 1024 * 1024;
    private final Services services;
    private final ObjectMapper mapper;

    ProviderRoutes(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/oauth/microsoft/callback", this::microsoftCallback);
        routes.post("/webhooks/microsoft", this::microsoftWebhook);
    }

    private void microsoftCallback(Context ctx) {
        AccountConnectService.Completion done = services.accountConnect().complete(ctx.queryParam("state"),
                ctx.queryParam("code"), ctx.queryParam("error"), ctx.queryParam("error_description"),
                ctx.cookie(Auth.SESSION_COOKIE));
        if (done.account().isPresent()) {
            ctx.redirect("/accounts?connected=" + done.account().get().id());
        } else {
            ctx.redirect("/accounts?problem=" + URLEncoder.encode(done.problem(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The validation handshake echoes the token as plain text. A notification batch is checked and
     * turned into requested rounds (no provider call happens here), so the 202 goes back well
     * within Graph's three seconds.
     */
    private void microsoftWebhook(Context ctx) {
        String validationToken = ctx.queryParam("validationToken");
        if (validationToken != null) {
            ctx.status(200).contentType("text/plain; charset=utf-8").result(validationToken);
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0 || raw.length > MAX_WEBHOOK_BODY) {
            services.pushNotifications().rejectMalformed(raw.length == 0 ? "empty body" : "body of " + raw.length + " bytes");
            throw new ApiError(400, "bad_request", "expected a JSON notification batch {\"value\":[...]}");
        }
        JsonNode body;
        try {
            body = mapper.readTree(raw);
        } catch (java.io.IOException e) {
            services.pushNotifications().rejectMalformed("not JSON");
            throw new ApiError(400, "bad_request", "the body is not JSON");
        }
        JsonNode value = body == null ? null : body.get("value");
        if (value == null || !value.isArray()) {
            services.pushNotifications().rejectMalformed("no value array");
            throw new ApiError(400, "bad_request", "expected a JSON notification batch {\"value\":[...]}");
        }
        List<PushNotifications.Notification> batch = new ArrayList<>();
        for (JsonNode n : value) {
            batch.add(new PushNotifications.Notification(text(n, "subscriptionId"), text(n, "clientState"),
                    text(n, "changeType"), text(n, "lifecycleEvent")));
        }
        PushNotifications.Outcome outcome = services.pushNotifications().handle(batch);
        ctx.status(202).json(Map.of("accepted", outcome.accepted(), "rejected", outcome.rejected()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
