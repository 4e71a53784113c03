package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.emulator.graph.GraphEmulator;
import app.rapport.emulator.graph.Mailbox;
import app.rapport.emulator.graph.Options;
import app.rapport.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rapport as its own process, killed with SIGKILL in the middle of a Microsoft 365 backfill several
 * times and started again on the same database: the stored result must equal the mailbox exactly
 * (nothing lost, nothing twice) and equal what an uninterrupted run stores. Pages are committed with
 * the cursor after them; a killed round's lease is revived by the next start once its heartbeat is
 * overdue (about 10 s), which this test waits out after every kill.
 */
class CrashResumeTest {
    static final String OWNER = MicrosoftFixture.OWNER;
    static final int CLIENTS = 24;
    static final int INBOX = 2_100;
    static final int SENT = 900;
    /**
     * New delta pages the emulator serves to a start before it is killed, per database (the two
     * together kill at four points of the backfill). Every kill costs the ~10 s heartbeat timeout
     * before the round is revived, so two per database keep each test near a minute.
     */
    static final int[] KILLS_H2 = {12, 8};
    static final int[] KILLS_POSTGRES = {5, 12};
    /**
     * H2 keeps roughly the last second of commits in memory (its write delay), so a SIGKILL loses
     * them; that is fine for pages (page and cursor go together, and are read again), but a kill right
     * after connecting could lose the account itself, which is not what this test is about.
     */
    static final Duration H2_FIRST_KILL_AFTER_CONNECT = Duration.ofMillis(2_500);
    /** Added to every Graph request until the last kill, so that kills land inside the backfill. */
    static final Duration SLOW_PAGES = Duration.ofMillis(200);
    static final Duration START = Duration.ofSeconds(60);
    static final Duration SYNC = Duration.ofSeconds(90);

    /** Each installation's home (log, token key, H2 files), kept after the run for a look at the logs. */
    static final Path HOMES = Path.of("target", "crash-resume");
    private final List<AutoCloseable> open = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void sigkilledBackfillResumesExactlyOnH2() throws Exception {
        Path home = fresh("h2");
        run("H2", KILLS_H2, H2_FIRST_KILL_AFTER_CONNECT, home, new Db(h2Url(home.resolve("crashed")), "sa"), new Db(h2Url(home.resolve("clean")), "sa"));
    }

    @Test
    void sigkilledBackfillResumesExactlyOnPostgres() throws Exception {
        String crashed = TestDatabases.postgresSchemaUrl();
        String clean = TestDatabases.postgresSchemaUrl();
        run("PostgreSQL", KILLS_POSTGRES, Duration.ZERO, fresh("postgres"), new Db(crashed, pgUser(crashed)), new Db(clean, pgUser(clean)));
    }

    record Db(String url, String user) {}

    /**
     * @param relationships per client email: the facts of its relationship that do not move with the
     *                      clock (last contact, last inbound, outbound and two-way, who owes a reply)
     */
    record Outcome(Map<String, Long> perClient, long rows, long distinctKeys, long twoWay, Map<String, Long> storedPerStream,
                   Map<String, String> relationships) {}

