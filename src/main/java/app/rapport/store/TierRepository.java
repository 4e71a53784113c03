package app.rapport.store;

import app.rapport.domain.client.Tier;
import java.util.Map;
import java.util.TreeMap;

/** Each user's tiers and cadences. */
public final class TierRepository {
    private final Database db;

    public TierRepository(Database db) {
        this.db = db;
    }

    public Map<String, Tier> forUser(long userId) {
        Map<String, Tier> tiers = new TreeMap<>();
        for (Tier t : Jdbc.list(db, "SELECT name, cadence_days, max_gap_days FROM tiers WHERE user_id = ?",
                rs -> new Tier(rs.getString(1), rs.getInt(2), rs.getInt(3)), userId)) {
            tiers.put(t.name(), t);
        }
        return tiers;
    }

    /** Creates or replaces one tier of the user. */
    public void save(long userId, Tier tier) {
        db.inTransaction(c -> {
            Jdbc.update(db, "DELETE FROM tiers WHERE user_id = ? AND name = ?", userId, tier.name());
            return Jdbc.update(db, "INSERT INTO tiers (user_id, name, cadence_days, max_gap_days) VALUES (?, ?, ?, ?)",
                    userId, tier.name(), tier.cadenceDays(), tier.maxGapDays());
        });
    }
}
