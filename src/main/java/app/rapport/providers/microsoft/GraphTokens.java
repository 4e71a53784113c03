package app.rapport.providers.microsoft;

import app.rapport.domain.user.Account;
import app.rapport.security.TokenCipher;
import app.rapport.store.AccountRepository;
import app.rapport.store.CredentialRepository;
import app.rapport.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for connected Microsoft accounts: sealed in the database, refreshed shortly before
 * they expire or when Graph rejects one, with the refresh token Microsoft rotates saved each time.
 * A refresh holds the credential row locked, so instances sharing a database never race on it.
 * A grant that is gone marks the account "reconnect needed" and stops every further attempt.
 */
public final class GraphTokens {
    private static final Logger LOG = LoggerFactory.getLogger(GraphTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refresh this long before expiry, so a token never dies in the middle of a page. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    private final Database db;
    private final CredentialRepository credentials;
    private final AccountRepository accounts;
    private final TokenCipher cipher;
    private final MicrosoftOAuth oauth;
    private final Clock clock;

    public GraphTokens(Database db, CredentialRepository credentials, AccountRepository accounts, TokenCipher cipher,
                       MicrosoftOAuth oauth, Clock clock) {
        this.db = db;
        this.credentials = credentials;
        this.accounts = accounts;
        this.cipher = cipher;
        this.oauth = oauth;
        this.clock = clock;
    }

    /** Stores a new grant (after the user connected or reconnected). */
    public void store(long accountId, MicrosoftOAuth.OAuthTokens tokens) {
        credentials.save(accountId, seal(accountId, tokens), tokens.expiresAt(), tokens.scopes(), clock.instant());
    }

    /** A token good for a few more minutes. */
    public String accessToken(long accountId) {
        Plain current = read(accountId);
        if (current.expiresAt().isAfter(clock.instant().plus(EARLY))) return current.accessToken();
        return refresh(accountId, current.accessToken());
    }

    /**
     * After Graph answered 401 to {@code rejected}: a newer token if another thread or instance
     * refreshed in the meantime, otherwise a freshly redeemed one.
     */
    public String afterRejection(long accountId, String rejected) {
        return refresh(accountId, rejected);
    }

    private String refresh(long accountId, String stale) {
        Refreshed outcome = db.inTransaction(c -> {
            CredentialRepository.Stored locked = credentials.lock(accountId).orElseThrow(() -> gone(accountId));
            // Another stream (or instance) may have just been refused: one refusal is enough.
            Account account = accounts.byId(accountId).orElse(null);
            if (account == null || Account.RECONNECT_NEEDED.equals(account.state())) {
                return new Refreshed(null, account == null ? "the account is gone" : account.stateDetail());
            }
            Plain current = open(locked);
            boolean newerThanStale = !current.accessToken().equals(stale);
            if (newerThanStale && current.expiresAt().isAfter(clock.instant().plus(EARLY))) {
                return new Refreshed(current.accessToken(), null);
            }
            MicrosoftOAuth.OAuthTokens fresh;
            try {
                fresh = oauth.refresh(current.refreshToken());
            } catch (OAuthException e) {
                if (e.kind() == OAuthException.Kind.GRANT_REVOKED) {
                    // Recorded with the lock still held, so the next stream to take it sees the refusal.
                    accounts.setState(accountId, Account.RECONNECT_NEEDED, "Microsoft refused the stored sign-in ("
                            + e.getMessage() + "). Reconnect the account to resume syncing.", clock.instant());
                    LOG.warn("account {} needs reconnecting: {}", accountId, e.getMessage());
                    return new Refreshed(null, e.getMessage());
                }
                throw e;
            }
            credentials.save(accountId, seal(accountId, fresh), fresh.expiresAt(), fresh.scopes(), clock.instant());
            return new Refreshed(fresh.accessToken(), null);
        });
        if (outcome.token() != null) return outcome.token();
        throw new ReconnectNeededException(accountId, outcome.refusal());
    }

    /** A token, or why the grant was refused. */
    private record Refreshed(String token, String refusal) {}

    private Plain read(long accountId) {
        return open(credentials.find(accountId).orElseThrow(() -> gone(accountId)));
    }

    private ReconnectNeededException gone(long accountId) {
        return new ReconnectNeededException(accountId, "no stored sign-in for this account");
    }

    private record Plain(String accessToken, String refreshToken, Instant expiresAt) {}

    private Plain open(CredentialRepository.Stored stored) {
        try {
            JsonNode node = JSON.readTree(cipher.open(stored.sealedTokens(), binding(stored.accountId())));
            return new Plain(node.path("access").asText(), node.path("refresh").asText(), stored.accessExpiresAt());
        } catch (IOException e) {
            throw new UncheckedIOException("a stored grant is not readable", e);
        }
    }

    private String seal(long accountId, MicrosoftOAuth.OAuthTokens tokens) {
        ObjectNode node = JSON.createObjectNode().put("access", tokens.accessToken()).put("refresh", tokens.refreshToken());
        return cipher.seal(node.toString(), binding(accountId));
    }

    private static String binding(long accountId) {
        return "account:" + accountId;
    }
}
