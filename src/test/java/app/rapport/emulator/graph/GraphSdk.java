package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Test wiring of the real Graph SDK v6 against the emulator (java-stack.md snippet (a)), plus a
 * plain java.net.http OAuth client for the identity endpoints.
 */
final class GraphSdk {
    static final String CLIENT_ID = "rapport-test-app";
    static final String SECRET = "s3cret+/=";
    static final String REDIRECT = "http://127.0.0.1:9/callback";
    static final String SCOPES = "openid profile offline_access https://graph.microsoft.com/User.Read "
            + "https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/Calendars.ReadWrite "
            + "https://graph.microsoft.com/MailboxSettings.Read";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private GraphSdk() {}

    /** An SDK client whose token provider asks the supplier on every request (so a test can swap tokens). */
    static GraphServiceClient client(GraphEmulator emu, Supplier<String> token) {
        return client(emu, token, true);
    }

    static GraphServiceClient client(GraphEmulator emu, String token) {
        return client(emu, () -> token, true);
    }

    /**
     * With {@code retries} false the OkHttp chain is the SDK default minus Kiota's RetryHandler, so a
     * 429/503 surfaces at once as ODataError; with true the default chain retries (sleeping Retry-After).
     */
    static GraphServiceClient client(GraphEmulator emu, Supplier<String> token, boolean retries) {
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return getAllowedHostsValidator().isUrlHostValid(uri) ? token.get() : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("127.0.0.1");
            }
        };
        GraphClientOption option = new GraphClientOption();
        OkHttpClient http;
        if (retries) {
            http = GraphClientFactory.create(option).build();
        } else {
            List<Interceptor> chain = Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(option))
                    .filter(i -> !(i instanceof RetryHandler)).toList();
            http = GraphClientFactory.create(option, chain).build();
        }
        var adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(provider), emu.graphBaseUrl(), http);
        return new GraphServiceClient(adapter);
    }

    // ------------------------------------------------------------------ OAuth over plain HTTP

    static String verifier() {
        return "verifier-" + Json.randomToken(40);
    }

    /** GET authorize with PKCE S256; returns the Location header (the redirect back to the app). */
    static HttpResponse<String> authorize(GraphEmulator emu, String clientId, String redirect, String scope, String state,
            String verifier) throws Exception {
        String url = emu.authority() + "/common/oauth2/v2.0/authorize?client_id=" + enc(clientId) + "&response_type=code"
                + "&redirect_uri=" + enc(redirect) + "&scope=" + enc(scope) + "&state=" + enc(state)
                + (verifier == null ? "" : "&code_challenge=" + Identity.s256(verifier) + "&code_challenge_method=S256");
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Query parameters of a redirect Location. */
    static Map<String, String> redirectParams(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r.statusCode()));
        Map<String, String> out = new HashMap<>();
        String q = URI.create(location).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static HttpResponse<String> token(GraphEmulator emu, Map<String, String> form, String basicAuth) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.authority() + "/organizations/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (basicAuth != null) b.header("Authorization", basicAuth);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole code + PKCE dance for the current signInAs mailbox; returns the token response JSON. */
    static JsonNode signIn(GraphEmulator emu) throws Exception {
        String verifier = verifier();
        Map<String, String> back = redirectParams(authorize(emu, CLIENT_ID, REDIRECT, SCOPES, "st", verifier));
        HttpResponse<String> res = token(emu, Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                "client_secret", SECRET, "code", back.get("code"), "redirect_uri", REDIRECT, "code_verifier", verifier), null);
        if (res.statusCode() != 200) throw new AssertionError("token: " + res.statusCode() + " " + res.body());
        return Json.parse(res.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
