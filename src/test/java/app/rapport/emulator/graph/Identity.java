package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Microsoft identity platform part: apps, consent, authorization codes with PKCE, access and
 * refresh tokens. All state is guarded by the emulator's lock.
 */
final class Identity {
    static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email", "offline_access");
    private static final DateTimeFormatter AAD_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    record App(String clientId, String secret, Set<String> redirectUris) {}

    /** One consent of one mailbox to one app. A revoked grant kills its tokens; a new consent makes a new grant. */
    static final class Grant {
        final String clientId;
        final Mailbox mailbox;
        final Set<String> scopes = new LinkedHashSet<>();
        boolean revoked;

        Grant(String clientId, Mailbox mailbox) {
            this.clientId = clientId;
            this.mailbox = mailbox;
        }
    }

    static final class Code {
        final String value;
        final App app;
        final String redirectUri;
        final Grant grant;
        final String challenge;
        final String method;
        final Instant issued;
        boolean used;

        Code(String value, App app, String redirectUri, Grant grant, String challenge, String method, Instant issued) {
            this.value = value;
            this.app = app;
            this.redirectUri = redirectUri;
            this.grant = grant;
            this.challenge = challenge;
            this.method = method;
            this.issued = issued;
        }
    }

    static final class AccessToken {
        final String value;
        final Grant grant;
        final Set<String> scopes;
        final Instant expires;
        boolean killed;

        AccessToken(String value, Grant grant, Set<String> scopes, Instant expires) {
            this.value = value;
            this.grant = grant;
            this.scopes = scopes;
            this.expires = expires;
        }
    }

    record RefreshToken(String value, Grant grant) {}

    private final GraphEmulator emu;
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    final Map<String, AtomicLong> tokenRequests = new ConcurrentHashMap<>();
    String signInAs;
    boolean denyConsent;
    private int killCountdown = -1;
    private final List<AccessToken> doomed = new ArrayList<>();

    Identity(GraphEmulator emu) {
        this.emu = emu;
    }

    // ---- test API (callers hold the lock) ----

    void registerApp(String clientId, String secret, String redirectUri) {
        App existing = apps.get(clientId);
        Set<String> uris = existing != null ? new LinkedHashSet<>(existing.redirectUris()) : new LinkedHashSet<>();
        if (redirectUri != null) uris.add(redirectUri);
        apps.put(clientId, new App(clientId, secret, uris));
    }

    void revokeGrant(Mailbox mailbox) {
        for (Grant g : grants) if (g.mailbox == mailbox) g.revoked = true;
    }

    void expireAccessTokens() {
        for (AccessToken t : accessTokens.values()) t.killed = true;
    }

    void expireAccessTokensAfter(int graphRequests) {
        doomed.clear();
        for (AccessToken t : accessTokens.values()) if (!t.killed) doomed.add(t);
        killCountdown = graphRequests;
        if (graphRequests <= 0) killDoomed();
    }

    Set<String> grantedScopes(Mailbox mailbox) {
        Set<String> out = new LinkedHashSet<>();
        for (Grant g : grants) if (g.mailbox == mailbox && !g.revoked) out.addAll(g.scopes);
        return out;
    }

    /** A live token for tests that skip the browser leg; app "emulator-test-app", all scopes. */
    String issueDirect(Mailbox mailbox, Set<String> scopes) {
        Grant g = new Grant("emulator-test-app", mailbox);
        g.scopes.addAll(scopes);
        grants.add(g);
        return newAccessToken(g).value;
    }

    /** The live token for a bearer value, or null. Counts the request towards expireAccessTokensAfter. */
    AccessToken authenticate(String bearer) {
        AccessToken t = bearer == null ? null : accessTokens.get(bearer);
        boolean live = t != null && !t.killed && !t.grant.revoked && emu.now().isBefore(t.expires);
        if (killCountdown > 0 && --killCountdown == 0) {
            killDoomed(); // this request was the n-th and still passes; the doomed tokens die now
        }
        return live ? t : null;
    }

    String whyDead(String bearer) {
        AccessToken t = bearer == null ? null : accessTokens.get(bearer);
        if (bearer == null) return "Access token is empty.";
        if (t == null) return "Access token is not valid for this emulator (unknown token).";
        if (t.grant.revoked) return "Access token was revoked: the user's grant for the app was removed.";
        return "Lifetime validation failed, the token is expired.";
    }

