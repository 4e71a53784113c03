package app.rapport.providers.microsoft;

import app.rapport.providers.SyncFailure;
import app.rapport.store.PushSubscriptionRepository;
import app.rapport.sync.Stream;
import com.microsoft.graph.models.Subscription;
import app.rapport.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph change notifications for an account's streams: created once a stream's backfill is done,
 * renewed a day before they expire, recreated when Graph removes them. Each carries a random
 * clientState, kept only as a hash, that every notification must echo.
 */
public final class GraphPush {
    /** Under three days: within the limit of every documented version (4,230 or 10,080 minutes). */
    static final Duration LIFETIME = Duration.ofMinutes(4_200);
    /** Renew when less than this is left. */
    public static final Duration RENEW_BEFORE = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(GraphPush.class);

    private final GraphClients clients;
    private final PushSubscriptionRepository subscriptions;
    private final String webhookUrl;
    private final Clock clock;

    public GraphPush(GraphClients clients, PushSubscriptionRepository subscriptions, String publicUrl, Clock clock) {
        this.clients = clients;
        this.subscriptions = subscriptions;
        this.webhookUrl = publicUrl + "/webhooks/microsoft";
        this.clock = clock;
    }

    /** The Graph resource a stream's notifications come from; the calendar view has none, so all events. */
    static String resource(Stream stream) {
        return switch (stream) {
            case MAIL_INBOX -> "me/mailFolders('inbox')/messages";
            case MAIL_SENT -> "me/mailFolders('sentitems')/messages";
            case CALENDAR -> "me/events";
        };
    }

    /**
     * Makes sure the stream has a live subscription: nothing, a renewal, or a new one.
     *
     * @return true when a new subscription was made: changes between the start of the round that
     *         just ran and this moment were notified to nobody, so the caller should run another round
     */
    public boolean ensure(long accountId, Stream stream) {
        Instant now = clock.instant();
        for (PushSubscriptionRepository.Subscription s : subscriptions.forStream(accountId, stream)) {
            if (s.expiresAt().isAfter(now.plus(RENEW_BEFORE))) return false;
            if (renew(s)) return false;
        }
        create(accountId, stream);
        return true;
    }

    /** Creates a subscription; Graph first checks the webhook answers its validation request. */
    public void create(long accountId, Stream stream) {
        String clientState = Digests.randomToken(32);
        Instant expires = clock.instant().plus(LIFETIME);
        Subscription body = new Subscription();
        body.setChangeType("created,updated,deleted");
        body.setNotificationUrl(webhookUrl);
        body.setLifecycleNotificationUrl(webhookUrl);
        body.setResource(resource(stream));
        body.setExpirationDateTime(OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        body.setClientState(clientState);
        Subscription created;
        try {
            created = clients.forAccount(accountId).subscriptions().post(body);
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
        Instant granted = created.getExpirationDateTime() != null ? created.getExpirationDateTime().toInstant() : expires;
        subscriptions.save(new PushSubscriptionRepository.Subscription(created.getId(), accountId, stream,
                Digests.sha256(clientState), granted), clock.instant());
        for (PushSubscriptionRepository.Subscription old : subscriptions.forStream(accountId, stream)) {
            if (!old.subscriptionId().equals(created.getId())) drop(old);
        }
        LOG.info("subscribed to {} of account {} until {}", stream.id(), accountId, granted);
    }

    /** Extends a subscription; false when Graph no longer has it (the row is then dropped). */
    public boolean renew(PushSubscriptionRepository.Subscription s) {
        Instant expires = clock.instant().plus(LIFETIME);
        Subscription patch = new Subscription();
        patch.setExpirationDateTime(OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
        try {
            Subscription renewed = clients.forAccount(s.accountId()).subscriptions().bySubscriptionId(s.subscriptionId()).patch(patch);
            Instant granted = renewed != null && renewed.getExpirationDateTime() != null ? renewed.getExpirationDateTime().toInstant() : expires;
            subscriptions.renewed(s.subscriptionId(), granted, clock.instant());
            return true;
        } catch (RuntimeException e) {
            SyncFailure f = GraphErrors.classify(e);
            if (f.kind() != SyncFailure.Kind.NOT_FOUND) throw f;
            subscriptions.delete(s.subscriptionId());
            return false;
        }
    }

    /** Renews, or recreates, every subscription close to expiry; returns how many were handled. */
    public int renewDue() {
        int handled = 0;
        for (PushSubscriptionRepository.Subscription s : subscriptions.expiringBefore(clock.instant().plus(RENEW_BEFORE))) {
            try {
                if (!renew(s)) create(s.accountId(), s.stream());
                handled++;
            } catch (SyncFailure f) {
                LOG.warn("renewing subscription {} of account {} failed: {}", s.subscriptionId(), s.accountId(), f.getMessage());
            }
        }
        return handled;
    }

    /** The stored subscription a notification names, if its clientState matches. */
    public Optional<PushSubscriptionRepository.Subscription> verify(String subscriptionId, String clientState) {
        if (subscriptionId == null || clientState == null) return Optional.empty();
        return subscriptions.find(subscriptionId).filter(s -> MessageDigest.isEqual(
                s.clientStateHash().getBytes(StandardCharsets.US_ASCII), Digests.sha256(clientState).getBytes(StandardCharsets.US_ASCII)));
    }

    public Optional<PushSubscriptionRepository.Subscription> find(String subscriptionId) {
        return subscriptions.find(subscriptionId);
    }

    private void drop(PushSubscriptionRepository.Subscription s) {
        subscriptions.delete(s.subscriptionId());
        try {
            clients.forAccount(s.accountId()).subscriptions().bySubscriptionId(s.subscriptionId()).delete();
        } catch (RuntimeException e) {
            LOG.debug("deleting replaced subscription {}: {}", s.subscriptionId(), e.toString());
        }
    }


}
