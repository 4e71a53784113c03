package app.rapport.jobs;

import app.rapport.Rapport;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.sync.PushNotifications;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncRequests;
import app.rapport.sync.SyncService;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recurring work, leased from the database by db-scheduler so that several instances sharing
 * one PostgreSQL run each pass once, and a pass that died with its instance is picked up again:
 * <ul>
 *   <li>refresh-relationships, hourly: statuses move with the calendar even when no mail arrives;</li>
 *   <li>plan-suggestions, hourly: reconcile, then place holds for clients who became due;</li>
 *   <li>reconcile-suggestions, every few minutes: expire passed slots, follow holds the user moved or deleted;</li>
 *   <li>send-invitations, every minute: invitations still pending after a restart;</li>
 *   <li>sync-stream, one instance per account and stream: a round of provider sync, rescheduling itself;</li>
 *   <li>push-lifecycle, one-time: renew or recreate a subscription after a lifecycle notification;</li>
 *   <li>renew-subscriptions, every 30 minutes: subscriptions within a day of expiry.</li>
 * </ul>
 */
public final class Jobs implements AutoCloseable {
    static final String REFRESH = "refresh-relationships";
    static final String PLAN = "plan-suggestions";
    static final String RECONCILE = "reconcile-suggestions";
    static final String INVITATIONS = "send-invitations";
    static final String RENEW_SUBSCRIPTIONS = "renew-subscriptions";
    /** Sync rounds of several streams run side by side with the hourly passes. */
    private static final int SCHEDULER_THREADS = 6;
    /** A lease whose holder stopped beating for MISSED_HEARTBEATS x HEARTBEAT (about 10 s) is taken over. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final int MISSED_HEARTBEATS = 5;
    /** With push on, a stream is still polled, this many poll intervals apart, in case notifications were lost. */
    private static final int PUSH_SAFETY_POLLS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The schedule Main uses: plan a minute after start and hourly, re-derive relationships hourly. */
    public static Jobs start(Rapport r) {
        return start(r, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(10));
    }

    /**
     * Starts the scheduler. A schedule already in the database (from an earlier start or another
     * instance) keeps its next run; the delays only place a task's very first run.
     *
     * @param firstPlan      delay before the first planning pass
     * @param every          between planning passes, and between relationship refreshes (the first after one interval)
     * @param reconcileEvery between reconcile passes
     * @param polling        how often the scheduler looks for due work in the database
     */
    public static Jobs start(Rapport r, Duration firstPlan, Duration every, Duration reconcileEvery, Duration polling) {
        RecurringTask<Void> refresh = Tasks.recurring(REFRESH, new EveryAfterDelay(every, every))
                .execute((instance, context) -> eachUser(r, REFRESH, u -> r.relationshipService.recomputeAll(u.id())));
        RecurringTask<Void> plan = Tasks.recurring(PLAN, new EveryAfterDelay(firstPlan, every))
                .execute((instance, context) -> eachUser(r, PLAN, u -> r.planningService.plan(u.id())));
        RecurringTask<Void> reconcile = Tasks.recurring(RECONCILE, FixedDelay.of(reconcileEvery))
                .execute((instance, context) -> {
                    for (Long userId : r.planningService.usersWithOpenSuggestions()) {
                        try {
                            r.planningService.reconcile(userId);
                        } catch (RuntimeException e) {
                            LOG.warn("{} failed for user {}; the next pass retries", RECONCILE, userId, e);
                        }
                    }
                });
        RecurringTask<Void> invitations = Tasks.recurring(INVITATIONS, FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> r.suggestionService.sweepInvitations());
        RecurringTask<Void> renewSubscriptions = Tasks.recurring(RENEW_SUBSCRIPTIONS, FixedDelay.of(Duration.ofMinutes(30)))
                .execute((instance, context) -> r.graphPush.renewDue());
        CustomTask<Void> sync = Tasks.custom(SyncRequests.TASK, Void.class)
                .onDeadExecutionRevive()
                .execute((instance, context) -> syncRound(r, instance.getId()));
        OneTimeTask<Void> lifecycle = Tasks.oneTime(PushNotifications.LIFECYCLE_TASK)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10))))
                .execute((instance, context) -> r.pushNotifications.runLifecycle(instance.getId()));
        Scheduler scheduler = Scheduler.create(r.database.dataSource(), List.of(sync, lifecycle))
                .startTasks(List.of(refresh, plan, reconcile, invitations, renewSubscriptions))
                .threads(SCHEDULER_THREADS)
                .pollingInterval(polling)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .enableImmediateExecution()
                .build();
        scheduler.start();
        r.syncRequests.attach(scheduler);
        r.pushNotifications.attach(scheduler);
        try {
            r.syncRequests.ensureScheduled(r.accounts.byProvider(Account.MICROSOFT));
        } catch (RuntimeException e) {
            LOG.warn("could not check that every connected stream has a scheduled round", e);
        }
        return new Jobs(scheduler);
    }

    /**
     * One round of one stream, then the next run: at once when a notification came in during the
     * round, after Retry-After or a backoff on failure, at the poll interval otherwise (a safety net
     * when push is on). A stream whose account needs reconnecting leaves the schedule; reconnecting
     * puts it back.
     */
    private static CompletionHandler<Void> syncRound(Rapport r, String instanceId) {
        int colon = instanceId.indexOf(':');
        long accountId;
        Stream stream;
        try {
            accountId = Long.parseLong(instanceId.substring(0, colon));
            stream = Stream.of(instanceId.substring(colon + 1)).orElseThrow();
        } catch (RuntimeException unreadable) {
            LOG.warn("dropping sync job with unreadable id {}", instanceId);
            return (complete, ops) -> ops.remove();
        }
        SyncService.Outcome outcome = r.syncService.runRound(accountId, stream);
        Instant now = Instant.now();
        Duration poll = Duration.ofMinutes(r.config.sync().pollMinutes());
        if (outcome instanceof SyncService.Outcome.Done done) {
            boolean pushed = false;
            boolean subscribedJustNow = false;
            if (r.pushEnabled()) {
                try {
                    subscribedJustNow = r.graphPush.ensure(accountId, stream);
                    pushed = true;
                } catch (RuntimeException e) {
                    LOG.warn("no change notifications for account {} {} (polling instead): {}", accountId, stream.id(), e.getMessage());
                }
            }
            // A new subscription only reports changes from now on: one more round picks up what
            // changed since the round's snapshot (the first round after connecting, or a recreated subscription).
            boolean again = done.again() || subscribedJustNow;
            Instant next = again ? now : now.plus(pushed ? poll.multipliedBy(PUSH_SAFETY_POLLS) : poll);
            return (complete, ops) -> {
                ops.reschedule(complete, next);
                // A request between the round's last look and this release would otherwise wait for the poll.
                if (!again) r.syncRequests.afterRound(accountId, stream);
            };
        }
        if (outcome instanceof SyncService.Outcome.Retry retry) {
            Instant next = now.plus(retry.after());
            return (complete, ops) -> ops.reschedule(complete, next);
        }
        return (complete, ops) -> ops.remove();
    }

    private static void eachUser(Rapport r, String task, java.util.function.Consumer<User> work) {
        for (User user : r.users.all()) {
            try {
                work.accept(user);
            } catch (RuntimeException e) {
                LOG.warn("{} failed for user {}; the next pass retries", task, user.id(), e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
