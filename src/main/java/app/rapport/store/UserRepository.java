package app.rapport.store;

import app.rapport.domain.user.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
                ps.setString(1, name);
                ps.setString(2, email);
                ps.setString(3, zone.getId());
                Jdbc.setInstant(ps, 4, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new User(keys.getLong(1), name, email, zone);
                }
            }
        });
    }

    public Optional<User> find(long id) {
        return one("SELECT * FROM users WHERE id = ?", id);
    }

    public Optional<User> findByEmail(String email) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE email = ?")) {
                ps.setString(1, email);
                return read(ps);
            }
        });
    }

    public List<User> all() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM users ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<User> users = new ArrayList<>();
                while (rs.next()) users.add(map(rs));
                return users;
            }
        });
    }

    /** Records one of the user's own addresses ("email") or domains ("domain"), already normalised. */
    public void addOwnAddress(long userId, String kind, String value) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM user_addresses WHERE user_id = ? AND kind = ? AND address = ?")) {
                ps.setLong(1, userId);
                ps.setString(2, kind);
                ps.setString(3, value);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_addresses (user_id, kind, address) VALUES (?, ?, ?)")) {
                ps.setLong(1, userId);
                ps.setString(2, kind);
                ps.setString(3, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The user's own values of one kind ("email" or "domain"). */
    public Set<String> ownAddresses(long userId, String kind) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT address FROM user_addresses WHERE user_id = ? AND kind = ?")) {
                ps.setLong(1, userId);
                ps.setString(2, kind);
                Set<String> values = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) values.add(rs.getString(1));
                }
                return values;
            }
        });
    }

    private Optional<User> one(String sql, long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                return read(ps);
            }
        });
    }

    private static Optional<User> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                ZoneId.of(rs.getString("time_zone")));
    }
}
