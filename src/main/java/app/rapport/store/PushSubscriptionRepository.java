package app.rapport.store;

import app.rapport.sync.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Change-notification subscriptions held with providers; the clientState secret only as its hash. */
public final class PushSubscriptionRepository {
    private final Database db;

    public PushSubscriptionRepository(Database db) {
        this.db = db;
    }

    /** One subscription. */
    public record Subscription(String subscriptionId, long accountId, Stream stream, String clientStateHash,
                               Instant expiresAt) {}

    public void save(Subscription s, Instant now) {
        Jdbc.update(db, "INSERT INTO push_subscriptions (subscription_id, account_id, stream, client_state_hash, expires_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)", s.subscriptionId(), s.accountId(), s.stream().id(),
                s.clientStateHash(), s.expiresAt(), now);
    }

    public Optional<Subscription> find(String subscriptionId) {
        return Jdbc.one(db, "SELECT * FROM push_subscriptions WHERE subscription_id = ?", PushSubscriptionRepository::map,
                subscriptionId);
    }

    public List<Subscription> forStream(long accountId, Stream stream) {
        return Jdbc.list(db, "SELECT * FROM push_subscriptions WHERE account_id = ? AND stream = ? ORDER BY expires_at DESC",
                PushSubscriptionRepository::map, accountId, stream.id());
    }

    public List<Subscription> forAccount(long accountId) {
        return Jdbc.list(db, "SELECT * FROM push_subscriptions WHERE account_id = ? ORDER BY stream",
                PushSubscriptionRepository::map, accountId);
    }

    /** Subscriptions that expire before {@code before}. */
    public List<Subscription> expiringBefore(Instant before) {
        return Jdbc.list(db, "SELECT * FROM push_subscriptions WHERE expires_at < ? ORDER BY expires_at",
                PushSubscriptionRepository::map, before);
    }

    public void renewed(String subscriptionId, Instant expiresAt, Instant now) {
        Jdbc.update(db, "UPDATE push_subscriptions SET expires_at = ?, renewed_at = ? WHERE subscription_id = ?",
                expiresAt, now, subscriptionId);
    }

    public void delete(String subscriptionId) {
        Jdbc.update(db, "DELETE FROM push_subscriptions WHERE subscription_id = ?", subscriptionId);
    }

    private static Subscription map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Subscription(rs.getString("subscription_id"), rs.getLong("account_id"),
                Stream.of(rs.getString("stream")).orElseThrow(), rs.getString("client_state_hash"),
                Jdbc.getInstant(rs, "expires_at"));
    }
}
