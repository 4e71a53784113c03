package app.rapport.web.dashboard;

import app.rapport.domain.client.Tier;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.planning.WorkingHours;
import app.rapport.service.SettingsService;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The Settings page: the form's values (stored, or as submitted when they had errors), an error per
 * field, and the calendar-feed and import sections. Field names follow the settings API
 * ({@code maxPerDay}, {@code durations.call}, {@code tiers.A.cadenceDays}); working hours are
 * {@code hours.monday.start}, {@code .end} and the checkbox {@code .off}.
 *
 * @param errors       messages by field name; "settings" holds one that names no field
 * @param notice       the outcome of the last action, or null
 * @param feeds        the feed section
 * @param imported     the summary of an import just made, or null
 * @param importError  why an import was refused (e.g. "line 12: ..."), or null
 */
public record SettingsPage(String timeZone, List<String> zones, List<DayRow> days, List<Field> planning,
                           List<Field> durations, List<TierRow> tiers, Map<String, String> errors, String notice,
                           Feeds feeds, String imported, String importError) {
    /** Zones offered in the time-zone field's list; any region id is accepted. */
    static final List<String> COMMON_ZONES = List.of("Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris",
            "Europe/Brussels", "Europe/Amsterdam", "Europe/Berlin", "Europe/Zurich", "Europe/Vienna", "Europe/Madrid",
            "Europe/Rome", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague",
            "Europe/Helsinki", "Europe/Athens", "Europe/Istanbul", "America/New_York", "America/Toronto",
            "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Vancouver",
            "America/Mexico_City", "America/Sao_Paulo", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata",
            "Asia/Singapore", "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Tokyo", "Australia/Perth", "Australia/Sydney",
            "Pacific/Auckland", "UTC");

    /** One weekday's row of working hours. */
    public record DayRow(String key, String label, String start, String end, boolean off, String error) {}

    /** A whole-number field with its bounds and its error, if any. */
    public record Field(String name, String label, String unit, int min, int max, String value, String error) {}

    /** A tier's cadence and longest gap. */
    public record TierRow(String name, Field cadence, Field maxGap, String error) {}

    /**
     * The feed section: {@code since} when links exist; the two URLs only right after creating them.
     */
    public record Feeds(boolean active, String since, String calendarUrl, String suggestionsUrl) {}

    public String error(String field) {
        return errors.get(field);
    }

    /** The form values of the stored settings. */
    static Map<String, String> values(SettingsService.View v) {
        Map<String, String> m = new LinkedHashMap<>();
        PlanningSettings p = v.planning();
        m.put("timeZone", v.user().timeZone().getId());
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = "hours." + key(day);
            WorkingHours.Window w = p.workingHours().on(day);
            if (w == null) {
                m.put(key + ".off", "on");
                m.put(key + ".start", "09:00");
                m.put(key + ".end", "17:30");
            } else {
                m.put(key + ".start", w.start().toString());
                m.put(key + ".end", w.end().toString());
            }
        }
        m.put("maxPerDay", "" + p.maxPerDay());
        m.put("maxPerWeek", "" + p.maxPerWeek());
        m.put("bufferMinutes", "" + p.buffer().toMinutes());
        m.put("horizonDays", "" + p.horizonDays());
        m.put("leadMinutes", "" + p.minLeadTime().toMinutes());
        p.durations().forEach((k, d) -> m.put("durations." + k.wire(), "" + d.toMinutes()));
        v.tiers().forEach((name, t) -> {
            m.put("tiers." + name + ".cadenceDays", "" + t.cadenceDays());
            m.put("tiers." + name + ".maxGapDays", "" + t.maxGapDays());
        });
        return m;
    }

    /** The page from form values (stored or submitted) and errors by field. */
    static SettingsPage build(Set<String> tierNames, Map<String, String> values, Map<String, String> errors,
                              String notice, Feeds feeds, String imported, String importError) {
        List<DayRow> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = "hours." + key(day);
            days.add(new DayRow(key, day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), values.getOrDefault(key + ".start", ""),
                    values.getOrDefault(key + ".end", ""), values.containsKey(key + ".off"), errors.get(key)));
        }
        List<Field> planning = List.of(
                field("maxPerDay", "Most suggestions a day", "", values, errors),
                field("maxPerWeek", "Most suggestions a week", "", values, errors),
                field("bufferMinutes", "Buffer around meetings", "minutes", values, errors),
                field("horizonDays", "Plan ahead", "days", values, errors),
                field("leadMinutes", "Earliest start from now", "minutes", values, errors));
        List<Field> durations = new ArrayList<>();
        for (MeetingKind k : MeetingKind.values()) {
            durations.add(field("durations." + k.wire(), k.label(), "minutes", values, errors));
        }
        List<TierRow> tiers = new ArrayList<>();
        for (String name : tierNames) {
            String base = "tiers." + name;
            tiers.add(new TierRow(name, field(base + ".cadenceDays", "Tier " + name + ": touch every", "days", values, errors),
                    field(base + ".maxGapDays", "Tier " + name + ": longest gap", "days", values, errors),
                    errors.get(base)));
        }
        return new SettingsPage(values.getOrDefault("timeZone", ""), COMMON_ZONES, days, planning, durations, tiers,
                errors, notice, feeds, imported, importError);
    }

    /** Bounds as in the settings API. */
    static int[] bounds(String name) {
        if (name.equals("maxPerDay")) return new int[] {1, 20};
        if (name.equals("maxPerWeek")) return new int[] {1, 100};
        if (name.equals("bufferMinutes")) return new int[] {0, 240};
        if (name.equals("horizonDays")) return new int[] {1, 90};
        if (name.equals("leadMinutes")) return new int[] {0, 14 * 24 * 60};
        if (name.startsWith("durations.")) return new int[] {5, 480};
        return new int[] {1, 3650};
    }

    private static Field field(String name, String label, String unit, Map<String, String> values,
                               Map<String, String> errors) {
        int[] b = bounds(name);
        return new Field(name, label, unit, b[0], b[1], values.getOrDefault(name, ""), errors.get(name));
    }

    static String key(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A submitted form read into a settings change. Every field is checked, so the page can show
     * every error at once; {@link #errors} is empty when the change may be applied.
     */
    static final class Submitted {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zone;
        WorkingHours hours;
        final Map<String, Integer> numbers = new LinkedHashMap<>();
        final Map<MeetingKind, Duration> durations = new EnumMap<>(MeetingKind.class);
        final Map<String, Tier> tiers = new LinkedHashMap<>();

        Submitted(Map<String, List<String>> form, Set<String> tierNames) {
            form.forEach((k, v) -> {
                if (!v.isEmpty() && !k.equals(Viewer.CSRF_FIELD)) values.put(k, v.get(0).strip());
            });
            String zoneId = values.getOrDefault("timeZone", "");
            if (zoneId.equals("UTC") || ZoneId.getAvailableZoneIds().contains(zoneId)) {
                zone = ZoneId.of(zoneId);
            } else {
                errors.put("timeZone", "is not a time zone; use a name such as Europe/London or America/New_York");
            }
            Map<DayOfWeek, WorkingHours.Window> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                String key = "hours." + key(day);
                if (values.containsKey(key + ".off")) continue;
                LocalTime start = time(values.get(key + ".start"));
                LocalTime end = time(values.get(key + ".end"));
                if (start == null || end == null) {
                    errors.put(key, "needs a start and an end such as 09:00 and 17:30, or tick Off");
                } else if (!end.isAfter(start)) {
                    errors.put(key, "must end after it starts");
                } else {
                    days.put(day, new WorkingHours.Window(start, end));
                }
            }
            hours = new WorkingHours(days);
            for (String name : List.of("maxPerDay", "maxPerWeek", "bufferMinutes", "horizonDays", "leadMinutes")) {
                Integer n = number(name);
                if (n != null) numbers.put(name, n);
            }
            for (MeetingKind k : MeetingKind.values()) {
                Integer n = number("durations." + k.wire());
                if (n != null) durations.put(k, Duration.ofMinutes(n));
            }
            for (String name : tierNames) {
                Integer cadence = number("tiers." + name + ".cadenceDays");
                Integer gap = number("tiers." + name + ".maxGapDays");
                if (cadence == null || gap == null) continue;
                if (gap < cadence) {
                    errors.put("tiers." + name + ".maxGapDays", "must be at least the cadence (" + cadence + " days)");
                } else {
                    tiers.put(name, new Tier(name, cadence, gap));
                }
            }
        }

        /** The change for {@link SettingsService#update}; only when there are no errors. */
        UnaryOperator<PlanningSettings> change() {
            return s -> new PlanningSettings(s.zone(), hours, numbers.get("maxPerDay"), numbers.get("maxPerWeek"),
                    Duration.ofMinutes(numbers.get("bufferMinutes")), numbers.get("horizonDays"), durations,
                    Duration.ofMinutes(numbers.get("leadMinutes")));
        }

        private Integer number(String name) {
            int[] b = bounds(name);
            String raw = values.getOrDefault(name, "");
            try {
                int n = Integer.parseInt(raw);
                if (n >= b[0] && n <= b[1]) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.put(name, "must be a whole number from " + b[0] + " to " + b[1]);
            return null;
        }

        private static LocalTime time(String raw) {
            if (raw == null || raw.isBlank()) return null;
            try {
                return LocalTime.parse(raw);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The form field a service error belongs to: the planning record names some fields differently. */
    static String formField(String serviceField) {
        return switch (serviceField) {
            case "buffer" -> "bufferMinutes";
            case "minLeadTime" -> "leadMinutes";
            default -> serviceField;
        };
    }
}
