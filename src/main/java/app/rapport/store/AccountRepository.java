package app.rapport.store;

import app.rapport.domain.user.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Connected sources of a user. */
public final class AccountRepository {
    private final Database db;

    public AccountRepository(Database db) {
        this.db = db;
    }

    /** The account with this provider and label, created in {@code state} if missing. */
    public Account ensure(long userId, String provider, String label, String state, Instant now) {
        return db.inTransaction(c -> {
            Optional<Account> existing = find(userId, provider, label);
            if (existing.isPresent()) return existing.get();
            Jdbc.update(db, "INSERT INTO accounts (user_id, provider, label, state, created_at) VALUES (?, ?, ?, ?, ?)",
                    userId, provider, label, state, now);
            return find(userId, provider, label).orElseThrow();
        });
    }

    public Optional<Account> find(long userId, String provider, String label) {
        return Jdbc.one(db, "SELECT * FROM accounts WHERE user_id = ? AND provider = ? AND label = ?",
                AccountRepository::map, userId, provider, label);
    }

    public Optional<Account> find(long userId, long id) {
        return Jdbc.one(db, "SELECT * FROM accounts WHERE user_id = ? AND id = ?", AccountRepository::map, userId, id);
    }

    public List<Account> list(long userId) {
        return Jdbc.list(db, "SELECT * FROM accounts WHERE user_id = ? ORDER BY id", AccountRepository::map, userId);
    }

    public Optional<Account> byId(long id) {
        return Jdbc.one(db, "SELECT * FROM accounts WHERE id = ?", AccountRepository::map, id);
    }

    /** Every account of a provider, across users: what the sync jobs walk. */
    public List<Account> byProvider(String provider) {
        return Jdbc.list(db, "SELECT * FROM accounts WHERE provider = ? ORDER BY id", AccountRepository::map, provider);
    }

    /** Sets the state and the sentence that explains it (null when all is well). */
    public void setState(long accountId, String state, String detail, Instant now) {
        Jdbc.update(db, "UPDATE accounts SET state = ?, state_detail = ?, updated_at = ? WHERE id = ?",
                state, detail == null ? null : clip(detail, 1000), now, accountId);
    }

    public void setExternalId(long accountId, String externalId, Instant now) {
        Jdbc.update(db, "UPDATE accounts SET external_id = ?, updated_at = ? WHERE id = ?", externalId, now, accountId);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"), rs.getString("label"),
                rs.getString("state"), Jdbc.getInstant(rs, "created_at"), rs.getString("state_detail"),
                rs.getString("external_id"));
    }
}
