package app.rapport.bench;

import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Relationship;
import app.rapport.emulator.graph.GraphEmulator;
import app.rapport.emulator.graph.GraphMessage;
import app.rapport.emulator.graph.GraphStats;
import app.rapport.emulator.graph.Mailbox;
import app.rapport.emulator.graph.Options;
import app.rapport.jobs.Jobs;
import app.rapport.microsoft.MicrosoftFixture;
import app.rapport.microsoft.SyntheticMail;
import app.rapport.providers.microsoft.MailboxLimits;
import app.rapport.store.Database;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import app.rapport.support.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Microsoft 365 sync figures, against the Graph emulator on loopback with Outlook's limits on
 * (4 requests in flight and 10,000 per 10 minutes per mailbox), Rapport in-process with its
 * production job schedule ({@code Jobs.start(rapport)}) and push on:
 * <ol>
 *   <li>backfill of 50,000 messages (35,000 inbox, 15,000 sent; 300 clients plus strangers): from
 *       connect until every stream is idle with a deltaLink; H2, and PostgreSQL when a URL is given;</li>
 *   <li>push latency: a new message in the emulator until the client's last contact in Rapport moved,
 *       100 messages one after another (the emulator notifies the webhook, which requests a round);</li>
 *   <li>quota use: peak requests in flight and the most requests in any 10-minute window, as the
 *       emulator counted them.</li>
 * </ol>
 * The backfill runs three times per database (a fresh emulator, mailbox and database each time) and
 * the median run is quoted. Prints a table and writes {@code microsoft.json}.
 *
 * Usage: MicrosoftBench OUT_DIR H2_URL [POSTGRES_URL]
 */
public final class MicrosoftBench {
    static final String OWNER = "olivia@owner-advisory.example";
    static final int CLIENTS = 300;
    static final int INBOX = 35_000;
    static final int SENT = 15_000;
    static final int PUSHED = 100;
    /** Backfills per database; the figures quoted are the median run's. */
    static final int RUNS = 3;
    static final double BACKFILL_TARGET_S = 20;
    static final double PUSH_P50_TARGET_S = 1;
    static final double PUSH_P99_TARGET_S = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String h2Base = args[1];
        String pgUrl = args.length > 2 && !args[2].isBlank() ? args[2] : null;
        Files.createDirectories(out);
        Path h2Dir = out.resolve("db-microsoft").toAbsolutePath();
        deleteTree(h2Dir);

        Map<String, Object> figures = new LinkedHashMap<>();
        List<String[]> table = new ArrayList<>();
        // The figures are CPU-bound (Rapport, the emulator and H2 share the machine): say how busy it was.
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        figures.put("load_average_at_start", loadAverage());

        List<Backfill> h2Runs = new ArrayList<>();
        List<GraphStats> h2Stats = new ArrayList<>();
        Push push = null;
        for (int run = 1; run <= RUNS; run++) {
            String url = "jdbc:h2:file:" + h2Dir.resolve("run" + run).resolve("rapport") + h2Base.substring(h2Base.indexOf(';'));
            try (Bench h2 = Bench.start(Database.open(url, "sa", "", 10), 42 + run)) {
                h2Runs.add(h2.backfill("h2", run));
                // Push latency on the last run's server, its 50,000 messages in place.
                if (run == RUNS) push = h2.push(PUSHED);
                h2Stats.add(h2.graph.stats());
            }
        }
        Backfill.report("h2", h2Runs, figures, table);
        push.report(figures, table);
        quota(h2Stats, "h2", figures, table);

