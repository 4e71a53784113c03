package app.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a configuration can be wrong ends in one line that begins with the key at fault. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    /**
     * One bad configuration.
     *
     * @param override text of an override file passed with --config o.yaml, or null for none
     * @param env      environment variables
     * @param args     extra command-line arguments
     * @param key      the key the error must name
     * @param says     text the message must contain
     */
    record Case(String title, String override, Map<String, String> env, List<String> args, String key, String says) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Case yaml(String title, String override, String key, String says) {
        return new Case(title, override, Map.of(), List.of(), key, says);
    }

    static Case env(String title, Map<String, String> env, String key, String says) {
        return new Case(title, null, env, List.of(), key, says);
    }

    static Case args(String title, List<String> args, String key, String says) {
        return new Case(title, null, Map.of(), args, key, says);
    }

    static Stream<Case> badConfigurations() {
        return Stream.of(
                yaml("unknown section", "servre: { port: 1 }", "servre", "unknown key in "),
                yaml("unknown key in a section", "server: { prot: 1 }", "server.prot", "did you mean server.port?"),
                yaml("unknown key two levels down", "providers: { google: { gmailRootURL: 'http://x/' } }",
                        "providers.google.gmailRootURL", "did you mean providers.google.gmailRootUrl?"),
                yaml("unknown key in a tier", "tiers: { A: { cadence: 3 } }", "tiers.A.cadence", "unknown key"),
                yaml("port is not a number", "server: { port: abc }", "server.port", "must be an integer (got 'abc' from "),
                yaml("port is a fraction", "server: { port: 80.5 }", "server.port", "must be an integer (got '80.5'"),
                yaml("port too high", "server: { port: 70000 }", "server.port", "must be between 1 and 65535, or 0"),
                yaml("port negative", "server: { port: -1 }", "server.port", "must be between 1 and 65535, or 0"),
                yaml("empty host", "server: { host: '' }", "server.host", "must not be empty"),
                yaml("public URL without scheme", "server: { publicUrl: 'localhost:7070' }", "server.publicUrl",
                        "must be an http:// or https:// URL (got 'localhost:7070'"),
                yaml("section given a value", "server: 5", "server", "must be a section of keys (got '5'"),
                yaml("MySQL URL", "database: { url: 'mysql://x' }", "database.url",
                        "must start with jdbc:h2: or jdbc:postgresql: (got 'mysql://x' from "),
                yaml("pool of zero", "database: { maxPoolSize: 0 }", "database.maxPoolSize", "must be at least 1"),
                yaml("password is a list", "database: { password: [a] }", "database.password", "must be text (got a list"),
                yaml("owner name is a number", "owner: { name: 42 }", "owner.name", "must be text; put it in quotes"),
                yaml("owner email without @", "owner: { email: nobody }", "owner.email", "must be a mail address"),
                yaml("bad time zone", "owner: { timeZone: Mars/Olympus }", "owner.timeZone",
                        "must be a time zone id such as Europe/London"),
                yaml("yes is not a boolean", "demo: { load: 'yes' }", "demo.load", "must be true or false (got 'yes'"),
                yaml("seed is text", "demo: { seed: soon }", "demo.seed", "must be an integer"),
                yaml("domains as one string", "matching: { freeMailDomains: gmail.com }", "matching.freeMailDomains",
                        "must be a list"),
                yaml("domain that is an address", "matching: { freeMailDomains: [a@b.com] }",
                        "matching.freeMailDomains", "must list domains such as gmail.com (found 'a@b.com')"),
                yaml("cadence of zero", "tiers: { A: { cadenceDays: 0 } }", "tiers.A.cadenceDays", "must be at least 1"),
                yaml("gap shorter than cadence", "tiers: { B: { maxGapDays: 60 } }", "tiers.B.maxGapDays",
                        "must be at least cadenceDays (90) (got '60'"),
                yaml("new tier missing a key", "tiers: { D: { cadenceDays: 7 } }", "tiers.D.maxGapDays", "is required"),
                yaml("tier name with a space", "tiers: { 'A B': { cadenceDays: 7, maxGapDays: 7 } }", "tiers.A B",
                        "a tier name may hold only"),
                yaml("storeSubjects is a number", "privacy: { storeSubjects: 1 }", "privacy.storeSubjects",
                        "must be true or false"),
                yaml("ftp authority", "providers: { microsoft: { authority: 'ftp://login' } }",
                        "providers.microsoft.authority", "must be an http:// or https:// URL (got 'ftp://login'"),
                yaml("empty Graph URL", "providers: { microsoft: { graphBaseUrl: '' } }",
                        "providers.microsoft.graphBaseUrl", "must be an http:// or https:// URL"),
                yaml("empty tenant", "providers: { microsoft: { tenant: ' ' } }", "providers.microsoft.tenant",
                        "must not be empty"),
                yaml("token URI that is not a URL", "providers: { google: { tokenUri: 'not a url' } }",
                        "providers.google.tokenUri", "must be an http:// or https:// URL"),
                yaml("Gmail root without host", "providers: { google: { gmailRootUrl: 'http:///x' } }",
                        "providers.google.gmailRootUrl", "must be an http:// or https:// URL"),
                yaml("SMTP port zero", "mail: { smtp: { port: 0 } }", "mail.smtp.port", "must be between 1 and 65535"),
                yaml("SMTP sender without @", "mail: { smtp: { from: rapport } }", "mail.smtp.from", "must be empty or a mail address"),
                yaml("poll every zero minutes", "sync: { pollMinutes: 0 }", "sync.pollMinutes", "must be at least 1"),
                yaml("negative backfill", "sync: { backfillMonths: -1 }", "sync.backfillMonths", "must be 0 or more"),
                yaml("push sometimes", "sync: { push: sometimes }", "sync.push", "must be auto, on or off"),
                yaml("no attempts", "sync: { maxAttempts: 0 }", "sync.maxAttempts", "must be between 1 and 20"),
                yaml("no token key file", "security: { tokenKeyFile: '' }", "security.tokenKeyFile", "must name a file"),
                yaml("not valid YAML", "server: [unclosed", "--config", "not valid YAML in "),
                yaml("duplicate key", "server:\n  port: 1\n  port: 2\n", "--config", "Duplicate field 'port'"),
                yaml("a list instead of sections", "- a\n- b\n", "--config", "must hold sections such as 'server:' (got a list)"),
                env("port from the environment is not a number", Map.of("RAPPORT_SERVER_PORT", "abc"), "server.port",
                        "must be an integer (got 'abc' from RAPPORT_SERVER_PORT)"),
                env("database URL from the environment", Map.of("RAPPORT_DATABASE_URL", "mysql://x"), "database.url",
                        "must start with jdbc:h2: or jdbc:postgresql: (got 'mysql://x' from RAPPORT_DATABASE_URL)"),
                env("boolean from the environment", Map.of("RAPPORT_PRIVACY_STORESUBJECTS", "on"), "privacy.storeSubjects",
                        "must be true or false (got 'on' from RAPPORT_PRIVACY_STORESUBJECTS)"),
                env("value with a line break", Map.of("RAPPORT_SERVER_PORT", "12\n34"), "server.port", "(got '12\\n34'"),
                env("misspelt variable", Map.of("RAPPORT_DATABSE_URL", "jdbc:h2:mem:x"), "RAPPORT_DATABSE_URL",
                        "no configuration key matches this environment variable; did you mean RAPPORT_DATABASE_URL?"),
                env("variable that names nothing", Map.of("RAPPORT_HOME", "/opt"), "RAPPORT_HOME",
                        "no configuration key matches"),
                env("variable that names a section", Map.of("RAPPORT_SERVER", "x"), "RAPPORT_SERVER",
                        "names the section server, not a single key"),
                env("variable for a tier nobody defined", Map.of("RAPPORT_TIERS_D_CADENCEDAYS", "7"),
                        "RAPPORT_TIERS_D_CADENCEDAYS", "no configuration key matches"),
                env("RAPPORT_CONFIG names a missing file", Map.of("RAPPORT_CONFIG", "nowhere.yaml"), "RAPPORT_CONFIG",
                        "file not found: "),
                args("--config names a missing file", List.of("--config", "nowhere.yaml"), "--config", "file not found: "),
                args("--config= names a missing file", List.of("--config=nowhere.yaml"), "--config", "file not found: "),
                args("--config names a directory", List.of("--config", "."), "--config", "is a directory"),
                args("--config without a file", List.of("--config"), "--config", "needs a file name"),
                args("--config= without a file", List.of("--config="), "--config", "needs a file name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void badConfigurationStopsWithOneLineNamingTheKey(Case c) throws IOException {
        List<String> args = new ArrayList<>(c.args());
        if (c.override() != null) {
            Files.writeString(dir.resolve("o.yaml"), c.override());
            args.addAll(List.of("--config", "o.yaml"));
        }

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> RapportConfig.load(args.toArray(String[]::new), c.env(), dir));

        assertThat(e).as("a ConfigException").isNotNull();
        assertThat(e.key()).isEqualTo(c.key());
        assertThat(e.getMessage())
                .startsWith(c.key() + ": ")
                .contains(c.says())
                .doesNotContain("\n", "\r");
    }

    @Test
    void databaseUrlMessageReadsAsDocumented() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> RapportConfig.forTests(Map.of("database.url", "mysql://x")));

        assertThat(e).hasMessage("database.url: must start with jdbc:h2: or jdbc:postgresql: (got 'mysql://x' from forTests)");
    }

    @Test
    void invalidYamlInTheWorkingDirectoryFileNamesThatFile() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/rapport.yaml"), "server:\n  port: 1\n bad indent: [\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> RapportConfig.load(new String[0], Map.of(), dir));

        assertThat(e.key()).isEqualTo("config/rapport.yaml");
        assertThat(e.getMessage()).startsWith("config/rapport.yaml: not valid YAML in ").contains("line ")
                .doesNotContain("\n");
    }

    @Test
    void passwordsInDatabaseUrlsAreNotEchoed() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> RapportConfig.load(new String[0],
                Map.of("RAPPORT_DATABASE_URL", "mysql://h/db?user=u&password=hunter2"), dir));

        assertThat(e.getMessage()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void anUnknownKeyIsReportedInTheFileThatIntroducedIt() throws IOException {
        Files.writeString(dir.resolve("o.yaml"), "sync: { pollMinuets: 3 }");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> RapportConfig.load(new String[] {"--config", "o.yaml"}, Map.of(), dir));

        assertThat(e).hasMessage("sync.pollMinuets: unknown key in " + dir.resolve("o.yaml")
                + "; did you mean sync.pollMinutes?");
    }
}
