package app.rapport.store;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The local calendar: imported events, holds and accepted meetings. Entries are grouped by source
 * ("demo", "import:&lt;file name&gt;", "rapport" for holds and meetings) so a re-import replaces
 * exactly what the same file gave before.
 */
public final class CalendarRepository {
    /** The source of holds and meetings Rapport writes itself. */
    public static final String RAPPORT_SOURCE = "rapport";

    private static final String COLUMNS = "user_id, source, uid, instance_key, summary, location, starts_at, ends_at,"
            + " zone, all_day, show_as, kind, rrule, exdates, rdates, cancelled, suggestion_id, attendees, updated_at";

    private final Database db;

    public CalendarRepository(Database db) {
        this.db = db;
    }

    /** Inserts one entry and returns it with its id. */
    public CalendarEntry insert(long userId, String source, CalendarEntry entry, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO calendar_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bindEntry(ps, userId, source, entry, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return entry.withId(keys.getLong(1));
                }
            }
        });
    }

    /**
     * Replaces everything a source gave before with {@code entries}, in one transaction: a failed
     * import leaves the previous state untouched.
     *
     * @return how many entries the source held before
     */
    public int replaceSource(long userId, String source, List<CalendarEntry> entries, Instant now) {
        return db.inTransaction(c -> {
            int removed = Jdbc.update(db, "DELETE FROM calendar_entries WHERE user_id = ? AND source = ?", userId, source);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO calendar_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (CalendarEntry entry : entries) {
                    bindEntry(ps, userId, source, entry, now);
                    ps.addBatch();
                    if (++batched % 500 == 0) ps.executeBatch();
                }
                ps.executeBatch();
            }
            return removed;
        });
    }

    /**
     * Entries that may have an instance overlapping [from, to): single events that overlap, every
     * recurring master, and every override (the caller expands and filters).
     */
    public List<CalendarEntry> inWindow(long userId, Instant from, Instant to) {
        return Jdbc.list(db, "SELECT * FROM calendar_entries WHERE user_id = ? AND ("
                        + " (starts_at < ? AND ends_at > ?) OR rrule IS NOT NULL OR rdates IS NOT NULL"
                        + " OR uid IN (SELECT uid FROM calendar_entries WHERE user_id = ? AND (rrule IS NOT NULL OR rdates IS NOT NULL)))"
                        + " ORDER BY starts_at, id",
                CalendarRepository::map, userId, to, from, userId);
    }

    /** Every entry of the user, for the calendar feed. */
    public List<CalendarEntry> all(long userId) {
        return Jdbc.list(db, "SELECT * FROM calendar_entries WHERE user_id = ? ORDER BY starts_at, id",
                CalendarRepository::map, userId);
    }

    public Optional<CalendarEntry> find(long userId, long id) {
        return Jdbc.one(db, "SELECT * FROM calendar_entries WHERE user_id = ? AND id = ?", CalendarRepository::map,
                userId, id);
    }

    /** Holds and meetings Rapport wrote, for the given suggestions' ids. */
    public List<CalendarEntry> forSuggestion(long userId, long suggestionId) {
        return Jdbc.list(db, "SELECT * FROM calendar_entries WHERE user_id = ? AND suggestion_id = ? ORDER BY id",
                CalendarRepository::map, userId, suggestionId);
    }

    /** Moves a single (non-recurring) entry; false when it does not exist. */
    public boolean move(long userId, long id, Instant start, Instant end, Instant now) {
        return Jdbc.update(db, "UPDATE calendar_entries SET starts_at = ?, ends_at = ?, updated_at = ?"
                + " WHERE user_id = ? AND id = ?", start, end, now, userId, id) == 1;
    }

    /** Turns a hold into a busy meeting with attendees. */
    public boolean convertToMeeting(long userId, long id, String summary, List<String> attendees, Instant now) {
        return Jdbc.update(db, "UPDATE calendar_entries SET kind = ?, show_as = ?, summary = ?, attendees = ?, updated_at = ?"
                        + " WHERE user_id = ? AND id = ?", EntryKind.MEETING.wire(), ShowAs.BUSY.wire(), summary,
                String.join(",", attendees), now, userId, id) == 1;
    }

    public boolean delete(long userId, long id) {
        return Jdbc.update(db, "DELETE FROM calendar_entries WHERE user_id = ? AND id = ?", userId, id) == 1;
    }

    /** Sources of the user's imported files with how many entries each holds. */
    public List<SourceCount> sources(long userId) {
        return Jdbc.list(db, "SELECT source, COUNT(*) FROM calendar_entries WHERE user_id = ? GROUP BY source ORDER BY source",
                rs -> new SourceCount(rs.getString(1), rs.getInt(2)), userId);
    }

    public int count(long userId) {
        return Jdbc.one(db, "SELECT COUNT(*) FROM calendar_entries WHERE user_id = ?", rs -> rs.getInt(1), userId)
                .orElseThrow();
    }

    public record SourceCount(String source, int entries) {}

    /** The source of events mirrored from a connected account's calendar. */
    public static String accountSource(long accountId) {
        return "account:" + accountId;
    }

    /** True for the source of a mirrored provider calendar. */
    public static boolean isAccountSource(String source) {
        return source != null && source.startsWith("account:");
    }

    /**
     * Inserts or updates events mirrored from a provider calendar, keyed by the provider's event id
     * (the uid). What Rapport knows and the provider does not say (that an event is one of its holds,
     * and for which suggestion) is kept on update.
     */
    public void upsertMirrored(long userId, String source, long round, List<CalendarEntry> entries,
                               java.util.Map<String, String> declinedByUid, Instant now) {
        if (entries.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE calendar_entries SET summary = ?, location = ?, starts_at = ?,"
                    + " ends_at = ?, all_day = ?, show_as = ?, cancelled = ?, attendees = ?, sync_round = ?, updated_at = ?,"
                    + " declined_by = ?"
                    + " WHERE user_id = ? AND source = ? AND uid = ? AND instance_key = ''");
                 PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO calendar_entries (" + COLUMNS + ", sync_round, declined_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (CalendarEntry e : entries) {
                    update.setString(1, truncate(e.summary(), 1000));
                    update.setString(2, truncate(e.location(), 1000));
                    Jdbc.setInstant(update, 3, e.start());
                    Jdbc.setInstant(update, 4, e.end());
                    update.setBoolean(5, e.allDay());
                    update.setString(6, e.showAs().wire());
                    update.setBoolean(7, e.cancelled());
                    update.setString(8, e.attendees().isEmpty() ? null : truncate(String.join(",", e.attendees()), 4000));
                    update.setLong(9, round);
                    Jdbc.setInstant(update, 10, now);
                    String declined = truncate(declinedByUid.get(e.uid()), 1000);
                    update.setString(11, declined);
                    update.setLong(12, userId);
                    update.setString(13, source);
                    update.setString(14, e.uid());
                    if (update.executeUpdate() == 0) {
                        bindEntry(insert, userId, source, e, now);
                        insert.setLong(20, round);
                        insert.setString(21, declined);
                        // A hold Rapport is recording at this moment (upsertHold) may have taken the key: the
                        // insert then waits for it and does nothing, and the update applies the provider's view.
                        if (insert.executeUpdate() == 0) update.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Removes mirrored events by provider id. */
    public int deleteMirrored(long userId, String source, List<String> uids) {
        int removed = 0;
        for (String uid : uids) {
            removed += Jdbc.update(db, "DELETE FROM calendar_entries WHERE user_id = ? AND source = ? AND uid = ?", userId, source, uid);
        }
        return removed;
    }

    /**
     * Removes mirrored events a full round did not see. Rows Rapport wrote itself and no round has
     * seen yet (sync_round null) stay: a hold created during the round may postdate its snapshot.
     */
    public int sweepMirrored(long userId, String source, long round) {
        return Jdbc.update(db, "DELETE FROM calendar_entries WHERE user_id = ? AND source = ? AND sync_round < ?",
                userId, source, round);
    }

    /**
     * Records a hold Rapport placed on a provider calendar, whether or not a delta has mirrored it yet.
     * The calendar delta may be inserting the same event at the same moment (the provider notifies
     * as soon as the event exists): the insert then waits for it and does nothing, and the update
     * marks the mirrored row as the hold. Either order ends in one row.
     */
    public void upsertHold(long userId, String source, CalendarEntry hold, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calendar_entries (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                bindEntry(ps, userId, source, hold, now);
                if (ps.executeUpdate() == 1) return null;
            }
            Jdbc.update(db, "UPDATE calendar_entries SET kind = ?, suggestion_id = ?, updated_at = ?"
                            + " WHERE user_id = ? AND source = ? AND uid = ? AND instance_key = ''",
                    hold.kind().wire(), hold.suggestionId(), now, userId, source, hold.uid());
            return null;
        });
    }

    /** A meeting of a suggestion on a provider calendar that an attendee declined. */
    public record Declined(long suggestionId, String declinedBy) {}

    public List<Declined> declinedSuggestionMeetings(long userId, String source) {
        return Jdbc.list(db, "SELECT suggestion_id, declined_by FROM calendar_entries WHERE user_id = ? AND source = ?"
                        + " AND suggestion_id IS NOT NULL AND declined_by IS NOT NULL",
                rs -> new Declined(rs.getLong(1), rs.getString(2)), userId, source);
    }

    /** The source an entry belongs to. */
    public Optional<String> sourceOf(long id) {
        return Jdbc.one(db, "SELECT source FROM calendar_entries WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** A mirrored event by its provider id. */
    public Optional<CalendarEntry> findMirrored(long userId, String source, String uid) {
        return Jdbc.one(db, "SELECT * FROM calendar_entries WHERE user_id = ? AND source = ? AND uid = ? AND instance_key = ''",
                CalendarRepository::map, userId, source, uid);
    }

    private static void bindEntry(PreparedStatement ps, long userId, String source, CalendarEntry e, Instant now)
            throws SQLException {
        ps.setLong(1, userId);
        ps.setString(2, source);
        ps.setString(3, e.uid());
        ps.setString(4, e.recurrenceId() == null ? "" : e.recurrenceId().toString());
        ps.setString(5, truncate(e.summary(), 1000));
        ps.setString(6, truncate(e.location(), 1000));
        Jdbc.setInstant(ps, 7, e.start());
        Jdbc.setInstant(ps, 8, e.end());
        ps.setString(9, e.zone().getId());
        ps.setBoolean(10, e.allDay());
        ps.setString(11, e.showAs().wire());
        ps.setString(12, e.kind().wire());
        ps.setString(13, e.rrule());
        ps.setString(14, instants(e.exdates()));
        ps.setString(15, instants(e.rdates()));
        ps.setBoolean(16, e.cancelled());
        if (e.suggestionId() == null) ps.setNull(17, java.sql.Types.BIGINT);
        else ps.setLong(17, e.suggestionId());
        ps.setString(18, e.attendees().isEmpty() ? null : String.join(",", e.attendees()));
        Jdbc.setInstant(ps, 19, now);
    }

    private static CalendarEntry map(ResultSet rs) throws SQLException {
        String instanceKey = rs.getString("instance_key");
        long suggestionId = rs.getLong("suggestion_id");
        boolean noSuggestion = rs.wasNull();
        String attendees = rs.getString("attendees");
        return new CalendarEntry(rs.getLong("id"), rs.getString("uid"),
                instanceKey.isEmpty() ? null : Instant.parse(instanceKey), rs.getString("summary"),
                rs.getString("location"), Jdbc.getInstant(rs, "starts_at"), Jdbc.getInstant(rs, "ends_at"),
                ZoneId.of(rs.getString("zone")), rs.getBoolean("all_day"), ShowAs.fromWire(rs.getString("show_as")),
                EntryKind.fromWire(rs.getString("kind")), rs.getString("rrule"), parseInstants(rs.getString("exdates")),
                parseInstants(rs.getString("rdates")), rs.getBoolean("cancelled"), noSuggestion ? null : suggestionId,
                attendees == null || attendees.isEmpty() ? List.of() : Arrays.asList(attendees.split(",")));
    }

    private static String instants(List<Instant> values) {
        return values.isEmpty() ? null : values.stream().map(Instant::toString).collect(Collectors.joining(","));
    }

    private static List<Instant> parseInstants(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.stream(text.split(",")).map(Instant::parse).toList();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
