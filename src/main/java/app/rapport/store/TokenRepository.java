package app.rapport.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Bearer tokens: 256 random bits, shown once, stored only as a SHA-256 hash. */
public final class TokenRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public TokenRepository(Database db) {
        this.db = db;
    }

    /** Creates a token for the user and returns it in clear; it cannot be read back later. */
    public String issue(long userId, String label, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Jdbc.update(db, "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)",
                hash(token), userId, label, now);
        return token;
    }

    /** The user a live token belongs to. */
    public Optional<Long> userFor(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return Jdbc.one(db, "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                rs -> rs.getLong(1), hash(token));
    }

    public void revoke(String token, Instant now) {
        Jdbc.update(db, "UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ?", now, hash(token));
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
