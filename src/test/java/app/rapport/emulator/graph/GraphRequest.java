package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Graph call as the router sees it: decoded path segments, query, Prefer values, caller. */
final class GraphRequest {
    private static final Pattern MAX_PAGE = Pattern.compile("(?i)^odata\\.maxpagesize\\s*=\\s*(\\d+)$");
    private static final Pattern OUTLOOK_TZ = Pattern.compile("(?i)^outlook\\.timezone\\s*=\\s*\"?([^\"]+)\"?$");

    /** A path segment; parse() splits a key segment in two: mailFolders('inbox') -> mailFolders, inbox. */
    record Segment(String name) {
        boolean is(String n) {
            return name.equalsIgnoreCase(n);
        }
    }

    final Context ctx;
    final String method;
    final String path;
    final List<Segment> segments;
    final Map<String, String> query;
    Mailbox mailbox;
    Identity.AccessToken token;
    String routeKind = "unknown";
    final List<String> applied = new ArrayList<>();

    GraphRequest(Context ctx, String method, String path, List<Segment> segments, Map<String, String> query) {
        this.ctx = ctx;
        this.method = method;
        this.path = path;
        this.segments = segments;
        this.query = query;
    }

    static List<Segment> parse(String decodedPath) {
        List<Segment> out = new ArrayList<>();
        for (String raw : decodedPath.split("/")) {
            if (raw.isEmpty()) continue;
            int open = raw.indexOf('(');
            if (open > 0 && raw.endsWith(")")) {
                String inner = raw.substring(open + 1, raw.length() - 1).trim();
                if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) inner = inner.substring(1, inner.length() - 1);
                String name = raw.substring(0, open);
                out.add(new Segment(name));
                if (!inner.isEmpty()) out.add(new Segment(inner));
            } else {
                out.add(new Segment(raw));
            }
        }
        return out;
    }

    /** An OData query option by name without '$' ("select" finds $select, %24select or select). */
    String option(String name) {
        String v = query.get("$" + name);
        if (v == null) v = query.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (e.getKey().equalsIgnoreCase("$" + name)) return e.getValue();
            }
        }
        return v;
    }

    String header(String name) {
        return ctx.header(name);
    }

    List<String> prefer() {
        List<String> out = new ArrayList<>();
        for (String h : Collections.list(ctx.req().getHeaders("Prefer"))) {
            for (String part : h.split(",")) if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    /** odata.maxpagesize from any Prefer header, or null. */
    Integer maxPageSize() {
        for (String p : prefer()) {
            Matcher m = MAX_PAGE.matcher(p);
            if (m.matches()) {
                try {
                    return Integer.parseInt(m.group(1));
                } catch (NumberFormatException e) {
                    return Integer.MAX_VALUE;
                }
            }
        }
        return null;
    }

    /** The zone name of Prefer: outlook.timezone, or null. */
    String outlookTimeZone() {
        for (String p : prefer()) {
            Matcher m = OUTLOOK_TZ.matcher(p);
            if (m.matches()) return m.group(1).trim();
        }
        return null;
    }

    boolean prefersImmutableIds() {
        for (String p : prefer()) if (p.toLowerCase(Locale.ROOT).replace(" ", "").equals("idtype=\"immutableid\"")) return true;
        return false;
    }

    ZoneId responseZone() {
        String tz = outlookTimeZone();
        return tz == null ? java.time.ZoneOffset.UTC : TimeZones.zone(tz);
    }

    String responseZoneName() {
        String tz = outlookTimeZone();
        return tz == null ? "UTC" : tz;
    }

    JsonNode body() {
        return Json.parse(ctx.body());
    }

    /** A Graph reply: status, JSON body (null for 204) and extra headers. */
    record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body, new LinkedHashMap<>());
        }

        static Reply created(JsonNode body) {
            return new Reply(201, body, new LinkedHashMap<>());
        }

        static Reply noContent() {
            return new Reply(204, null, new LinkedHashMap<>());
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }
}
