package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.emulator.graph.DeltaExpiry;
import app.rapport.emulator.graph.GraphMessage;
import app.rapport.emulator.graph.Options;
import app.rapport.store.Database;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import app.rapport.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting a Microsoft 365 mailbox and syncing it, through the real Graph SDK against the emulator. */
abstract class MicrosoftSyncContract {
    static final Duration WAIT = Duration.ofSeconds(30);
    MicrosoftFixture f;

    abstract Database database();

    MicrosoftFixture start(Options options, Map<String, ?> config) {
        f = MicrosoftFixture.start(database(), options, config);
        return f;
    }

    MicrosoftFixture start() {
        return start(Options.defaults(), Map.of());
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    long client(String name, String email) {
        TestServer.Reply r = f.server.post("/api/v1/clients", f.server.ownerToken,
                "{\"name\":\"" + name + "\",\"tier\":\"A\",\"emails\":[\"" + email + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Instant daysAgo(int days) {
        return MicrosoftFixture.NOW.minus(Duration.ofDays(days));
    }

    GraphMessage.Builder inbound(String from, int daysAgo, String subject) {
        return GraphMessage.builder().from(from).to(MicrosoftFixture.OWNER).subject(subject)
                .sent(daysAgo(daysAgo)).received(daysAgo(daysAgo));
    }

    GraphMessage.Builder outbound(String to, int daysAgo, String subject) {
        return GraphMessage.builder().from(MicrosoftFixture.OWNER).to(to).subject(subject)
                .sent(daysAgo(daysAgo)).received(daysAgo(daysAgo));
    }

    JsonNode clientJson(long id) {
        TestServer.Reply r = f.server.get("/api/v1/clients/" + id, f.server.ownerToken);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    long interactionsOf(long clientId) {
        return f.server.rapport.interactions.forClient(f.server.ownerUser().id(), clientId).size();
    }

    @Test
    void connectingBackfillsEveryStreamAndTheStoredMailEqualsTheMailbox() {
        start();
        long alice = client("Alice Archer", "alice@acme.example");
        long bob = client("Bob Baker", "bob@baker.example");
        for (int i = 0; i < 120; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 200 - i, "Question " + i));
        for (int i = 0; i < 45; i++) f.mailbox.addMessage("sentitems", outbound("bob@baker.example", 90 - i, "Proposal " + i));
        f.mailbox.addMessage("inbox", inbound("news@list.example", 3, "Weekly digest").header("List-Id", "<weekly.list.example>"));
        f.mailbox.addMessage("inbox", inbound("stranger@unknown.example", 4, "Hello"));
        f.mailbox.addMessage("inbox", inbound("alice@acme.example", 1000, "Long ago"));

        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, WAIT);

        SyncStream inbox = f.stream(account, Stream.MAIL_INBOX);
        assertThat(inbox.phase()).isEqualTo(SyncStream.INCREMENTAL);
        assertThat(inbox.providerTotal()).isEqualTo(123L);
        assertThat(inbox.storedTotal()).isEqualTo(123L);
        assertThat(inbox.ignored()).containsEntry("before-backfill-window", 1L);
        assertThat(f.stream(account, Stream.MAIL_SENT).storedTotal()).isEqualTo(45L);
        assertThat(interactionsOf(alice)).isEqualTo(120);
        assertThat(interactionsOf(bob)).isEqualTo(45);
        JsonNode rel = clientJson(alice);
        assertThat(rel.path("lastContact").path("direction").asText()).isEqualTo("inbound");

        TestServer.Reply accounts = f.server.get("/api/v1/accounts", f.server.ownerToken);
        JsonNode ms = null;
        for (JsonNode a : accounts.json().get("items")) if (a.get("provider").asText().equals("microsoft")) ms = a;
        assertThat(ms).isNotNull();
        assertThat(ms.get("label").asText()).isEqualTo(MicrosoftFixture.OWNER);
        assertThat(ms.get("state").asText()).isEqualTo("connected");
        assertThat(ms.get("streams")).hasSize(3);
        assertThat(f.graph.grantedScopes(MicrosoftFixture.OWNER))
                .contains("offline_access", "User.Read", "Mail.ReadBasic", "Calendars.ReadWrite", "MailboxSettings.Read");
    }

    /** A connected account with Alice as client and a few messages, backfilled and subscribed. */
    long connectedWithAlice() {
        long alice = client("Alice Archer", "alice@acme.example");
        for (int i = 0; i < 25; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 60 - i, "Note " + i));
        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, WAIT);
        aliceId = alice;
        return account;
    }

    long aliceId;

