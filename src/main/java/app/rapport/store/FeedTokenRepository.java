package app.rapport.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Secret tokens for the iCalendar feed URLs. Calendar apps cannot send a bearer header, so the
 * token is in the path: 256 random bits, shown once, stored as a SHA-256 hash, revocable. A user
 * has at most one live token; issuing a new one revokes the old.
 */
public final class FeedTokenRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public FeedTokenRepository(Database db) {
        this.db = db;
    }

    /** Revokes the user's live token, if any, and returns a new one in clear. */
    public String rotate(long userId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "f" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.inTransaction(c -> {
            revokeAll(userId, now);
            return Jdbc.update(db, "INSERT INTO feed_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)",
                    TokenRepository.hash(token), userId, now);
        });
        return token;
    }

    /** Revokes every live token of the user; true when one was live. */
    public boolean revokeAll(long userId, Instant now) {
        return Jdbc.update(db, "UPDATE feed_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                now, userId) > 0;
    }

    /** The user a live token belongs to. */
    public Optional<Long> userFor(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        return Jdbc.one(db, "SELECT user_id FROM feed_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                rs -> rs.getLong(1), TokenRepository.hash(token));
    }

    /** When the user's live token was created, if there is one. */
    public Optional<Instant> liveSince(long userId) {
        return Jdbc.one(db, "SELECT created_at FROM feed_tokens WHERE user_id = ? AND revoked_at IS NULL",
                rs -> Jdbc.getInstant(rs, "created_at"), userId);
    }
}
