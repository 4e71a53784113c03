package app.rapport.sync;

import app.rapport.providers.microsoft.GraphPush;
import app.rapport.store.PushSubscriptionRepository;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a batch of Graph notifications asks for, decided fast enough to answer within Graph's three
 * seconds: every genuine change notification requests one round of its stream (a burst collapses
 * into one), lifecycle events become jobs (renew, recreate, catch up), and anything whose
 * subscription is unknown or whose clientState does not match is rejected, logged and counted.
 */
public final class PushNotifications {
    public static final String LIFECYCLE_TASK = "push-lifecycle";
    private static final Logger LOG = LoggerFactory.getLogger(PushNotifications.class);

    private final GraphPush push;
    private final SyncRequests syncRequests;
    private final MeterRegistry metrics;
    private volatile SchedulerClient client;

    public PushNotifications(GraphPush push, SyncRequests syncRequests, MeterRegistry metrics, SchedulerClient standalone) {
        this.push = push;
        this.syncRequests = syncRequests;
        this.metrics = metrics;
        this.client = standalone;
    }

    public void attach(SchedulerClient running) {
        this.client = running;
    }

    /** One entry of a notification body. */
    public record Notification(String subscriptionId, String clientState, String changeType, String lifecycleEvent) {}

    /** How a batch was taken. */
    public record Outcome(int accepted, int rejected) {}

    public Outcome handle(List<Notification> batch) {
        int accepted = 0;
        int rejected = 0;
        // One request per stream however many of its changes the batch carries.
        Set<String> requested = new HashSet<>();
        for (Notification n : batch) {
            PushSubscriptionRepository.Subscription s = push.verify(n.subscriptionId(), n.clientState()).orElse(null);
            if (s == null) {
                reject(push.find(n.subscriptionId()).isPresent() ? "client-state-mismatch" : "unknown-subscription", n);
                rejected++;
                continue;
            }
            accepted++;
            String lifecycle = n.lifecycleEvent() == null ? null : n.lifecycleEvent().toLowerCase(Locale.ROOT);
            if (lifecycle == null) {
                if (requested.add(SyncRequests.instanceId(s.accountId(), s.stream()))) syncRequests.request(s.accountId(), s.stream());
                continue;
            }
            metrics.counter("rapport.webhook.lifecycle", "provider", "microsoft", "event", lifecycle).increment();
            switch (lifecycle) {
                case "reauthorizationrequired" -> lifecycleJob("renew", s);
                case "subscriptionremoved" -> {
                    lifecycleJob("recreate", s);
                    syncRequests.request(s.accountId(), s.stream());
                }
                case "missed" -> syncRequests.request(s.accountId(), s.stream());
                default -> LOG.info("lifecycle event {} for subscription {} needs no action", n.lifecycleEvent(), s.subscriptionId());
            }
        }
        if (accepted > 0) metrics.counter("rapport.webhook.accepted", "provider", "microsoft").increment(accepted);
        return new Outcome(accepted, rejected);
    }

    /** A body that is not a notification batch at all. */
    public void rejectMalformed(String why) {
        metrics.counter("rapport.webhook.rejected", "provider", "microsoft", "reason", "malformed").increment();
        LOG.warn("rejected a Microsoft webhook body: {}", why);
    }

    private void reject(String reason, Notification n) {
        metrics.counter("rapport.webhook.rejected", "provider", "microsoft", "reason", reason).increment();
        LOG.warn("rejected a Microsoft notification ({}) for subscription {}", reason, n.subscriptionId());
    }

    /** Instance ids carry what to do: "renew:{accountId}:{stream}:{subscriptionId}". */
    private void lifecycleJob(String action, PushSubscriptionRepository.Subscription s) {
        String id = action + ":" + s.accountId() + ":" + s.stream().id() + ":" + s.subscriptionId();
        try {
            client.scheduleIfNotExists(new TaskInstance<Void>(LIFECYCLE_TASK, id), Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("could not queue {} of subscription {}: {}", action, s.subscriptionId(), e.toString());
        }
    }

    /** Runs a lifecycle job (called by the scheduler, on any instance). */
    public void runLifecycle(String instanceId) {
        String[] parts = instanceId.split(":", 4);
        if (parts.length != 4) return;
        long accountId = Long.parseLong(parts[1]);
        Stream stream = Stream.of(parts[2]).orElse(null);
        if (stream == null) return;
        PushSubscriptionRepository.Subscription s = push.find(parts[3]).orElse(null);
        if ("renew".equals(parts[0]) && s != null && push.renew(s)) return;
        push.create(accountId, stream);
    }
}
