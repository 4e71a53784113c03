package app.rapport.support;

import app.rapport.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated databases for tests: an in-memory H2, or a new schema in the PostgreSQL named by
 * the system property {@code rapport.test.postgres.url} (set by scripts/test from
 * TEST_POSTGRES_URL). Without that URL the PostgreSQL tests are skipped with a visible line,
 * unless TEST_REQUIRE_POSTGRES is set (CI), in which case they fail.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static final String H2_URL_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** A new in-memory H2 database, kept until the JVM ends or it is closed. */
    public static Database h2() {
        String url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + H2_URL_OPTIONS
                + ";DB_CLOSE_DELAY=-1";
        return Database.open(url, "sa", "", 4);
    }

    /** The base PostgreSQL URL, or skips (fails in CI) when none is configured or it does not answer. */
    public static String postgresUrl() {
        String url = System.getProperty("rapport.test.postgres.url", "");
        if (url.isBlank()) url = System.getenv().getOrDefault("TEST_POSTGRES_URL", "");
        boolean required = !System.getenv().getOrDefault("TEST_REQUIRE_POSTGRES", "").isBlank();
        if (url.isBlank()) {
            if (required) Assertions.fail("TEST_REQUIRE_POSTGRES is set but no PostgreSQL URL was given");
            announceSkipOnce("SKIPPED PostgreSQL tests: set TEST_POSTGRES_URL to run them");
            Assumptions.abort("no PostgreSQL configured (TEST_POSTGRES_URL)");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(2);
        } catch (SQLException e) {
            if (required) Assertions.fail("PostgreSQL at " + url + " is unreachable: " + e.getMessage());
            announceSkipOnce("SKIPPED PostgreSQL tests: " + url + " is unreachable (" + e.getMessage() + ")");
            Assumptions.abort("PostgreSQL unreachable");
        }
        return url;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean ANNOUNCED = new java.util.concurrent.atomic.AtomicBoolean();

    private static void announceSkipOnce(String line) {
        if (ANNOUNCED.compareAndSet(false, true)) System.out.println(line);
    }

    /** A new schema in the test PostgreSQL, migrated; dropped when the JVM ends. */
    public static Database postgres() {
        return Database.open(postgresSchemaUrl(), null, null, 4);
    }

    /**
     * The URL of a new, empty schema in the test PostgreSQL (dropped when the JVM ends), for a
     * database opened more than once or by another process; skips like {@link #postgresUrl()}.
     */
    public static String postgresSchemaUrl() {
        String base = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DROPS.add(() -> {
            try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // A leftover schema in a throwaway test database does no harm.
            }
        });
        return url;
    }

    private static final java.util.List<Runnable> DROPS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DROPS.forEach(Runnable::run)));
    }
}
