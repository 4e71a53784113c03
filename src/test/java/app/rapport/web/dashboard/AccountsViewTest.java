package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.user.Account;
import app.rapport.store.PushSubscriptionRepository.Subscription;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsViewTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23T09:59:30Z | just now
            2026-11-23T09:59:00Z | 1 minute ago
            2026-11-23T09:48:00Z | 12 minutes ago
            2026-11-23T07:00:00Z | 3 hours ago
            2026-11-22T09:00:00Z | yesterday
            2026-11-02T10:00:00Z | 3 weeks ago
            2026-11-23T10:05:00Z | on 23 Nov 2026, 10:05
            """)
    void recentTimesReadInMinutesAndHoursThenDays(Instant then, String expected) {
        assertThat(AccountsView.ago(then, NOW, ZONE)).isEqualTo(expected);
    }

    @Test
    void neverSyncedReadsNever() {
        assertThat(AccountsView.ago(null, NOW, ZONE)).isEqualTo("never");
    }

    @Test
    void progressWithoutAnEstimateIsIndeterminateAndOneThatGrewPastItStaysFull() {
        AccountsView.Progress unknown = AccountsView.progress(1234, null);
        assertThat(unknown.max()).isNull();
        assertThat(unknown.text()).isEqualTo("1,234 read so far; the total is not known yet");
        AccountsView.Progress grown = AccountsView.progress(450, 400L);
        assertThat(grown.value()).isEqualTo(400);
        assertThat(grown.text()).isEqualTo("450 of about 400 read (100%)");
    }

    @Test
    void aStreamIsWatchedWhileSyncingOrBackfillingOnAConnectedAccount() {
        Account connected = account(Account.CONNECTED);
        Account revoked = account(Account.RECONNECT_NEEDED);
        assertThat(AccountsView.moving(connected, stream(SyncStream.BACKFILL, SyncStream.IDLE))).isTrue();
        assertThat(AccountsView.moving(connected, stream(SyncStream.INCREMENTAL, SyncStream.SYNCING))).isTrue();
        assertThat(AccountsView.moving(connected, stream(SyncStream.INCREMENTAL, SyncStream.IDLE))).isFalse();
        assertThat(AccountsView.moving(connected, stream(SyncStream.BACKFILL, SyncStream.ERROR))).isFalse();
        assertThat(AccountsView.moving(revoked, stream(SyncStream.BACKFILL, SyncStream.PAUSED))).isFalse();
    }

    @Test
    void aLapsedSubscriptionSaysTheStreamIsPolled() {
        Subscription lapsed = new Subscription("s", 1, Stream.MAIL_INBOX, "h", Instant.parse("2026-11-23T08:00:00Z"));
        AccountsView.Push push = AccountsView.push(Stream.MAIL_INBOX, List.of(lapsed), NOW, ZONE);
        assertThat(push.active()).isFalse();
        assertThat(push.text()).isEqualTo("Change notifications lapsed 2 hours ago; polling until renewed");
        assertThat(AccountsView.push(Stream.CALENDAR, List.of(lapsed), NOW, ZONE)).isNull();
    }

    @Test
    void aReconnectWithoutASentenceStillSaysWhatToDo() {
        assertThat(AccountsView.reconnects(List.of(account(Account.CONNECTED), account(Account.RECONNECT_NEEDED))))
                .containsExactly(new AccountsView.Reconnect("me@contoso.example",
                        "Rapport can no longer read this mailbox. Reconnect to resume syncing."));
    }

    static Account account(String state) {
        return new Account(1, 1, Account.MICROSOFT, "me@contoso.example", state, NOW);
    }

    static SyncStream stream(String phase, String state) {
        return new SyncStream(1, Stream.MAIL_INBOX, phase, state, null, false, null, null, null, null, 0, 0, 0, 0, 0,
                Map.of(), Map.of(), 0, null, null, null, null, 0, null, null, null, NOW);
    }
}
