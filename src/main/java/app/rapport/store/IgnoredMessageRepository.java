package app.rapport.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages that were not contact (newsletter, no-reply sender, nobody known), kept by key with
 * the reason, so the counts per reason stay exact across re-syncs and re-imports.
 */
public final class IgnoredMessageRepository {
    /** One ignored message. */
    public record Ignored(long accountId, String source, String externalId, String reason) {}

    private final Database db;
    private final String upsertSql;

    public IgnoredMessageRepository(Database db) {
        this.db = db;
        this.upsertSql = switch (db.dialect()) {
            case H2 -> "MERGE INTO ignored_messages (account_id, source, external_id, reason)"
                    + " KEY (account_id, source, external_id) VALUES (?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO ignored_messages (account_id, source, external_id, reason)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (account_id, source, external_id)"
                    + " DO UPDATE SET reason = EXCLUDED.reason";
        };
    }

    public void upsertAll(Iterable<Ignored> ignored) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
                int pending = 0;
                for (Ignored i : ignored) {
                    ps.setLong(1, i.accountId());
                    ps.setString(2, i.source());
                    ps.setString(3, i.externalId());
                    ps.setString(4, i.reason());
                    ps.addBatch();
                    if (++pending == 1_000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) ps.executeBatch();
            }
            return null;
        });
    }

    /** Number of ignored messages per reason over all of the account's streams. */
    public Map<String, Long> countsByReason(long accountId) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Long> e : Jdbc.list(db,
                "SELECT reason, COUNT(*) FROM ignored_messages WHERE account_id = ? GROUP BY reason",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), accountId)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
