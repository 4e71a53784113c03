package app.rapport.sync;

import app.rapport.domain.user.Account;
import app.rapport.store.SyncStreamRepository;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for a round of a stream. The request is a row in db-scheduler's table with the stream as
 * its instance id, so a burst of notifications (on any instance) collapses into one due execution,
 * and whichever instance leases it runs it. A request that arrives while the round runs is noted
 * on the stream, and the round runs once more when it ends.
 */
public final class SyncRequests {
    public static final String TASK = "sync-stream";
    private static final Logger LOG = LoggerFactory.getLogger(SyncRequests.class);

    private final SyncStreamRepository streams;
    private volatile SchedulerClient client;

    public SyncRequests(SyncStreamRepository streams, SchedulerClient standalone) {
        this.streams = streams;
        this.client = standalone;
    }

    /** Routes requests through the running scheduler, which then picks them up at once. */
    public void attach(SchedulerClient running) {
        this.client = running;
    }

    public static String instanceId(long accountId, Stream stream) {
        return accountId + ":" + stream.id();
    }

    public static TaskInstanceId taskInstance(long accountId, Stream stream) {
        return TaskInstanceId.of(TASK, instanceId(accountId, stream));
    }

    /** A round as soon as possible. */
    public void request(long accountId, Stream stream) {
        // Wall-clock time, like the scheduler's: it orders requests against rounds, not facts in the book.
        Instant now = Instant.now();
        streams.request(accountId, stream, now);
        TaskInstance<Void> instance = new TaskInstance<>(TASK, instanceId(accountId, stream));
        try {
            if (client.scheduleIfNotExists(instance, now)) return;
            client.reschedule(taskInstance(accountId, stream), now);
        } catch (RuntimeException running) {
            // The round is running; it sees requested_at when it ends and runs again.
            LOG.debug("sync of {} already running: {}", instanceId(accountId, stream), running.toString());
        }
    }

    /**
     * Called once a completed round's execution has been rescheduled (released). A request that
     * came in as the round was ending was too late for the round to see, and could not move the
     * execution while it was still leased; it is honoured here, now that the execution is free.
     */
    public void afterRound(long accountId, Stream stream) {
        SyncStream s = streams.find(accountId, stream).orElse(null);
        if (s == null || s.requestedAt() == null || s.roundStartedAt() == null
                || s.requestedAt().isBefore(s.roundStartedAt())) {
            return;
        }
        try {
            client.reschedule(taskInstance(accountId, stream), Instant.now());
        } catch (RuntimeException e) {
            // Leased again already (a request or another instance got there first): that round runs.
            LOG.debug("late request for {} not rescheduled: {}", instanceId(accountId, stream), e.toString());
        }
    }

    /**
     * Gives every stream of the connected accounts that has no execution in the scheduler one due now.
     * Connecting commits the account before it requests the first rounds, and an embedded H2 loses
     * its last second of commits when the process is killed; without an execution nothing would ever
     * sync the stream again. Existing executions keep their time. Returns how many were created.
     */
    public int ensureScheduled(List<Account> accounts) {
        int created = 0;
        for (Account account : accounts) {
            if (!account.connected()) continue;
            for (Stream stream : Stream.values()) {
                if (client.scheduleIfNotExists(new TaskInstance<>(TASK, instanceId(account.id(), stream)), Instant.now())) {
                    created++;
                    LOG.info("sync of {} had no scheduled round; one is due now", instanceId(account.id(), stream));
                }
            }
        }
        return created;
    }

    public void requestAll(long accountId) {
        for (Stream s : Stream.values()) request(accountId, s);
    }
}
