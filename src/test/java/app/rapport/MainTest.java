package app.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a process: start-up, the demo on first start only, and refusals of bad configuration. */
class MainTest {
    private static final Pattern PORT = Pattern.compile("Rapport is running on port (\\d+)\\.");

    @TempDir
    Path workDir;

    Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "app.rapport.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("RAPPORT_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    record Started(Process process, int port, String output) {}

    Started startAndWaitForPort(Map<String, String> env) throws Exception {
        Process p = start(env);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Press Ctrl-C")) {
                Matcher m = PORT.matcher(seen);
                assertThat(m.find()).as(seen.toString()).isTrue();
                return new Started(p, Integer.parseInt(m.group(1)), seen.toString());
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + seen + new String(p.getErrorStream().readAllBytes()));
    }

    @Test
    void aFirstStartLoadsTheDemoAndASecondStartKeepsTheDataWithoutReloadingIt() throws Exception {
        Map<String, String> env = Map.of("RAPPORT_SERVER_PORT", "0", "RAPPORT_SERVER_HOST", "127.0.0.1");
        Started first = startAndWaitForPort(env);
        String token;
        String firstList;
        try {
            assertThat(first.output()).contains("/signin?code=").contains("API token (shown once");
            token = first.output().replaceAll("(?s).*API token \\(shown once, keep it\\): (\\S+).*", "$1");
            assertThat(get(first.port(), "/health", null).statusCode()).isEqualTo(200);
            firstList = get(first.port(), "/api/v1/clients?sort=name&size=500", token).body();
            assertThat(firstList).containsPattern("\"total\":1[0-9]{2}");
        } finally {
            stop(first.process());
        }
        Started second = startAndWaitForPort(env);
        try {
            assertThat(second.output()).contains("/signin?code=").doesNotContain("API token");
            HttpResponse<String> secondList = get(second.port(), "/api/v1/clients?sort=name&size=500", token);
            assertThat(secondList.statusCode()).as("the first start's token still works").isEqualTo(200);
            assertThat(totalOf(secondList.body())).isEqualTo(totalOf(firstList));
        } finally {
            stop(second.process());
        }
        assertThat(Files.exists(workDir.resolve("data"))).isTrue();
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String totalOf(String listJson) {
        return listJson.replaceAll("(?s).*\"total\":(\\d+).*", "$1");
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneLineNamingTheKey() throws Exception {
        Process p = start(Map.of("RAPPORT_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        List<String> errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("rapport:")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("rapport: configuration error: database.url:");
    }

    @Test
    void aPortInUseStopsStartUpWithOneLineNamingTheKey() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process p = start(Map.of("RAPPORT_SERVER_HOST", "127.0.0.1", "RAPPORT_SERVER_PORT",
                    Integer.toString(taken.getLocalPort()), "RAPPORT_DEMO_LOAD", "false"));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            List<String> errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("rapport:")).toList();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).startsWith("rapport: configuration error: server.port:");
        }
    }

    @Test
    void anUnknownKeyStopsStartUpWithOneLineNamingIt() throws Exception {
        Files.writeString(workDir.resolve("override.yaml"), "server:\n  prot: 7070\n");
        Process p = start(Map.of(), "--config", "override.yaml");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).startsWith("rapport: configuration error: server.prot:");
    }
}
