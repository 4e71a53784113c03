package app.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RapportConfigTest {
    private static final String[] NO_ARGS = {};

    @TempDir
    Path dir;

    private RapportConfig load(Map<String, String> env, String... args) {
        return RapportConfig.load(args, env, dir);
    }

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void defaultsLoadWithEveryDocumentedValue() {
        RapportConfig c = load(Map.of());

        assertThat(c.server()).isEqualTo(new ServerConfig("0.0.0.0", 7070, "http://localhost:7070"));
        assertThat(c.database()).isEqualTo(new DatabaseConfig(
                "jdbc:h2:file:./data/rapport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", 10));
        assertThat(c.owner()).isEqualTo(new OwnerConfig("Demo Owner", "owner@example.com", ZoneId.of("Europe/London")));
        assertThat(c.demo()).isEqualTo(new DemoConfig(true, 20261123L));
        assertThat(c.matching().freeMailDomains()).hasSize(21).startsWith("gmail.com", "googlemail.com")
                .endsWith("zoho.com", "yandex.ru");
        assertThat(c.tiers()).containsExactly(
                Map.entry("A", new TierConfig(30, 45)),
                Map.entry("B", new TierConfig(90, 120)),
                Map.entry("C", new TierConfig(180, 270)));
        assertThat(c.privacy().storeSubjects()).isTrue();
        assertThat(c.providers().microsoft()).isEqualTo(new MicrosoftConfig("", "", "common",
                "https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0"));
        assertThat(c.providers().google()).isEqualTo(new GoogleConfig("", "",
                "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                "https://gmail.googleapis.com/", "https://www.googleapis.com/"));
        assertThat(c.mail().smtp()).isEqualTo(new SmtpConfig("", 587, "", "", "", true));
        assertThat(c.sync()).isEqualTo(new SyncConfig(24, 5, "auto", 6));
        assertThat(RapportConfig.defaults()).isEqualTo(c);
    }

    @Test
    void theRootConfigFileIsTheSameAsTheBundledDefaults() throws IOException {
        // Maven runs tests from the project directory; config/rapport.yaml is the source of truth.
        Path root = Path.of("config/rapport.yaml");
        try (InputStream bundled = RapportConfig.class.getResourceAsStream("/rapport-defaults.yaml")) {
            assertThat(bundled).isNotNull();
            assertThat(new String(bundled.readAllBytes(), StandardCharsets.UTF_8))
                    .as("copy config/rapport.yaml to src/main/resources/rapport-defaults.yaml")
                    .isEqualTo(Files.readString(root));
        }
    }

    @Test
    void theRootConfigFileLoadsAsItsOwnConfig() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("config/rapport.yaml"), dir.resolve("config/rapport.yaml"));

        assertThat(load(Map.of())).isEqualTo(RapportConfig.defaults());
    }

    @Test
    void configFileInTheWorkingDirectoryIsLaidOverTheBundledDefaults() throws IOException {
        write("config/rapport.yaml", "server:\n  port: 8080\n");

        RapportConfig c = load(Map.of());

        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void overrideFileDeepMergesOverTheDefaults() throws IOException {
        Path file = write("override.yaml", """
                server:
                  port: 9090
                database:
                  url: jdbc:postgresql://db.example.com:5432/rapport
                  password: s3cret
                matching:
                  freeMailDomains: [Example.ORG, "@web.de"]
                tiers:
                  A: { cadenceDays: 14 }
                  D: { cadenceDays: 365, maxGapDays: 400 }
                providers:
                  google:
                    tokenUri: http://127.0.0.1:4000/token
                mail:
                """);

        RapportConfig c = load(Map.of(), "--config", file.toString());

        assertThat(c.server()).isEqualTo(new ServerConfig("0.0.0.0", 9090, "http://localhost:7070"));
        assertThat(c.database()).isEqualTo(
                new DatabaseConfig("jdbc:postgresql://db.example.com:5432/rapport", "sa", "s3cret", 10));
        assertThat(c.matching().freeMailDomains()).as("a list replaces the default list")
                .containsExactly("example.org", "web.de");
        assertThat(c.tiers()).containsExactly(
                Map.entry("A", new TierConfig(14, 45)),
                Map.entry("B", new TierConfig(90, 120)),
                Map.entry("C", new TierConfig(180, 270)),
                Map.entry("D", new TierConfig(365, 400)));
        assertThat(c.providers().google().tokenUri()).isEqualTo("http://127.0.0.1:4000/token");
        assertThat(c.providers().google().authUri()).isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
        assertThat(c.mail().smtp().port()).as("an empty section changes nothing").isEqualTo(587);
    }

    static Stream<Arguments> waysToNameTheOverrideFile() {
        return Stream.of(
                Arguments.of("--config FILE", new String[] {"--config", "o.yaml"}, Map.of()),
                Arguments.of("--config=FILE", new String[] {"serve", "--config=o.yaml"}, Map.of()),
                Arguments.of("RAPPORT_CONFIG", NO_ARGS, Map.of("RAPPORT_CONFIG", "o.yaml")),
                Arguments.of("--config over RAPPORT_CONFIG", new String[] {"--config", "o.yaml"},
                        Map.of("RAPPORT_CONFIG", "missing.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysToNameTheOverrideFile")
    void overrideFileIsFoundRelativeToTheWorkingDirectory(String way, String[] args, Map<String, String> env)
            throws IOException {
        write("o.yaml", "server: { port: 9191 }");

        assertThat(load(env, args).server().port()).isEqualTo(9191);
    }

    @Test
    void overrideFileWinsOverTheWorkingDirectoryFile() throws IOException {
        write("config/rapport.yaml", "server: { port: 8080, host: 127.0.0.1 }");
        write("o.yaml", "server: { port: 9090 }");

        RapportConfig c = load(Map.of(), "--config", "o.yaml");

        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void emptyOverrideFileChangesNothing() throws IOException {
        write("o.yaml", "# nothing yet\n");

        assertThat(load(Map.of(), "--config", "o.yaml")).isEqualTo(RapportConfig.defaults());
    }

    static Stream<Arguments> singleKeyVariables() {
        return Stream.of(
                envCase("RAPPORT_DATABASE_URL", "jdbc:postgresql://pg/rapport", c -> c.database().url(),
                        "jdbc:postgresql://pg/rapport"),
                envCase("RAPPORT_SERVER_PORT", "8081", c -> c.server().port(), 8081),
                envCase("RAPPORT_SERVER_PORT", " 0 ", c -> c.server().port(), 0),
                envCase("RAPPORT_SERVER_PUBLICURL", "https://rapport.example.com/", c -> c.server().publicUrl(),
                        "https://rapport.example.com"),
                envCase("RAPPORT_PROVIDERS_MICROSOFT_GRAPHBASEURL", "http://127.0.0.1:5000/v1.0",
                        c -> c.providers().microsoft().graphBaseUrl(), "http://127.0.0.1:5000/v1.0"),
                envCase("RAPPORT_providers_microsoft_graphBaseUrl", "http://127.0.0.1:5001/v1.0",
                        c -> c.providers().microsoft().graphBaseUrl(), "http://127.0.0.1:5001/v1.0"),
                envCase("RAPPORT_PROVIDERS_GOOGLE_CLIENTSECRET", "xyz",
                        c -> c.providers().google().clientSecret(), "xyz"),
                envCase("RAPPORT_DEMO_LOAD", "FALSE", c -> c.demo().load(), false),
                envCase("RAPPORT_DEMO_SEED", "9000000000", c -> c.demo().seed(), 9_000_000_000L),
                envCase("RAPPORT_OWNER_TIMEZONE", "America/New_York", c -> c.owner().timeZone(),
                        ZoneId.of("America/New_York")),
                envCase("RAPPORT_MATCHING_FREEMAILDOMAINS", "a.com, B.com,,", c -> c.matching().freeMailDomains(),
                        List.of("a.com", "b.com")),
                envCase("RAPPORT_MATCHING_FREEMAILDOMAINS", "", c -> c.matching().freeMailDomains(), List.of()),
                envCase("RAPPORT_TIERS_A_CADENCEDAYS", "14", c -> c.tiers().get("A"), new TierConfig(14, 45)),
                envCase("RAPPORT_MAIL_SMTP_STARTTLS", "false", c -> c.mail().smtp().startTls(), false),
                envCase("RAPPORT_SYNC_BACKFILLMONTHS", "0", c -> c.sync().backfillMonths(), 0));
    }

    private static Arguments envCase(String name, String value, Function<RapportConfig, Object> read, Object expected) {
        return Arguments.of(name + "=" + value, Map.of(name, value), read, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleKeyVariables")
    void environmentVariableOverridesOneKey(String title, Map<String, String> env,
                                            Function<RapportConfig, Object> read, Object expected) {
        assertThat(read.apply(load(env))).isEqualTo(expected);
    }

    @Test
    void environmentVariablesWinOverTheOverrideFile() throws IOException {
        write("o.yaml", "server: { port: 9090 }\ndatabase: { maxPoolSize: 3 }");

        RapportConfig c = load(Map.of("RAPPORT_CONFIG", "o.yaml", "RAPPORT_SERVER_PORT", "9999"));

        assertThat(c.server().port()).isEqualTo(9999);
        assertThat(c.database().maxPoolSize()).isEqualTo(3);
    }

    @Test
    void environmentCanOverrideATierAddedByTheOverrideFile() throws IOException {
        write("o.yaml", "tiers: { D: { cadenceDays: 365, maxGapDays: 400 } }");

        RapportConfig c = load(Map.of("RAPPORT_CONFIG", "o.yaml", "RAPPORT_TIERS_D_MAXGAPDAYS", "500"));

        assertThat(c.tiers().get("D")).isEqualTo(new TierConfig(365, 500));
        assertThat(c.tier("D").map(t -> t.toTier("D").maxGapDays())).contains(500);
    }

    @Test
    void blankRapportConfigMeansNoOverrideFile() {
        assertThat(load(Map.of("RAPPORT_CONFIG", " "))).isEqualTo(RapportConfig.defaults());
    }

    @Test
    void variablesWithoutTheRapportPrefixAreIgnored() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin");
        env.put("SERVER_PORT", "abc");
        env.put("RAPPORTX", "1");

        assertThat(load(env)).isEqualTo(RapportConfig.defaults());
    }

    @Test
    void forTestsChangesOnlyTheGivenKeys() {
        RapportConfig c = RapportConfig.forTests(Map.of(
                "database.url", "jdbc:h2:mem:t1",
                "server.port", 0,
                "demo.load", false,
                "matching.freeMailDomains", List.of("x.com"),
                "tiers.D.cadenceDays", 7,
                "tiers.D.maxGapDays", 10));

        assertThat(c.database().url()).isEqualTo("jdbc:h2:mem:t1");
        assertThat(c.server().port()).isZero();
        assertThat(c.demo().load()).isFalse();
        assertThat(c.matching().freeMailDomains()).containsExactly("x.com");
        assertThat(c.tiers()).containsKeys("A", "B", "C", "D");
        assertThat(c.owner()).isEqualTo(RapportConfig.defaults().owner());
    }

    @Test
    void forTestsRefusesUnknownKeysAndBadValues() {
        assertThatThrownBy(() -> RapportConfig.forTests(Map.of("server.prot", 0)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.prot: unknown key in forTests; did you mean server.port?");
        assertThatThrownBy(() -> RapportConfig.forTests(Map.of("server.port", -1)))
                .hasMessage("server.port: must be between 1 and 65535, or 0 for any free port (got '-1' from forTests)");
    }

    @Test
    void configIsImmutable() {
        RapportConfig c = RapportConfig.defaults();

        assertThatThrownBy(() -> c.tiers().put("Z", new TierConfig(1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.matching().freeMailDomains().add("x.com"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void secretsAreLeftOutOfToString() {
        RapportConfig c = RapportConfig.forTests(Map.of(
                "database.url", "jdbc:postgresql://pg/r?user=u&password=pw-in-url",
                "database.password", "pw-db",
                "providers.microsoft.clientSecret", "pw-ms",
                "providers.google.clientSecret", "pw-google",
                "mail.smtp.password", "pw-smtp"));

        assertThat(c.toString()).doesNotContain("pw-").contains("password=***");
    }

    @Test
    void loadOrReportPrintsOneLineAndGivesNothingOnAProblem() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        var config = RapportConfig.loadOrReport(NO_ARGS, Map.of("RAPPORT_SERVER_PORT", "abc"), dir,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(config).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "rapport: configuration error: server.port: must be an integer (got 'abc' from RAPPORT_SERVER_PORT)"
                        + System.lineSeparator());
    }

    @Test
    void loadOrReportGivesTheConfigAndPrintsNothingWhenAllIsWell() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        var config = RapportConfig.loadOrReport(NO_ARGS, Map.of(), dir, new PrintStream(err));

        assertThat(config).contains(RapportConfig.defaults());
        assertThat(err.size()).isZero();
    }
}
