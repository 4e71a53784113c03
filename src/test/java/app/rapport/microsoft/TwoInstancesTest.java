package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.Rapport;
import app.rapport.config.RapportConfig;
import app.rapport.emulator.graph.Options;
import app.rapport.jobs.Jobs;
import app.rapport.store.Database;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import app.rapport.support.TestDatabases;
import app.rapport.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Rapport instances on one PostgreSQL database, both running jobs, one Microsoft 365 account
 * with a few thousand messages. Sync requests (as notifications would) land on both instances all
 * through the backfill, so either may lease any stream's next round. The result must be exact, and
 * no stream's round may ever have run on both at once: each page Graph served was committed once,
 * and no delta or skip link was followed twice.
 */
class TwoInstancesTest {
    static final int CLIENTS = 24;
    static final int INBOX = 2_100;
    static final int SENT = 900;
    static final Duration WAIT = Duration.ofSeconds(60);

    private MicrosoftFixture a;
    private Rapport b;
    private Jobs bJobs;

    @AfterEach
    void stop() {
        if (bJobs != null) bJobs.close();
        if (b != null) b.database.close();
        if (a != null) a.close();
    }

    @Test
    void twoInstancesShareTheBackfillAndStoreItOnce() throws Exception {
        String url = TestDatabases.postgresSchemaUrl();
        String keyFile = TestServer.tempKeyFile();
        Map<String, Object> config = new HashMap<>(Map.of("sync.push", "off", "security.tokenKeyFile", keyFile));
        a = MicrosoftFixture.start(Database.open(url, null, null, 4), Options.defaults(), config);
        // The second instance: same database and token key, its own pool, scheduler and Graph clients.
        Map<String, Object> bConfig = new HashMap<>(config);
        bConfig.put("owner.email", MicrosoftFixture.OWNER);
        bConfig.put("demo.load", false);
        bConfig.put("server.port", 0);
        bConfig.put("server.publicUrl", a.server.url(""));
        bConfig.put("providers.microsoft.clientId", MicrosoftFixture.CLIENT_ID);
        bConfig.put("providers.microsoft.clientSecret", MicrosoftFixture.SECRET);
        bConfig.put("providers.microsoft.authority", a.graph.authority());
        bConfig.put("providers.microsoft.graphBaseUrl", a.graph.graphBaseUrl());
        bConfig.put("sync.pollMinutes", 60);
        b = new Rapport(RapportConfig.forTests(bConfig), Database.open(url, null, null, 4),
                Clock.fixed(MicrosoftFixture.NOW, ZoneOffset.UTC));
        bJobs = Jobs.start(b, Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6), Duration.ofMillis(200));

        SyntheticMail mail = SyntheticMail.fill(a.mailbox, MicrosoftFixture.OWNER, CLIENTS, INBOX, SENT, MicrosoftFixture.NOW, 11);
        Map<Long, String> clients = new HashMap<>();
        for (SyntheticMail.Client c : mail.clients) {
            TestServer.Reply r = a.server.post("/api/v1/clients", a.server.ownerToken,
                    "{\"name\":\"" + c.name() + "\",\"tier\":\"A\",\"emails\":[\"" + c.email() + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            clients.put(r.json().get("id").asLong(), c.email());
        }
        a.graph.latency(Duration.ofMillis(15));

        long account = a.connect();
        // Notifications arrive at either instance throughout the backfill.
        AtomicBoolean hammering = new AtomicBoolean(true);
        Instant hammerStart = Instant.now();
        Thread requests = new Thread(() -> {
            int i = 0;
            while (hammering.get()) {
                Rapport on = i++ % 2 == 0 ? a.server.rapport : b;
                Stream s = Stream.values()[i % Stream.values().length];
                on.syncRequests.request(account, s);
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sync-requests");
        requests.start();
        MicrosoftFixture.await("backfill done", WAIT, () -> a.server.rapport.syncStreams.forAccount(account).stream()
                .allMatch(s -> SyncStream.INCREMENTAL.equals(s.phase())));
        Thread.sleep(1_500); // a few incremental rounds requested on both sides
        hammering.set(false);
        requests.join();
        try {
            // Every stream idle, with a round started after the last request it got.
            a.awaitSynced(account, hammerStart, WAIT);
        } catch (AssertionError e) {
            a.server.rapport.syncStreams.forAccount(account).forEach(s -> System.out.println("TwoInstancesTest: " + s));
            try (var c = a.server.rapport.database.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT task_instance, execution_time, picked, picked_by, last_heartbeat"
                         + " FROM scheduled_tasks WHERE task_name = 'sync-stream'")) {
                while (rs.next()) {
                    System.out.println("TwoInstancesTest: " + rs.getString(1) + " at " + rs.getString(2) + " picked="
                            + rs.getBoolean(3) + " by " + rs.getString(4) + " beat " + rs.getString(5));
                }
            }
            throw e;
        }

        // Exact: every message once, for the right client.
        for (Stream s : List.of(Stream.MAIL_INBOX, Stream.MAIL_SENT)) {
            SyncStream st = a.stream(account, s);
            int folder = a.mailbox.count(s == Stream.MAIL_INBOX ? "inbox" : "sentitems");
            assertThat(st.providerTotal()).as(s.id() + " provider total").isEqualTo(folder);
            assertThat(st.storedTotal()).as(s.id() + " stored total").isEqualTo(folder);
        }
        Map<String, Long> perClient = new TreeMap<>();
        long userId = a.server.ownerUser().id();
        for (var e : clients.entrySet()) {
            long n = a.server.rapport.interactions.forClient(userId, e.getKey()).size();
            if (n > 0) perClient.put(e.getValue(), n);
        }
        Map<String, Long> expected = new TreeMap<>(mail.expectedPerClient);
        expected.values().removeIf(v -> v == 0);
        assertThat(perClient).isEqualTo(expected);

        // Never both at once: every served page committed exactly once, and no link followed twice.
        double pagesA = pages(a.server.rapport);
        double pagesB = pages(b);
        long served = a.graph.deltaPagesServed();
        Map<String, Long> followed = a.graph.requestLog().stream()
                .filter(line -> line.startsWith("GET ") && line.endsWith(" -> 200") && line.contains("/delta"))
                .map(line -> line.substring(4, line.length() - " -> 200".length()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> twice = new TreeMap<>(followed);
        twice.values().removeIf(n -> n < 2);
        System.out.printf("TwoInstancesTest: %d delta pages served, committed %.0f by one instance and %.0f by the other;"
                        + " %d rounds in all; %d 429s%n", served, pagesA, pagesB,
                a.server.rapport.syncStreams.forAccount(account).stream().mapToLong(SyncStream::rounds).sum(),
                a.graph.stats().throttled());
        assertThat(twice).as("delta and skip links followed more than once").isEmpty();
        assertThat(followed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(served);
        assertThat((long) (pagesA + pagesB)).as("pages committed by both instances").isEqualTo(served);
        assertThat(pagesA).as("instance A took part").isPositive();
        assertThat(pagesB).as("instance B took part").isPositive();
    }

    private static double pages(Rapport r) {
        var counter = r.metrics.find("rapport.sync.pages").counter();
        return counter == null ? 0 : counter.count();
    }
}
