package app.rapport.store;

import app.rapport.domain.client.Tier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/** Each user's tiers and cadences. */
public final class TierRepository {
    private final Database db;

    public TierRepository(Database db) {
        this.db = db;
    }

    public Map<String, Tier> forUser(long userId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, cadence_days, max_gap_days FROM tiers WHERE user_id = ? ORDER BY name")) {
                ps.setLong(1, userId);
                Map<String, Tier> tiers = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) tiers.put(rs.getString(1), new Tier(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
                return tiers;
            }
        });
    }

    /** Creates or replaces one tier of the user. */
    public void save(long userId, Tier tier) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tiers WHERE user_id = ? AND name = ?")) {
                ps.setLong(1, userId);
                ps.setString(2, tier.name());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tiers (user_id, name, cadence_days, max_gap_days) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, userId);
                ps.setString(2, tier.name());
                ps.setInt(3, tier.cadenceDays());
                ps.setInt(4, tier.maxGapDays());
                return ps.executeUpdate();
            }
        });
    }
}
