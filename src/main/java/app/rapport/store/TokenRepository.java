package app.rapport.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, hash(token));
                ps.setLong(2, userId);
                ps.setString(3, label);
                Jdbc.setInstant(ps, 4, now);
                return ps.executeUpdate();
            }
        });
        return token;
    }

    /** The user a live token belongs to. */
    public Optional<Long> userFor(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    public void revoke(String token, Instant now) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ?")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setString(2, hash(token));
                return ps.executeUpdate();
            }
        });
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