    private void run(String label, int[] killAfterPages, Duration firstKillAfterConnect, Path home, Db crashedDb, Db cleanDb)
            throws Exception {
        long began = System.nanoTime();
        GraphEmulator graph = GraphEmulator.start(Options.defaults());
        open.add(graph);
        Mailbox box = graph.mailbox(OWNER, "Olivia Owner");
        SyntheticMail mail = SyntheticMail.fill(box, OWNER, CLIENTS, INBOX, SENT, Instant.now(), 7);
        assertThat(box.count("inbox")).isEqualTo(INBOX);

        // Both installations start side by side (JVM start-up is most of a start), the clean one syncs first.
        CompletableFuture<RapportProcess> crashedStart = CompletableFuture.supplyAsync(() -> start(graph, home.resolve("crashed"), crashedDb));
        RapportProcess clean = start(graph, home.resolve("clean"), cleanDb);
        RapportProcess p = crashedStart.join();

        // ---- a clean run: no kills
        for (SyntheticMail.Client c : mail.clients) clean.createClient(c.name(), c.email());
        long cleanAccount = clean.connectMicrosoft();
        assertCompleteness(awaitSynced(clean, cleanAccount), box);
        long cleanPages = graph.deltaPagesServed();
        assertThat(clean.stop()).isNotEqualTo(RapportProcess.SIGKILL_STATUS);
        Outcome reference = outcome(cleanDb, cleanAccount);
        System.out.printf("CrashResumeTest [%s]: a clean run read %d delta pages; %.1f s since the test began%n", label,
                cleanPages, (System.nanoTime() - began) / 1e9);

        // ---- the same mailbox into another database, killed in the middle of the backfill
        for (SyntheticMail.Client c : mail.clients) p.createClient(c.name(), c.email());
        graph.latency(SLOW_PAGES);
        long account = p.connectMicrosoft();
        long connected = System.nanoTime();
        for (int i = 0; i < killAfterPages.length; i++) {
            long base = graph.deltaPagesServed() - cleanPages;
            awaitPages(graph, cleanPages + base + killAfterPages[i], p);
            if (i == 0) {
                while (System.nanoTime() - connected < firstKillAfterConnect.toNanos()) Thread.onSpinWait();
            }
            int status = p.kill();
            long killed = System.nanoTime();
            Thread.sleep(300); // a request the dead process had in flight may still be answered
            long served = graph.deltaPagesServed() - cleanPages;
            assertThat(status).as("exit status after destroyForcibly (SIGKILL)").isEqualTo(RapportProcess.SIGKILL_STATUS);
            p = p.restart(START);
            open.add(p);
            if (i == killAfterPages.length - 1) graph.latency(Duration.ZERO);
            awaitPages(graph, cleanPages + served + 1, p);
            System.out.printf("CrashResumeTest [%s]: SIGKILL (exit %d) after %d new pages (%d served in all); restarted in %.1f s,"
                            + " reading again %.1f s after the kill%n", label, status, served - base, served,
                    p.startMillis / 1e3, (System.nanoTime() - killed) / 1e9);
        }
        long resumed = System.nanoTime();
        JsonNode state = awaitSynced(p, account);
        System.out.printf("CrashResumeTest [%s]: synced %.1f s after reading resumed; %d delta pages served in all%n",
                label, (System.nanoTime() - resumed) / 1e9, graph.deltaPagesServed() - cleanPages);
        assertCompleteness(state, box);
        assertThat(p.stop()).as("exit status after SIGTERM").isNotEqualTo(RapportProcess.SIGKILL_STATUS);
        Outcome crashed = outcome(crashedDb, account);
        System.out.printf("CrashResumeTest [%s]: %.1f s in all%n", label, (System.nanoTime() - began) / 1e9);

        assertThat(crashed.rows()).as("no interaction stored twice").isEqualTo(crashed.distinctKeys());
        assertThat(crashed.perClient()).as("interactions per client after the kills").isEqualTo(new TreeMap<>(mail.expectedPerClient));
        assertThat(reference.perClient()).as("interactions per client of a clean run").isEqualTo(new TreeMap<>(mail.expectedPerClient));
        assertThat(crashed.rows()).isEqualTo(mail.expectedInteractions());
        assertThat(crashed.twoWay()).as("replies settled across the kills").isEqualTo(reference.twoWay());
        assertThat(crashed.relationships()).as("relationships after the kills").hasSize(CLIENTS)
                .isEqualTo(reference.relationships());
        assertThat(crashed.storedPerStream()).isEqualTo(reference.storedPerStream())
                .containsEntry("mail_inbox", (long) INBOX).containsEntry("mail_sent", (long) SENT);
    }

    private RapportProcess start(GraphEmulator graph, Path home, Db db) {
        int port = freePort();
        graph.registerApp(MicrosoftFixture.CLIENT_ID, MicrosoftFixture.SECRET, "http://127.0.0.1:" + port + "/oauth/microsoft/callback");
        RapportProcess p = RapportProcess.start(new RapportProcess.Settings(home, db.url(), db.user(), port, graph, OWNER,
                MicrosoftFixture.CLIENT_ID, MicrosoftFixture.SECRET, Map.of()), null, START);
        open.add(p);
        return p;
    }

