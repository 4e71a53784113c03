package app.rapport.store;

import java.time.Instant;
import java.util.Optional;

/** Authorisations in flight, keyed by the SHA-256 of their OAuth state. */
public final class OAuthRequestRepository {
    private final Database db;

    public OAuthRequestRepository(Database db) {
        this.db = db;
    }

    /** One authorisation the user started. */
    public record Pending(String stateHash, long userId, String sessionHash, String provider, String sealedVerifier,
                          Instant expiresAt, Instant usedAt) {}

    public void save(String stateHash, long userId, String sessionHash, String provider, String sealedVerifier,
                     Instant now, Instant expiresAt) {
        Jdbc.update(db, "INSERT INTO oauth_requests (state_hash, user_id, session_hash, provider, sealed_verifier, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", stateHash, userId, sessionHash, provider, sealedVerifier, now, expiresAt);
        Jdbc.update(db, "DELETE FROM oauth_requests WHERE expires_at < ?", now.minusSeconds(86_400));
    }

    public Optional<Pending> find(String stateHash) {
        return Jdbc.one(db, "SELECT * FROM oauth_requests WHERE state_hash = ?", rs -> new Pending(rs.getString("state_hash"),
                rs.getLong("user_id"), rs.getString("session_hash"), rs.getString("provider"), rs.getString("sealed_verifier"),
                Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "used_at")), stateHash);
    }

    /** Marks it used; false when it already was (a replayed callback). */
    public boolean use(String stateHash, Instant now) {
        return Jdbc.update(db, "UPDATE oauth_requests SET used_at = ? WHERE state_hash = ? AND used_at IS NULL", now, stateHash) == 1;
    }
}
