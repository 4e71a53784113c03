package app.rapport.config;

/**
 * Microsoft 365 (Entra ID sign-in and Microsoft Graph). Every URL is an http(s) URL, so tests can
 * point it at an emulator.
 *
 * @param clientId     application (client) id; empty switches the provider off
 * @param clientSecret client secret; left out of {@link #toString()}
 * @param tenant       common, organizations, consumers, or a tenant id or domain
 * @param authority    sign-in host, e.g. https://login.microsoftonline.com (the tenant is appended)
 * @param graphBaseUrl Graph root including the version, e.g. https://graph.microsoft.com/v1.0
 */
public record MicrosoftConfig(String clientId, String clientSecret, String tenant, String authority,
                              String graphBaseUrl) {
    /** True when a client id is set. */
    public boolean enabled() {
        return !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "MicrosoftConfig[clientId=" + clientId + ", clientSecret=" + Secrets.mask(clientSecret)
                + ", tenant=" + tenant + ", authority=" + authority + ", graphBaseUrl=" + graphBaseUrl + "]";
    }
}
