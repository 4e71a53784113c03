package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.emulator.graph.Options;
import app.rapport.emulator.graph.RealMail;
import app.rapport.store.Database;
import app.rapport.support.EmlFixtures;
import app.rapport.support.TestDatabases;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicrosoftSyncOnH2Test extends MicrosoftSyncContract {
    @Override
    Database database() {
        return TestDatabases.h2();
    }

    /** The real corpus once, on the embedded database: the contract's other tests cover PostgreSQL. */
    @Test
    void theRealMailCorpusBackfillsCompletelyWithEveryMessageStoredOrIgnoredWithAReason() {
        start(Options.defaults(), Map.of("sync.push", "off", "sync.backfillMonths", 1200));
        EmlFixtures.sharedData();
        var report = RealMail.load(f.mailbox, RealMail.defaultMailDir(),
                MicrosoftFixture.OWNER);
        assertThat(report.loaded()).isGreaterThan(1000);
        client("SpamAssassin Talk", "spamassassin-talk@lists.sourceforge.net");
        Instant start = Instant.now();
        long account = f.connect();
        f.awaitSynced(account, start, Duration.ofSeconds(90));
        SyncStream inbox = f.stream(account, Stream.MAIL_INBOX);
        SyncStream sent = f.stream(account, Stream.MAIL_SENT);
        assertThat(inbox.providerTotal()).isEqualTo((long) report.inbox());
        assertThat(inbox.storedTotal()).as("every inbox message stored or ignored with a reason").isEqualTo((long) report.inbox());
        assertThat(sent.storedTotal()).isEqualTo((long) report.sent());
        assertThat(inbox.ignored()).containsKey("unknown-sender").isNotEmpty();
        assertThat(inbox.rejected()).isEmpty();
        assertThat(inbox.itemsSeen()).isEqualTo(report.inbox());
    }
}
