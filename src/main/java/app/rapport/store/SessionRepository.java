package app.rapport.store;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time sign-in links and the browser sessions they open. Secrets are random 256-bit values
 * kept only as hashes; a link works once and expires.
 */
public final class SessionRepository {
    /** A live session: its user and the CSRF token its forms must echo. */
    public record Session(long userId, String csrfToken) {}

    /** A new session: the cookie value (shown once) and its CSRF token. */
    public record NewSession(String cookieValue, String csrfToken, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public SessionRepository(Database db) {
        this.db = db;
    }

    /** Creates a sign-in link code for the user, valid for {@code lifetime}. */
    public String issueSigninCode(long userId, Instant now, Duration lifetime) {
        String code = randomSecret();
        Jdbc.update(db, "INSERT INTO signin_links (code_hash, user_id, expires_at) VALUES (?, ?, ?)",
                TokenRepository.hash(code), userId, now.plus(lifetime));
        return code;
    }

    /** Uses a sign-in code: the user it was for, if it is known, unused and unexpired. Works once. */
    public Optional<Long> redeemSigninCode(String code, Instant now) {
        if (code == null || code.isBlank() || code.length() > 200) return Optional.empty();
        return db.inTransaction(c -> {
            String hash = TokenRepository.hash(code);
            Optional<Long> userId = Jdbc.one(db, "SELECT user_id FROM signin_links"
                    + " WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? FOR UPDATE", rs -> rs.getLong(1), hash, now);
            if (userId.isPresent()) Jdbc.update(db, "UPDATE signin_links SET used_at = ? WHERE code_hash = ?", now, hash);
            return userId;
        });
    }

    public NewSession openSession(long userId, Instant now, Duration lifetime) {
        String cookie = randomSecret();
        String csrf = randomSecret();
        Instant expires = now.plus(lifetime);
        Jdbc.update(db, "INSERT INTO sessions (session_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                TokenRepository.hash(cookie), userId, csrf, expires);
        return new NewSession(cookie, csrf, expires);
    }

    public Optional<Session> findSession(String cookieValue, Instant now) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 200) return Optional.empty();
        return Jdbc.one(db, "SELECT user_id, csrf_token FROM sessions WHERE session_hash = ? AND expires_at > ?",
                rs -> new Session(rs.getLong(1), rs.getString(2)), TokenRepository.hash(cookieValue), now);
    }

    public void closeSession(String cookieValue) {
        Jdbc.update(db, "DELETE FROM sessions WHERE session_hash = ?", TokenRepository.hash(cookieValue));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
