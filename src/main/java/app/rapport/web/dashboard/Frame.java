package app.rapport.web.dashboard;

/**
 * What every page's layout needs: its title, which nav entry is current, and for a signed-in page the
 * session's CSRF token, which htmx sends on every request through {@code hx-headers} on the body.
 *
 * @param section   "today", "client", "week", "accounts", "settings", or "" for pages outside the nav
 * @param csrfToken the session's token, or null on a signed-out page (no nav is shown then)
 */
public record Frame(String title, String section, String csrfToken, String userName) {
    /**
     * htmx 2 swaps no 4xx answer by default; a 409 (a suggestion already decided) and a 400 (a form
     * error) carry a page with the message, so they are swapped like a 200.
     */
    public static final String HTMX_CONFIG = "{\"responseHandling\": [{\"code\": \"204\", \"swap\": false},"
            + " {\"code\": \"[23]..\", \"swap\": true}, {\"code\": \"(400|409)\", \"swap\": true, \"error\": false},"
            + " {\"code\": \"[45]..\", \"swap\": false, \"error\": true}]}";

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