    private static void awaitPages(GraphEmulator graph, long pages, RapportProcess p) {
        long deadline = System.nanoTime() + SYNC.toNanos();
        while (graph.deltaPagesServed() < pages) {
            if (!p.isAlive()) throw new AssertionError("Rapport died by itself:\n" + p.output());
            if (System.nanoTime() > deadline) throw new AssertionError("only " + graph.deltaPagesServed() + " of " + pages
                    + " delta pages served; Rapport's output:\n" + p.output());
            Thread.onSpinWait();
        }
    }

    private static JsonNode awaitSynced(RapportProcess p, long account) throws InterruptedException {
        long deadline = System.nanoTime() + SYNC.toNanos();
        while (true) {
            JsonNode state = p.syncState(account);
            if (RapportProcess.allIdleWithDeltaLink(state, 3)) return state;
            if (System.nanoTime() > deadline) throw new AssertionError("not synced: " + state + "\n" + p.output());
            Thread.sleep(100);
        }
    }

    private static void assertCompleteness(JsonNode account, Mailbox box) {
        for (JsonNode s : account.path("streams")) {
            String stream = s.path("stream").asText();
            if (!stream.startsWith("mail")) continue;
            long folder = box.count(stream.equals("mail_inbox") ? "inbox" : "sentitems");
            assertThat(s.path("completeness").path("providerTotal").asLong()).as(stream + " provider total").isEqualTo(folder);
            assertThat(s.path("completeness").path("storedTotal").asLong()).as(stream + " stored total").isEqualTo(folder);
            assertThat(s.path("completeness").path("complete").asBoolean()).as(stream + " complete").isTrue();
            assertThat(s.path("lastError").isNull() || s.path("state").asText().equals("idle")).isTrue();
        }
    }

    /** Read straight from the database once Rapport has stopped (an H2 file is locked while it runs). */
    private static Outcome outcome(Db db, long account) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), "")) {
            Map<String, Long> perClient = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT ci.address, COUNT(*) FROM interactions i"
                    + " JOIN client_identities ci ON ci.client_id = i.client_id AND ci.kind = 'email'"
                    + " WHERE i.account_id = ? GROUP BY ci.address")) {
                st.setLong(1, account);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) perClient.put(rs.getString(1), rs.getLong(2));
                }
            }
            long rows = single(c, "SELECT COUNT(*) FROM interactions WHERE account_id = ?", account);
            long distinct = single(c, "SELECT COUNT(*) FROM (SELECT DISTINCT source, external_id, client_id FROM interactions"
                    + " WHERE account_id = ?) t", account);
            long twoWay = single(c, "SELECT COUNT(*) FROM interactions WHERE account_id = ? AND two_way", account);
            Map<String, String> relationships = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT ci.address, r.last_contact_at, r.last_contact_direction,"
                    + " r.last_inbound_at, r.last_outbound_at, r.last_two_way_at, r.awaiting_reply_from FROM relationships r"
                    + " JOIN client_identities ci ON ci.client_id = r.client_id AND ci.kind = 'email'"
                    + " WHERE r.user_id = (SELECT user_id FROM accounts WHERE id = ?)")) {
                st.setLong(1, account);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        StringBuilder facts = new StringBuilder();
                        for (int i = 2; i <= 7; i++) {
                            Object v = rs.getObject(i);
                            facts.append(i > 2 ? " " : "").append(v instanceof java.time.OffsetDateTime t ? t.toInstant() : v);
                        }
                        relationships.put(rs.getString(1), facts.toString());
                    }
                }
            }
            Map<String, Long> stored = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT stream, stored_total FROM sync_streams WHERE account_id = ?")) {
                st.setLong(1, account);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) if (rs.getString(1).startsWith("mail")) stored.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Outcome(perClient, rows, distinct, twoWay, stored, relationships);
        }
    }

    private static long single(Connection c, String sql, long account) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, account);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Path fresh(String name) throws IOException {
        Path dir = HOMES.resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("rapport").toAbsolutePath() + TestDatabases.H2_URL_OPTIONS;
    }

    static String pgUser(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(url);
        return m.find() ? m.group(1) : "postgres";
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
