package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.rapport.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    GraphEmulator emu;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start(Options.defaults().clock(clock));
        emu.registerApp(GraphSdk.CLIENT_ID, GraphSdk.SECRET, GraphSdk.REDIRECT);
        emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
        emu.mailbox("sam@owner-advisory.example", "Sam Second");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void codeWithPkceThenRefreshRotatesTokensAndKeepsTheOldOne() throws Exception {
        JsonNode tokens = GraphSdk.signIn(emu);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(tokens.get("scope").asText()).contains("Mail.Read").doesNotContain("offline_access");
        assertThat(tokens.has("id_token")).isTrue();
        String rt1 = tokens.get("refresh_token").asText();

        User me = GraphSdk.client(emu, tokens.get("access_token").asText()).me().get();
        assertThat(me.getMail()).isEqualTo("olivia@owner-advisory.example");
        assertThat(me.getDisplayName()).isEqualTo("Olivia Owner");
        assertThat(emu.grantedScopes("olivia@owner-advisory.example")).contains("offline_access", "Calendars.ReadWrite");

        HttpResponse<String> r2 = refresh(rt1, null);
        assertThat(r2.statusCode()).isEqualTo(200);
        String rt2 = Json.parse(r2.body()).get("refresh_token").asText();
        assertThat(rt2).isNotEqualTo(rt1);
        assertThat(refresh(rt1, null).statusCode()).isEqualTo(200);
        assertThat(emu.tokenRequests("authorization_code")).isEqualTo(1);
        assertThat(emu.tokenRequests("refresh_token")).isEqualTo(2);

        // HTTP Basic client authentication works too
        HttpResponse<String> basic = GraphSdk.token(emu, Map.of("grant_type", "refresh_token", "refresh_token", rt2),
                new ClientSecretBasic(new ClientID(GraphSdk.CLIENT_ID), new Secret(GraphSdk.SECRET)).toHTTPAuthorizationHeader());
        assertThat(basic.statusCode()).isEqualTo(200);
    }

    @Test
    void codeIsSingleUseAndShortLived() throws Exception {
        String verifier = GraphSdk.verifier();
        String code = GraphSdk.redirectParams(GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT, GraphSdk.SCOPES, "s", verifier)).get("code");
        assertThat(redeem(code, verifier, GraphSdk.REDIRECT).statusCode()).isEqualTo(200);
        HttpResponse<String> again = redeem(code, verifier, GraphSdk.REDIRECT);
        assertTokenError(again, 400, "invalid_grant", 54005);

        String v2 = GraphSdk.verifier();
        String late = GraphSdk.redirectParams(GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT, GraphSdk.SCOPES, "s", v2)).get("code");
        clock.advance(Duration.ofMinutes(11));
        assertTokenError(redeem(late, v2, GraphSdk.REDIRECT), 400, "invalid_grant", 70008);
    }

    @Test
    void pkceMismatchAndRedirectMismatchAreInvalidGrant() throws Exception {
        String verifier = GraphSdk.verifier();
        String code = GraphSdk.redirectParams(GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT, GraphSdk.SCOPES, "s", verifier)).get("code");
        JsonNode err = assertTokenError(redeem(code, "some-other-verifier-that-is-long-enough-for-pkce-xx", GraphSdk.REDIRECT),
                400, "invalid_grant", 50148);
        assertThat(err.get("error_description").asText()).contains("AADSTS50148");
        for (String f : new String[] {"timestamp", "trace_id", "correlation_id"}) assertThat(err.has(f)).isTrue();

        String code2 = GraphSdk.redirectParams(GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT, GraphSdk.SCOPES, "s", verifier)).get("code");
        assertTokenError(redeem(code2, verifier, "http://127.0.0.1:9/elsewhere"), 400, "invalid_grant", 50011);
    }

    @Test
    void authorizeErrors() throws Exception {
        HttpResponse<String> badRedirect = GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, "http://evil.example/cb", GraphSdk.SCOPES, "s", null);
        assertThat(badRedirect.statusCode()).isEqualTo(400);
        assertThat(badRedirect.headers().firstValue("Location")).isEmpty();

        Map<String, String> unknown = GraphSdk.redirectParams(
                GraphSdk.authorize(emu, "who-is-this", GraphSdk.REDIRECT, GraphSdk.SCOPES, "s1", null));
        assertThat(unknown.get("error")).isEqualTo("unauthorized_client");
        assertThat(unknown.get("state")).isEqualTo("s1");

        emu.denyConsent(true);
        Map<String, String> denied = GraphSdk.redirectParams(
                GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT, GraphSdk.SCOPES, "s2", null));
        assertThat(denied).containsEntry("error", "access_denied").containsEntry("state", "s2");
        assertThat(denied.get("error_description")).startsWith("AADSTS");
    }

    @Test
    void clientAuthenticationFailuresAre401InvalidClient() throws Exception {
        HttpResponse<String> r = GraphSdk.token(emu, Map.of("grant_type", "refresh_token", "client_id", GraphSdk.CLIENT_ID,
                "client_secret", "wrong", "refresh_token", "x"), null);
        assertTokenError(r, 401, "invalid_client", 7000215);
    }

    @Test
    void noOfflineAccessMeansNoRefreshToken() throws Exception {
        String verifier = GraphSdk.verifier();
        String code = GraphSdk.redirectParams(GraphSdk.authorize(emu, GraphSdk.CLIENT_ID, GraphSdk.REDIRECT,
                "User.Read Mail.Read", "s", verifier)).get("code");
        JsonNode t = Json.parse(redeem(code, verifier, GraphSdk.REDIRECT).body());
        assertThat(t.has("access_token")).isTrue();
        assertThat(t.has("refresh_token")).isFalse();
        assertThat(t.has("id_token")).isFalse();
    }

    @Test
    void revokedGrantFailsRefreshAndGraph() throws Exception {
        JsonNode tokens = GraphSdk.signIn(emu);
        var graph = GraphSdk.client(emu, tokens.get("access_token").asText());
        assertThat(graph.me().get().getId()).isNotBlank();
        emu.revokeGrant("olivia@owner-advisory.example");
        assertTokenError(refresh(tokens.get("refresh_token").asText(), null), 400, "invalid_grant", 70000);
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.me().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(401);
        assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        // consenting again gives a working grant
        JsonNode again = GraphSdk.signIn(emu);
        assertThat(refresh(again.get("refresh_token").asText(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void accessTokensExpireByClockOrSwitch() throws Exception {
        JsonNode tokens = GraphSdk.signIn(emu);
        var graph = GraphSdk.client(emu, tokens.get("access_token").asText());
        graph.me().get();
        clock.advance(Duration.ofSeconds(3600));
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.me().get()).getResponseStatusCode()).isEqualTo(401);

        String fresh = Json.parse(refresh(tokens.get("refresh_token").asText(), null).body()).get("access_token").asText();
        var graph2 = GraphSdk.client(emu, fresh);
        graph2.me().get();
        emu.expireAccessTokens();
        assertThat(catchThrowableOfType(ODataError.class, () -> graph2.me().get()).getResponseStatusCode()).isEqualTo(401);
    }

    @Test
    void missingBearerIsGraphJson401() throws Exception {
        HttpResponse<String> r = GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.graphBaseUrl() + "/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode err = Json.parse(r.body()).get("error");
        assertThat(err.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(err.get("innerError").has("request-id")).isTrue();
        assertThat(err.get("innerError").has("date")).isTrue();
    }

    @Test
    void signInAsPicksTheConsentingMailbox() throws Exception {
        emu.signInAs("sam@owner-advisory.example");
        JsonNode tokens = GraphSdk.signIn(emu);
        assertThat(GraphSdk.client(emu, tokens.get("access_token").asText()).me().get().getMail())
                .isEqualTo("sam@owner-advisory.example");
    }

    /** The same flow through Nimbus oauth2-oidc-sdk, as the production OAuth client does it. */
    @Test
    void nimbusClientCompletesTheFlow() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(GraphSdk.CLIENT_ID))
                .endpointURI(URI.create(emu.authority() + "/common/oauth2/v2.0/authorize"))
                .redirectionURI(URI.create(GraphSdk.REDIRECT))
                .scope(Scope.parse(GraphSdk.SCOPES)).state(new State("xyz"))
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        HttpResponse<String> redirect = GraphSdk.HTTP.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getState().getValue()).isEqualTo("xyz");
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        URI tokenEndpoint = URI.create(emu.authority() + "/common/oauth2/v2.0/token");
        ClientSecretBasic auth = new ClientSecretBasic(new ClientID(GraphSdk.CLIENT_ID), new Secret(GraphSdk.SECRET));
        TokenResponse tr = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, auth,
                new AuthorizationCodeGrant(code, URI.create(GraphSdk.REDIRECT), verifier)).toHTTPRequest().send());
        assertThat(tr.indicatesSuccess()).isTrue();
        OIDCTokenResponse ok = (OIDCTokenResponse) tr.toSuccessResponse();
        assertThat(ok.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("preferred_username"))
                .isEqualTo("olivia@owner-advisory.example");
        RefreshToken rt = ok.getTokens().getRefreshToken();

        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, auth, new RefreshTokenGrant(rt))
                .toHTTPRequest().send());
        assertThat(refreshed.indicatesSuccess()).isTrue();
        assertThat(refreshed.toSuccessResponse().getTokens().getRefreshToken()).isNotEqualTo(rt);

        emu.revokeGrant("olivia@owner-advisory.example");
        TokenResponse revoked = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, auth, new RefreshTokenGrant(rt))
                .toHTTPRequest().send());
        assertThat(revoked.indicatesSuccess()).isFalse();
        TokenErrorResponse err = revoked.toErrorResponse();
        assertThat(err.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(err.getErrorObject().getHTTPStatusCode()).isEqualTo(400);
    }

    private HttpResponse<String> redeem(String code, String verifier, String redirect) throws Exception {
        return GraphSdk.token(emu, Map.of("grant_type", "authorization_code", "client_id", GraphSdk.CLIENT_ID,
                "client_secret", GraphSdk.SECRET, "code", code, "redirect_uri", redirect, "code_verifier", verifier), null);
    }

    private HttpResponse<String> refresh(String rt, String scope) throws Exception {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "refresh_token", "client_id", GraphSdk.CLIENT_ID,
                "client_secret", GraphSdk.SECRET, "refresh_token", rt));
        if (scope != null) form.put("scope", scope);
        return GraphSdk.token(emu, form, null);
    }

    private static JsonNode assertTokenError(HttpResponse<String> r, int status, String error, int aadsts) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = Json.parse(r.body());
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(aadsts);
        assertThat(body.get("error_description").asText()).startsWith("AADSTS" + aadsts + ":");
        return body;
    }
}
