package app.rapport.providers.microsoft;

import app.rapport.providers.SyncFailure;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Graph's failures as {@link SyncFailure} kinds, deciding by status and error code, never by message. */
public final class GraphErrors {
    /** Codes that mean "the delta token is no longer valid", in any case Graph happens to use. */
    private static final Set<String> CURSOR_CODES = Set.of("syncstatenotfound", "resyncrequired", "syncstateinvalid");

    private GraphErrors() {}

    /** Classifies anything a Graph SDK call threw. */
    public static SyncFailure classify(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof RuntimeException) && cause.getCause() != null && !(cause instanceof ApiException)
                && !(cause instanceof ReconnectNeededException) && !(cause instanceof OAuthException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SyncFailure f) return f;
        if (cause instanceof ReconnectNeededException r) {
            return new SyncFailure(SyncFailure.Kind.AUTH_REVOKED, "invalid_grant", r.getMessage(), null, r);
        }
        if (cause instanceof OAuthException o) {
            SyncFailure.Kind kind = switch (o.kind()) {
                case GRANT_REVOKED -> SyncFailure.Kind.AUTH_REVOKED;
                case TEMPORARY -> SyncFailure.Kind.TEMPORARY;
                case REJECTED -> SyncFailure.Kind.MALFORMED;
            };
            return new SyncFailure(kind, o.code(), "token refresh: " + o.getMessage(), null, o);
        }
        if (cause instanceof ApiException api) return classify(api);
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return new SyncFailure(SyncFailure.Kind.TEMPORARY, "network", "Graph did not answer: " + cause.getMessage(), null, t);
        }
        return new SyncFailure(SyncFailure.Kind.MALFORMED, "unreadable", "Graph's answer could not be read: " + t, null, t);
    }

    private static SyncFailure classify(ApiException e) {
        int status = e.getResponseStatusCode();
        String code = String.valueOf(status);
        String message = e.getMessage();
        if (e instanceof ODataError odata && odata.getError() != null) {
            if (odata.getError().getCode() != null) code = odata.getError().getCode();
            if (odata.getError().getMessage() != null) message = odata.getError().getMessage();
        }
        String text = "Graph answered HTTP " + status + " " + code + (message == null ? "" : ": " + message);
        Duration retryAfter = e.getResponseHeaders() == null ? null : retryAfter(e.getResponseHeaders());
        SyncFailure.Kind kind;
        if (status == 410 || CURSOR_CODES.contains(code.toLowerCase(Locale.ROOT))) kind = SyncFailure.Kind.CURSOR_EXPIRED;
        else if (status == 429) kind = SyncFailure.Kind.THROTTLED;
        else if (status == 503 || status == 504 || status == 502 || status == 500) {
            kind = retryAfter != null ? SyncFailure.Kind.THROTTLED : SyncFailure.Kind.TEMPORARY;
        } else if (status == 401) kind = SyncFailure.Kind.AUTH_REVOKED;
        else if (status == 404) kind = SyncFailure.Kind.NOT_FOUND;
        else kind = SyncFailure.Kind.MALFORMED;
        return new SyncFailure(kind, code, text, retryAfter, e);
    }

    private static Duration retryAfter(Map<String, java.util.Set<String>> headers) {
        for (var entry : headers.entrySet()) {
            if (!entry.getKey().equalsIgnoreCase("Retry-After")) continue;
            List<String> values = List.copyOf(entry.getValue());
            if (!values.isEmpty()) return GraphHttp.retryAfter(values.get(0));
        }
        return null;
    }
}
