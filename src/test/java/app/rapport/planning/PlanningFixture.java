package app.rapport.planning;

import app.rapport.Bootstrap;
import app.rapport.Rapport;
import app.rapport.config.RapportConfig;
import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.user.User;
import app.rapport.service.ClientInput;
import app.rapport.store.Database;
import app.rapport.support.MutableClock;
import app.rapport.web.App;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server over a fresh database with a clock the test moves, for the planning loop: an owner in
 * Europe/London, clients who never heard from the user (so they are due), and HTTP helpers.
 */
final class PlanningFixture implements AutoCloseable {
    /** A Monday morning in London, before the working day starts. */
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(NOW);
    final Rapport rapport;
    final Javalin app;
    final User owner;
    final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    PlanningFixture(Database db, Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(Map.of("demo.load", false, "server.port", 0,
                "owner.email", "olivia@owner-advisory.example", "owner.name", "Olivia Owner",
                "owner.timeZone", "Europe/London"));
        all.putAll(config);
        rapport = new Rapport(RapportConfig.forTests(all), db, clock);
        Bootstrap.Owner o = Bootstrap.ensureOwner(rapport);
        owner = o.user();
        token = o.firstToken().orElseThrow();
        app = App.create(rapport.services()).start("127.0.0.1", 0);
    }

    /** A client in London who was never contacted, so it is due now. */
    Client client(String name, String email) {
        return client(name, email, "A", "Europe/London");
    }

    Client client(String name, String email, String tier, String zone) {
        return rapport.clientService.create(owner.id(), new ClientInput(name, ClientKind.PERSON, tier, null,
                ZoneId.of(zone), null, null, List.of(email), List.of()));
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    @Override
    public void close() {
        app.stop();
        rapport.database.close();
    }
}
