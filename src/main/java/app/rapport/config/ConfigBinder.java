package app.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the merged tree into {@link RapportConfig}, checking every key once: unknown keys, types
 * and ranges. The first problem found stops it with a one-line {@link ConfigException}.
 */
final class ConfigBinder {
    private static final Pattern TIER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_SHOWN = 80;

    private ConfigBinder() {}

    static RapportConfig bind(ConfigTree tree) {
        Section root = new Section("", tree.root(), tree);
        RapportConfig config = new RapportConfig(
                server(root.section("server")),
                database(root.section("database")),
                owner(root.section("owner")),
                demo(root.section("demo")),
                matching(root.section("matching")),
                tiers(root.section("tiers")),
                privacy(root.section("privacy")),
                providers(root.section("providers")),
                mail(root.section("mail")),
                sync(root.section("sync")),
                security(root.section("security")));
        root.finish();
        return config;
    }

    private static ServerConfig server(Section s) {
        String host = s.text("host");
        if (host.isBlank()) throw s.fail("host", "must not be empty; use 0.0.0.0 for every interface");
        int port = s.integer("port");
        if (port < 0 || port > 65535) throw s.fail("port", "must be between 1 and 65535, or 0 for any free port");
        String publicUrl = s.httpUrl("publicUrl");
        while (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        s.finish();
        return new ServerConfig(host.strip(), port, publicUrl);
    }

    private static DatabaseConfig database(Section s) {
        String url = s.text("url").strip();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw s.fail("url", "must start with jdbc:h2: or jdbc:postgresql:");
        }
        String user = s.text("user");
        String password = s.text("password");
        int maxPoolSize = s.integer("maxPoolSize");
        if (maxPoolSize < 1) throw s.fail("maxPoolSize", "must be at least 1");
        s.finish();
        return new DatabaseConfig(url, user, password, maxPoolSize);
    }

