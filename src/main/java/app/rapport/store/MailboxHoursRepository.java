package app.rapport.store;

import app.rapport.domain.planning.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Working hours read from a connected mailbox (Microsoft 365 mailboxSettings), one row per account:
 * the hours as wall-clock time in the mailbox's zone, and when they were last asked for (also when
 * asking failed, so a mailbox that refuses is not asked again on every round).
 */
public final class MailboxHoursRepository {
    private final Database db;

    public MailboxHoursRepository(Database db) {
        this.db = db;
    }

    /**
     * @param hours    null when the mailbox has none Rapport can use
     * @param zone     the zone of {@code hours}; null when the mailbox's zone name could not be read
     * @param zoneName the zone name as the provider gave it
     */
    public record Hours(long accountId, WorkingHours hours, ZoneId zone, String zoneName, Instant fetchedAt) {}

    public Optional<Hours> find(long accountId) {
        return Jdbc.one(db, "SELECT * FROM mailbox_working_hours WHERE account_id = ?", rs -> {
            String hours = rs.getString("working_hours");
            String zone = rs.getString("zone");
            return new Hours(accountId, hours == null ? null : PlanningSettingsRepository.parseHours(hours),
                    zone == null ? null : ZoneId.of(zone), rs.getString("zone_name"), Jdbc.getInstant(rs, "fetched_at"));
        }, accountId);
    }

    /** Stores what the mailbox says now. */
    public void save(Hours h) {
        String hours = h.hours() == null ? null : PlanningSettingsRepository.formatHours(h.hours());
        String zone = h.zone() == null ? null : h.zone().getId();
        String zoneName = h.zoneName() == null || h.zoneName().length() <= 200 ? h.zoneName() : h.zoneName().substring(0, 200);
        db.inTransaction(c -> {
            int updated = Jdbc.update(db, "UPDATE mailbox_working_hours SET working_hours = ?, zone = ?, zone_name = ?,"
                    + " fetched_at = ? WHERE account_id = ?", hours, zone, zoneName, h.fetchedAt(), h.accountId());
            if (updated == 0) {
                Jdbc.update(db, "INSERT INTO mailbox_working_hours (account_id, working_hours, zone, zone_name, fetched_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", h.accountId(), hours, zone, zoneName, h.fetchedAt());
            }
            return null;
        });
    }

    /** Records a failed attempt: what was read before stays. */
    public void attempted(long accountId, Instant at) {
        db.inTransaction(c -> {
            if (Jdbc.update(db, "UPDATE mailbox_working_hours SET fetched_at = ? WHERE account_id = ?", at, accountId) == 0) {
                Jdbc.update(db, "INSERT INTO mailbox_working_hours (account_id, fetched_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        accountId, at);
            }
            return null;
        });
    }
}
