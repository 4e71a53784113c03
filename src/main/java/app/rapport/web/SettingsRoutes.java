package app.rapport.web;

import app.rapport.domain.client.Tier;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.planning.WorkingHours;
import app.rapport.domain.user.User;
import app.rapport.service.SettingsService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** /api/v1/settings: the user's time zone, planning settings and tiers. PATCH changes any subset. */
final class SettingsRoutes {
    private static final Set<String> FIELDS = Set.of("timeZone", "workingHours", "maxPerDay", "maxPerWeek",
            "bufferMinutes", "horizonDays", "leadMinutes", "durations", "tiers");

    private final SettingsService settings;
    private final ObjectMapper mapper;

    SettingsRoutes(Services s, ObjectMapper mapper) {
        this.settings = s.settings();
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/settings", ctx -> ctx.json(view(settings.view(Auth.user(ctx).id()))));
        routes.patch("/api/v1/settings", this::patch);
    }

    private void patch(Context ctx) {
        User user = Auth.user(ctx);
        RequestBody body = RequestBody.parse(mapper, ctx.bodyAsBytes(), FIELDS);
        ZoneId zone = body.zone("timeZone");
        WorkingHours hours = body.has("workingHours") ? workingHours(body.node("workingHours")) : null;
        Integer perDay = body.integer("maxPerDay", 1, 20);
        Integer perWeek = body.integer("maxPerWeek", 1, 100);
        Integer buffer = body.integer("bufferMinutes", 0, 240);
        Integer horizon = body.integer("horizonDays", 1, 90);
        Integer lead = body.integer("leadMinutes", 0, 14 * 24 * 60);
        Map<MeetingKind, Duration> durations = body.has("durations") ? durations(body.node("durations")) : null;
        Map<String, Tier> tiers = body.has("tiers") ? tiers(body.node("tiers")) : null;
        UnaryOperator<PlanningSettings> change = s -> new PlanningSettings(s.zone(),
                hours == null ? s.workingHours() : hours,
                perDay == null ? s.maxPerDay() : perDay, perWeek == null ? s.maxPerWeek() : perWeek,
                buffer == null ? s.buffer() : Duration.ofMinutes(buffer),
                horizon == null ? s.horizonDays() : horizon,
                durations == null ? s.durations() : merged(s.durations(), durations),
                lead == null ? s.minLeadTime() : Duration.ofMinutes(lead));
        ctx.json(view(settings.update(user.id(), zone, change, tiers)));
    }

    static Map<String, Object> view(SettingsService.View v) {
        PlanningSettings p = v.planning();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeZone", v.user().timeZone().getId());
        Map<String, Object> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            WorkingHours.Window w = p.workingHours().on(day);
            hours.put(day.name().toLowerCase(Locale.ROOT), w == null ? null
                    : Map.of("start", w.start().toString(), "end", w.end().toString()));
        }
        m.put("workingHours", hours);
        m.put("maxPerDay", p.maxPerDay());
        m.put("maxPerWeek", p.maxPerWeek());
        m.put("bufferMinutes", p.buffer().toMinutes());
        m.put("horizonDays", p.horizonDays());
        m.put("leadMinutes", p.minLeadTime().toMinutes());
        Map<String, Object> durations = new LinkedHashMap<>();
        p.durations().forEach((k, d) -> durations.put(k.wire(), d.toMinutes()));
        m.put("durations", durations);
        Map<String, Object> tiers = new LinkedHashMap<>();
        v.tiers().forEach((name, t) -> tiers.put(name, Map.of("cadenceDays", t.cadenceDays(), "maxGapDays", t.maxGapDays())));
        m.put("tiers", tiers);
        return m;
    }

    private static WorkingHours workingHours(JsonNode node) {
        if (node == null || !node.isObject()) throw ApiError.badRequest("workingHours", "must be an object keyed by weekday");
        Map<DayOfWeek, WorkingHours.Window> days = new EnumMap<>(DayOfWeek.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "workingHours." + e.getKey();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw ApiError.badRequest(field, "is not a weekday (monday ... sunday)");
            }
            if (e.getValue().isNull()) continue;
            if (!e.getValue().isObject()) throw ApiError.badRequest(field, "must be {\"start\":\"09:00\",\"end\":\"17:30\"} or null");
            days.put(day, new WorkingHours.Window(time(field + ".start", e.getValue().get("start")),
                    time(field + ".end", e.getValue().get("end"))));
        }
        try {
            return new WorkingHours(days);
        } catch (IllegalArgumentException ex) {
            throw ApiError.badRequest("workingHours", ex.getMessage());
        }
    }

    private static LocalTime time(String field, JsonNode node) {
        if (node == null || !node.isTextual()) throw ApiError.badRequest(field, "must be a time like \"09:00\"");
        try {
            return LocalTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field, "must be a time like \"09:00\"");
        }
    }

    private static Map<MeetingKind, Duration> durations(JsonNode node) {
        if (node == null || !node.isObject()) throw ApiError.badRequest("durations", "must be an object of minutes by kind");
        Map<MeetingKind, Duration> out = new EnumMap<>(MeetingKind.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "durations." + e.getKey();
            MeetingKind kind;
            try {
                kind = MeetingKind.fromWire(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw ApiError.badRequest(field, "is not a meeting kind (call, video, coffee, lunch, review, visit)");
            }
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 5 || e.getValue().asInt() > 480) {
                throw ApiError.badRequest(field, "must be minutes between 5 and 480");
            }
            out.put(kind, Duration.ofMinutes(e.getValue().asInt()));
        }
        return out;
    }

    private static Map<MeetingKind, Duration> merged(Map<MeetingKind, Duration> current, Map<MeetingKind, Duration> changes) {
        Map<MeetingKind, Duration> out = new EnumMap<>(current);
        out.putAll(changes);
        return out;
    }

    private static Map<String, Tier> tiers(JsonNode node) {
        if (node == null || !node.isObject()) throw ApiError.badRequest("tiers", "must be an object keyed by tier name");
        Map<String, Tier> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "tiers." + e.getKey();
            JsonNode t = e.getValue();
            if (!t.isObject() || !t.path("cadenceDays").canConvertToInt() || !t.path("maxGapDays").canConvertToInt()
                    || !t.path("cadenceDays").isIntegralNumber() || !t.path("maxGapDays").isIntegralNumber()) {
                throw ApiError.badRequest(field, "must be {\"cadenceDays\": n, \"maxGapDays\": m}");
            }
            int cadence = t.get("cadenceDays").asInt();
            int gap = t.get("maxGapDays").asInt();
            if (cadence < 1 || cadence > 3650) throw ApiError.badRequest(field + ".cadenceDays", "must be between 1 and 3650");
            if (gap < cadence || gap > 3650) {
                throw ApiError.badRequest(field + ".maxGapDays", "must be between cadenceDays and 3650");
            }
            out.put(e.getKey(), new Tier(e.getKey(), cadence, gap));
        }
        return out;
    }
}
