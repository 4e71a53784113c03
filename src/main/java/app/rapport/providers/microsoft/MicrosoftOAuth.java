package app.rapport.providers.microsoft;

import app.rapport.config.MicrosoftConfig;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The Microsoft identity platform's authorization code flow with PKCE, and refresh, through the
 * Nimbus OAuth 2.0 SDK. Unlike MSAL4J it accepts any authority, so tests run it against the emulator.
 */
public final class MicrosoftOAuth {
    /** The least that works: sign-in, a refresh token, mail metadata, the calendar, working hours. */
    public static final String SCOPES = "offline_access User.Read Mail.ReadBasic Calendars.ReadWrite MailboxSettings.Read";
    private static final int TIMEOUT_MS = 15_000;

    private final MicrosoftConfig config;
    private final URI redirectUri;
    private final Clock clock;

    public MicrosoftOAuth(MicrosoftConfig config, String publicUrl, Clock clock) {
        this.config = config;
        this.redirectUri = URI.create(publicUrl + "/oauth/microsoft/callback");
        this.clock = clock;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** Where to send the user's browser to consent; {@code state} comes back with the code. */
    public URI authorizationUrl(String state, String codeVerifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(config.clientId()))
                .endpointURI(endpoint("authorize"))
                .redirectionURI(redirectUri)
                .scope(Scope.parse(SCOPES))
                .state(new State(state))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .customParameter("prompt", "select_account")
                .build()
                .toURI();
    }

    /** A fresh PKCE verifier (43+ characters of URL-safe randomness). */
    public static String newCodeVerifier() {
        return new CodeVerifier().getValue();
    }

    /** Redeems the code from the callback. */
    public OAuthTokens redeem(String code, String codeVerifier) {
        return token(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)), null);
    }

    /** A new access token (and, as Microsoft rotates them, a new refresh token). */
    public OAuthTokens refresh(String refreshToken) {
        return token(new RefreshTokenGrant(new RefreshToken(refreshToken)), refreshToken);
    }

    private OAuthTokens token(AuthorizationGrant grant, String previousRefreshToken) {
        TokenRequest request = new TokenRequest.Builder(endpoint("token"),
                new ClientSecretPost(new ClientID(config.clientId()), new Secret(config.clientSecret())), grant)
                .scope(Scope.parse(SCOPES))
                .build();
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MS);
        http.setReadTimeout(TIMEOUT_MS);
        HTTPResponse response;
        try {
            response = http.send();
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Kind.TEMPORARY, "network", "the sign-in service did not answer: " + e.getMessage());
        }
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new OAuthException(response.getStatusCode() >= 500 ? OAuthException.Kind.TEMPORARY : OAuthException.Kind.REJECTED,
                    "malformed", "the sign-in service answered HTTP " + response.getStatusCode() + " with a body that is not a token response");
        }
        if (!parsed.indicatesSuccess()) throw failure(((TokenErrorResponse) parsed).getErrorObject());
        Tokens tokens = ((AccessTokenResponse) parsed).getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        Instant expiresAt = clock.instant().plus(Duration.ofSeconds(lifetime > 0 ? lifetime : 3600));
        String refresh = tokens.getRefreshToken() != null ? tokens.getRefreshToken().getValue() : previousRefreshToken;
        if (refresh == null) {
            throw new OAuthException(OAuthException.Kind.REJECTED, "no_refresh_token",
                    "the sign-in service gave no refresh token; offline_access was not granted");
        }
        Scope scope = tokens.getAccessToken().getScope();
        return new OAuthTokens(tokens.getAccessToken().getValue(), refresh, expiresAt,
                scope != null ? scope.toString() : SCOPES);
    }

    private static OAuthException failure(ErrorObject error) {
        String code = error.getCode() == null ? "unknown" : error.getCode();
        String description = error.getDescription() == null ? "" : firstLine(error.getDescription());
        OAuthException.Kind kind = switch (code) {
            case "invalid_grant", "interaction_required", "consent_required" -> OAuthException.Kind.GRANT_REVOKED;
            case "temporarily_unavailable", "server_error" -> OAuthException.Kind.TEMPORARY;
            default -> error.getHTTPStatusCode() >= 500 ? OAuthException.Kind.TEMPORARY : OAuthException.Kind.REJECTED;
        };
        return new OAuthException(kind, code, description.isEmpty() ? code : code + ": " + description);
    }

    /** Entra's descriptions carry trace and correlation ids on further lines; the first line is the reason. */
    private static String firstLine(String text) {
        int end = text.length();
        // Nimbus drops the line breaks of the description, so the trace block is found by its label too.
        for (String marker : new String[] {"\r", "\n", "Trace ID:"}) {
            int at = text.indexOf(marker);
            if (at >= 0) end = Math.min(end, at);
        }
        return text.substring(0, end).strip();
    }

    private URI endpoint(String name) {
        String authority = config.authority();
        while (authority.endsWith("/")) authority = authority.substring(0, authority.length() - 1);
        return URI.create(authority + "/" + config.tenant() + "/oauth2/v2.0/" + name);
    }

    /** The tokens of one grant; {@code refreshToken} replaces the stored one. */
    public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String scopes) {
        @Override
        public String toString() {
            return "OAuthTokens[expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }
}