    private void killDoomed() {
        for (AccessToken t : doomed) t.killed = true;
        doomed.clear();
        killCountdown = -1;
    }

    // ---- HTTP ----

    void authorize(Context ctx) {
        Map<String, String> q = queryMap(ctx.queryString());
        String clientId = q.get("client_id");
        String redirectUri = q.get("redirect_uri");
        String state = q.get("state");
        String mode = q.getOrDefault("response_mode", "query");
        synchronized (emu.lock) {
            App app = clientId == null ? null : apps.get(clientId);
            if (app == null) {
                if (redirectUri == null || !redirectUri.matches("(?i)https?://.+")) {
                    page(ctx, 400, "AADSTS700016: Application with identifier '" + clientId + "' was not found.");
                    return;
                }
                redirectError(ctx, redirectUri, mode, "unauthorized_client", 700016,
                        "Application with identifier '" + clientId + "' was not found in the directory.", state);
                return;
            }
            if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
                page(ctx, 400, "AADSTS50011: The redirect URI '" + redirectUri
                        + "' specified in the request does not match the redirect URIs configured for the application '"
                        + clientId + "'.");
                return;
            }
            if (!"code".equals(q.get("response_type"))) {
                redirectError(ctx, redirectUri, mode, "unsupported_response_type", 700054,
                        "response_type '" + q.get("response_type") + "' is not supported; use 'code'.", state);
                return;
            }
            String scope = q.get("scope");
            if (scope == null || scope.isBlank()) {
                redirectError(ctx, redirectUri, mode, "invalid_request", 900144,
                        "The request body must contain the following parameter: 'scope'.", state);
                return;
            }
            String challenge = q.get("code_challenge");
            String method = q.get("code_challenge_method");
            if (challenge != null && method == null) method = "plain";
            if (method != null && !method.equals("S256") && !method.equals("plain")) {
                redirectError(ctx, redirectUri, mode, "invalid_request", 501491,
                        "Invalid code_challenge_method '" + method + "'.", state);
                return;
            }
            if (denyConsent) {
                redirectError(ctx, redirectUri, mode, "access_denied", 65004,
                        "User declined to consent to access the app.", state);
                return;
            }
            Mailbox who = emu.signInTarget(signInAs, q.get("login_hint"));
            if (who == null) {
                redirectError(ctx, redirectUri, mode, "login_required", 50058,
                        "No mailbox exists in the emulator to sign in as.", state);
                return;
            }
            Grant grant = liveGrant(clientId, who);
            grant.scopes.addAll(normalize(scope));
            String code = "0.emu." + Json.randomToken(48);
            codes.put(code, new Code(code, app, redirectUri, grant, challenge, method, emu.now()));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("code", code);
            if (state != null) params.put("state", state);
            params.put("session_state", UUID.randomUUID().toString());
            redirect(ctx, redirectUri, mode, params);
        }
    }

    void token(Context ctx) {
        Map<String, String> form = queryMap(ctx.body());
        String grantType = form.get("grant_type");
        tokenRequests.computeIfAbsent(grantType == null ? "(none)" : grantType, k -> new AtomicLong()).incrementAndGet();
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = ctx.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                if (clientId != null && !clientId.equals(basicId)) {
                    tokenError(ctx, 400, "invalid_request", 900023,
                            "client_id in the body differs from the one in the Authorization header.");
                    return;
                }
                clientId = basicId;
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            }
        }
        synchronized (emu.lock) {
            if (clientId == null) {
                tokenError(ctx, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
                return;
            }
            App app = apps.get(clientId);
            if (app == null) {
                tokenError(ctx, 400, "unauthorized_client", 700016,
                        "Application with identifier '" + clientId + "' was not found in the directory.");
                return;
            }
            if (app.secret() != null) {
                if (secret == null) {
                    tokenError(ctx, 401, "invalid_client", 7000218,
                            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
                    return;
                }
                if (!app.secret().equals(secret)) {
                    tokenError(ctx, 401, "invalid_client", 7000215, "Invalid client secret provided.");
                    return;
                }
            }
            if ("authorization_code".equals(grantType)) {
                redeemCode(ctx, app, form);
            } else if ("refresh_token".equals(grantType)) {
                refresh(ctx, app, form);
            } else {
                tokenError(ctx, 400, "unsupported_grant_type", 70003,
                        "The app requested an unsupported grant type '" + grantType + "'.");
            }
        }
    }

    private void redeemCode(Context ctx, App app, Map<String, String> form) {
        String value = form.get("code");
        if (value == null) {
            tokenError(ctx, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'code'.");
            return;
        }
        Code code = codes.get(value);
        if (code == null) {
            tokenError(ctx, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid (unknown code).");
            return;
        }
        if (code.used) {
            tokenError(ctx, 400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed.");
            return;
        }
        if (!code.app.clientId().equals(app.clientId())) {
            tokenError(ctx, 400, "invalid_grant", 70000, "The code was issued to another client.");
            return;
        }
        if (!emu.now().isBefore(code.issued.plus(emu.options.codeLifetime))) {
            code.used = true;
            tokenError(ctx, 400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired.");
            return;
        }
        if (!code.redirectUri.equals(form.get("redirect_uri"))) {
            tokenError(ctx, 400, "invalid_grant", 50011, "The redirect URI '" + form.get("redirect_uri")
                    + "' does not match the one used when the code was requested.");
            return;
        }
        if (code.challenge != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null) {
                tokenError(ctx, 400, "invalid_grant", 50148, "The code_verifier is missing; the authorization request had a code_challenge.");
                return;
            }
            String expected = code.method.equals("S256") ? s256(verifier) : verifier;
            if (!expected.equals(code.challenge)) {
                tokenError(ctx, 400, "invalid_grant", 50148,
                        "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");
                return;
            }
        }
        code.used = true;
        if (code.grant.revoked) {
            tokenError(ctx, 400, "invalid_grant", 70000, "The user's grant for the app was revoked.");
            return;
        }
        success(ctx, code.grant, true);
    }

    private void refresh(Context ctx, App app, Map<String, String> form) {
        String value = form.get("refresh_token");
        if (value == null) {
            tokenError(ctx, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'refresh_token'.");
            return;
        }
        RefreshToken rt = refreshTokens.get(value);
        if (rt == null) {
            tokenError(ctx, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid (unknown refresh token).");
            return;
        }
        if (!rt.grant().clientId.equals(app.clientId())) {
            tokenError(ctx, 400, "invalid_grant", 70000, "The refresh token was issued to another client.");
            return;
        }
        if (rt.grant().revoked) {
            tokenError(ctx, 400, "invalid_grant", 70000,
                    "The provided value for the input parameter 'refresh_token' is not valid: the user or an administrator revoked the grant.");
            return;
        }
        String scope = form.get("scope");
        if (scope != null) {
            for (String s : normalize(scope)) {
                if (!OIDC_SCOPES.contains(s.toLowerCase(Locale.ROOT)) && !containsIgnoreCase(rt.grant().scopes, s)) {
                    tokenError(ctx, 400, "invalid_grant", 65001,
                            "The user or administrator has not consented to use the application for scope '" + s + "'.");
                    return;
                }
            }
        }
        success(ctx, rt.grant(), false);
    }

    private void success(Context ctx, Grant grant, boolean fromCode) {
        AccessToken at = newAccessToken(grant);
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        List<String> shown = new ArrayList<>();
        for (String s : grant.scopes) if (!s.equalsIgnoreCase("offline_access")) shown.add(s);
        body.put("scope", String.join(" ", shown));
        body.put("expires_in", emu.options.accessTokenLifetime.toSeconds());
        body.put("ext_expires_in", emu.options.accessTokenLifetime.toSeconds());
        body.put("access_token", at.value);
        if (containsIgnoreCase(grant.scopes, "offline_access")) {
            String rt = "1.emu." + Json.randomToken(64);
            refreshTokens.put(rt, new RefreshToken(rt, grant));
            body.put("refresh_token", rt);
        }
        if (containsIgnoreCase(grant.scopes, "openid")) body.put("id_token", idToken(grant));
        ctx.status(200).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .contentType("application/json; charset=utf-8").result(Json.write(body));
    }

    private AccessToken newAccessToken(Grant grant) {
        String value = "emu-at." + Json.randomToken(48);
        AccessToken at = new AccessToken(value, grant, Set.copyOf(grant.scopes), emu.now().plus(emu.options.accessTokenLifetime));
        accessTokens.put(value, at);
        return at;
    }

    /** An unsigned (alg none) id token with the claims a client reads to learn who signed in. */
    private String idToken(Grant grant) {
        ObjectNode header = Json.object().put("typ", "JWT").put("alg", "none");
        Instant now = emu.now();
        ObjectNode claims = Json.object();
        claims.put("aud", grant.clientId);
        claims.put("iss", emu.baseUrl() + "/" + emu.options.tenantId + "/v2.0");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(emu.options.accessTokenLifetime).getEpochSecond());
        claims.put("name", grant.mailbox.displayName());
        claims.put("oid", grant.mailbox.userId());
        claims.put("preferred_username", grant.mailbox.address());
        claims.put("email", grant.mailbox.address());
        claims.put("sub", Json.randomToken(16));
        claims.put("tid", emu.options.tenantId);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private Grant liveGrant(String clientId, Mailbox who) {
        for (Grant g : grants) if (!g.revoked && g.clientId.equals(clientId) && g.mailbox == who) return g;
        Grant g = new Grant(clientId, who);
        grants.add(g);
        return g;
    }

    /** Space-separated scopes with the Graph resource prefix removed ("https://graph.microsoft.com/Mail.Read" -> "Mail.Read"). */
    static Set<String> normalize(String scope) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : scope.trim().split("\\s+")) {
            if (s.isEmpty()) continue;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://graph.microsoft.com/")) s = s.substring("https://graph.microsoft.com/".length());
            if (s.equals(".default")) continue;
            if (!containsIgnoreCase(out, s)) out.add(s);
        }
        return out;
    }

    static boolean containsIgnoreCase(Set<String> set, String s) {
        for (String x : set) if (x.equalsIgnoreCase(s)) return true;
        return false;
    }

    static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void tokenError(Context ctx, int status, String error, int aadsts, String text) {
        Instant now = emu.now();
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String stamp = AAD_TIMESTAMP.format(now);
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", "AADSTS" + aadsts + ": " + text + "\r\nTrace ID: " + trace
                + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + stamp);
        ArrayNode codesNode = body.putArray("error_codes");
        codesNode.add(aadsts);
        body.put("timestamp", stamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", emu.baseUrl() + "/error?code=" + aadsts);
        ctx.status(status).header("Cache-Control", "no-store").contentType("application/json; charset=utf-8")
                .result(Json.write(body));
    }

    private void redirectError(Context ctx, String redirectUri, String mode, String error, int aadsts, String text,
            String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", "AADSTS" + aadsts + ": " + text);
        if (state != null) params.put("state", state);
        redirect(ctx, redirectUri, mode, params);
    }

    private static void redirect(Context ctx, String redirectUri, String mode, Map<String, String> params) {
        if ("form_post".equals(mode)) {
            StringBuilder html = new StringBuilder("<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                    .append(escape(redirectUri)).append("\">");
            params.forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"")
                    .append(escape(v)).append("\"/>"));
            ctx.status(200).contentType("text/html; charset=utf-8").result(html.append("</form></body></html>").toString());
            return;
        }
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        String location;
        if ("fragment".equals(mode)) location = redirectUri + "#" + q;
        else location = redirectUri + (URI.create(redirectUri).getRawQuery() == null ? "?" : "&") + q;
        ctx.status(302).header("Location", location).result("");
    }

    private static void page(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result("<html><body><h1>Sign in error</h1><p>" + escape(text) + "</p></body></html>");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Decodes a query string or form body; later duplicates win. */
    static Map<String, String> queryMap(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    void openIdConfiguration(Context ctx, String tenant) {
        String base = emu.baseUrl() + "/" + tenant;
        ObjectNode c = Json.object();
        c.put("issuer", emu.baseUrl() + "/" + emu.options.tenantId + "/v2.0");
        c.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        c.put("token_endpoint", base + "/oauth2/v2.0/token");
        c.put("jwks_uri", base + "/discovery/v2.0/keys");
        c.putArray("response_types_supported").add("code");
        c.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        c.putArray("subject_types_supported").add("pairwise");
        c.putArray("id_token_signing_alg_values_supported").add("none");
        c.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        c.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
        c.putArray("code_challenge_methods_supported").add("S256").add("plain");
        c.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
        ctx.contentType("application/json; charset=utf-8").result(Json.write(c));
    }
}
