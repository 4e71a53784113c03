package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.rapport.support.MutableClock;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outlook limits. SDK clients here are built without Kiota's RetryHandler (GraphSdk.client(..., false))
 * so a 429 surfaces at once as ODataError, except where a test shows the default chain retrying.
 */
class ThrottlingTest {
    static final String OLIVIA = "olivia@owner-advisory.example";
    GraphEmulator emu;

    @AfterEach
    void stop() {
        if (emu != null) emu.close();
    }

    @Test
    void fifthConcurrentRequestOfAMailboxGets429AtOnce() throws Exception {
        emu = GraphEmulator.start(Options.defaults().concurrencyRetryAfter(Duration.ofMillis(250)));
        emu.mailbox(OLIVIA);
        emu.mailbox("sam@owner-advisory.example");
        emu.latency(Duration.ofMillis(600));
        GraphServiceClient olivia = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), false);
        GraphServiceClient sam = GraphSdk.client(emu, () -> emu.issueAccessToken("sam@owner-advisory.example"), false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return olivia.me().get();
                } catch (ODataError e) {
                    return e;
                }
            }));
        }
        Future<Object> other = pool.submit(() -> {
            go.await();
            Thread.sleep(100);
            return sam.me().get();
        });
        go.countDown();
        List<ODataError> refused = new ArrayList<>();
        for (Future<Object> f : results) if (f.get() instanceof ODataError e) refused.add(e);
        assertThat(other.get()).isNotInstanceOf(ODataError.class); // another mailbox has its own 4 slots
        pool.shutdown();

        assertThat(refused).hasSize(2).allSatisfy(e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(429);
            assertThat(e.getError().getCode()).isEqualTo("ApplicationThrottled");
            assertThat(e.getResponseHeaders().get("Retry-After")).containsExactly("0.25");
        });
        GraphStats stats = emu.stats();
        assertThat(stats.peakConcurrentPerMailbox()).containsEntry(OLIVIA, 4);
        assertThat(stats.concurrencyThrottled()).isEqualTo(2);
        assertThat(stats.requestsPerMailbox()).containsEntry(OLIVIA, 6L);
    }

    @Test
    void budgetIsASlidingWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        emu = GraphEmulator.start(Options.defaults().clock(clock).requestBudget(5, Duration.ofSeconds(10)));
        emu.mailbox(OLIVIA);
        GraphServiceClient graph = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), false);
        for (int i = 0; i < 3; i++) graph.me().get();
        clock.advance(Duration.ofSeconds(4));
        for (int i = 0; i < 2; i++) graph.me().get();
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.me().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(429);
        assertThat(e.getError().getCode()).isEqualTo("TooManyRequests");
        // the first three leave the window 10 s after they came: 6 s from now
        assertThat(e.getResponseHeaders().get("Retry-After")).containsExactly("6");
        clock.advance(Duration.ofSeconds(6));
        graph.me().get(); // three slots are free again
        graph.me().get();
        graph.me().get();
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.me().get()).getResponseStatusCode()).isEqualTo(429);
        GraphStats stats = emu.stats();
        assertThat(stats.budgetThrottled()).isEqualTo(2);
        assertThat(stats.maxInWindowPerMailbox()).containsEntry(OLIVIA, 7);
        assertThat(stats.maxInAnyWindow()).isEqualTo(7);
    }

    @Test
    void defaultSdkChainWaitsOutRetryAfterAndSucceeds() {
        emu = GraphEmulator.start(Options.defaults().requestBudget(2, Duration.ofMillis(400)));
        emu.mailbox(OLIVIA);
        GraphServiceClient graph = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), true);
        graph.me().get();
        graph.me().get();
        long t0 = System.nanoTime();
        assertThat(graph.me().get().getMail()).isEqualTo(OLIVIA);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(100);
        assertThat(emu.stats().budgetThrottled()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void failNextMakesA429StormThatOutlastsTheSdkRetries() {
        emu = GraphEmulator.start();
        emu.mailbox(OLIVIA);
        GraphServiceClient retrying = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), true);
        emu.failNext(4, 429, "TooManyRequests", "0.01");
        ODataError e = catchThrowableOfType(ODataError.class, () -> retrying.me().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(429);
        assertThat(e.getError().getCode()).isEqualTo("TooManyRequests");
        assertThat(emu.stats().injectedFaults()).isEqualTo(4); // first try + 3 SDK retries
        assertThat(retrying.me().get().getMail()).isEqualTo(OLIVIA);

        GraphServiceClient plain = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), false);
        emu.failNext(1, 500, "generalException", null);
        ODataError five = catchThrowableOfType(ODataError.class, () -> plain.me().get());
        assertThat(five.getResponseStatusCode()).isEqualTo(500);
        assertThat(five.getError().getCode()).isEqualTo("generalException");
    }

    @Test
    void failMatchingHitsOnlyMatchingRoutesAndStatsCountRouteKinds() {
        emu = GraphEmulator.start();
        Mailbox box = emu.mailbox(OLIVIA);
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("x"));
        GraphServiceClient graph = GraphSdk.client(emu, () -> emu.issueAccessToken(OLIVIA), false);
        emu.failMatching(r -> r.routeKind().equals("messages.delta"), 1, 503, "serviceNotAvailable", "1.5");
        graph.me().get();
        ODataError e = catchThrowableOfType(ODataError.class,
                () -> graph.me().mailFolders().byMailFolderId("inbox").messages().delta().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(503);
        assertThat(e.getResponseHeaders().get("Retry-After")).containsExactly("1.5");
        assertThat(graph.me().mailFolders().byMailFolderId("inbox").messages().delta().get().getValue()).hasSize(1);
        GraphStats stats = emu.stats();
        assertThat(stats.route("GET me")).isEqualTo(1);
        assertThat(stats.route("GET messages.delta")).isEqualTo(2);
        assertThat(stats.totalRequests()).isEqualTo(3);
    }
}
