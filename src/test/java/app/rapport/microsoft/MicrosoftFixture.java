package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.emulator.graph.GraphEmulator;
import app.rapport.emulator.graph.Mailbox;
import app.rapport.emulator.graph.Options;
import app.rapport.jobs.Jobs;
import app.rapport.store.Database;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import app.rapport.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Rapport on a known port, its jobs running, configured against a Graph emulator whose app
 * registration redirects back to it; and the OAuth dance a user's browser would do.
 */
public final class MicrosoftFixture implements AutoCloseable {
    public static final String OWNER = "olivia@owner-advisory.example";
    public static final String CLIENT_ID = "rapport-test-app";
    public static final String SECRET = "s3cret-value";
    /** The book's fixed today, as in every server test. */
    public static final Instant NOW = TestServer.NOW;

    public final GraphEmulator graph;
    public final Mailbox mailbox;
    public final TestServer server;
    public final Jobs jobs;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private MicrosoftFixture(GraphEmulator graph, TestServer server, Jobs jobs) {
        this.graph = graph;
        this.mailbox = graph.mailbox(OWNER, "Olivia Owner");
        this.server = server;
        this.jobs = jobs;
    }

    public static MicrosoftFixture start(Database db, Options options, Map<String, ?> extraConfig) {
        GraphEmulator graph = GraphEmulator.start(options);
        Map<String, Object> keys = serverKeys(graph, freePort());
        keys.put("sync.pollMinutes", 60);
        keys.putAll(extraConfig);
        TestServer server = TestServer.on(db, Clock.fixed(NOW, ZoneOffset.UTC), keys);
        graph.mailbox(OWNER, "Olivia Owner");
        Jobs jobs = Jobs.start(server.rapport, Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6),
                Duration.ofMillis(200));
        return new MicrosoftFixture(graph, server, jobs);
    }

    /**
     * Configuration for a Rapport on {@code port} that talks to the emulator, with push on, after
     * registering the app there with Rapport's callback as redirect URI.
     */
    public static Map<String, Object> serverKeys(GraphEmulator graph, int port) {
        String publicUrl = "http://127.0.0.1:" + port;
        graph.registerApp(CLIENT_ID, SECRET, publicUrl + "/oauth/microsoft/callback");
        Map<String, Object> keys = new HashMap<>();
        keys.put("server.port", port);
        keys.put("server.publicUrl", publicUrl);
        keys.put("providers.microsoft.clientId", CLIENT_ID);
        keys.put("providers.microsoft.clientSecret", SECRET);
        keys.put("providers.microsoft.authority", graph.authority());
        keys.put("providers.microsoft.graphBaseUrl", graph.graphBaseUrl());
        keys.put("sync.push", "on");
        return keys;
    }

    /** Connects the owner's mailbox as a user would: connect, consent at "Microsoft", follow the redirect back. */
    public long connect() {
        TestServer.Reply started = server.post("/api/v1/accounts/microsoft/connect", server.ownerToken, "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String authorize = started.json().get("authorizationUrl").asText();
        HttpResponse<String> consent = get(authorize);
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String callback = consent.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(server.url("/oauth/microsoft/callback"));
        HttpResponse<String> back = get(callback);
        assertThat(back.statusCode()).isEqualTo(302);
        String landing = back.headers().firstValue("Location").orElseThrow();
        assertThat(landing).as("callback outcome").startsWith("/accounts?connected=");
        return Long.parseLong(landing.substring("/accounts?connected=".length()));
    }

    public HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every stream finished a round after {@code since} and none is waiting for another. */
    public void awaitSynced(long accountId, Instant since, Duration timeout) {
        await(() -> "account " + accountId + " synced; streams now: " + server.rapport.syncStreams.forAccount(accountId), timeout, () -> {
            List<SyncStream> streams = server.rapport.syncStreams.forAccount(accountId);
            if (streams.size() != Stream.values().length) return false;
            for (SyncStream s : streams) {
                if (!SyncStream.IDLE.equals(s.state()) || !s.cursorIsDelta()) return false;
                if (s.roundStartedAt() == null || s.roundStartedAt().isBefore(since)) return false;
                if (s.requestedAt() != null && s.requestedAt().isAfter(s.roundStartedAt())) return false;
            }
            return true;
        });
    }

    public SyncStream stream(long accountId, Stream stream) {
        return server.rapport.syncStreams.find(accountId, stream).orElseThrow();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(() -> what, timeout, condition);
    }

    /** Waits, and on time-out says what was awaited and how things stand. */
    public static void await(java.util.function.Supplier<String> what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what.get());
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what.get());
            }
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        jobs.close();
        server.close();
        graph.close();
    }
}
