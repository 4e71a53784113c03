package app.rapport.web;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.user.User;
import app.rapport.service.CalendarService;
import app.rapport.service.CalendarService.CalendarItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local calendar: the week view's data, .ics imports, moving and deleting entries, and the
 * secret iCalendar feeds (which calendar apps fetch without a bearer token, so they live outside /api).
 */
final class CalendarRoutes {
    static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

    private final CalendarService calendar;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String publicUrl;

    CalendarRoutes(Services s, ObjectMapper mapper, String publicUrl) {
        this.calendar = s.calendar();
        this.mapper = mapper;
        this.clock = s.clock();
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/calendar", this::window);
        routes.post("/api/v1/calendar/import", this::importIcs);
        routes.patch("/api/v1/calendar/entries/{id}", this::move);
        routes.delete("/api/v1/calendar/entries/{id}", ctx -> {
            calendar.delete(Auth.user(ctx).id(), entryId(ctx));
            ctx.status(204);
        });
        routes.get("/api/v1/feeds", ctx -> {
            User user = Auth.user(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("active", calendar.feedTokenSince(user.id()).isPresent());
            body.put("since", JsonViews.time(calendar.feedTokenSince(user.id()).orElse(null), user.timeZone()));
            ctx.json(body);
        });
        routes.post("/api/v1/feeds", ctx -> {
            User user = Auth.user(ctx);
            RequestBody.parseOrEmpty(mapper, ctx.bodyAsBytes(), Set.of());
            String token = calendar.rotateFeedToken(user.id());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("calendar", publicUrl + "/feeds/" + token + "/calendar.ics");
            body.put("suggestions", publicUrl + "/feeds/" + token + "/suggestions.ics");
            body.put("note", "shown once; creating new links revokes these");
            ctx.status(201).json(body);
        });
        routes.delete("/api/v1/feeds", ctx -> {
            calendar.revokeFeedToken(Auth.user(ctx).id());
            ctx.status(204);
        });
        routes.get("/feeds/{token}/calendar.ics", ctx -> feed(ctx, calendar.calendarFeed(feedUser(ctx))));
        routes.get("/feeds/{token}/suggestions.ics", ctx -> feed(ctx, calendar.suggestionsFeed(feedUser(ctx))));
    }

    private void window(Context ctx) {
        User user = Auth.user(ctx);
        Instant from = ctx.queryParam("from") == null
                ? clock.instant().atZone(user.timeZone()).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(user.timeZone()).toInstant()
                : RequestBody.parseInstant("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null
                ? from.atZone(user.timeZone()).plusWeeks(1).toInstant()
                : RequestBody.parseInstant("to", ctx.queryParam("to"));
        List<Map<String, Object>> items = calendar.window(user.id(), from, to).stream()
                .map(item -> item(item, user)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", JsonViews.time(from, user.timeZone()));
        body.put("to", JsonViews.time(to, user.timeZone()));
        body.put("timeZone", user.timeZone().getId());
        body.put("items", items);
        ctx.json(body);
    }

    private static Map<String, Object> item(CalendarItem item, User user) {
        Occurrence o = item.occurrence();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entryId", o.entryId());
        m.put("uid", o.uid());
        m.put("summary", o.summary());
        m.put("start", JsonViews.time(o.start(), user.timeZone()));
        m.put("end", JsonViews.time(o.end(), user.timeZone()));
        m.put("allDay", o.allDay());
        m.put("showAs", o.showAs().wire());
        m.put("kind", o.kind().wire());
        m.put("suggestion", item.suggestion() == null ? null
                : JsonViews.suggestion(item.suggestion(), item.clientName(), user.timeZone()));
        return m;
    }

    private void importIcs(Context ctx) {
        User user = Auth.user(ctx);
        String filename;
        byte[] bytes;
        if (ctx.isMultipartFormData()) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) throw ApiError.badRequest("file", "is required: send the .ics file as form field 'file'");
            if (file.size() > MAX_IMPORT_BYTES) throw new ApiError(413, "too_large", "file: larger than 10 MB");
            filename = file.filename();
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiError.badRequest("file", "could not be read");
            }
        } else {
            filename = ctx.queryParam("filename");
            bytes = ctx.bodyAsBytes();
        }
        if (bytes.length == 0) throw ApiError.badRequest("file", "is empty");
        if (bytes.length > MAX_IMPORT_BYTES) throw new ApiError(413, "too_large", "file: larger than 10 MB");
        CalendarService.ImportResult result = calendar.importIcs(user.id(), filename, new ByteArrayInputStream(bytes));
        ctx.status(201).json(result);
    }

    private void move(Context ctx) {
        User user = Auth.user(ctx);
        long id = entryId(ctx);
        RequestBody body = RequestBody.parse(mapper, ctx.bodyAsBytes(), Set.of("start", "end"));
        Instant start = body.instant("start", true);
        Instant end = body.instant("end", true);
        CalendarEntry moved = calendar.move(user.id(), id, start, end);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entryId", moved.id());
        m.put("start", JsonViews.time(moved.start(), user.timeZone()));
        m.put("end", JsonViews.time(moved.end(), user.timeZone()));
        ctx.json(m);
    }

    private long feedUser(Context ctx) {
        return calendar.feedUser(ctx.pathParam("token")).orElseThrow(() -> new ApiError(404, "not_found",
                "this feed link is unknown or was revoked; create a new one in Settings"));
    }

    private static void feed(Context ctx, String ics) {
        ctx.contentType("text/calendar; charset=UTF-8").header("Cache-Control", "private, max-age=300").result(ics);
    }

    private static long entryId(Context ctx) {
        return RequestBody.query("id", ctx.pathParam("id"), Long::parseLong, "a calendar entry id");
    }
}
