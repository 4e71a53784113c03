package app.rapport.web;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.relationship.Status;
import app.rapport.domain.user.User;
import app.rapport.providers.files.ContactImport;
import app.rapport.service.ClientInput;
import app.rapport.service.ClientService;
import app.rapport.service.ClientView;
import app.rapport.store.RelationshipRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/clients: list by urgency, read one with its timeline, create, edit, import. */
final class ClientRoutes {
    private static final Set<String> FIELDS = Set.of("name", "kind", "tier", "cadenceDays", "timeZone",
            "snoozedUntil", "notes", "emails", "domains", "preferredKind");
    private static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final ClientService clients;
    private final ObjectMapper mapper;

    ClientRoutes(ClientService clients, ObjectMapper mapper) {
        this.clients = clients;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/clients", this::list);
        routes.post("/api/v1/clients", this::create);
        routes.post("/api/v1/clients/import", this::importContacts);
        routes.get("/api/v1/clients/{id}", this::get);
        routes.patch("/api/v1/clients/{id}", this::patch);
    }

    private void list(Context ctx) {
        User user = Auth.user(ctx);
        Status status = RequestBody.query("status", ctx.queryParam("status"), Status::fromWire,
                "one of active, cooling, inactive");
        String tier = ctx.queryParam("tier");
        if (tier != null && (tier.isBlank() || tier.length() > 16)) throw ApiError.badRequest("tier", "is not a tier name");
        RelationshipRepository.Sort sort = RequestBody.query("sort", ctx.queryParam("sort"), ClientRoutes::sort,
                "one of urgency, due, lastContact, name");
        Paging paging = Paging.from(ctx);
        ClientView.Page page = clients.list(user.id(), status, tier,
                sort == null ? RelationshipRepository.Sort.URGENCY : sort, paging.page(), paging.size());
        List<Map<String, Object>> items = page.items().stream()
                .map(s -> JsonViews.client(s.client(), s.relationship(), user.timeZone())).toList();
        ctx.json(JsonViews.page(items, page.total(), page.page(), page.size()));
    }

    private static RelationshipRepository.Sort sort(String s) {
        return switch (s) {
            case "urgency" -> RelationshipRepository.Sort.URGENCY;
            case "due" -> RelationshipRepository.Sort.DUE;
            case "lastContact" -> RelationshipRepository.Sort.LAST_CONTACT;
            case "name" -> RelationshipRepository.Sort.NAME;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private void get(Context ctx) {
        User user = Auth.user(ctx);
        ClientView.Detail detail = clients.get(user.id(), id(ctx));
        Map<String, Object> body = JsonViews.client(detail.client(), detail.relationship(), user.timeZone());
        body.put("timeline", JsonViews.interactions(detail.timeline(), user.timeZone()));
        ctx.json(body);
    }

    private void create(Context ctx) {
        User user = Auth.user(ctx);
        RequestBody body = RequestBody.parse(mapper, ctx.bodyAsBytes(), FIELDS);
        ClientInput input = new ClientInput(body.string("name", true, 200), kind(body), body.string("tier", true, 16),
                body.integer("cadenceDays", 1, 3650), body.zone("timeZone"), body.instant("snoozedUntil", false),
                body.string("notes", false, 2000), body.stringList("emails", 50, 320), body.stringList("domains", 10, 253),
                body.string("preferredKind", false, 16));
        Client created = clients.create(user.id(), input);
        ctx.status(201).json(JsonViews.client(created, clients.get(user.id(), created.id()).relationship(),
                user.timeZone()));
    }

    private void patch(Context ctx) {
        User user = Auth.user(ctx);
        long id = id(ctx);
        RequestBody body = RequestBody.parse(mapper, ctx.bodyAsBytes(), FIELDS);
        // Read every field before touching the store, so a bad value changes nothing.
        String name = body.has("name") ? body.string("name", true, 200) : null;
        ClientKind kind = body.has("kind") ? kind(body) : null;
        String tier = body.has("tier") ? body.string("tier", true, 16) : null;
        Integer cadence = body.integer("cadenceDays", 1, 3650);
        var zone = body.has("timeZone") ? body.zone("timeZone") : null;
        if (body.isNull("timeZone")) throw ApiError.badRequest("timeZone", "cannot be cleared");
        var snooze = body.instant("snoozedUntil", false);
        String notes = body.string("notes", false, 2000);
        List<String> emails = body.stringList("emails", 50, 320);
        List<String> domains = body.stringList("domains", 10, 253);
        String preferredKind = body.string("preferredKind", false, 16);
        Client updated = clients.update(user.id(), id, in -> new ClientInput(
                name != null ? name : in.name(),
                kind != null ? kind : in.kind(),
                tier != null ? tier : in.tier(),
                body.has("cadenceDays") ? cadence : in.cadenceDays(),
                zone != null ? zone : in.timeZone(),
                body.has("snoozedUntil") ? snooze : in.snoozedUntil(),
                body.has("notes") ? notes : in.notes(),
                emails != null ? emails : in.emails(),
                domains != null ? domains : in.domains(),
                body.has("preferredKind") ? preferredKind : in.preferredKind()));
        ctx.json(JsonViews.client(updated, clients.get(user.id(), id).relationship(), user.timeZone()));
    }

    private void importContacts(Context ctx) {
        User user = Auth.user(ctx);
        String filename;
        String contentType;
        byte[] bytes;
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (ctx.isMultipartFormData()) {
            if (file == null) throw ApiError.badRequest("file", "is required: send the CSV or vCard as form field 'file'");
            if (file.size() > MAX_IMPORT_BYTES) throw new ApiError(413, "too_large", "file: larger than 10 MB");
            filename = file.filename();
            contentType = file.contentType();
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiError.badRequest("file", "could not be read");
            }
        } else {
            filename = ctx.queryParam("filename") == null ? "" : ctx.queryParam("filename");
            contentType = ctx.contentType();
            bytes = ctx.bodyAsBytes();
        }
        if (bytes.length == 0) throw ApiError.badRequest("file", "is empty");
        String defaultTier = ctx.queryParam("tier");
        ContactImport.ImportResult parsed;
        try {
            parsed = ContactImport.detectAndParse(filename, contentType, bytes);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("file", e.getMessage());
        }
        ClientService.ImportSummary summary = clients.importDrafts(user.id(), parsed, defaultTier);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", summary.created());
        out.put("rejected", summary.rejections().size());
        out.put("rejections", summary.rejections().stream().map(r -> Map.of("record", r.recordNumber(),
                "reason", r.reason())).toList());
        ctx.status(summary.created() > 0 ? 201 : 200).json(out);
    }

    private static ClientKind kind(RequestBody body) {
        return body.enumValue("kind", ClientKind.class, false, EnumSet.allOf(ClientKind.class));
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("id", "'" + raw + "' is not a client id");
        }
    }

}
