package app.rapport.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The configuration as a YAML tree, built up in layers (defaults, files, environment), with a note
 * of which layer set each key so that an error can say where a bad value came from.
 */
final class ConfigTree {
    static final String DEFAULTS_RESOURCE = "/rapport-defaults.yaml";
    static final String ENV_PREFIX = "RAPPORT_";
    static final String CONFIG_ENV = "RAPPORT_CONFIG";

    // Duplicate keys would otherwise be resolved silently, last one wins.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ObjectNode root;
    /** Dotted key to the layer that last set it; keys from the built-in defaults have no entry. */
    private final Map<String, String> sources = new HashMap<>();

    private ConfigTree(ObjectNode root) {
        this.root = root;
    }

    /** The defaults built into the program. */
    static ConfigTree defaults() {
        try (InputStream in = ConfigTree.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            return new ConfigTree((ObjectNode) YAML.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    ObjectNode root() {
        return root;
    }

    /** Where the value at {@code key} (or the nearest section above it) came from, or null for the defaults. */
    String sourceOf(String key) {
        for (String k = key; ; k = k.substring(0, k.lastIndexOf('.'))) {
            String source = sources.get(k);
            if (source != null || k.indexOf('.') < 0) return source;
        }
    }

    /**
     * Reads a YAML file of sections; {@code key} names the option that pointed at it and begins
     * any error message. An empty file is an empty set of sections.
     */
    static ObjectNode readFile(Path file, String key) {
        if (!Files.exists(file)) throw new ConfigException(key, "file not found: " + file);
        if (Files.isDirectory(file)) throw new ConfigException(key, "is a directory, not a file: " + file);
        JsonNode tree;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(key, "not valid YAML in " + file + where(e.getLocation()) + ": "
                    + problemOf(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + e, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) return JsonNodeFactory.instance.objectNode();
        if (!tree.isObject()) {
            throw new ConfigException(key, file + " must hold sections such as 'server:' (got "
                    + ConfigBinder.describe(tree, key) + ")");
        }
        return (ObjectNode) tree;
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * SnakeYAML's message puts the context and the problem on lines of their own, each followed by
     * indented lines quoting the input; keeps the first two and drops the quotes.
     */
    private static String problemOf(String message) {
        if (message == null || message.isBlank()) return "unreadable";
        String summary = message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(line -> line.strip().replaceAll(":$", ""))
                .collect(Collectors.joining(", "));
        return summary.isEmpty() ? "unreadable" : summary;
    }

    /**
     * Lays {@code overlay} over this tree: sections merge key by key, anything else (values,
     * lists) replaces what was there. An empty section ({@code server:} with nothing under it)
     * changes nothing.
     */
    void merge(ObjectNode overlay, String source) {
        mergeInto(root, overlay, "", source);
    }

    private void mergeInto(ObjectNode base, ObjectNode overlay, String path, String source) {
        for (Map.Entry<String, JsonNode> e : overlay.properties()) {
            String key = join(path, e.getKey());
            JsonNode over = e.getValue();
            JsonNode current = base.get(e.getKey());
            boolean currentIsSection = current != null && current.isObject();
            if (over.isObject() && currentIsSection) {
                mergeInto((ObjectNode) current, (ObjectNode) over, key, source);
            } else if (!(over.isNull() && currentIsSection)) {
                base.set(e.getKey(), over.deepCopy());
                noteSource(key, over, source);
            }
        }
    }

    /** Sets one key, creating the sections above it when missing. */
    void set(List<String> path, JsonNode value, String source) {
        ObjectNode section = root;
        for (String name : path.subList(0, path.size() - 1)) {
            JsonNode next = section.get(name);
            if (next == null || !next.isObject()) next = section.putObject(name);
            section = (ObjectNode) next;
        }
        section.set(path.get(path.size() - 1), value);
        noteSource(String.join(".", path), value, source);
    }

    private void noteSource(String key, JsonNode value, String source) {
        sources.put(key, source);
        if (value.isObject()) value.properties().forEach(e -> noteSource(key + "." + e.getKey(), e.getValue(), source));
    }

    /**
     * Applies the single-key variables {@code RAPPORT_SECTION_KEY}: the part after the prefix is
     * the dotted key in upper case with dots as underscores, compared without regard to case, so
     * camelCase keys match. Lists are comma-separated. {@code RAPPORT_CONFIG} is not a key.
     *
     * @throws ConfigException for a RAPPORT_ variable that names no key
     */
    void applyEnvironment(Map<String, String> env) {
        Map<String, List<String>> values = new HashMap<>();
        Map<String, List<String>> sections = new HashMap<>();
        collectEnvNames(root, new ArrayList<>(), values, sections);
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.startsWith(ENV_PREFIX) || name.equals(CONFIG_ENV)) continue;
            String wanted = name.substring(ENV_PREFIX.length()).toUpperCase(Locale.ROOT);
            List<String> path = values.get(wanted);
            if (path == null) throw unknownVariable(name, wanted, values, sections);
            JsonNode current = at(path);
            String raw = env.get(name);
            JsonNode value = current != null && current.isArray() ? splitList(raw) : TextNode.valueOf(raw);
            set(path, value, name);
        }
    }

    private static ConfigException unknownVariable(String name, String wanted, Map<String, List<String>> values,
                                                   Map<String, List<String>> sections) {
        List<String> section = sections.get(wanted);
        if (section != null) {
            return new ConfigException(name, "names the section " + String.join(".", section)
                    + ", not a single key; set one key, e.g. " + ENV_PREFIX + wanted + "_...");
        }
        String closest = Suggestions.closest(wanted, values.keySet());
        return new ConfigException(name, "no configuration key matches this environment variable"
                + (closest == null ? "" : "; did you mean " + ENV_PREFIX + closest + "?"));
    }

    private static void collectEnvNames(ObjectNode section, List<String> path, Map<String, List<String>> values,
                                        Map<String, List<String>> sections) {
        section.properties().forEach(e -> {
            List<String> keyPath = new ArrayList<>(path);
            keyPath.add(e.getKey());
            String envName = String.join("_", keyPath).toUpperCase(Locale.ROOT);
            if (e.getValue().isObject()) {
                sections.put(envName, List.copyOf(keyPath));
                collectEnvNames((ObjectNode) e.getValue(), keyPath, values, sections);
            } else {
                values.put(envName, List.copyOf(keyPath));
            }
        });
    }

    private JsonNode at(List<String> path) {
        JsonNode node = root;
        for (String name : path) node = node == null ? null : node.get(name);
        return node;
    }

    private static ArrayNode splitList(String raw) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : raw.split(",")) {
            if (!item.isBlank()) list.add(item.strip());
        }
        return list;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Turns a plain Java value (String, Number, Boolean, List) into a tree node. */
    static JsonNode toNode(Object value) {
        return YAML.valueToTree(value);
    }
}
