package app.rapport.web;

import app.rapport.store.SessionRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sign-in from the one-time link printed at start-up, and the start page. The session cookie is
 * HttpOnly and SameSite=Strict; the page reads the CSRF token from its own, readable cookie.
 */
final class SigninRoutes {
    static final String CSRF_COOKIE = "rapport_csrf";

    private final Services services;
    private final Duration sessionLifetime;
    private final String startPage;

    SigninRoutes(Services services, Duration sessionLifetime) {
        this.services = services;
        this.sessionLifetime = sessionLifetime;
        try (InputStream in = SigninRoutes.class.getResourceAsStream("/web/index.html")) {
            this.startPage = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("web/index.html is missing from the build", e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/signin", this::signin);
        routes.post("/signout", this::signout);
        routes.get("/", ctx -> ctx.html(startPage));
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
        if (cookie != null) services.sessions().closeSession(cookie);
        ctx.removeCookie(Auth.SESSION_COOKIE, "/").removeCookie(CSRF_COOKIE, "/").redirect("/");
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