        if (pgUrl != null) {
            List<Backfill> pgRuns = new ArrayList<>();
            List<GraphStats> pgStats = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                String schema = "bench_ms_" + System.nanoTime();
                try (Connection c = DriverManager.getConnection(pgUrl); Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + schema);
                }
                String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                try (Bench pg = Bench.start(Database.open(url, null, null, 10), 42 + run)) {
                    pgRuns.add(pg.backfill("postgres", run));
                    pgStats.add(pg.graph.stats());
                } finally {
                    try (Connection c = DriverManager.getConnection(pgUrl); Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
            Backfill.report("postgres", pgRuns, figures, table);
            quota(pgStats, "postgres", figures, table);
        } else {
            System.out.println("backfill on PostgreSQL: skipped (no TEST_POSTGRES_URL)");
        }

        System.out.println();
        System.out.printf("%-52s %14s %12s%n", "Microsoft 365 sync", "measured", "target");
        boolean met = true;
        for (String[] row : table) {
            boolean missed = missed(row[1], row[2]);
            met &= !missed;
            System.out.printf("%-52s %14s %12s%s%n", row[0], row[1], row[2], missed ? "  MISSED" : "");
        }
        figures.put("load_average_at_end", loadAverage());
        System.out.printf("(%d CPUs; load average %s at start, %s at end)%n", Runtime.getRuntime().availableProcessors(),
                figures.get("load_average_at_start"), figures.get("load_average_at_end"));
        figures.put("targets", Map.of("backfill_h2_median_s", BACKFILL_TARGET_S, "push_latency_p50_s", PUSH_P50_TARGET_S,
                "push_latency_p99_s", PUSH_P99_TARGET_S, "peak_concurrency", MailboxLimits.CONCURRENT,
                "max_requests_in_10_min", MailboxLimits.PER_TEN_MINUTES));
        figures.put("targets_met", met);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("microsoft.json").toFile(), figures);
        System.out.println("wrote " + out.resolve("microsoft.json"));
        // The emulator's notification threads and the servers' pools do not all stop by themselves.
        System.exit(0);
    }

    /** One Rapport with its emulator and mailbox. */
    static final class Bench implements AutoCloseable {
        final GraphEmulator graph;
        final Mailbox box;
        final TestServer server;
        final Jobs jobs;
        final SyntheticMail mail;
        final Map<String, Long> clientIds = new HashMap<>();
        long account;

        private Bench(GraphEmulator graph, Mailbox box, TestServer server, Jobs jobs, SyntheticMail mail) {
            this.graph = graph;
            this.box = box;
            this.server = server;
            this.jobs = jobs;
            this.mail = mail;
        }

        static Bench start(Database db, long seed) {
            GraphEmulator graph = GraphEmulator.start(Options.defaults());
            Mailbox box = graph.mailbox(OWNER, "Olivia Owner");
            long t0 = System.nanoTime();
            SyntheticMail mail = SyntheticMail.fill(box, OWNER, CLIENTS, INBOX, SENT, Instant.now(), seed);
            System.out.printf("mailbox filled: %,d inbox + %,d sent in %.1f s%n", INBOX, SENT, (System.nanoTime() - t0) / 1e9);
            Map<String, Object> keys = MicrosoftFixture.serverKeys(graph, MicrosoftFixture.freePort());
            keys.put("owner.email", OWNER);
            TestServer server = TestServer.on(db, Clock.systemUTC(), keys);
            Jobs jobs = Jobs.start(server.rapport);
            Bench b = new Bench(graph, box, server, jobs, mail);
            for (SyntheticMail.Client c : mail.clients) {
                TestServer.Reply r = server.post("/api/v1/clients", server.ownerToken,
                        "{\"name\":\"" + c.name() + "\",\"tier\":\"A\",\"emails\":[\"" + c.email() + "\"]}");
                if (r.status() != 201) throw new IllegalStateException("client " + c.email() + ": " + r.body());
                b.clientIds.put(c.email(), r.json().get("id").asLong());
            }
            return b;
        }

        Backfill backfill(String db, int run) {
            GraphStats before = graph.stats();
            long pagesBefore = graph.deltaPagesServed();
            long t0 = System.nanoTime();
            account = connect();
            await("backfill", Duration.ofMinutes(10), () -> {
                List<SyncStream> streams = server.rapport.syncStreams.forAccount(account);
                if (streams.size() != Stream.values().length) return false;
                for (SyncStream s : streams) {
                    if (!SyncStream.IDLE.equals(s.state()) || !s.cursorIsDelta()) return false;
                    if (s.stream().isMail() && s.storedTotal() == null) return false;
                }
                return true;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            GraphStats after = graph.stats();
            long stored = 0;
            for (Stream s : List.of(Stream.MAIL_INBOX, Stream.MAIL_SENT)) {
                SyncStream st = server.rapport.syncStreams.find(account, s).orElseThrow();
                int folder = box.count(s == Stream.MAIL_INBOX ? "inbox" : "sentitems");
                if (st.storedTotal() == null || st.storedTotal() != folder || st.providerTotal() != folder) {
                    throw new IllegalStateException(s.id() + ": stored " + st.storedTotal() + " of " + folder);
                }
                stored += st.storedTotal();
            }
            long interactions = server.rapport.interactions.count(server.ownerUser().id());
            if (interactions != mail.expectedInteractions()) {
                throw new IllegalStateException("interactions " + interactions + ", expected " + mail.expectedInteractions());
            }
            Backfill b = new Backfill(seconds, stored, after.totalRequests() - before.totalRequests(),
                    graph.deltaPagesServed() - pagesBefore, after.throttled() - before.throttled(), interactions);
            System.out.printf("backfill on %s, run %d: %,d messages in %.1f s (%,.0f /s), %d Graph requests, %d delta pages,"
                    + " %d 429s, %,d interactions%n", db, run, b.messages, seconds, b.messages / seconds, b.requests, b.pages,
                    b.throttled, interactions);
            return b;
        }

        /** New mail from clients, one after another; the time until each client's last contact moved. */
        Push push(int messages) throws InterruptedException {
            await("push subscriptions", Duration.ofSeconds(30), () -> graph.subscriptions().size() >= 2);
            long userId = server.ownerUser().id();
            List<SyntheticMail.Client> recipients = mail.clients.subList(0, 50);
            double[] seconds = new double[messages];
            int late = 0;
            for (int i = 0; i < messages; i++) {
                SyntheticMail.Client c = recipients.get(i % recipients.size());
                long clientId = clientIds.get(c.email());
                Instant before = lastContact(userId, clientId);
                Instant at = Instant.now();
                long t0 = System.nanoTime();
                box.addMessage("inbox", GraphMessage.builder().from(c.email()).to(OWNER).subject("New question " + i)
                        .sent(at).received(at));
                long deadline = t0 + Duration.ofSeconds(10).toNanos();
                while (true) {
                    Instant now = lastContact(userId, clientId);
                    if (now != null && (before == null || now.isAfter(before))) break;
                    if (System.nanoTime() > deadline) {
                        late++;
                        break;
                    }
                    Thread.sleep(2);
                }
                seconds[i] = (System.nanoTime() - t0) / 1e9;
            }
            return new Push(seconds, late);
        }

        private Instant lastContact(long userId, long clientId) {
            Relationship r = server.rapport.relationships.find(userId, clientId).orElse(null);
            LastContact last = r == null ? null : r.lastContact();
            return last == null ? null : last.at();
        }

        /** The user's browser: connect, consent at the emulator, back to the callback. */
        long connect() {
            TestServer.Reply started = server.post("/api/v1/accounts/microsoft/connect", server.ownerToken, "{}");
            String authorize = started.json().get("authorizationUrl").asText();
            String callback = get(authorize).headers().firstValue("Location").orElseThrow();
            String landing = get(callback).headers().firstValue("Location").orElseThrow();
            if (!landing.startsWith("/accounts?connected=")) throw new IllegalStateException("connect ended at " + landing);
            return Long.parseLong(landing.substring("/accounts?connected=".length()));
        }

        @Override
        public void close() {
            jobs.close();
            server.close();
            graph.close();
        }
    }

    record Backfill(double seconds, long messages, long requests, long pages, long throttled, long interactions) {
        /** The median run's figures, and every run's time. */
        static void report(String db, List<Backfill> runs, Map<String, Object> figures, List<String[]> table) {
            List<Backfill> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingDouble(Backfill::seconds));
            Backfill m = sorted.get(sorted.size() / 2);
            double rate = m.messages / m.seconds;
            figures.put("backfill_" + db + "_messages", m.messages);
            figures.put("backfill_" + db + "_runs_s", runs.stream().map(r -> round1(r.seconds)).toList());
            figures.put("backfill_" + db + "_median_s", round1(m.seconds));
            figures.put("backfill_" + db + "_messages_per_s", Math.round(rate));
            figures.put("backfill_" + db + "_requests", m.requests);
            figures.put("backfill_" + db + "_delta_pages", m.pages);
            figures.put("backfill_" + db + "_throttled_429", m.throttled);
            figures.put("backfill_" + db + "_interactions", m.interactions);
            System.out.printf("backfill on %s, median of %d: %.1f s (%,.0f messages/s)%n", db, runs.size(), m.seconds, rate);
            table.add(new String[] {"backfill " + String.format("%,d", m.messages) + " messages, " + db + ", median (s)",
                    String.format("%.1f", m.seconds), db.equals("h2") ? "<= " + (int) BACKFILL_TARGET_S : ""});
            table.add(new String[] {"  runs (s)", runs.stream().map(r -> String.format("%.1f", r.seconds))
                    .collect(java.util.stream.Collectors.joining(" ")), ""});
            table.add(new String[] {"  messages/s", String.format("%,.0f", rate), ""});
            table.add(new String[] {"  Graph requests / delta pages / 429s", m.requests + " / " + m.pages + " / " + m.throttled, ""});
        }
    }

    record Push(double[] seconds, int late) {
        void report(Map<String, Object> figures, List<String[]> table) {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double p50 = percentile(sorted, 50);
            double p99 = percentile(sorted, 99);
            figures.put("push_messages", sorted.length);
            figures.put("push_latency_p50_s", round3(p50));
            figures.put("push_latency_p99_s", round3(p99));
            figures.put("push_latency_max_s", round3(sorted[sorted.length - 1]));
            figures.put("push_late_over_10s", late);
            System.out.printf("push: %d messages, new mail to last contact moved: p50 %.3f s, p99 %.3f s, max %.3f s, %d over 10 s%n",
                    sorted.length, p50, p99, sorted[sorted.length - 1], late);
            table.add(new String[] {"push latency p50 (s)", String.format("%.3f", p50), "<= " + (int) PUSH_P50_TARGET_S});
            table.add(new String[] {"push latency p99 (s)", String.format("%.3f", p99), "<= " + (int) PUSH_P99_TARGET_S});
        }
    }

    /** The highest figures over the runs: each run had an emulator of its own. */
    static void quota(List<GraphStats> runs, String db, Map<String, Object> figures, List<String[]> table) {
        int peak = 0;
        int window = 0;
        long throttled = 0;
        for (GraphStats s : runs) {
            peak = Math.max(peak, s.peakConcurrentPerMailbox().values().stream().mapToInt(Integer::intValue).max().orElse(0));
            window = Math.max(window, s.maxInWindowPerMailbox().values().stream().mapToInt(Integer::intValue).max().orElse(0));
            throttled += s.throttled();
        }
        figures.put("quota_" + db + "_peak_concurrency", peak);
        figures.put("quota_" + db + "_max_requests_in_10_min", window);
        figures.put("quota_" + db + "_throttled_429", throttled);
        System.out.printf("quota on %s: peak %d requests in flight, at most %d requests in any 10 minutes, %d 429s%n",
                db, peak, window, throttled);
        table.add(new String[] {"peak requests in flight, " + db, String.valueOf(peak), "<= " + MailboxLimits.CONCURRENT});
        table.add(new String[] {"most requests in any 10 minutes, " + db, String.format("%,d", window),
                String.format("<= %,d", MailboxLimits.PER_TEN_MINUTES)});
    }

    /** The 1-minute load average (Linux), or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** True when the row has a "<= N" target and the measured figure is above it. */
    static boolean missed(String measured, String target) {
        if (!target.startsWith("<= ")) return false;
        double limit = Double.parseDouble(target.substring(3).replace(",", ""));
        return Double.parseDouble(measured.replace(",", "")) > limit;
    }

    static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url, e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
