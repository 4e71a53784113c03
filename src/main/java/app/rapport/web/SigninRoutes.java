package app.rapport.web;

import app.rapport.store.SessionRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in from the one-time link printed at start-up, and sign-out; both lead to the dashboard at
 * {@code /}. The session cookie is HttpOnly and SameSite=Strict; scripts read the CSRF token from its
 * own, readable cookie, and the sign-out form echoes it in a hidden field.
 */
final class SigninRoutes {
    static final String CSRF_COOKIE = "rapport_csrf";
    /** The sign-out form's hidden field with the session's CSRF token. */
    static final String CSRF_FIELD = "csrf";

    private final Services services;
    private final Duration sessionLifetime;

    SigninRoutes(Services services, Duration sessionLifetime) {
        this.services = services;
        this.sessionLifetime = sessionLifetime;
    }

    void register(RoutesConfig routes) {
        routes.get("/signin", this::signin);
        routes.post("/signout", this::signout);
    }

    private void signin(Context ctx) {
        long userId = services.sessions().redeemSigninCode(ctx.queryParam("code"), services.clock().instant())
                .orElseThrow(() -> new ApiError(401, "unauthorized",
                        "this sign-in link is unknown, used or expired; restart scripts/run for a new one"));
        SessionRepository.NewSession session =
                services.sessions().openSession(userId, services.clock().instant(), sessionLifetime);
        int maxAge = (int) sessionLifetime.toSeconds();
        Cookie sessionCookie = new Cookie(Auth.SESSION_COOKIE, session.cookieValue(), "/", maxAge, secure(ctx), true,
                null, SameSite.STRICT);
        Cookie csrfCookie = new Cookie(CSRF_COOKIE, session.csrfToken(), "/", maxAge, secure(ctx), false,
                null, SameSite.STRICT);
        ctx.cookie(sessionCookie).cookie(csrfCookie).redirect("/");
    }

    private void signout(Context ctx) {
        String cookie = ctx.cookie(Auth.SESSION_COOKIE);
        Optional<SessionRepository.Session> session = services.sessions().findSession(cookie, services.clock().instant());
        if (session.isPresent()) {
            String echoed = ctx.header(Auth.CSRF_HEADER) != null ? ctx.header(Auth.CSRF_HEADER) : ctx.formParam(CSRF_FIELD);
            if (!session.get().csrfToken().equals(echoed)) {
                throw new ApiError(403, "forbidden", "sign out from the dashboard's button: the CSRF token is missing or wrong");
            }
            services.sessions().closeSession(cookie);
        }
        ctx.removeCookie(Auth.SESSION_COOKIE, "/").removeCookie(CSRF_COOKIE, "/").redirect("/");
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
