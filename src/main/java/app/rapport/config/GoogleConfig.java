package app.rapport.config;

/**
 * Google (OAuth, Gmail and Calendar). Every URL is an http(s) URL, so tests can point it at an
 * emulator.
 *
 * @param clientId        OAuth client id; empty switches the provider off
 * @param clientSecret    OAuth client secret; left out of {@link #toString()}
 * @param authUri         authorization endpoint
 * @param tokenUri        token endpoint
 * @param gmailRootUrl    Gmail API root URL (the SDK's rootUrl), e.g. https://gmail.googleapis.com/
 * @param calendarRootUrl Calendar API root URL (the SDK's rootUrl), e.g. https://www.googleapis.com/
 */
public record GoogleConfig(String clientId, String clientSecret, String authUri, String tokenUri,
                           String gmailRootUrl, String calendarRootUrl) {
    /** True when a client id is set. */
    public boolean enabled() {
        return !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "GoogleConfig[clientId=" + clientId + ", clientSecret=" + Secrets.mask(clientSecret)
                + ", authUri=" + authUri + ", tokenUri=" + tokenUri + ", gmailRootUrl=" + gmailRootUrl
                + ", calendarRootUrl=" + calendarRootUrl + "]";
    }
}
