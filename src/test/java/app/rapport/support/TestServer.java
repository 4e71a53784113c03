package app.rapport.support;

import app.rapport.Bootstrap;
import app.rapport.Rapport;
import app.rapport.config.RapportConfig;
import app.rapport.domain.user.User;
import app.rapport.store.Database;
import app.rapport.web.App;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The whole server on port 0 over a fresh database, with a fixed clock and an HTTP client. */
public final class TestServer implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Rapport rapport;
    public final Javalin app;
    public final Bootstrap.Owner owner;
    public final String ownerToken;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(Database db, Clock clock, Map<String, ?> extraConfig) {
        Map<String, Object> keys = new java.util.HashMap<>(Map.of("demo.load", false, "server.port", 0,
                "owner.email", "olivia@owner-advisory.example", "owner.name", "Olivia Owner"));
        keys.put("security.tokenKeyFile", tempKeyFile());
        keys.putAll(extraConfig);
        RapportConfig config = RapportConfig.forTests(keys);
        this.rapport = new Rapport(config, db, clock);
        this.owner = Bootstrap.ensureOwner(rapport);
        this.ownerToken = owner.firstToken().orElseThrow();
        this.app = App.create(rapport.services()).start("127.0.0.1", config.server().port());
    }

    /** A key file path in a fresh temporary folder, so tests never write a key into the working tree. */
    public static String tempKeyFile() {
        try {
            return java.nio.file.Files.createTempDirectory("rapport-key").resolve("token-key.json").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Over any database and clock; {@code server.port} in the keys fixes the port (for a known publicUrl). */
    public static TestServer on(Database db, Clock clock, Map<String, ?> extraConfig) {
        return new TestServer(db, clock, extraConfig);
    }

    public static TestServer onH2() {
        return onH2(Map.of());
    }

    /** On H2 with more configuration keys, e.g. {@code mail.smtp.host} pointing at GreenMail. */
    public static TestServer onH2(Map<String, ?> extraConfig) {
        return new TestServer(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC), extraConfig);
    }

    public static TestServer onPostgres() {
        return new TestServer(TestDatabases.postgres(), Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    public User ownerUser() {
        return owner.user();
    }

    /** A second user with their own token, to check that nobody sees another's data. */
    public String newUserToken(String email) {
        User u = rapport.users.create("Other " + email, email, java.time.ZoneId.of("America/Chicago"), NOW);
        rapport.tiers.save(u.id(), new app.rapport.domain.client.Tier("A", 30, 45));
        rapport.tiers.save(u.id(), new app.rapport.domain.client.Tier("B", 90, 120));
        rapport.tiers.save(u.id(), new app.rapport.domain.client.Tier("C", 180, 270));
        return rapport.tokens.issue(u.id(), "test", NOW);
    }

    /** The dashboard session of the owner after following the sign-in link: the Cookie header and the CSRF token. */
    public record Session(Map<String, String> headers, String csrf) {}

    public Session signIn() {
        Reply signin = get("/signin?code=" + owner.signinCode(), null);
        String cookie = null;
        String csrf = null;
        for (String header : signin.raw().headers().allValues("Set-Cookie")) {
            java.net.HttpCookie c = java.net.HttpCookie.parse(header).get(0);
            if (c.getName().equals("rapport_session")) cookie = c.getValue();
            if (c.getName().equals("rapport_csrf")) csrf = c.getValue();
        }
        return new Session(Map.of("Cookie", "rapport_session=" + cookie), csrf);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Reply send(String method, String path, String token, String contentType, byte[] body,
                      Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json.getBytes(), Map.of());
    }

    public Reply patch(String path, String token, String json) {
        return send("PATCH", path, token, "application/json", json.getBytes(), Map.of());
    }

    @Override
    public void close() {
        app.stop();
        rapport.database.close();
    }
}
