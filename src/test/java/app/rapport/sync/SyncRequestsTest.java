package app.rapport.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request that arrives while a round is ending: the round has looked at requested_at already,
 * and the execution is still leased, so the request cannot move it. Once the round's execution is
 * released (rescheduled for the next poll), {@link SyncRequests#afterRound} must run it at once.
 * The steps of the scheduler are played by hand on its table. And a connected stream without any
 * scheduled round (lost with the last writes before a crash) gets one at start.
 */
class SyncRequestsTest {
    private final TestServer server = TestServer.onH2();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aRequestThatCameWhileTheRoundEndedRunsOnceTheExecutionIsReleased() throws Exception {
        var r = server.rapport;
        long account = r.accounts.ensure(server.ownerUser().id(), "microsoft", "m@example.com", "connected", TestServer.NOW).id();
        r.syncService.initialise(account);
        r.syncRequests.request(account, Stream.MAIL_INBOX); // the execution exists, due now
        String id = SyncRequests.instanceId(account, Stream.MAIL_INBOX);

        sql("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'other', last_heartbeat = ? WHERE task_instance = ?",
                Timestamp.from(Instant.now()), id);
        r.syncStreams.startRound(account, Stream.MAIL_INBOX, Instant.now());
        Thread.sleep(5);
        // The round has checked requested_at and found nothing new; now a notification comes in.
        r.syncRequests.request(account, Stream.MAIL_INBOX);
        // The round's completion releases the execution until the next poll, as Jobs does for a quiet round.
        Instant nextPoll = Instant.now().plus(Duration.ofHours(1));
        sql("UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, execution_time = ?,"
                + " version = version + 1 WHERE task_instance = ?", Timestamp.from(nextPoll), id);

        r.syncRequests.afterRound(account, Stream.MAIL_INBOX);

        assertThat(executionTime(id)).as("the late request runs now, not at the next poll").isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aRoundThatSawEveryRequestKeepsItsNextPoll() throws Exception {
        var r = server.rapport;
        long account = r.accounts.ensure(server.ownerUser().id(), "microsoft", "m@example.com", "connected", TestServer.NOW).id();
        r.syncService.initialise(account);
        r.syncRequests.request(account, Stream.MAIL_SENT);
        String id = SyncRequests.instanceId(account, Stream.MAIL_SENT);
        Thread.sleep(5);
        r.syncStreams.startRound(account, Stream.MAIL_SENT, Instant.now());
        Instant nextPoll = Instant.now().plus(Duration.ofHours(1));
        sql("UPDATE scheduled_tasks SET execution_time = ?, version = version + 1 WHERE task_instance = ?",
                Timestamp.from(nextPoll), id);

        r.syncRequests.afterRound(account, Stream.MAIL_SENT);

        assertThat(executionTime(id)).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void everyStreamOfAConnectedAccountGetsARoundWhenNoneIsScheduled() throws Exception {
        var r = server.rapport;
        long userId = server.ownerUser().id();
        long connected = r.accounts.ensure(userId, "microsoft", "m@example.com", "connected", TestServer.NOW).id();
        long lapsed = r.accounts.ensure(userId, "microsoft", "old@example.com", "reconnect_needed", TestServer.NOW).id();
        r.syncService.initialise(connected);
        r.syncRequests.request(connected, Stream.CALENDAR); // this one survived; it keeps its time
        sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_instance = ?",
                Timestamp.from(Instant.now().plus(Duration.ofHours(1))), SyncRequests.instanceId(connected, Stream.CALENDAR));

        assertThat(r.syncRequests.ensureScheduled(r.accounts.byProvider("microsoft"))).isEqualTo(2);

        assertThat(executionTime(SyncRequests.instanceId(connected, Stream.MAIL_INBOX))).isBefore(Instant.now().plusSeconds(1));
        assertThat(executionTime(SyncRequests.instanceId(connected, Stream.MAIL_SENT))).isBefore(Instant.now().plusSeconds(1));
        assertThat(executionTime(SyncRequests.instanceId(connected, Stream.CALENDAR))).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(executionTime(SyncRequests.instanceId(lapsed, Stream.MAIL_INBOX))).as("paused until reconnected").isNull();
        assertThat(r.syncRequests.ensureScheduled(r.accounts.byProvider("microsoft"))).isZero();
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = server.rapport.database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private Instant executionTime(String instance) throws SQLException {
        try (Connection c = server.rapport.database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT execution_time FROM scheduled_tasks WHERE task_instance = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
