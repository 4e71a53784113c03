package app.rapport.bench;

import app.rapport.Bootstrap;
import app.rapport.Rapport;
import app.rapport.config.RapportConfig;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.planning.Plan;
import app.rapport.domain.planning.PlanRequest;
import app.rapport.domain.planning.Planner;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.service.ClientInput;
import app.rapport.store.Database;
import app.rapport.web.App;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planning figures: the pure planner over 5,000 due clients and 2,000 busy events in a 4-week
 * horizon (and a sparser calendar, where most of the time goes into placing rather than failing),
 * and accept latency over HTTP on H2 with the invitation sent by SMTP to a local GreenMail server.
 *
 * Usage: PlannerBench OUT_DIR H2_URL
 */
public final class PlannerBench {
    static final int WARMUP = 200;
    static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Map<String, Object> figures = new LinkedHashMap<>();

        PlanningSettings settings = PlannerBenchData.settings(28, 2, 8);
        figures.put("plan_5000_clients_2000_busy_28d", planner(PlannerBenchData.request(5_000, 2_000, settings, 7)));
        figures.put("plan_5000_clients_200_busy_28d", planner(PlannerBenchData.request(5_000, 200, settings, 7)));
        PlanningSettings roomy = PlannerBenchData.settings(28, 20, 100);
        figures.put("plan_5000_clients_200_busy_28d_caps_20_100",
                planner(PlannerBenchData.request(5_000, 200, roomy, 7)));
        figures.put("plan_service_h2_core_book", planService(args[1]));
        figures.put("accept_over_http_h2_smtp_greenmail_back_to_back", accept(args[1], "accept-burst", 0));
        figures.put("accept_over_http_h2_smtp_greenmail_10_per_second", accept(args[1], "accept-paced", 100));

        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("planner.json").toFile(),
                figures);
        System.out.println("wrote " + out.resolve("planner.json"));
    }

    static Map<String, Object> planner(PlanRequest request) {
        int placed = 0;
        for (int i = 0; i < WARMUP; i++) placed = Planner.plan(request).meetings().size();
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            Plan plan = Planner.plan(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
            placed = plan.meetings().size();
        }
        Arrays.sort(ms);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidates", request.candidates().size());
        m.put("busy_events", request.busy().size());
        m.put("meetings_placed", placed);
        m.put("median_ms", round(ms[RUNS / 2]));
        m.put("max_ms", round(ms[RUNS - 1]));
        m.put("target_ms", 200);
        System.out.printf("plan %d clients against %d busy events, 28 days, caps %d/%d: median %.2f ms, max %.2f ms,"
                        + " %d meetings placed (target <= 200 ms)%n", request.candidates().size(), request.busy().size(),
                request.settings().maxPerDay(), request.settings().maxPerWeek(), ms[RUNS / 2], ms[RUNS - 1], placed);
        return m;
    }

    /**
     * One whole planning pass through PlanningService over the core bench's H2 book (10,000 clients,
     * 1,000,000 interactions): reconcile, candidates with their histories, the plan, holds written.
     */
    static Map<String, Object> planService(String h2Url) {
        Map<String, Object> config = Map.of("demo.load", false, "server.port", 0, "owner.email", CoreBench.OWNER_EMAIL);
        try (Database db = Database.open(h2Url, "sa", "", 4)) {
            Rapport r = new Rapport(RapportConfig.forTests(config), db, Clock.fixed(CoreBench.NOW, ZoneOffset.UTC));
            long userId = r.users.findByEmail(CoreBench.OWNER_EMAIL).orElseThrow().id();
            System.gc();
            long t = System.nanoTime();
            var outcome = r.planningService.plan(userId);
            double ms = (System.nanoTime() - t) / 1e6;
            long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", r.clients.count(userId));
            m.put("placed", outcome.placed().size());
            m.put("skipped", outcome.skipped());
            m.put("ms", round(ms));
            m.put("heap_used_after_mb", heapMb);
            System.out.printf("plan through PlanningService on H2, %d clients with 1,000,000 interactions: %.0f ms,"
                    + " %d placed, skipped %s, heap in use after %d MB%n", r.clients.count(userId), ms,
                    outcome.placed().size(), outcome.skipped(), heapMb);
            return m;
        }
    }

    /**
     * Accepts every placed suggestion of a 400-client book one by one over HTTP. The invitation is
     * queued by the accept and sent by SMTP to GreenMail in the background; the run ends when all arrived.
     */
    static Map<String, Object> accept(String h2Url, String dbName, long paceMs) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Instant now = Instant.parse("2026-11-23T07:00:00Z");
        Map<String, Object> config = Map.of("demo.load", false, "server.port", 0, "owner.email", "owner@example.com",
                "owner.timeZone", "Europe/London", "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", smtp.getSmtp().getPort(), "mail.smtp.startTls", false,
                "mail.smtp.from", "rapport@example.com");
        try (AutoCloseable stopSmtp = smtp::stop;
             Database db = Database.open(h2Url.replace("/rapport;", "/" + dbName + ";"), "sa", "", 10)) {
            Rapport r = new Rapport(RapportConfig.forTests(config), db, Clock.fixed(now, ZoneOffset.UTC));
            Bootstrap.Owner owner = Bootstrap.ensureOwner(r);
            long userId = owner.user().id();
            for (int i = 0; i < 400; i++) {
                r.clientService.create(userId, new ClientInput("Client " + i, ClientKind.PERSON, "B", null,
                        ZoneId.of("Europe/London"), null, null, List.of("client" + i + "@accept.example"), List.of()));
            }
            r.planningService.saveSettings(userId, PlanningSettings.defaults(ZoneId.of("Europe/London"))
                    .withCaps(20, 100).withHorizonDays(28).withBuffer(Duration.ZERO));
            r.planningService.plan(userId);
            List<Suggestion> placed = r.suggestions.list(userId, List.of(SuggestionState.PLACED));
            Javalin app = App.create(r.services()).start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            String token = owner.firstToken().orElseThrow();
            List<Double> ms = new ArrayList<>();
            try {
                for (Suggestion s : placed) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                                    + "/api/v1/suggestions/" + s.id() + "/accept"))
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
                    if (paceMs > 0) Thread.sleep(paceMs);
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    ms.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() != 200 || !response.body().contains("\"state\":\"accepted\"")) {
                        throw new IllegalStateException("accept failed: " + response.statusCode() + " " + response.body());
                    }
                }
                // Invitations leave in the background; wait for the last one so the run is complete.
                smtp.waitForIncomingEmail(120_000, placed.size());
            } finally {
                app.stop();
            }
            int delivered = smtp.getReceivedMessages().length;
            List<Double> sorted = ms.stream().sorted().toList();
            // The first accepts warm the JIT; both the whole run and the run without its first 20 are given.
            List<Double> warm = ms.subList(Math.min(20, ms.size()), ms.size()).stream().sorted().toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accepts", ms.size());
            m.put("pause_between_accepts_ms", paceMs);
            m.put("invitations_delivered", delivered);
            m.put("p50_ms", round(percentile(sorted, 0.50)));
            m.put("p99_ms", round(percentile(sorted, 0.99)));
            m.put("p99_ms_after_20_warmup", round(percentile(warm, 0.99)));
            m.put("max_ms", round(sorted.get(sorted.size() - 1)));
            m.put("target_p99_ms", 100);
            System.out.printf("accept over HTTP with SMTP to GreenMail, %d suggestions, %d ms apart: p50 %.1f ms, p99 %.1f ms"
                            + " (after 20 warm-up: p99 %.1f ms), max %.1f ms, %d invitations delivered (target p99 <= 100 ms)%n",
                    ms.size(), paceMs, percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(warm, 0.99),
                    sorted.get(sorted.size() - 1), delivered);
            return m;
        }
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
