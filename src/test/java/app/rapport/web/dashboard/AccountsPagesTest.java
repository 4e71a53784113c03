package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.user.Account;
import app.rapport.store.PushSubscriptionRepository;
import app.rapport.store.SyncStreamRepository;
import app.rapport.support.TestServer;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Accounts page, its forms and the Today page's reconnect banner over HTTP, without a browser. */
class AccountsPagesTest {
    static final Instant NOW = TestServer.NOW;
    static final String MAILBOX = "olivia@contoso.example";

    TestServer server;
    Map<String, String> session;
    String csrf;
    long userId;

    @BeforeEach
    void start() {
        start(TestServer.onH2());
    }

    void start(TestServer started) {
        if (server != null) server.close();
        server = started;
        userId = server.ownerUser().id();
        TestServer.Session signedIn = server.signIn();
        session = signedIn.headers();
        csrf = signedIn.csrf();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A Microsoft mailbox mid-way: the Inbox backfilling with an estimate, Sent items incremental
     * with a fresh error and a short completeness check, the Calendar backfilling without an
     * estimate and with change notifications on.
     */
    static Account seedMailbox(TestServer server, long userId) {
        var streams = server.rapport.syncStreams;
        Account a = server.rapport.accounts.ensure(userId, Account.MICROSOFT, MAILBOX, Account.CONNECTED, NOW);
        for (Stream s : Stream.values()) streams.ensure(a.id(), s, NOW.minus(Duration.ofDays(365)), NOW.minus(Duration.ofDays(1)));

        streams.setEstimate(a.id(), Stream.MAIL_INBOX, 400L);
        streams.startRound(a.id(), Stream.MAIL_INBOX, NOW.minusSeconds(30));
        streams.advance(a.id(), Stream.MAIL_INBOX, "https://graph.example/next", false, new SyncStreamRepository.PageCounts(
                100, 60, 0, Map.of("newsletter", 30L, "no_reply_sender", 10L), Map.of()), NOW.minusSeconds(20));

        Instant twoHoursAgo = NOW.minus(Duration.ofHours(2));
        streams.advance(a.id(), Stream.MAIL_SENT, "https://graph.example/delta", true, new SyncStreamRepository.PageCounts(
                52, 50, 2, Map.of(), Map.of("too_large", 1L)), twoHoursAgo);
        streams.succeeded(a.id(), Stream.MAIL_SENT, twoHoursAgo);
        streams.completeness(a.id(), Stream.MAIL_SENT, 52L, 50, NOW.minus(Duration.ofHours(1)));
        streams.failed(a.id(), Stream.MAIL_SENT, SyncStream.IDLE, "Graph answered 503 Service Unavailable",
                NOW.minus(Duration.ofMinutes(5)));

        streams.advance(a.id(), Stream.CALENDAR, "https://graph.example/cal-next", false,
                new SyncStreamRepository.PageCounts(7, 7, 0, Map.of(), Map.of()), NOW.minusSeconds(40));
        streams.completeness(a.id(), Stream.CALENDAR, 7L, 7, NOW.minus(Duration.ofMinutes(3)));
        server.rapport.pushSubscriptions.save(new PushSubscriptionRepository.Subscription("sub-calendar", a.id(),
                Stream.CALENDAR, "hash", Instant.parse("2026-11-25T14:00:00Z")), NOW);
        return a;
    }

    /** Every stream of the account caught up and idle: nothing left to watch. */
    void settle(Account a) {
        for (Stream s : Stream.values()) {
            server.rapport.syncStreams.advance(a.id(), s, "https://graph.example/delta", true,
                    new SyncStreamRepository.PageCounts(0, 0, 0, Map.of(), Map.of()), NOW);
            server.rapport.syncStreams.succeeded(a.id(), s, NOW);
        }
    }

    TestServer.Reply page(String path) {
        return server.send("GET", path, null, null, null, session);
    }

    TestServer.Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return server.send("POST", path, null, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), session);
    }

    static String location(TestServer.Reply reply) {
        return reply.raw().headers().firstValue("Location").orElseThrow();
    }

    @Test
    void withoutASessionPagesAndFormsAnswer401WithASigninPage() {
        for (String path : List.of("/accounts", "/accounts/cards")) {
            TestServer.Reply reply = server.get(path, null);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.body()).as(path).contains("Sign in to Rapport");
        }
        for (String path : List.of("/accounts/microsoft/connect", "/accounts/1/sync")) {
            TestServer.Reply reply = server.send("POST", path, null, "application/x-www-form-urlencoded",
                    "csrf=x".getBytes(), Map.of());
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        }
    }

    @Test
    void theMailboxShowsEachStreamsProgressErrorsCountsAndCompleteness() {
        Account a = seedMailbox(server, userId);
        TestServer.Reply reply = page("/accounts");
        assertThat(reply.status()).isEqualTo(200);
        String body = reply.body();
        assertThat(body)
                .contains("<a href=\"/accounts\" class=\"current\" aria-current=\"page\">Accounts</a>")
                .contains("data-account=\"" + a.id() + "\"", "Microsoft 365", MAILBOX, "Connected")
                .contains("Connect Microsoft 365", "action=\"/accounts/microsoft/connect\"", "name=\"csrf\" value=\"" + csrf + "\"")
                .contains("action=\"/accounts/" + a.id() + "/sync\"", "Sync now")
                .doesNotContain("btn-reconnect");
        // The order is the user's: Inbox, Sent items, Calendar.
        assertThat(body.indexOf("<h3>Inbox</h3>")).isPositive()
                .isLessThan(body.indexOf("<h3>Sent items</h3>"));
        assertThat(body.indexOf("<h3>Sent items</h3>")).isLessThan(body.indexOf("<h3>Calendar</h3>"));

        String inbox = section(body, "mail_inbox");
        assertThat(inbox).contains("data-phase=\"backfill\"", "data-state=\"syncing\"", "Backfill", "Syncing")
                .contains("<progress value=\"100\" max=\"400\" aria-label=\"Inbox backfill\"></progress>")
                .contains("100 of about 400 read (25%)", "100 seen · 60 stored · 0 removed")
                .contains("Ignored: newsletter</th><td>30", "Ignored: no reply sender</th><td>10")
                .contains("Last success", "never", "not checked yet", "Polling (no change notifications)");

        String sent = section(body, "mail_sent");
        assertThat(sent).contains("data-phase=\"incremental\"", "Incremental").doesNotContain("<progress")
                .contains("2 hours ago")
                .contains("Graph answered 503 Service Unavailable", "5 minutes ago, attempt 1")
                .contains("52 seen · 50 stored · 2 removed", "Rejected: too large</th><td>1")
                .contains("<span class=\"check check-incomplete\">incomplete</span> 50 held of 52 in Microsoft 365 (2 missing)")
                .contains("checked 1 hour ago", "1 round");

        String calendar = section(body, "calendar");
        assertThat(calendar).contains("<progress aria-label=\"Calendar backfill\"></progress>")
                .contains("7 read so far; the total is not known yet")
                .contains("<span class=\"check check-complete\">complete</span> 7 held of 7")
                .contains("Change notifications on until 25 Nov 2026, 14:00");

        // A stream is busy, so the cards fetch themselves again in a few seconds.
        assertThat(body).contains("hx-get=\"/accounts/cards\" hx-trigger=\"load delay:3s\" hx-swap=\"outerHTML\"");
    }

    @Test
    void theCardsFragmentStopsRefreshingOnceEveryStreamIsIdle() {
        Account a = seedMailbox(server, userId);
        TestServer.Reply busy = page("/accounts/cards");
        assertThat(busy.status()).isEqualTo(200);
        assertThat(busy.body()).startsWith("<div id=\"account-cards\"").doesNotContain("<html", "<nav")
                .contains("hx-get=\"/accounts/cards\"", "name=\"csrf\" value=\"" + csrf + "\"", "Sync now");

        settle(a);
        for (String path : List.of("/accounts", "/accounts/cards")) {
            String body = page(path).body();
            assertThat(body).as(path).contains("data-phase=\"incremental\"").doesNotContain("data-phase=\"backfill\"")
                    .doesNotContain("hx-get=\"/accounts/cards\"", "hx-trigger", "<progress");
        }
    }

    @Test
    void aRevokedGrantShowsItsSentenceAReconnectButtonAndABannerOnToday() {
        TestServer.Reply quiet = page("/");
        assertThat(quiet.body()).doesNotContain("Reconnect needed");

        Account a = seedMailbox(server, userId);
        String why = "Microsoft refused the refresh token (invalid_grant): consent was revoked. Sign in again.";
        server.rapport.accounts.setState(a.id(), Account.RECONNECT_NEEDED, why, NOW);
        for (Stream s : Stream.values()) server.rapport.syncStreams.setState(a.id(), s, SyncStream.PAUSED, NOW);

        String accounts = page("/accounts").body();
        String card = accounts.substring(accounts.indexOf("id=\"account-" + a.id() + "\""));
        assertThat(card).contains("data-state=\"reconnect_needed\"", "Reconnect needed",
                        "<p class=\"notice-line notice-error account-detail\">" + why + "</p>",
                        "<button type=\"submit\" class=\"btn btn-primary btn-reconnect\">Reconnect</button>")
                .doesNotContain("Sync now");
        // Paused streams wait for the reconnect; refreshing would show nothing new.
        assertThat(accounts).doesNotContain("hx-trigger");

        TestServer.Reply today = page("/");
        assertThat(today.body()).contains("<p class=\"notice-line notice-error reconnect-banner\" role=\"alert\">"
                + "<a href=\"/accounts\">Reconnect needed: " + MAILBOX + " — " + why + "</a></p>");

        TestServer.Reply sync = form("/accounts/" + a.id() + "/sync", Map.of("csrf", csrf));
        assertThat(sync.status()).isEqualTo(409);
        assertThat(sync.body()).contains(MAILBOX + " needs reconnecting before it can sync: use Reconnect on its card.")
                .doesNotContain("\"error\"", "Exception");
    }

    @Test
    void connectingWithoutMicrosoftConfiguredSaysWhichSettingsToSet() {
        TestServer.Reply reply = form("/accounts/microsoft/connect", Map.of("csrf", csrf));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(reply.body()).contains("<h1 class=\"page-title\">Accounts</h1>", "notice-error")
                .contains("Microsoft 365 is not set up on this server: set providers.microsoft.clientId and"
                        + " providers.microsoft.clientSecret (see the README, \"Connecting Microsoft 365\")");
    }

    @Test
    void connectingWithMicrosoftConfiguredSendsTheBrowserToSignInWithPkce() {
        start(TestServer.onH2(Map.of("providers.microsoft.clientId", "cid", "providers.microsoft.clientSecret", "s",
                "providers.microsoft.authority", "http://127.0.0.1:1")));
        TestServer.Reply reply = form("/accounts/microsoft/connect", Map.of("csrf", csrf));
        assertThat(reply.status()).isEqualTo(303);
        String url = location(reply);
        assertThat(url).startsWith("http://127.0.0.1:1/")
                .contains("client_id=cid", "code_challenge=", "code_challenge_method=S256", "state=", "response_type=code");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedAndChangeNothing() {
        Account a = seedMailbox(server, userId);
        settle(a);
        for (Map<String, String> fields : List.of(Map.<String, String>of(), Map.of("csrf", "forged"))) {
            TestServer.Reply connect = form("/accounts/microsoft/connect", fields);
            assertThat(connect.status()).isEqualTo(403);
            assertThat(connect.body()).contains("This form was refused");
            TestServer.Reply sync = form("/accounts/" + a.id() + "/sync", fields);
            assertThat(sync.status()).isEqualTo(403);
        }
        for (SyncStream s : server.rapport.syncStreams.forAccount(a.id())) {
            assertThat(s.requestedAt()).as(s.stream().id()).isNull();
        }
    }

    @Test
    void syncNowQueuesARoundOfEveryStreamAndSaysSo() {
        Account a = seedMailbox(server, userId);
        settle(a);
        TestServer.Reply sync = form("/accounts/" + a.id() + "/sync", Map.of("csrf", csrf));
        assertThat(sync.status()).isEqualTo(303);
        assertThat(location(sync)).isEqualTo("/accounts?synced=" + a.id());
        for (SyncStream s : server.rapport.syncStreams.forAccount(a.id())) {
            assertThat(s.requestedAt()).as(s.stream().id()).isNotNull();
        }
        assertThat(page(location(sync)).body()).contains("Sync requested for " + MAILBOX
                + ": Inbox, Sent items and Calendar each run a round shortly.");

        TestServer.Reply missing = form("/accounts/999999/sync", Map.of("csrf", csrf));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such account.");
        long local = server.rapport.accounts.list(userId).stream().filter(x -> x.provider().equals("local"))
                .findFirst().orElseThrow().id();
        TestServer.Reply notSynced = form("/accounts/" + local + "/sync", Map.of("csrf", csrf));
        assertThat(notSynced.status()).isEqualTo(409);
        assertThat(notSynced.body()).contains("is not a mailbox Rapport syncs, so there is nothing to sync.");
    }

    @Test
    void theCallbacksOutcomeIsShownAndItsProblemSentenceIsEscaped() {
        Account a = seedMailbox(server, userId);
        assertThat(page("/accounts?connected=" + a.id()).body())
                .contains("Connected " + MAILBOX + ". The first sync has started; this page follows it.");
        // An id that is not the user's, or not a number, says nothing.
        assertThat(page("/accounts?connected=999999").body()).doesNotContain("Connected " + MAILBOX, "accounts-notice");
        assertThat(page("/accounts?connected=%3Cb%3E").body()).doesNotContain("accounts-notice");

        String problem = "<script>window.pwned = 1</script> Consent was declined.";
        TestServer.Reply reply = page("/accounts?problem=" + URLEncoder.encode(problem, StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .contains("Microsoft 365 was not connected. &lt;script&gt;window.pwned = 1&lt;/script&gt; Consent was declined.")
                .doesNotContain("<script>window.pwned");
    }

    @Test
    void theOwnersLocalAccountIsListedWithNothingToSync() {
        String body = page("/accounts").body();
        assertThat(body).contains("data-provider=\"local\"", "Entered in Rapport", "olivia@owner-advisory.example",
                "Nothing to sync.").doesNotContain("Sync now", "hx-trigger");
    }

    /** The markup of one stream's box. */
    static String section(String body, String stream) {
        int start = body.indexOf("data-stream=\"" + stream + "\"");
        assertThat(start).as("stream " + stream).isPositive();
        int end = body.indexOf("</article>", start);
        return body.substring(start, end);
    }
}
