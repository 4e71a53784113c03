package app.rapport.store;

import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Cursors and health of sync streams. Only the job holding a stream's lease writes its cursor. */
public final class SyncStreamRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public SyncStreamRepository(Database db) {
        this.db = db;
    }

    /** Creates the stream in its backfill phase unless it exists. */
    public void ensure(long accountId, Stream stream, Instant windowStart, Instant now) {
        db.inTransaction(c -> {
            if (find(accountId, stream).isPresent()) return null;
            Jdbc.update(db, "INSERT INTO sync_streams (account_id, stream, phase, state, cursor_is_delta, window_start, rounds,"
                    + " restarts, items_seen, items_stored, items_removed, ignored_counts, rejected_counts, backfill_seen, attempts,"
                    + " updated_at) VALUES (?, ?, ?, ?, FALSE, ?, 0, 0, 0, 0, 0, '{}', '{}', 0, 0, ?)",
                    accountId, stream.id(), SyncStream.BACKFILL, SyncStream.IDLE, windowStart, now);
            return null;
        });
    }

    public Optional<SyncStream> find(long accountId, Stream stream) {
        return Jdbc.one(db, "SELECT * FROM sync_streams WHERE account_id = ? AND stream = ?", SyncStreamRepository::map,
                accountId, stream.id());
    }

    public List<SyncStream> forAccount(long accountId) {
        return Jdbc.list(db, "SELECT * FROM sync_streams WHERE account_id = ? ORDER BY stream", SyncStreamRepository::map, accountId);
    }

    /** Notes that a round is wanted; the running or next round sees it. */
    public void request(long accountId, Stream stream, Instant at) {
        Jdbc.update(db, "UPDATE sync_streams SET requested_at = ? WHERE account_id = ? AND stream = ?", at, accountId, stream.id());
    }

    /** Marks the round now starting from an empty cursor as full, so its end may sweep what it did not see. */
    public void beginFullRound(long accountId, Stream stream) {
        Jdbc.update(db, "UPDATE sync_streams SET full_round = TRUE WHERE account_id = ? AND stream = ?", accountId, stream.id());
    }

    /** Whether the round in progress started from an empty cursor (it survives a restart of the process). */
    public boolean isFullRound(long accountId, Stream stream) {
        return Jdbc.one(db, "SELECT full_round FROM sync_streams WHERE account_id = ? AND stream = ?", rs -> rs.getBoolean(1),
                accountId, stream.id()).orElse(false);
    }

    public void startRound(long accountId, Stream stream, Instant now) {
        Jdbc.update(db, "UPDATE sync_streams SET state = ?, round_started_at = ?, updated_at = ? WHERE account_id = ? AND stream = ?",
                SyncStream.SYNCING, now, now, accountId, stream.id());
    }

    /** What one committed page changed. */
    public record PageCounts(long seen, long stored, long removed, Map<String, Long> ignored, Map<String, Long> rejected) {}

    /** Moves the cursor past a page and adds its counts; runs inside the page's transaction. */
    public void advance(long accountId, Stream stream, String cursorUrl, boolean isDelta, PageCounts counts, Instant now) {
        db.inTransaction(c -> {
            SyncStream s = find(accountId, stream).orElseThrow();
            boolean roundDone = isDelta;
            Jdbc.update(db, "UPDATE sync_streams SET cursor_url = ?, cursor_is_delta = ?, items_seen = ?, items_stored = ?,"
                    + " items_removed = ?, ignored_counts = ?, rejected_counts = ?, backfill_seen = ?, phase = ?, rounds = ?,"
                    + " attempts = 0, full_round = CASE WHEN ? THEN FALSE ELSE full_round END, updated_at = ?"
                    + " WHERE account_id = ? AND stream = ?",
                    cursorUrl, isDelta, s.itemsSeen() + counts.seen(), s.itemsStored() + counts.stored(),
                    s.itemsRemoved() + counts.removed(), json(merge(s.ignored(), counts.ignored())),
                    json(merge(s.rejected(), counts.rejected())),
                    SyncStream.BACKFILL.equals(s.phase()) ? s.backfillSeen() + counts.seen() : s.backfillSeen(),
                    roundDone ? SyncStream.INCREMENTAL : s.phase(), roundDone ? s.rounds() + 1 : s.rounds(),
                    roundDone, now, accountId, stream.id());
            return null;
        });
    }

    /** Forgets the cursor after the provider said it expired; the next fetch starts a full round. */
    public void restart(long accountId, Stream stream, String why, Instant now) {
        Jdbc.update(db, "UPDATE sync_streams SET cursor_url = NULL, cursor_is_delta = FALSE, restarts = restarts + 1,"
                + " backfill_seen = 0, last_error = ?, last_error_at = ?, updated_at = ? WHERE account_id = ? AND stream = ?",
                clip(why), now, now, accountId, stream.id());
    }

    /** The round reached its deltaLink. */
    public void succeeded(long accountId, Stream stream, Instant now) {
        Jdbc.update(db, "UPDATE sync_streams SET state = ?, attempts = 0, last_error = NULL, last_success_at = ?, updated_at = ?"
                + " WHERE account_id = ? AND stream = ?", SyncStream.IDLE, now, now, accountId, stream.id());
    }

    /** A failed attempt; {@code state} is idle while retries remain, then error (or paused when reconnecting). */
    public int failed(long accountId, Stream stream, String state, String error, Instant now) {
        return db.inTransaction(c -> {
            Jdbc.update(db, "UPDATE sync_streams SET state = ?, attempts = attempts + 1, last_error = ?, last_error_at = ?,"
                    + " updated_at = ? WHERE account_id = ? AND stream = ?", state, clip(error), now, now, accountId, stream.id());
            return find(accountId, stream).orElseThrow().attempts();
        });
    }

    public void setState(long accountId, Stream stream, String state, Instant now) {
        Jdbc.update(db, "UPDATE sync_streams SET state = ?, updated_at = ? WHERE account_id = ? AND stream = ?",
                state, now, accountId, stream.id());
    }

    /** The calendar view a fresh round covers; only set while the cursor is empty. */
    public void setWindow(long accountId, Stream stream, Instant start, Instant end) {
        Jdbc.update(db, "UPDATE sync_streams SET window_start = ?, window_end = ? WHERE account_id = ? AND stream = ?",
                start, end, accountId, stream.id());
    }

    public void setEstimate(long accountId, Stream stream, Long estimate) {
        Jdbc.update(db, "UPDATE sync_streams SET backfill_estimate = ? WHERE account_id = ? AND stream = ?",
                estimate, accountId, stream.id());
    }

    public void completeness(long accountId, Stream stream, Long providerTotal, long storedTotal, Instant now) {
        Jdbc.update(db, "UPDATE sync_streams SET provider_total = ?, stored_total = ?, checked_at = ? WHERE account_id = ? AND stream = ?",
                providerTotal, storedTotal, now, accountId, stream.id());
    }

    /** Distinct items of the stream Rapport holds: those that became interactions and those ignored with a reason. */
    public long storedItems(long accountId, Stream stream) {
        return Jdbc.one(db, "SELECT COUNT(*) FROM (SELECT external_id FROM interactions WHERE account_id = ? AND source = ?"
                        + " UNION SELECT external_id FROM ignored_messages WHERE account_id = ? AND source = ?) t",
                rs -> rs.getLong(1), accountId, stream.id(), accountId, stream.id()).orElse(0L);
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static String clip(String s) {
        if (s == null) return null;
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    private static String json(Map<String, Long> m) {
        try {
            String s = JSON.writeValueAsString(m);
            return s.length() <= 2000 ? s : "{}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counts(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<TreeMap<String, Long>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static SyncStream map(ResultSet rs) throws SQLException {
        return new SyncStream(rs.getLong("account_id"), Stream.of(rs.getString("stream")).orElseThrow(),
                rs.getString("phase"), rs.getString("state"), rs.getString("cursor_url"), rs.getBoolean("cursor_is_delta"),
                Jdbc.getInstant(rs, "window_start"), Jdbc.getInstant(rs, "window_end"), Jdbc.getInstant(rs, "round_started_at"), Jdbc.getInstant(rs, "requested_at"),
                rs.getLong("rounds"), rs.getLong("restarts"), rs.getLong("items_seen"), rs.getLong("items_stored"),
                rs.getLong("items_removed"), counts(rs.getString("ignored_counts")), counts(rs.getString("rejected_counts")),
                rs.getLong("backfill_seen"), nullableLong(rs, "backfill_estimate"), nullableLong(rs, "provider_total"),
                nullableLong(rs, "stored_total"), Jdbc.getInstant(rs, "checked_at"), rs.getInt("attempts"),
                rs.getString("last_error"), Jdbc.getInstant(rs, "last_error_at"), Jdbc.getInstant(rs, "last_success_at"),
                Jdbc.getInstant(rs, "updated_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
