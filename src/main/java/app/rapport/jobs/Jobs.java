package app.rapport.jobs;

import app.rapport.Rapport;
import app.rapport.domain.user.User;
import com.github.kagkarlsson.scheduler.Scheduler;
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
 *   <li>send-invitations, every minute: invitations still pending after a restart.</li>
 * </ul>
 */
public final class Jobs implements AutoCloseable {
    static final String REFRESH = "refresh-relationships";
    static final String PLAN = "plan-suggestions";
    static final String RECONCILE = "reconcile-suggestions";
    static final String INVITATIONS = "send-invitations";
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
        Scheduler scheduler = Scheduler.create(r.database.dataSource())
                .startTasks(List.of(refresh, plan, reconcile, invitations))
                .threads(2)
                .pollingInterval(polling)
                .build();
        scheduler.start();
        return new Jobs(scheduler);
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
