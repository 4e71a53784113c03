package app.rapport.store;

import app.rapport.domain.user.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Users and their own addresses and domains. */
public final class UserRepository {
    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    public User create(String name, String email, ZoneId zone, Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (name, email, time_zone, created_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.bind(ps, name, email, zone.getId(), now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new User(keys.getLong(1), name, email, zone);
                }
            }
        });
    }

    public Optional<User> find(long id) {
        return Jdbc.one(db, "SELECT * FROM users WHERE id = ?", UserRepository::map, id);
    }

    /**
     * Locks the user's row until the current transaction ends, so that transactions which derive
     * facts from a user's whole book (thread replies, relationships) take turns and each sees what
     * the one before it committed. Must run inside a transaction.
     */
    public void lock(long userId) {
        Jdbc.one(db, "SELECT id FROM users WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), userId);
    }

    public Optional<User> findByEmail(String email) {
        return Jdbc.one(db, "SELECT * FROM users WHERE email = ?", UserRepository::map, email);
    }

    /** Changes the user's own time zone. */
    public void setTimeZone(long userId, ZoneId zone) {
        Jdbc.update(db, "UPDATE users SET time_zone = ? WHERE id = ?", zone.getId(), userId);
    }

    public List<User> all() {
        return Jdbc.list(db, "SELECT * FROM users ORDER BY id", UserRepository::map);
    }

    /** Records one of the user's own addresses ("email") or domains ("domain"), already normalised. */
    public void addOwnAddress(long userId, String kind, String value) {
        db.inTransaction(c -> {
            if (!ownAddresses(userId, kind).contains(value)) {
                Jdbc.update(db, "INSERT INTO user_addresses (user_id, kind, address) VALUES (?, ?, ?)",
                        userId, kind, value);
            }
            return null;
        });
    }

    /** The user's own values of one kind ("email" or "domain"). */
    public Set<String> ownAddresses(long userId, String kind) {
        return new TreeSet<>(Jdbc.list(db, "SELECT address FROM user_addresses WHERE user_id = ? AND kind = ?",
                rs -> rs.getString(1), userId, kind));
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                ZoneId.of(rs.getString("time_zone")));
    }
}
