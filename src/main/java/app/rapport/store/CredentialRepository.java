package app.rapport.store;

import java.time.Instant;
import java.util.Optional;

/** Sealed OAuth grants, one per account. The sealing is the caller's; this only stores text. */
public final class CredentialRepository {
    private final Database db;

    public CredentialRepository(Database db) {
        this.db = db;
    }

    /** A stored grant; {@code version} rises with every write. */
    public record Stored(long accountId, String sealedTokens, Instant accessExpiresAt, String scopes, long version) {}

    public Optional<Stored> find(long accountId) {
        return Jdbc.one(db, "SELECT * FROM account_credentials WHERE account_id = ?", CredentialRepository::map, accountId);
    }

    /**
     * The grant, with its row locked until the surrounding transaction ends, so that only one
     * instance at a time redeems a refresh token for the account.
     */
    public Optional<Stored> lock(long accountId) {
        return Jdbc.one(db, "SELECT * FROM account_credentials WHERE account_id = ? FOR UPDATE", CredentialRepository::map, accountId);
    }

    /** Inserts or replaces the grant. */
    public void save(long accountId, String sealedTokens, Instant accessExpiresAt, String scopes, Instant now) {
        db.inTransaction(c -> {
            int updated = Jdbc.update(db, "UPDATE account_credentials SET sealed_tokens = ?, access_expires_at = ?, scopes = ?,"
                    + " version = version + 1, updated_at = ? WHERE account_id = ?", sealedTokens, accessExpiresAt, scopes, now, accountId);
            if (updated == 0) {
                Jdbc.update(db, "INSERT INTO account_credentials (account_id, sealed_tokens, access_expires_at, scopes, version, updated_at)"
                        + " VALUES (?, ?, ?, ?, 1, ?)", accountId, sealedTokens, accessExpiresAt, scopes, now);
            }
            return null;
        });
    }

    /** Forgets the grant (after it was revoked), so nothing retries it. */
    public void delete(long accountId) {
        Jdbc.update(db, "DELETE FROM account_credentials WHERE account_id = ?", accountId);
    }

    private static Stored map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong("account_id"), rs.getString("sealed_tokens"), Jdbc.getInstant(rs, "access_expires_at"),
                rs.getString("scopes"), rs.getLong("version"));
    }
}
