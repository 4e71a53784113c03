package app.rapport.web;

import app.rapport.providers.SyncFailure;
import app.rapport.service.ConflictException;
import app.rapport.service.NotFoundException;
import app.rapport.service.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: JSON {"error","detail"} with a 4xx/5xx status.
 * An unexpected exception is logged with its stack trace and answered without its message.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.error(), e.getMessage()));
        routes.exception(ValidationException.class, (e, ctx) -> answer(ctx, 400, "bad_request", e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, "not_found", e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409, "conflict", e.getMessage()));
        // A provider calendar (Outlook) refused or could not be reached while a request wrote to it.
        routes.exception(SyncFailure.class, (e, ctx) -> {
            LOG.warn("{} {}: the connected calendar failed: {}", ctx.method(), ctx.path(), e.getMessage());
            if (e.kind() == SyncFailure.Kind.AUTH_REVOKED) {
                answer(ctx, 409, "reconnect_needed", "your Microsoft account needs reconnecting (see Accounts) before Rapport can change its calendar");
            } else {
                if (e.retryAfter() != null) ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                answer(ctx, e.kind() == SyncFailure.Kind.THROTTLED || e.kind() == SyncFailure.Kind.TEMPORARY ? 503 : 502,
                        "calendar_unavailable", "your connected calendar did not take the change (" + e.code()
                                + "); try again");
            }
        });
        routes.exception(HttpResponseException.class, (e, ctx) ->
                answer(ctx, e.getStatus(), wordFor(e.getStatus()), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "internal_error", "the server failed to answer this request; the log has the cause");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    static void answer(Context ctx, int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail == null ? "" : detail);
        ctx.status(status).json(body);
    }

    private static String wordFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }
}
