package app.rapport.store;

import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.suggestion.InvitationState;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Suggestions. State changes are compare-and-set ({@code WHERE state IN (...)}), so when two
 * requests or two instances race, exactly one wins and the other sees the outcome.
 */
public final class SuggestionRepository {
    private final Database db;

    public SuggestionRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts a new open suggestion. A client that already has an open one is a
     * {@link DuplicateKeyException} (one open suggestion per client, enforced by the database).
     */
    public Suggestion create(Suggestion s) {
        if (!s.state().open()) throw new IllegalArgumentException("a new suggestion must be open");
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO suggestions (user_id, client_id, open_client_id,"
                    + " state, state_rule, kind, kind_rule, starts_at, ends_at, reason, hold_ref, snooze_days,"
                    + " invitation_state, invitation_detail, created_at, updated_at, decided_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.bind(ps, s.userId(), s.clientId(), s.clientId(), s.state().wire(), s.stateRule(), s.kind().wire(),
                        s.kindRule(), s.start(), s.end(), truncate(s.reason(), 2000), s.holdRef(), s.snoozeDays(),
                        s.invitationState().wire(), s.invitationDetail(), s.createdAt(), s.updatedAt(), s.decidedAt());
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (DuplicateKeyException.isDuplicateKey(e)) {
                        throw new DuplicateKeyException("client " + s.clientId() + " already has an open suggestion", e);
                    }
                    throw e;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return find(s.userId(), keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    public Optional<Suggestion> find(long userId, long id) {
        return Jdbc.one(db, "SELECT * FROM suggestions WHERE user_id = ? AND id = ?", SuggestionRepository::map, userId, id);
    }

    /** Reads the row and locks it until the transaction ends (serialises accept and dismiss). */
    public Optional<Suggestion> lock(long userId, long id) {
        return Jdbc.one(db, "SELECT * FROM suggestions WHERE user_id = ? AND id = ? FOR UPDATE", SuggestionRepository::map,
                userId, id);
    }

    /** The user's suggestions in the given states (all when empty), by slot start. */
    public List<Suggestion> list(long userId, List<SuggestionState> states) {
        if (states.isEmpty()) {
            return Jdbc.list(db, "SELECT * FROM suggestions WHERE user_id = ? ORDER BY starts_at, id",
                    SuggestionRepository::map, userId);
        }
        String in = states.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
        return Jdbc.list(db, "SELECT * FROM suggestions WHERE user_id = ? AND state IN (" + in + ") ORDER BY starts_at, id",
                SuggestionRepository::map, userId);
    }

    /** Open suggestions of every user, for the scheduled reconcile. */
    public List<Long> usersWithOpenSuggestions() {
        return Jdbc.list(db, "SELECT DISTINCT user_id FROM suggestions WHERE open_client_id IS NOT NULL ORDER BY user_id",
                rs -> rs.getLong(1));
    }

    /** Ids of clients with an open suggestion. */
    public List<Long> clientsWithOpenSuggestion(long userId) {
        return Jdbc.list(db, "SELECT client_id FROM suggestions WHERE user_id = ? AND open_client_id IS NOT NULL",
                rs -> rs.getLong(1), userId);
    }

    /**
     * Moves the suggestion to {@code target} if it is still in one of {@code from}; false when
     * another request changed it first. Leaving the open states frees the client for a new one.
     */
    public boolean transition(long userId, long id, List<SuggestionState> from, SuggestionState target, String rule,
                              Instant now) {
        String in = from.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
        return Jdbc.update(db, "UPDATE suggestions SET state = ?, state_rule = ?, updated_at = ?,"
                        + " open_client_id = " + (target.open() ? "client_id" : "NULL") + ","
                        + " decided_at = " + (target.open() ? "decided_at" : "?")
                        + " WHERE user_id = ? AND id = ? AND state IN (" + in + ")",
                target.open() ? new Object[] {target.wire(), rule, now, userId, id}
                        : new Object[] {target.wire(), rule, now, now, userId, id}) == 1;
    }

    public void setHold(long userId, long id, String holdRef, Instant now) {
        Jdbc.update(db, "UPDATE suggestions SET hold_ref = ?, updated_at = ? WHERE user_id = ? AND id = ?",
                holdRef, now, userId, id);
    }

    public void setSlot(long userId, long id, Instant start, Instant end, String rule, Instant now) {
        Jdbc.update(db, "UPDATE suggestions SET starts_at = ?, ends_at = ?, state_rule = ?, updated_at = ?"
                + " WHERE user_id = ? AND id = ?", start, end, rule, now, userId, id);
    }

    public void setSnoozeDays(long userId, long id, int days) {
        Jdbc.update(db, "UPDATE suggestions SET snooze_days = ? WHERE user_id = ? AND id = ?", days, userId, id);
    }

    /**
     * Sets the invitation state if it is still one of {@code from}; false when another request
     * claimed it first (so only one of them sends).
     */
    public boolean invitation(long userId, long id, List<InvitationState> from, InvitationState target, String detail,
                              Instant now) {
        String in = from.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
        return Jdbc.update(db, "UPDATE suggestions SET invitation_state = ?, invitation_detail = ?, updated_at = ?"
                        + " WHERE user_id = ? AND id = ? AND invitation_state IN (" + in + ")",
                target.wire(), truncate(detail, 1000), now, userId, id) == 1;
    }

    /** A suggestion of some user, by id pair. */
    public record Key(long userId, long id) {}

    /** Suggestions of every user whose invitation is in {@code state}, last changed before {@code before}. */
    public List<Key> withInvitation(InvitationState state, Instant before) {
        return Jdbc.list(db, "SELECT user_id, id FROM suggestions WHERE invitation_state = ? AND updated_at <= ? ORDER BY id",
                rs -> new Key(rs.getLong(1), rs.getLong(2)), state.wire(), before);
    }

    public int count(long userId, SuggestionState state) {
        return Jdbc.one(db, "SELECT COUNT(*) FROM suggestions WHERE user_id = ? AND state = ?", rs -> rs.getInt(1),
                userId, state.wire()).orElseThrow();
    }

    private static Suggestion map(ResultSet rs) throws SQLException {
        return new Suggestion(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("client_id"),
                SuggestionState.fromWire(rs.getString("state")), rs.getString("state_rule"),
                MeetingKind.fromWire(rs.getString("kind")), rs.getString("kind_rule"), Jdbc.getInstant(rs, "starts_at"),
                Jdbc.getInstant(rs, "ends_at"), rs.getString("reason"), rs.getString("hold_ref"),
                Jdbc.getInteger(rs, "snooze_days"), InvitationState.fromWire(rs.getString("invitation_state")),
                rs.getString("invitation_detail"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getInstant(rs, "decided_at"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
