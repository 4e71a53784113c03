package app.rapport.microsoft;

import app.rapport.emulator.graph.GraphEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapport started as its own process, the way {@code scripts/run} starts it ({@code java -cp ...
 * app.rapport.Main}, configured by RAPPORT_* environment variables), against a Graph emulator in
 * the test JVM; so that it can be killed with SIGKILL and started again on the same database.
 * Output goes to {@code rapport.log} in the working directory (appended across starts).
 */
public final class RapportProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUNNING = Pattern.compile("Rapport is running on port (\\d+)\\.");
    private static final Pattern TOKEN = Pattern.compile("API token \\(shown once, keep it\\): (\\S+)");
    /** Exit status of a process ended by SIGKILL (128 + 9), as {@link Process#exitValue()} reports it on Linux. */
    public static final int SIGKILL_STATUS = 137;

    /** Everything a start needs; the same settings start the same installation again. */
    public record Settings(Path dir, String databaseUrl, String databaseUser, int port, GraphEmulator graph,
                           String ownerEmail, String clientId, String clientSecret, Map<String, String> extraEnv) {
        public String publicUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    public final Settings settings;
    private final Process process;
    private final long logOffset;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** The owner's API token: printed at the first start only, so carried over to later starts. */
    public final String token;
    public final long startMillis;

    private RapportProcess(Settings settings, Process process, long logOffset, String token, long startMillis) {
        this.settings = settings;
        this.process = process;
        this.logOffset = logOffset;
        this.token = token;
        this.startMillis = startMillis;
    }

    /** Starts Rapport and waits until it listens; {@code previousToken} is null at the first start. */
    public static RapportProcess start(Settings s, String previousToken, Duration timeout) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(s.dir());
            Path log = s.dir().resolve("rapport.log");
            long offset = Files.exists(log) ? Files.size(log) : 0;
            Path logback = s.dir().resolve("logback.xml");
            if (!Files.exists(logback)) {
                Files.writeString(logback, """
                        <configuration>
                          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                          </appender>
                          <logger name="app.rapport" level="INFO"/>
                          <logger name="com.github.kagkarlsson" level="INFO"/>
                          <logger name="com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization.utc_warning" level="ERROR"/>
                          <root level="WARN"><appender-ref ref="STDOUT"/></root>
                        </configuration>
                        """);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlogback.configurationFile=" + logback, "-cp", classPath(), "app.rapport.Main"));
            pb.directory(s.dir().toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("RAPPORT_"));
            env.putAll(environment(s));
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process p = pb.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String out = read(log, offset);
                Matcher running = RUNNING.matcher(out);
                if (running.find()) {
                    Matcher token = TOKEN.matcher(out);
                    String t = token.find() ? token.group(1) : previousToken;
                    if (t == null) throw new AssertionError("Rapport printed no API token at its first start:\n" + out);
                    return new RapportProcess(s, p, offset, t, (System.nanoTime() - t0) / 1_000_000);
                }
                if (!p.isAlive()) throw new AssertionError("Rapport exited with " + p.exitValue() + " at start:\n" + out);
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new AssertionError("Rapport did not start within " + timeout + ":\n" + out);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The same installation (directory, database, port, token) started again. */
    public RapportProcess restart(Duration timeout) {
        if (process.isAlive()) throw new IllegalStateException("still running");
        return start(settings, token, timeout);
    }

    /** The test JVM's class path; under surefire's manifest-only jar, the real one it records. */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Map<String, String> environment(Settings s) {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_DATABASE_URL", s.databaseUrl());
        env.put("RAPPORT_DATABASE_USER", s.databaseUser());
        env.put("RAPPORT_DATABASE_PASSWORD", "");
        env.put("RAPPORT_SERVER_HOST", "127.0.0.1");
        env.put("RAPPORT_SERVER_PORT", String.valueOf(s.port()));
        env.put("RAPPORT_SERVER_PUBLICURL", s.publicUrl());
        env.put("RAPPORT_DEMO_LOAD", "false");
        env.put("RAPPORT_OWNER_EMAIL", s.ownerEmail());
        env.put("RAPPORT_OWNER_NAME", "Olivia Owner");
        env.put("RAPPORT_PROVIDERS_MICROSOFT_CLIENTID", s.clientId());
        env.put("RAPPORT_PROVIDERS_MICROSOFT_CLIENTSECRET", s.clientSecret());
        env.put("RAPPORT_PROVIDERS_MICROSOFT_AUTHORITY", s.graph().authority());
        env.put("RAPPORT_PROVIDERS_MICROSOFT_GRAPHBASEURL", s.graph().graphBaseUrl());
        env.put("RAPPORT_SECURITY_TOKENKEYFILE", s.dir().resolve("token-key.json").toString());
        env.put("RAPPORT_SYNC_PUSH", "off");
        env.putAll(s.extraEnv());
        return env;
    }

    /** SIGKILL: no shutdown hook, no scheduler stop, no pool close. Returns the exit status (137). */
    public int kill() {
        process.destroyForcibly();
        return waitFor();
    }

    /** SIGTERM: the shutdown hook stops the jobs and closes the database. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What this start wrote so far. */
    public String output() {
        return read(settings.dir().resolve("rapport.log"), logOffset);
    }

    private static String read(Path log, long offset) {
        try {
            if (!Files.exists(log)) return "";
            byte[] all = Files.readAllBytes(log);
            return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ HTTP

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(settings.publicUrl() + path)).GET(), true);
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(settings.publicUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    /** Any URL (the emulator's authorize endpoint, the callback), without the token. */
    public HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), false).raw();
    }

    private Reply send(HttpRequest.Builder b, boolean withToken) {
        if (withToken) b.header("Authorization", "Bearer " + token);
        b.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Creates a client with one email address; returns its id. */
    public long createClient(String name, String email) {
        Reply r = post("/api/v1/clients", "{\"name\":\"" + name + "\",\"tier\":\"A\",\"emails\":[\"" + email + "\"]}");
        if (r.status() != 201) throw new AssertionError("creating client " + email + ": " + r.status() + " " + r.body());
        return r.json().get("id").asLong();
    }

    /** Connects the Microsoft account as a browser would: connect, consent at the emulator, follow the redirect back. */
    public long connectMicrosoft() {
        Reply started = post("/api/v1/accounts/microsoft/connect", "{}");
        if (started.status() != 200) throw new AssertionError("connect: " + started.status() + " " + started.body());
        HttpResponse<String> consent = getUrl(started.json().get("authorizationUrl").asText());
        if (consent.statusCode() != 302) throw new AssertionError("authorize: " + consent.statusCode() + " " + consent.body());
        String callback = consent.headers().firstValue("Location").orElseThrow();
        if (!callback.startsWith(settings.publicUrl() + "/oauth/microsoft/callback")) {
            throw new AssertionError("authorize redirected to " + callback);
        }
        HttpResponse<String> back = getUrl(callback);
        String landing = back.headers().firstValue("Location").orElse("");
        if (back.statusCode() != 302 || !landing.startsWith("/accounts?connected=")) {
            throw new AssertionError("callback: " + back.statusCode() + " " + landing + " " + back.body());
        }
        return Long.parseLong(landing.substring("/accounts?connected=".length()));
    }

    /** GET /api/v1/accounts/{id}/sync. */
    public JsonNode syncState(long accountId) {
        Reply r = get("/api/v1/accounts/" + accountId + "/sync");
        if (r.status() != 200) throw new AssertionError("sync state: " + r.status() + " " + r.body());
        return r.json();
    }

    /**
     * True when every stream is idle with its backfill done (its cursor is a deltaLink) and every
     * mail stream has checked its completeness since.
     */
    public static boolean allIdleWithDeltaLink(JsonNode account, int streams) {
        JsonNode list = account.path("streams");
        if (list.size() != streams) return false;
        for (JsonNode s : list) {
            if (!"idle".equals(s.path("state").asText())) return false;
            if (!s.path("backfill").path("done").asBoolean()) return false;
            if (s.path("stream").asText().startsWith("mail") && s.path("completeness").isMissingNode()) return false;
        }
        return true;
    }

    /** The value of a Prometheus counter in GET /metrics (0 when absent). */
    public double metric(String name) {
        Reply r = get("/metrics");
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum;
    }

    public File logFile() {
        return settings.dir().resolve("rapport.log").toFile();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }
}
