package app.rapport.store;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Interactions, upserted on their natural key (account, source, external id, client): syncing or
 * importing the same message twice updates one row and never adds a second.
 */
public final class InteractionRepository {
    private static final String COLUMNS = "user_id, client_id, account_id, source, external_id, occurred_at, channel,"
            + " direction, two_way, two_way_rule, intent, intent_rule, mode, mode_rule, thread_id, subject";
    private static final String MARKS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final int BATCH = 1_000;

    private final Database db;
    private final String upsertSql;

    public InteractionRepository(Database db) {
        this.db = db;
        this.upsertSql = switch (db.dialect()) {
            case H2 -> "MERGE INTO interactions (" + COLUMNS + ") KEY (account_id, source, external_id, client_id)"
                    + " VALUES (" + MARKS + ")";
            case POSTGRESQL -> "INSERT INTO interactions (" + COLUMNS + ") VALUES (" + MARKS + ")"
                    + " ON CONFLICT (account_id, source, external_id, client_id) DO UPDATE SET"
                    + " occurred_at = EXCLUDED.occurred_at, channel = EXCLUDED.channel, direction = EXCLUDED.direction,"
                    + " two_way = EXCLUDED.two_way, two_way_rule = EXCLUDED.two_way_rule, intent = EXCLUDED.intent,"
                    + " intent_rule = EXCLUDED.intent_rule, mode = EXCLUDED.mode, mode_rule = EXCLUDED.mode_rule,"
                    + " thread_id = EXCLUDED.thread_id, subject = EXCLUDED.subject";
        };
    }

    /** Inserts or updates every interaction in one transaction (or the caller's). */
    public void upsertAll(List<Interaction> interactions) {
        if (interactions.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
                int pending = 0;
                for (Interaction i : interactions) {
                    ps.setLong(1, i.userId());
                    ps.setLong(2, i.clientId());
                    ps.setLong(3, i.accountId());
                    ps.setString(4, i.source());
                    ps.setString(5, i.externalId());
                    Jdbc.setInstant(ps, 6, i.occurredAt());
                    ps.setString(7, i.channel().wire());
                    ps.setString(8, i.direction().wire());
                    ps.setBoolean(9, i.twoWay());
                    ps.setString(10, i.twoWayRule());
                    ps.setString(11, i.intent().wire());
                    ps.setString(12, i.intentRule());
                    ps.setString(13, i.mode().wire());
                    ps.setString(14, i.modeRule());
                    ps.setString(15, i.threadId());
                    ps.setString(16, i.subject());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Deletes what one provider item gave for clients other than {@code keepClientIds} and returns
     * the clients it removed interactions of.
     */
    public Set<Long> deleteOthers(long userId, long accountId, String source, String externalId,
                                  Set<Long> keepClientIds) {
        return db.withConnection(c -> {
            Set<Long> removed = new java.util.LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id FROM interactions"
                    + " WHERE user_id = ? AND account_id = ? AND source = ? AND external_id = ?")) {
                ps.setLong(1, userId);
                ps.setLong(2, accountId);
                ps.setString(3, source);
                ps.setString(4, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) if (!keepClientIds.contains(rs.getLong(1))) removed.add(rs.getLong(1));
                }
            }
            if (removed.isEmpty()) return removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM interactions"
                    + " WHERE user_id = ? AND account_id = ? AND source = ? AND external_id = ? AND client_id = ?")) {
                for (long clientId : removed) {
                    ps.setLong(1, userId);
                    ps.setLong(2, accountId);
                    ps.setString(3, source);
                    ps.setString(4, externalId);
                    ps.setLong(5, clientId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return removed;
        });
    }

    /** Every interaction of one client, oldest first. */
    public List<Interaction> forClient(long userId, long clientId) {
        return query("WHERE user_id = ? AND client_id = ? ORDER BY occurred_at, id", userId, clientId);
    }

    /** Every interaction of the given clients, grouped by client, in no particular order. */
    public Map<Long, List<Interaction>> forClients(long userId, Collection<Long> clientIds) {
        Map<Long, List<Interaction>> byClient = new HashMap<>();
        List<Long> ids = new ArrayList<>(clientIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = userId;
            for (int i = 0; i < chunk.size(); i++) params[i + 1] = chunk.get(i);
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            for (Interaction i : query("WHERE user_id = ? AND client_id IN (" + marks + ")", params)) {
                byClient.computeIfAbsent(i.clientId(), k -> new ArrayList<>()).add(i);
            }
        }
        return byClient;
    }

    /**
     * One page of a user's interactions, newest first.
     *
     * @param clientId only this client's, or null for all
     * @param since    only those at or after this instant, or null
     */
    public List<Interaction> page(long userId, Long clientId, Instant since, int offset, int limit) {
        StringBuilder where = new StringBuilder("WHERE user_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(userId);
        if (clientId != null) {
            where.append(" AND client_id = ?");
            params.add(clientId);
        }
        if (since != null) {
            where.append(" AND occurred_at >= ?");
            params.add(since);
        }
        where.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return query(where.toString(), params.toArray());
    }

    /** The stored row for a natural key, if any (its id is needed after an upsert). */
    public Optional<Interaction> findByKey(long accountId, String source, String externalId, long clientId) {
        List<Interaction> found = query("WHERE account_id = ? AND source = ? AND external_id = ? AND client_id = ?",
                accountId, source, externalId, clientId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public long count(long userId) {
        return Jdbc.one(db, "SELECT COUNT(*) FROM interactions WHERE user_id = ?", rs -> rs.getLong(1), userId)
                .orElseThrow();
    }

    /** Every stored interaction of the given threads (for reply detection across batches). */
    public List<Interaction> inThreads(long userId, Collection<String> threadIds) {
        List<Interaction> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(threadIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = userId;
            for (int i = 0; i < chunk.size(); i++) params[i + 1] = chunk.get(i);
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            out.addAll(query("WHERE user_id = ? AND thread_id IN (" + marks + ") ORDER BY occurred_at, id", params));
        }
        return out;
    }

    private List<Interaction> query(String whereAndOrder, Object... params) {
        return Jdbc.list(db, "SELECT * FROM interactions " + whereAndOrder, InteractionRepository::map, params);
    }

    private static Interaction map(ResultSet rs) throws SQLException {
        return new Interaction(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("client_id"),
                rs.getLong("account_id"), rs.getString("source"), rs.getString("external_id"),
                Jdbc.getInstant(rs, "occurred_at"), Channel.fromWire(rs.getString("channel")),
                Direction.fromWire(rs.getString("direction")), rs.getBoolean("two_way"), rs.getString("two_way_rule"),
                Intent.fromWire(rs.getString("intent")), rs.getString("intent_rule"),
                Mode.fromWire(rs.getString("mode")), rs.getString("mode_rule"), rs.getString("thread_id"),
                rs.getString("subject"));
    }
}
