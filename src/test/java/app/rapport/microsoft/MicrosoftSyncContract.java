package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

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
}
