package app.rapport.store;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.IdentityKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Clients and their identities. Every read is scoped by user: another user's id is simply not found. */
public final class ClientRepository {
    private final Database db;

    public ClientRepository(Database db) {
        this.db = db;
    }

    /** Inserts the client with its identities; an identity owned by another client is a {@link DuplicateKeyException}. */
    public Client create(Client client, Instant now) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO clients (user_id, name, kind, tier, cadence_override_days, time_zone, snoozed_until,"
                            + " notes, preferred_kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bindColumns(ps, client);
                Jdbc.setInstant(ps, 10, now);
                Jdbc.setInstant(ps, 11, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertIdentities(c, client.userId(), id, client.identities());
            return client.withId(id);
        });
    }

    /** Replaces the client's fields and identities. */
    public Client update(Client client, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE clients SET user_id = ?, name = ?, kind = ?, tier = ?, cadence_override_days = ?,"
                            + " time_zone = ?, snoozed_until = ?, notes = ?, preferred_kind = ?, updated_at = ? WHERE id = ? AND user_id = ?")) {
                bindColumns(ps, client);
                Jdbc.setInstant(ps, 10, now);
                ps.setLong(11, client.id());
                ps.setLong(12, client.userId());
                if (ps.executeUpdate() != 1) throw new SQLException("client " + client.id() + " not found");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM client_identities WHERE client_id = ?")) {
                ps.setLong(1, client.id());
                ps.executeUpdate();
            }
            insertIdentities(c, client.userId(), client.id(), client.identities());
            return client;
        });
    }

    public Optional<Client> find(long userId, long id) {
        List<Client> found = query("WHERE c.user_id = ? AND c.id = ?", userId, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** All of a user's clients with identities, ordered by id. */
    public List<Client> all(long userId) {
        return query("WHERE c.user_id = ?", userId);
    }

    /** The ids of all of a user's clients, ascending. */
    public List<Long> ids(long userId) {
        return Jdbc.list(db, "SELECT id FROM clients WHERE user_id = ? ORDER BY id", rs -> rs.getLong(1), userId);
    }

    /** The given clients of one user, in the order of {@code ids}; unknown ids are left out. */
    public List<Client> findAll(long userId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, Client> byId = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = userId;
            for (int i = 0; i < chunk.size(); i++) params[i + 1] = chunk.get(i);
            for (Client client : query("WHERE c.user_id = ? AND c.id IN (" + marks + ")", params)) {
                byId.put(client.id(), client);
            }
        }
        List<Client> ordered = new ArrayList<>();
        for (Long id : ids) if (byId.containsKey(id)) ordered.add(byId.get(id));
        return ordered;
    }

    public int count(long userId) {
        return Jdbc.one(db, "SELECT COUNT(*) FROM clients WHERE user_id = ?", rs -> rs.getInt(1), userId).orElseThrow();
    }

    /** The client that already owns this identity, if any. */
    public Optional<Long> ownerOf(long userId, Identity identity) {
        return Jdbc.one(db, "SELECT client_id FROM client_identities WHERE user_id = ? AND kind = ? AND address = ?",
                rs -> rs.getLong(1), userId, identity.kind().name().toLowerCase(Locale.ROOT), identity.value());
    }

    private List<Client> query(String where, Object... params) {
        return db.withConnection(c -> {
            Map<Long, Client> clients = new LinkedHashMap<>();
            Map<Long, List<Identity>> identities = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.* FROM clients c " + where + " ORDER BY c.id")) {
                Jdbc.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Client client = map(rs);
                        clients.put(client.id(), client);
                    }
                }
            }
            if (clients.isEmpty()) return List.of();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT i.client_id, i.kind, i.address FROM client_identities i JOIN clients c ON c.id = i.client_id "
                            + where + " ORDER BY i.client_id, i.kind, i.address")) {
                Jdbc.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        identities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Identity(IdentityKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                                        rs.getString(3)));
                    }
                }
            }
            List<Client> out = new ArrayList<>(clients.size());
            for (Client client : clients.values()) {
                out.add(new Client(client.id(), client.userId(), client.name(), client.kind(), client.tier(),
                        client.cadenceOverrideDays(), client.timeZone(), client.snoozedUntil(), client.notes(),
                        identities.getOrDefault(client.id(), List.of()), client.preferredKind()));
            }
            return out;
        });
    }

    private static void bindColumns(PreparedStatement ps, Client client) throws SQLException {
        ps.setLong(1, client.userId());
        ps.setString(2, client.name());
        ps.setString(3, client.kind().name().toLowerCase(Locale.ROOT));
        ps.setString(4, client.tier());
        Jdbc.setInteger(ps, 5, client.cadenceOverrideDays());
        ps.setString(6, client.timeZone().getId());
        Jdbc.setInstant(ps, 7, client.snoozedUntil());
        ps.setString(8, client.notes());
        ps.setString(9, client.preferredKind());
    }

    private static void insertIdentities(Connection c, long userId, long clientId, List<Identity> identities)
            throws SQLException {
        if (identities.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO client_identities (client_id, user_id, kind, address) VALUES (?, ?, ?, ?)")) {
            for (Identity identity : identities) {
                ps.setLong(1, clientId);
                ps.setLong(2, userId);
                ps.setString(3, identity.kind().name().toLowerCase(Locale.ROOT));
                ps.setString(4, identity.value());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException first = e.getNextException() != null ? e.getNextException() : e;
            if (DuplicateKeyException.isDuplicateKey(e) || DuplicateKeyException.isDuplicateKey(first)) {
                throw new DuplicateKeyException("an identity of this client already belongs to another client", e);
            }
            throw e;
        }
    }

    private static Client map(ResultSet rs) throws SQLException {
        return new Client(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                ClientKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("tier"),
                Jdbc.getInteger(rs, "cadence_override_days"), ZoneId.of(rs.getString("time_zone")),
                Jdbc.getInstant(rs, "snoozed_until"), rs.getString("notes"), List.of(), rs.getString("preferred_kind"));
    }
}
