package app.rapport.web;

import app.rapport.domain.user.User;
import app.rapport.store.SessionRepository;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;

/**
 * Who is calling: a bearer token (API clients, add-ins) or the dashboard session cookie. With the
 * cookie, a request that changes something must also echo the session's CSRF token in a header.
 */
public final class Auth {
    /** The HttpOnly session cookie the dashboard pages read too. */
    public static final String SESSION_COOKIE = "rapport_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String USER = "rapport.user";

    private final Services services;

    Auth(Services services) {
        this.services = services;
    }

    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiError(401, "unauthorized", "Authorization must be 'Bearer <token>'");
            }
            long userId = services.tokens().userFor(header.substring(7).trim())
                    .orElseThrow(() -> new ApiError(401, "unauthorized", "the bearer token is unknown or revoked"));
            ctx.attribute(USER, services.users().find(userId).orElseThrow());
            return;
        }
        Optional<SessionRepository.Session> session =
                services.sessions().findSession(ctx.cookie(SESSION_COOKIE), services.clock().instant());
        if (session.isEmpty()) {
            throw new ApiError(401, "unauthorized", "send 'Authorization: Bearer <token>' or sign in to the dashboard");
        }
        if (changesState(ctx.method()) && !session.get().csrfToken().equals(ctx.header(CSRF_HEADER))) {
            throw new ApiError(403, "forbidden", "the " + CSRF_HEADER + " header is missing or wrong");
        }
        ctx.attribute(USER, services.users().find(session.get().userId()).orElseThrow());
    }

    static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) throw new ApiError(401, "unauthorized", "not signed in");
        return user;
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
