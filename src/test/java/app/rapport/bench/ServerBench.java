package app.rapport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side figures against a running Rapport: latency of the urgency list and the server's
 * resident memory. Merges them with CoreBench's figures into core.json.
 *
 * Usage: ServerBench BASE_URL TOKEN_FILE SERVER_PID OUT_DIR
 */
public final class ServerBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).trim();
        long pid = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/api/v1/clients?sort=urgency&size=100"))
                .header("Authorization", "Bearer " + token).build();
        // Warm up for a while: just after start the JIT is still compiling and H2 may still be
        // compacting a freshly written file, which is start-up cost, not the steady state measured here.
        long warmUntil = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < warmUntil) check(http.send(list, HttpResponse.BodyHandlers.ofString()));
        int n = 5_000;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check(http.send(list, HttpResponse.BodyHandlers.ofString()));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double p50 = nanos[n / 2] / 1e6;
        double p99 = nanos[n * 99 / 100] / 1e6;
        long rssKb = rssKb(pid);
        System.out.printf("GET /api/v1/clients?sort=urgency&size=100 with 10,000 clients: p50 %.2f ms, p99 %.2f ms (%d requests)%n",
                p50, p99, n);
        System.out.printf("server RSS after the requests: %d MB%n", rssKb / 1024);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = new LinkedHashMap<>(json.readValue(out.resolve("core-inprocess.json").toFile(), Map.class));
        figures.put("list_urgency_100_p50_ms", Math.round(p50 * 100) / 100.0);
        figures.put("list_urgency_100_p99_ms", Math.round(p99 * 100) / 100.0);
        figures.put("server_rss_mb", rssKb / 1024);
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("recompute_10k_clients_1m_interactions_ms", "<= 1000");
        targets.put("incremental_store_p50_ms", "<= 1");
        targets.put("list_urgency_100_p99_ms", "<= 20");
        targets.put("server_rss_mb", "<= 512");
        targets.put("ingest_h2_interactions_per_s", ">= 50000");
        figures.put("targets", targets);
        json.writeValue(out.resolve("core.json").toFile(), figures);
        System.out.println("wrote " + out.resolve("core.json"));
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new IllegalStateException("list answered " + r.statusCode() + ": " + r.body());
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }
}
