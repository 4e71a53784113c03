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

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"), rs.getString("label"),
                rs.getString("state"), Jdbc.getInstant(rs, "created_at"));
    }
}
