package app.rapport.web.dashboard;

/**
 * What every page's layout needs: its title, which nav entry is current, and for a signed-in page the
 * session's CSRF token, which htmx sends on every request through {@code hx-headers} on the body.
 *
 * @param section   "today", "client", or "" for pages outside the nav
 * @param csrfToken the session's token, or null on a signed-out page (no nav is shown then)
 */
public record Frame(String title, String section, String csrfToken, String userName) {
    /** A page for someone who is not signed in. */
    public static Frame signedOut(String title) {
        return new Frame(title, "", null, null);
    }

    public boolean signedIn() {
        return csrfToken != null;
    }

    /** The JSON value of {@code hx-headers}; the template escapes it for the attribute. */
    public String hxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
    }
}
