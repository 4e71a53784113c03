package app.rapport.store;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.relationship.IntentCounts;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Party;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The derived relationship of each client, kept so lists sort by urgency without recomputing. */
public final class RelationshipRepository {
    /** Orders for client lists. */
    public enum Sort {
        URGENCY("r.priority DESC, r.client_id"),
        DUE("r.due_at, r.client_id"),
        LAST_CONTACT("r.last_contact_at DESC NULLS LAST, r.client_id"),
        NAME("c.name, r.client_id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    private static final String COLUMNS = "client_id, user_id, status, status_rule, tier, cadence_days, due_at, priority,"
            + " last_contact_at, last_contact_channel, last_contact_direction, last_contact_intent, last_contact_mode,"
            + " last_contact_rule, last_inbound_at, last_outbound_at, last_two_way_at, last_meeting_at, last_non_sales_at,"
            + " awaiting_reply_from, sales_90d, service_90d, relationship_90d, social_90d, admin_90d, sales_365d,"
            + " service_365d, relationship_365d, social_365d, admin_365d, reciprocity, sales_share, explanation, computed_at";
    private static final int COLUMN_COUNT = 34;

    private final Database db;
    private final String upsertSql;

    public RelationshipRepository(Database db) {
        this.db = db;
        String marks = String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?"));
        this.upsertSql = switch (db.dialect()) {
            case H2 -> "MERGE INTO relationships (" + COLUMNS + ") KEY (client_id) VALUES (" + marks + ")";
            case POSTGRESQL -> {
                StringBuilder set = new StringBuilder();
                for (String column : COLUMNS.split(",\\s*")) {
                    if (column.equals("client_id")) continue;
                    if (set.length() > 0) set.append(", ");
                    set.append(column).append(" = EXCLUDED.").append(column);
                }
                yield "INSERT INTO relationships (" + COLUMNS + ") VALUES (" + marks + ")"
                        + " ON CONFLICT (client_id) DO UPDATE SET " + set;
            }
        };
    }

    /** Writes the relationships of one user's clients. */
    public void upsertAll(long userId, Collection<Relationship> relationships) {
        if (relationships.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
                int pending = 0;
                for (Relationship r : relationships) {
                    bind(ps, userId, r);
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

    public Optional<Relationship> find(long userId, long clientId) {
        return Jdbc.one(db, "SELECT * FROM relationships WHERE user_id = ? AND client_id = ?",
                RelationshipRepository::map, userId, clientId);
    }

    /**
     * One page of a user's relationships.
     *
     * @param status only this status, or null
     * @param tier   only this tier, or null
     */
    public List<Relationship> page(long userId, Status status, String tier, Sort sort, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT r.* FROM relationships r JOIN clients c ON c.id = r.client_id"
                + " WHERE r.user_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(userId);
        appendFilters(sql, params, status, tier);
        sql.append(" ORDER BY ").append(sort.orderBy).append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return Jdbc.list(db, sql.toString(), RelationshipRepository::map, params.toArray());
    }

    public int count(long userId, Status status, String tier) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM relationships r JOIN clients c ON c.id = r.client_id"
                + " WHERE r.user_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(userId);
        appendFilters(sql, params, status, tier);
        return Jdbc.one(db, sql.toString(), rs -> rs.getInt(1), params.toArray()).orElseThrow();
    }

    private static void appendFilters(StringBuilder sql, List<Object> params, Status status, String tier) {
        if (status != null) {
            sql.append(" AND r.status = ?");
            params.add(status.wire());
        }
        if (tier != null) {
            sql.append(" AND c.tier = ?");
            params.add(tier);
        }
    }

    private static void bind(PreparedStatement ps, long userId, Relationship r) throws SQLException {
        LastContact last = r.lastContact();
        int i = 1;
        ps.setLong(i++, r.clientId());
        ps.setLong(i++, userId);
        ps.setString(i++, r.status().wire());
        ps.setString(i++, r.statusRule());
        ps.setString(i++, r.tier());
        ps.setInt(i++, r.cadenceDays());
        Jdbc.setInstant(ps, i++, r.dueAt());
        ps.setDouble(i++, r.priority());
        Jdbc.setInstant(ps, i++, last == null ? null : last.at());
        ps.setString(i++, last == null ? null : last.channel().wire());
        ps.setString(i++, last == null ? null : last.direction().wire());
        ps.setString(i++, last == null ? null : last.intent().wire());
        ps.setString(i++, last == null ? null : last.mode().wire());
        ps.setString(i++, last == null ? null : last.rule());
        Jdbc.setInstant(ps, i++, r.lastInboundAt());
        Jdbc.setInstant(ps, i++, r.lastOutboundAt());
        Jdbc.setInstant(ps, i++, r.lastTwoWayAt());
        Jdbc.setInstant(ps, i++, r.lastMeetingAt());
        Jdbc.setInstant(ps, i++, r.lastNonSalesAt());
        ps.setString(i++, r.awaitingReplyFrom() == null ? null : r.awaitingReplyFrom().wire());
        for (IntentCounts counts : List.of(r.counts90d(), r.counts365d())) {
            ps.setInt(i++, counts.sales());
            ps.setInt(i++, counts.service());
            ps.setInt(i++, counts.relationship());
            ps.setInt(i++, counts.social());
            ps.setInt(i++, counts.admin());
        }
        ps.setDouble(i++, r.reciprocity());
        ps.setDouble(i++, r.salesShare());
        ps.setString(i++, r.explanation());
        Jdbc.setInstant(ps, i, r.computedAt());
    }

    private static Relationship map(ResultSet rs) throws SQLException {
        LastContact last = null;
        if (rs.getObject("last_contact_at") != null) {
            last = new LastContact(Jdbc.getInstant(rs, "last_contact_at"),
                    Channel.fromWire(rs.getString("last_contact_channel")),
                    Direction.fromWire(rs.getString("last_contact_direction")),
                    Intent.fromWire(rs.getString("last_contact_intent")),
                    Mode.fromWire(rs.getString("last_contact_mode")), rs.getString("last_contact_rule"));
        }
        String awaiting = rs.getString("awaiting_reply_from");
        return new Relationship(rs.getLong("client_id"), Status.fromWire(rs.getString("status")),
                rs.getString("status_rule"), rs.getString("tier"), rs.getInt("cadence_days"),
                Jdbc.getInstant(rs, "due_at"), rs.getDouble("priority"), last,
                Jdbc.getInstant(rs, "last_inbound_at"), Jdbc.getInstant(rs, "last_outbound_at"),
                Jdbc.getInstant(rs, "last_two_way_at"), Jdbc.getInstant(rs, "last_meeting_at"),
                Jdbc.getInstant(rs, "last_non_sales_at"),
                awaiting == null ? null : Party.valueOf(awaiting.toUpperCase(Locale.ROOT)),
                new IntentCounts(rs.getInt("sales_90d"), rs.getInt("service_90d"), rs.getInt("relationship_90d"),
                        rs.getInt("social_90d"), rs.getInt("admin_90d")),
                new IntentCounts(rs.getInt("sales_365d"), rs.getInt("service_365d"), rs.getInt("relationship_365d"),
                        rs.getInt("social_365d"), rs.getInt("admin_365d")),
                rs.getDouble("reciprocity"), rs.getDouble("sales_share"), rs.getString("explanation"),
                Jdbc.getInstant(rs, "computed_at"));
    }
}