    private static OwnerConfig owner(Section s) {
        String name = s.text("name").strip();
        if (name.isEmpty()) throw s.fail("name", "must not be empty");
        String email = s.text("email").strip();
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) throw s.fail("email", "must be a mail address such as owner@example.com");
        String zone = s.text("timeZone").strip();
        ZoneId timeZone;
        try {
            timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw s.fail("timeZone", "must be a time zone id such as Europe/London or America/New_York");
        }
        s.finish();
        return new OwnerConfig(name, email, timeZone);
    }

    private static DemoConfig demo(Section s) {
        boolean load = s.bool("load");
        long seed = s.longInteger("seed");
        s.finish();
        return new DemoConfig(load, seed);
    }

    private static MatchingConfig matching(Section s) {
        Set<String> domains = new LinkedHashSet<>();
        for (String raw : s.textList("freeMailDomains")) {
            String domain = raw.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) domain = domain.substring(1);
            if (domain.isEmpty() || domain.contains("@") || domain.contains(" ")) {
                throw s.fail("freeMailDomains", "must list domains such as gmail.com (found '" + shown(raw) + "')");
            }
            domains.add(domain);
        }
        s.finish();
        return new MatchingConfig(new ArrayList<>(domains));
    }

    private static Map<String, TierConfig> tiers(Section s) {
        Map<String, TierConfig> tiers = new LinkedHashMap<>();
        for (String name : s.names()) {
            if (!TIER_NAME.matcher(name).matches()) {
                throw new ConfigException(s.key(name), "a tier name may hold only letters, digits, - and _");
            }
            Section tier = s.section(name);
            int cadenceDays = tier.integer("cadenceDays");
            if (cadenceDays < 1) throw tier.fail("cadenceDays", "must be at least 1");
            int maxGapDays = tier.integer("maxGapDays");
            if (maxGapDays < cadenceDays) {
                throw tier.fail("maxGapDays", "must be at least cadenceDays (" + cadenceDays + ")");
            }
            tier.finish();
            tiers.put(name, new TierConfig(cadenceDays, maxGapDays));
        }
        if (tiers.isEmpty()) throw new ConfigException("tiers", "must define at least one tier, e.g. A");
        return tiers;
    }

    private static PrivacyConfig privacy(Section s) {
        boolean storeSubjects = s.bool("storeSubjects");
        s.finish();
        return new PrivacyConfig(storeSubjects);
    }

    private static ProvidersConfig providers(Section s) {
        Section ms = s.section("microsoft");
        String tenant = ms.text("tenant").strip();
        MicrosoftConfig microsoft = new MicrosoftConfig(ms.text("clientId").strip(), ms.text("clientSecret"),
                tenant, ms.httpUrl("authority"), ms.httpUrl("graphBaseUrl"));
        if (tenant.isEmpty()) throw ms.fail("tenant", "must not be empty; use common, organizations, consumers or a tenant id");
        ms.finish();
        Section g = s.section("google");
        GoogleConfig google = new GoogleConfig(g.text("clientId").strip(), g.text("clientSecret"),
                g.httpUrl("authUri"), g.httpUrl("tokenUri"), g.httpUrl("gmailRootUrl"), g.httpUrl("calendarRootUrl"));
        g.finish();
        s.finish();
        return new ProvidersConfig(microsoft, google);
    }

    private static MailConfig mail(Section s) {
        Section smtp = s.section("smtp");
        String host = smtp.text("host").strip();
        int port = smtp.integer("port");
        if (port < 1 || port > 65535) throw smtp.fail("port", "must be between 1 and 65535");
        String user = smtp.text("user");
        String password = smtp.text("password");
        String from = smtp.text("from").strip();
        if (!from.isEmpty() && !from.contains("@")) {
            throw smtp.fail("from", "must be empty or a mail address such as \"Rapport <rapport@example.com>\"");
        }
        boolean startTls = smtp.bool("startTls");
        smtp.finish();
        s.finish();
        return new MailConfig(new SmtpConfig(host, port, user, password, from, startTls));
    }

    private static SyncConfig sync(Section s) {
        int backfillMonths = s.integer("backfillMonths");
        if (backfillMonths < 0) throw s.fail("backfillMonths", "must be 0 or more");
        int pollMinutes = s.integer("pollMinutes");
        if (pollMinutes < 1) throw s.fail("pollMinutes", "must be at least 1");
        String push = s.text("push").strip().toLowerCase(Locale.ROOT);
        if (!SyncConfig.PUSH_MODES.contains(push)) throw s.fail("push", "must be auto, on or off");
        int maxAttempts = s.integer("maxAttempts");
        if (maxAttempts < 1 || maxAttempts > 20) throw s.fail("maxAttempts", "must be between 1 and 20");
        s.finish();
        return new SyncConfig(backfillMonths, pollMinutes, push, maxAttempts);
    }

    private static SecurityConfig security(Section s) {
        String keyFile = s.text("tokenKeyFile").strip();
        if (keyFile.isEmpty()) throw s.fail("tokenKeyFile", "must name a file, e.g. ./data/token-key.json");
        s.finish();
        return new SecurityConfig(Path.of(keyFile));
    }

    /** A value as shown in an error: quoted, on one line, clipped, never a password. */
    static String describe(JsonNode value, String key) {
        if (value == null || value.isNull() || value.isMissingNode()) return "nothing";
        if (value.isObject()) return "a section";
        if (value.isArray()) return "a list";
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (last.contains("password") || last.contains("secret")) return "a value that is not shown";
        return "'" + shown(value.asText()) + "'";
    }

    private static String shown(String raw) {
        String s = Secrets.maskUrl(raw)
                .replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }

    /** One section of the tree, remembering which keys were read so that the rest are unknown. */
    private static final class Section {
        private final String path;
        private final ObjectNode node;
        private final ConfigTree tree;
        private final Set<String> read = new LinkedHashSet<>();

        Section(String path, ObjectNode node, ConfigTree tree) {
            this.path = path;
            this.node = node;
            this.tree = tree;
        }

        String key(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        /** The names under this section, all counted as known. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            read.addAll(names);
            return names;
        }

        private JsonNode take(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            if (value == null) throw new ConfigException(key(name), "is required" + in(key(name)));
            return value;
        }

        Section section(String name) {
            JsonNode value = take(name);
            if (!value.isObject()) throw fail(name, "must be a section of keys");
            return new Section(key(name), (ObjectNode) value, tree);
        }

        String text(String name) {
            JsonNode value = take(name);
            if (value.isNull()) return "";
            if (!value.isTextual()) {
                throw fail(name, value.isValueNode() ? "must be text; put it in quotes" : "must be text");
            }
            return value.textValue();
        }

        String httpUrl(String name) {
            String url = text(name).strip();
            if (!isHttpUrl(url)) throw fail(name, "must be an http:// or https:// URL");
            return url;
        }

        int integer(String name) {
            JsonNode value = take(name);
            if (value.isIntegralNumber() && value.canConvertToInt()) return value.intValue();
            if (value.isTextual()) {
                try {
                    return Integer.parseInt(value.textValue().strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw fail(name, "must be an integer");
        }

        long longInteger(String name) {
            JsonNode value = take(name);
            if (value.isIntegralNumber() && value.canConvertToLong()) return value.longValue();
            if (value.isTextual()) {
                try {
                    return Long.parseLong(value.textValue().strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw fail(name, "must be an integer");
        }

        boolean bool(String name) {
            JsonNode value = take(name);
            if (value.isBoolean()) return value.booleanValue();
            if (value.isTextual()) {
                String text = value.textValue().strip();
                if (text.equalsIgnoreCase("true")) return true;
                if (text.equalsIgnoreCase("false")) return false;
            }
            throw fail(name, "must be true or false");
        }

        List<String> textList(String name) {
            JsonNode value = take(name);
            if (value.isNull()) return List.of();
            if (!value.isArray()) throw fail(name, "must be a list such as [a, b]");
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) throw fail(name, "must be a list of text (found " + describe(item, "") + ")");
                items.add(item.textValue());
            }
            return items;
        }

        /** Fails on the first key nobody read: it is unknown. */
        void finish() {
            for (String name : (Iterable<String>) node::fieldNames) {
                if (!read.contains(name)) {
                    String closest = Suggestions.closest(name, read);
                    throw new ConfigException(key(name), "unknown key" + in(key(name))
                            + (closest == null ? "" : "; did you mean " + key(closest) + "?"));
                }
            }
        }

        /** A problem with the value at {@code name}, showing the value and where it came from. */
        ConfigException fail(String name, String problem) {
            String key = key(name);
            String source = tree.sourceOf(key);
            return new ConfigException(key, problem + " (got " + describe(node.get(name), key)
                    + (source == null ? "" : " from " + source) + ")");
        }

        private String in(String key) {
            String source = tree.sourceOf(key);
            return source == null ? "" : " in " + source;
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
