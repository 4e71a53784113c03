package app.rapport.config;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, checked once at start-up and immutable afterwards.
 *
 * <p>Layers, each laid over the one before (sections merge key by key; values and lists replace):
 * <ol>
 *   <li>the defaults built into the program ({@code rapport-defaults.yaml}, a copy of
 *       {@code config/rapport.yaml});</li>
 *   <li>{@code config/rapport.yaml} in the working directory, when present;</li>
 *   <li>the file named by {@code --config FILE} / {@code --config=FILE}, or else by the
 *       environment variable {@code RAPPORT_CONFIG};</li>
 *   <li>single keys from environment variables: {@code RAPPORT_DATABASE_URL} sets
 *       {@code database.url} (upper case, dots to underscores, matched without regard to case).</li>
 * </ol>
 *
 * @param tiers tier name to rhythm, in the order configured; unmodifiable
 */
public record RapportConfig(ServerConfig server, DatabaseConfig database, OwnerConfig owner, DemoConfig demo,
                            MatchingConfig matching, Map<String, TierConfig> tiers, PrivacyConfig privacy,
                            ProvidersConfig providers, MailConfig mail, SyncConfig sync,
                            SecurityConfig security) {
    /** The defaults file looked for in the working directory, relative to it. */
    public static final String LOCAL_FILE = "config/rapport.yaml";

    public RapportConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(matching, "matching");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(security, "security");
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    }

    /**
     * Loads and checks the configuration.
     *
     * @param args       command-line arguments; only {@code --config FILE} and {@code --config=FILE} are read
     * @param env        environment variables; {@code RAPPORT_CONFIG} and {@code RAPPORT_*} are read
     * @param workingDir where {@code config/rapport.yaml} is looked for and relative file names resolve
     * @throws ConfigException on the first problem, with a one-line message that begins with the key
     */
    public static RapportConfig load(String[] args, Map<String, String> env, Path workingDir) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(workingDir, "workingDir");
        ConfigTree tree = ConfigTree.defaults();
        Path local = workingDir.resolve(LOCAL_FILE);
        if (Files.exists(local)) tree.merge(ConfigTree.readFile(local, LOCAL_FILE), LOCAL_FILE);
        Optional<OverrideFile> override = overrideFile(args == null ? new String[0] : args, env);
        if (override.isPresent()) {
            Path file = workingDir.resolve(override.get().name()).normalize();
            tree.merge(ConfigTree.readFile(file, override.get().option()), file.toString());
        }
        tree.applyEnvironment(env);
        return ConfigBinder.bind(tree);
    }

    /**
     * Loads the configuration from the process's environment and current directory; on a problem
     * prints {@code rapport: configuration error: <message>} to standard error and exits with code 2.
     */
    public static RapportConfig loadOrExit(String[] args) {
        Optional<RapportConfig> config = loadOrReport(args, System.getenv(), Path.of("").toAbsolutePath(), System.err);
        if (config.isEmpty()) System.exit(2);
        return config.get();
    }

    /** {@link #load}, printing a problem to {@code err} as one line instead of throwing it. */
    static Optional<RapportConfig> loadOrReport(String[] args, Map<String, String> env, Path workingDir,
                                                PrintStream err) {
        try {
            return Optional.of(load(args, env, workingDir));
        } catch (ConfigException e) {
            err.println("rapport: configuration error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The built-in defaults alone: no files, no environment. */
    public static RapportConfig defaults() {
        return forTests(Map.of());
    }

    /**
     * The built-in defaults with some keys changed, ignoring files and the environment, checked
     * like any configuration. Keys are dotted ({@code "server.port"}); values are String, Integer,
     * Long, Boolean or List&lt;String&gt;; a new tier needs both of its keys
     * ({@code "tiers.D.cadenceDays"}, {@code "tiers.D.maxGapDays"}).
     *
     * @throws ConfigException for an unknown key or a bad value
     */
    public static RapportConfig forTests(Map<String, ?> overrides) {
        ConfigTree tree = ConfigTree.defaults();
        overrides.forEach((key, value) ->
                tree.set(List.of(key.split("\\.")), ConfigTree.toNode(value), "forTests"));
        return ConfigBinder.bind(tree);
    }

    /** The rhythm of the named tier, if configured. */
    public Optional<TierConfig> tier(String name) {
        return Optional.ofNullable(tiers.get(name));
    }

    private record OverrideFile(String option, String name) {}

    private static Optional<OverrideFile> overrideFile(String[] args, Map<String, String> env) {
        String fromArgs = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config")) {
                fromArgs = i + 1 < args.length ? args[++i] : "";
            } else if (arg.startsWith("--config=")) {
                fromArgs = arg.substring("--config=".length());
            } else {
                continue;
            }
            if (fromArgs.isBlank()) {
                throw new ConfigException("--config", "needs a file name, e.g. --config /etc/rapport/rapport.yaml");
            }
        }
        if (fromArgs != null) return Optional.of(new OverrideFile("--config", fromArgs));
        String fromEnv = env.get(ConfigTree.CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(new OverrideFile(ConfigTree.CONFIG_ENV, fromEnv.strip()));
        return Optional.empty();
    }
}
