package app.rapport.web.dashboard;

import app.rapport.service.CalendarService;
import app.rapport.service.SettingsService;
import app.rapport.service.ValidationException;
import app.rapport.web.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Settings page ({@code GET /settings}) and its forms: the settings themselves ({@code POST
 * /settings}, all or nothing), calendar feed links ({@code POST /settings/feeds}, shown once, and
 * {@code /settings/feeds/revoke}) and an .ics import ({@code POST /settings/import}, multipart).
 * Every form carries the session's CSRF token; a form with errors comes back as 400 with the values
 * as typed and each error next to its field.
 */
public final class SettingsPageRoutes {
    /** As the JSON import route: larger calendars are refused. */
    static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

    private final Services services;

    public SettingsPageRoutes(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/settings", this::show);
        routes.post("/settings", this::save);
        routes.post("/settings/feeds", this::createFeeds);
        routes.post("/settings/feeds/revoke", this::revokeFeeds);
        routes.post("/settings/import", this::importIcs);
    }

    private void show(Context ctx) {
        Optional<Viewer> viewer = Viewer.of(services, ctx);
        if (viewer.isEmpty()) {
            Viewer.signinNeeded(ctx);
            return;
        }
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "saved" -> "Settings saved.";
            case "revoked" -> "Feed links revoked: calendar apps using them now get nothing.";
            default -> null;
        };
        SettingsService.View view = services.settings().view(viewer.get().user().id());
        render(ctx, viewer.get(), view, SettingsPage.values(view), Map.of(), notice, null, null, null);
    }

    private void save(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        long userId = viewer.get().user().id();
        SettingsService.View current = services.settings().view(userId);
        SettingsPage.Submitted form = new SettingsPage.Submitted(ctx.formParamMap(), current.tiers().keySet());
        Map<String, String> errors = new LinkedHashMap<>(form.errors);
        if (errors.isEmpty()) {
            try {
                services.settings().update(userId, form.zone, form.change(), form.tiers);
                ctx.redirect("/settings?done=saved", HttpStatus.SEE_OTHER);
                return;
            } catch (ValidationException e) {
                String message = e.getMessage().substring(Math.min(e.getMessage().length(), e.field().length() + 2));
                errors.put(SettingsPage.formField(e.field()), message);
            }
        }
        ctx.status(400);
        render(ctx, viewer.get(), current, form.values, errors, null, null, null, null);
    }

    private void createFeeds(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        long userId = viewer.get().user().id();
        String token = services.calendar().rotateFeedToken(userId);
        String base = services.publicUrl() + "/feeds/" + token;
        SettingsService.View view = services.settings().view(userId);
        render(ctx, viewer.get(), view, SettingsPage.values(view), Map.of(), null,
                new SettingsPage.Feeds(true, since(userId), base + "/calendar.ics", base + "/suggestions.ics"), null, null);
    }

    private void revokeFeeds(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        services.calendar().revokeFeedToken(viewer.get().user().id());
        ctx.redirect("/settings?done=revoked", HttpStatus.SEE_OTHER);
    }

    private void importIcs(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        long userId = viewer.get().user().id();
        String imported = null;
        String error = null;
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || file.size() == 0) {
            error = "Choose an .ics file to import.";
        } else if (file.size() > MAX_IMPORT_BYTES) {
            error = "The file is larger than 10 MB.";
        } else {
            try (InputStream in = file.content()) {
                byte[] bytes = in.readAllBytes();
                CalendarService.ImportResult r = services.calendar().importIcs(userId, file.filename(),
                        new ByteArrayInputStream(bytes));
                imported = "Imported " + r.events() + (r.events() == 1 ? " event" : " events")
                        + (r.recurring() > 0 ? " (" + r.recurring() + " recurring)" : "")
                        + " from " + r.source().replaceFirst("^import:", "")
                        + (r.replaced() > 0 ? "; " + r.replaced() + " from the earlier import of this file were replaced." : ".");
            } catch (IOException e) {
                error = "The file could not be read.";
            } catch (ValidationException e) {
                error = e.getMessage().startsWith(e.field() + ": ")
                        ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
            }
        }
        if (error != null) ctx.status(400);
        SettingsService.View view = services.settings().view(userId);
        render(ctx, viewer.get(), view, SettingsPage.values(view), Map.of(), null, null, imported, error);
    }

    private void render(Context ctx, Viewer viewer, SettingsService.View view, Map<String, String> values,
                        Map<String, String> errors, String notice, SettingsPage.Feeds feeds, String imported,
                        String importError) {
        SettingsPage.Feeds shown = feeds != null ? feeds : new SettingsPage.Feeds(
                services.calendar().feedTokenSince(viewer.user().id()).isPresent(), since(viewer.user().id()), null, null);
        SettingsPage page = SettingsPage.build(Set.copyOf(view.tiers().keySet()).stream().sorted()
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)),
                values, errors, notice, shown, imported, importError);
        ctx.render("settings.jte", Map.of("frame", viewer.frame("Settings", "settings"), "page", page));
    }

    private String since(long userId) {
        Optional<Instant> since = services.calendar().feedTokenSince(userId);
        var zone = services.users().find(userId).orElseThrow().timeZone();
        return since.map(t -> Words.date(t, zone)).orElse(null);
    }
}
