package app.rapport.web.dashboard;

import app.rapport.domain.user.User;
import app.rapport.store.SessionRepository;
import app.rapport.web.Auth;
import app.rapport.web.Services;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user behind a page request and their session's CSRF token. Page forms echo the token
 * in the hidden field {@code csrf}; htmx sends it in the X-CSRF-Token header (from {@code hx-headers}).
 */
record Viewer(User user, String csrfToken) {
    /** The form field that carries the CSRF token, as on the sign-out form. */
    static final String CSRF_FIELD = "csrf";

    Frame frame(String title, String section) {
        return new Frame(title, section, csrfToken, user.name());
    }

    /** The viewer of a request with a live session cookie. */
    static Optional<Viewer> of(Services services, Context ctx) {
        Optional<SessionRepository.Session> session =
                services.sessions().findSession(ctx.cookie(Auth.SESSION_COOKIE), services.clock().instant());
        return session.flatMap(s -> services.users().find(s.userId()).map(u -> new Viewer(u, s.csrfToken())));
    }

    /**
     * The viewer of a form post whose CSRF token matches; otherwise the 401 or 403 page has been
     * answered and the result is empty.
     */
    static Optional<Viewer> ofForm(Services services, Context ctx) {
        Optional<Viewer> viewer = of(services, ctx);
        if (viewer.isEmpty()) {
            signinNeeded(ctx);
            return Optional.empty();
        }
        if (!viewer.get().echoesCsrf(ctx)) {
            viewer.get().refuseForm(ctx);
            return Optional.empty();
        }
        return viewer;
    }

    /** True when the request echoes this session's token in the header or the form field. */
    boolean echoesCsrf(Context ctx) {
        String echoed = ctx.header(Auth.CSRF_HEADER);
        if (echoed == null) echoed = ctx.formParam(CSRF_FIELD);
        return csrfToken.equals(echoed);
    }

    /** 401 with a page that says how to sign in. */
    static void signinNeeded(Context ctx) {
        ctx.status(401).render("signin_needed.jte", Map.of("frame", Frame.signedOut("Sign in")));
    }

    /** 403 for a form whose CSRF token is missing or wrong, as a page rather than JSON. */
    void refuseForm(Context ctx) {
        ctx.status(403).render("problem.jte", Map.of("frame", frame("Form refused", ""),
                "heading", "This form was refused",
                "what", "It did not carry this session's security token, so nothing was changed. "
                        + "Reload the page and try again."));
    }
}