    void awaitSubscriptions(long account) {
        MicrosoftFixture.await("three subscriptions", WAIT, () -> f.server.rapport.pushSubscriptions.forAccount(account).size() == 3
                && f.graph.subscriptions().size() == 3);
    }

    @Test
    void notificationsBringNewMailInWithinSecondsAndABurstCollapsesIntoFewRounds() {
        start();
        long account = connectedWithAlice();
        awaitSubscriptions(account);
        assertThat(f.graph.subscriptions()).extracting(s -> s.resource())
                .containsExactlyInAnyOrder("me/mailFolders('inbox')/messages", "me/mailFolders('sentitems')/messages", "me/events");
        long roundsBefore = f.stream(account, Stream.MAIL_INBOX).rounds();

        for (int i = 0; i < 20; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 0, "Burst " + i).sent(MicrosoftFixture.NOW.minusSeconds(60 - i)));
        MicrosoftFixture.await("burst stored", WAIT, () -> interactionsOf(aliceId) == 45);
        f.graph.awaitNotificationsIdle(WAIT);
        MicrosoftFixture.await("rounds settle", WAIT, () -> SyncStream.IDLE.equals(f.stream(account, Stream.MAIL_INBOX).state()));
        long rounds = f.stream(account, Stream.MAIL_INBOX).rounds() - roundsBefore;
        assertThat(rounds).as("rounds for a burst of 20 notifications").isBetween(1L, 10L);
        assertThat(f.graph.deliveries()).filteredOn(d -> d.kind().equals("change"))
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(202);
                    assertThat(d.overThreeSeconds()).isFalse();
                });
        assertThat(f.graph.deliveries()).filteredOn(d -> d.kind().equals("validation")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(clientJson(aliceId).path("lastContact").path("at").asText()).startsWith("2026-11-23T09:59");
    }

    @Test
    void incrementalRoundsFollowAddsChangesAndDeletesWithoutDuplicates() {
        start(Options.defaults(), Map.of("sync.push", "off"));
        long account = connectedWithAlice();
        long bob = client("Bob Baker", "bob@baker.example");
        var kept = f.mailbox.addMessage("inbox", inbound("bob@baker.example", 2, "Lunch?"));
        f.mailbox.addMessage("sentitems", outbound("bob@baker.example", 1, "Re: Lunch?"));
        var gone = f.mailbox.messages("inbox").stream().filter(m -> "Note 0".equals(m.subject())).findFirst().orElseThrow();
        f.mailbox.markRead(kept.id(), true);
        f.mailbox.updateMessage(kept.id(), b -> b.subject("Lunch on Friday?"));
        f.mailbox.deleteMessage(gone.id());

        Instant again = Instant.now();
        assertThat(f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}").status()).isEqualTo(202);
        f.awaitSynced(account, again, WAIT);

        assertThat(interactionsOf(bob)).isEqualTo(2);
        assertThat(interactionsOf(aliceId)).as("a deleted message stays a contact that happened").isEqualTo(25);
        SyncStream inbox = f.stream(account, Stream.MAIL_INBOX);
        assertThat(inbox.itemsRemoved()).isEqualTo(1);
        assertThat(inbox.restarts()).isZero();
        assertThat(clientJson(bob).path("awaitingReplyFrom").isNull() || clientJson(bob).path("awaitingReplyFrom").asText().equals("client")).isTrue();

        // A second sync with nothing new changes nothing.
        Instant third = Instant.now();
        f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}");
        f.awaitSynced(account, third, WAIT);
        assertThat(interactionsOf(bob)).isEqualTo(2);
        assertThat(interactionsOf(aliceId)).isEqualTo(25);
    }

    @Test
    void anExpiredCursorInTheMiddleOfARoundRestartsTheStreamWithoutDuplicates() {
        start(Options.defaults().maxPageSize(10), Map.of("sync.push", "off"));
        long alice = client("Alice Archer", "alice@acme.example");
        for (int i = 0; i < 95; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 100 - i, "Note " + i));
        f.graph.expireTokensAfterPages(4);
        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, WAIT);
        SyncStream inbox = f.stream(account, Stream.MAIL_INBOX);
        assertThat(inbox.restarts()).isGreaterThanOrEqualTo(1);
        assertThat(interactionsOf(alice)).isEqualTo(95);
        assertThat(inbox.storedTotal()).isEqualTo(95L);

        for (DeltaExpiry shape : DeltaExpiry.values()) {
            f.mailbox.addMessage("inbox", inbound("alice@acme.example", 0, "After " + shape));
            f.graph.expireDeltaTokens(shape);
            Instant again = Instant.now();
            f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}");
            f.awaitSynced(account, again, WAIT);
        }
        assertThat(interactionsOf(alice)).isEqualTo(95 + DeltaExpiry.values().length);
        assertThat(f.stream(account, Stream.MAIL_INBOX).restarts()).isGreaterThanOrEqualTo(1 + DeltaExpiry.values().length);
    }

    @Test
    void throttlingStormsAreWaitedOutWithinTheMailboxLimits() {
        start(Options.defaults().maxPageSize(10).latency(Duration.ofMillis(5)), Map.of("sync.push", "off"));
        long alice = client("Alice Archer", "alice@acme.example");
        for (int i = 0; i < 150; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 100 - i / 2, "Note " + i));
        for (int i = 0; i < 60; i++) f.mailbox.addMessage("sentitems", outbound("alice@acme.example", 100 - i, "Reply " + i));
        f.graph.failMatching(r -> r.routeKind().contains("delta"), 6, 429, "TooManyRequests", "0.2");
        f.graph.failMatching(r -> r.path().contains("sentitems"), 3, 503, "serviceNotAvailable", "0.1");
        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, WAIT);
        assertThat(interactionsOf(alice)).isEqualTo(210);
        assertThat(f.graph.stats().peakConcurrentPerMailbox().get(MicrosoftFixture.OWNER)).isLessThanOrEqualTo(4);
        assertThat(f.graph.stats().injectedFaults()).isEqualTo(9);
    }

    @Test
    void aStormLongerThanTheAttemptsShowsAnErrorAndTheNextRoundRecovers() {
        start(Options.defaults(), Map.of("sync.push", "off", "sync.maxAttempts", 2));
        long alice = client("Alice Archer", "alice@acme.example");
        for (int i = 0; i < 10; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 10 - i, "Note " + i));
        f.graph.failMatching(r -> r.path().contains("inbox"), 1000, 503, "serviceNotAvailable", null);
        long account = f.connect();
        MicrosoftFixture.await("inbox in error", WAIT, () -> SyncStream.ERROR.equals(f.stream(account, Stream.MAIL_INBOX).state()));
        SyncStream failed = f.stream(account, Stream.MAIL_INBOX);
        assertThat(failed.lastError()).contains("503");
        TestServer.Reply state = f.server.get("/api/v1/accounts/" + account + "/sync", f.server.ownerToken);
        assertThat(state.body()).contains("\"state\":\"error\"").contains("serviceNotAvailable");

        f.graph.clearFaults();
        f.graph.resetStats();
        Instant again = Instant.now();
        f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}");
        f.awaitSynced(account, again, WAIT);
        assertThat(interactionsOf(alice)).isEqualTo(10);
    }

    @Test
    void anAccessTokenThatDiesMidBackfillIsRefreshedAndTheBackfillCompletes() {
        start(Options.defaults().maxPageSize(10).latency(Duration.ofMillis(20)), Map.of("sync.push", "off"));
        long alice = client("Alice Archer", "alice@acme.example");
        for (int i = 0; i < 200; i++) f.mailbox.addMessage("inbox", inbound("alice@acme.example", 300 - i, "Note " + i));
        Thread killer = new Thread(() -> {
            MicrosoftFixture.await("backfill under way", WAIT, () -> f.graph.deltaPagesServed() >= 3);
            f.graph.expireAccessTokens();
        });
        killer.start();
        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, WAIT);
        assertThat(interactionsOf(alice)).isEqualTo(200);
        assertThat(f.graph.tokenRequests("refresh_token")).isGreaterThanOrEqualTo(1);
        assertThat(f.server.rapport.accounts.byId(account).orElseThrow().state()).isEqualTo("connected");
    }

    @Test
    void aRevokedGrantMarksTheAccountReconnectNeededAndStopsTrying() {
        start(Options.defaults(), Map.of("sync.push", "off"));
        long account = connectedWithAlice();
        f.graph.revokeGrant(MicrosoftFixture.OWNER);
        f.graph.expireAccessTokens();
        f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}");
        MicrosoftFixture.await("reconnect needed", WAIT,
                () -> f.server.rapport.accounts.byId(account).orElseThrow().state().equals("reconnect_needed"));
        MicrosoftFixture.await("streams paused", WAIT, () -> f.server.rapport.syncStreams.forAccount(account).stream()
                .allMatch(s -> SyncStream.PAUSED.equals(s.state()) || s.requestedAt() == null || !s.requestedAt().isAfter(s.roundStartedAt())));
        JsonNode ms = null;
        for (JsonNode a : f.server.get("/api/v1/accounts", f.server.ownerToken).json().get("items")) {
            if (a.get("provider").asText().equals("microsoft")) ms = a;
        }
        assertThat(ms.get("state").asText()).isEqualTo("reconnect_needed");
        assertThat(ms.get("stateDetail").asText()).contains("invalid_grant").contains("Reconnect");
        long refreshes = f.graph.tokenRequests("refresh_token");
        TestServer.Reply again = f.server.post("/api/v1/accounts/" + account + "/sync", f.server.ownerToken, "{}");
        assertThat(again.status()).isEqualTo(409);
        sleep(Duration.ofSeconds(1));
        assertThat(f.graph.tokenRequests("refresh_token")).as("no retries after invalid_grant").isEqualTo(refreshes);

        // Reconnecting resumes from the stored cursors.
        f.graph.mailbox(MicrosoftFixture.OWNER);
        f.mailbox.addMessage("inbox", inbound("alice@acme.example", 0, "Back again"));
        Instant resumed = Instant.now();
        assertThat(f.connect()).isEqualTo(account);
        f.awaitSynced(account, resumed, WAIT);
        assertThat(interactionsOf(aliceId)).isEqualTo(26);
    }

    @Test
    void forgedAndMalformedNotificationsAreRejectedAndCounted() {
        start();
        long account = connectedWithAlice();
        awaitSubscriptions(account);
        String subscription = f.server.rapport.pushSubscriptions.forAccount(account).get(0).subscriptionId();
        f.awaitSynced(account, Instant.EPOCH, WAIT);
        sleep(Duration.ofMillis(300));
        f.awaitSynced(account, Instant.EPOCH, WAIT);
        long roundsBefore = f.server.rapport.syncStreams.forAccount(account).stream().mapToLong(SyncStream::rounds).sum();

        TestServer.Reply forged = f.server.send("POST", "/webhooks/microsoft", null, "application/json",
                ("{\"value\":[{\"subscriptionId\":\"" + subscription + "\",\"clientState\":\"guess\",\"changeType\":\"created\"},"
                        + "{\"subscriptionId\":\"nope\",\"clientState\":\"x\",\"changeType\":\"created\"}]}").getBytes(), Map.of());
        assertThat(forged.status()).isEqualTo(202);
        assertThat(forged.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(f.server.send("POST", "/webhooks/microsoft", null, "application/json", "{not json".getBytes(), Map.of()).status())
                .isEqualTo(400);
        assertThat(f.server.send("POST", "/webhooks/microsoft", null, "application/json", "{\"value\":3}".getBytes(), Map.of()).status())
                .isEqualTo(400);
        TestServer.Reply validation = f.server.send("POST", "/webhooks/microsoft?validationToken=a%2Bb%20c%3Cd%3E", null,
                "text/plain", new byte[0], Map.of());
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body()).isEqualTo("a+b c<d>");
        assertThat(validation.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        String metrics = f.server.get("/metrics", null).body();
        assertThat(metrics).contains("reason=\"client-state-mismatch\"").contains("reason=\"unknown-subscription\"")
                .contains("reason=\"malformed\"");
        sleep(Duration.ofMillis(500));
        assertThat(f.server.rapport.syncStreams.forAccount(account).stream().mapToLong(SyncStream::rounds).sum())
                .as("forged notifications start no sync").isEqualTo(roundsBefore);
    }

    @Test
    void lifecycleEventsRenewRecreateAndCatchUp() {
        start();
        long account = connectedWithAlice();
        awaitSubscriptions(account);
        var inboxSub = f.server.rapport.pushSubscriptions.forStream(account, Stream.MAIL_INBOX).get(0);

        f.graph.sendLifecycle(inboxSub.subscriptionId(), "reauthorizationRequired");
        MicrosoftFixture.await("renewed", WAIT, () -> f.server.rapport.pushSubscriptions.find(inboxSub.subscriptionId())
                .map(s -> s.expiresAt() != null).orElse(false) && f.graph.stats().route("PATCH subscription.update") >= 1);

        f.graph.sendLifecycle(inboxSub.subscriptionId(), "subscriptionRemoved");
        MicrosoftFixture.await("recreated", WAIT, () -> {
            var now = f.server.rapport.pushSubscriptions.forStream(account, Stream.MAIL_INBOX);
            return now.size() == 1 && !now.get(0).subscriptionId().equals(inboxSub.subscriptionId());
        });

        f.graph.pauseNotifications(true);
        f.mailbox.addMessage("inbox", inbound("alice@acme.example", 0, "Missed one"));
        f.graph.pauseNotifications(false);
        var current = f.server.rapport.pushSubscriptions.forStream(account, Stream.MAIL_INBOX).get(0);
        f.graph.sendLifecycle(current.subscriptionId(), "missed");
        MicrosoftFixture.await("caught up", WAIT, () -> interactionsOf(aliceId) == 26);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
