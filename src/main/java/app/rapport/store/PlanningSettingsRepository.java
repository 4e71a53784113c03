package app.rapport.store;

import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.planning.WorkingHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user's planning settings: one row, absent until the user changes something. Working hours are
 * stored as "mon=09:00-17:30,tue=..." and durations as "call=30,coffee=45,..." (minutes).
 */
public final class PlanningSettingsRepository {
    private final Database db;

    public PlanningSettingsRepository(Database db) {
        this.db = db;
    }

    /** The stored settings in the given zone (the zone lives on the user), or empty for the defaults. */
    public Optional<PlanningSettings> find(long userId, ZoneId zone) {
        return findStored(userId, zone).map(Stored::settings);
    }

    /**
     * Stored settings and whether the user chose the working hours themselves; hours they never
     * changed give way to the ones their connected mailbox keeps.
     */
    public record Stored(PlanningSettings settings, boolean hoursExplicit) {}

    public Optional<Stored> findStored(long userId, ZoneId zone) {
        return Jdbc.one(db, "SELECT * FROM planning_settings WHERE user_id = ?",
                rs -> new Stored(map(rs, zone), rs.getBoolean("working_hours_explicit")), userId);
    }

    /** Saves settings whose working hours the user set themselves. */
    public void save(long userId, PlanningSettings s, Instant now) {
        save(userId, s, true, now);
    }

    public void save(long userId, PlanningSettings s, boolean hoursExplicit, Instant now) {
        db.inTransaction(c -> {
            Jdbc.update(db, "DELETE FROM planning_settings WHERE user_id = ?", userId);
            return Jdbc.update(db, "INSERT INTO planning_settings (user_id, working_hours, max_per_day, max_per_week,"
                            + " buffer_minutes, horizon_days, lead_minutes, durations, updated_at, working_hours_explicit)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", userId, formatHours(s.workingHours()), s.maxPerDay(),
                    s.maxPerWeek(), (int) s.buffer().toMinutes(), s.horizonDays(), (int) s.minLeadTime().toMinutes(),
                    formatDurations(s.durations()), now, hoursExplicit);
        });
    }

    private static PlanningSettings map(ResultSet rs, ZoneId zone) throws SQLException {
        return new PlanningSettings(zone, parseHours(rs.getString("working_hours")), rs.getInt("max_per_day"),
                rs.getInt("max_per_week"), Duration.ofMinutes(rs.getInt("buffer_minutes")), rs.getInt("horizon_days"),
                parseDurations(rs.getString("durations")), Duration.ofMinutes(rs.getInt("lead_minutes")));
    }

    static String formatHours(WorkingHours hours) {
        List<String> parts = new ArrayList<>();
        hours.days().forEach((day, w) -> parts.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT) + "="
                + w.start() + "-" + w.end()));
        return String.join(",", parts);
    }

    static WorkingHours parseHours(String text) {
        Map<DayOfWeek, WorkingHours.Window> days = new EnumMap<>(DayOfWeek.class);
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                String[] dayAndTimes = part.split("=");
                String[] times = dayAndTimes[1].split("-");
                days.put(day(dayAndTimes[0]), new WorkingHours.Window(LocalTime.parse(times[0]), LocalTime.parse(times[1])));
            }
        }
        return new WorkingHours(days);
    }

    static String formatDurations(Map<MeetingKind, Duration> durations) {
        List<String> parts = new ArrayList<>();
        durations.forEach((kind, d) -> parts.add(kind.wire() + "=" + d.toMinutes()));
        return String.join(",", parts);
    }

    static Map<MeetingKind, Duration> parseDurations(String text) {
        Map<MeetingKind, Duration> out = new EnumMap<>(MeetingKind.class);
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                String[] kv = part.split("=");
                out.put(MeetingKind.fromWire(kv[0]), Duration.ofMinutes(Long.parseLong(kv[1])));
            }
        }
        return out;
    }

    private static DayOfWeek day(String prefix) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(prefix)) return d;
        }
        throw new IllegalArgumentException("unknown day " + prefix);
    }
}
