package app.rapport.store;

import app.rapport.domain.user.Account;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO accounts (user_id, provider, label, state, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, userId);
                ps.setString(2, provider);
                ps.setString(3, label);
                ps.setString(4, state);
                Jdbc.setInstant(ps, 5, now);
                ps.executeUpdate();
            }
            return find(userId, provider, label).orElseThrow();
        });
    }

    public Optional<Account> find(long userId, String provider, String label) {
        List<Account> found = query("WHERE user_id = ? AND provider = ? AND label = ?", userId, provider, label);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public Optional<Account> find(long userId, long id) {
        List<Account> found = query("WHERE user_id = ? AND id = ?", userId, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Account> list(long userId) {
        return query("WHERE user_id = ?", userId);
    }

    private List<Account> query(String where, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM accounts " + where + " ORDER BY id")) {
                for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
                List<Account> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"), rs.getString("label"),
                rs.getString("state"), Jdbc.getInstant(rs, "created_at"));
    }
}
