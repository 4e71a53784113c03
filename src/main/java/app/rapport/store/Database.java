package app.rapport.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The connection pool, the migrations and the transaction boundary. Repositories run their SQL on
 * the connection of the current transaction when there is one, so several calls commit together.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens a pool to {@code url} and brings the schema up to date; throws {@link StoreException} if unreachable. */
    public static Database open(String url, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("rapport");
        // Fail fast at start-up: a wrong URL should stop the server, not hang it.
        config.setInitializationFailTimeout(5_000);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + redact(url) + ": " + rootMessage(e), e);
        }
        Database db = new Database(ds, Dialect.of(url));
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot migrate " + redact(url) + ": " + rootMessage(e), e);
        }
        return db;
    }

    /** The pool itself, for libraries that manage their own connections (db-scheduler). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a trivial query answers. */
    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} inside one transaction, joining the current one if this thread already has it. */
    public <T> T inTransaction(Work<T> work) {
        Connection existing = current.get();
        if (existing != null) {
            try {
                return work.run(existing);
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                if (e instanceof SQLException sql) throw new StoreException(sql.getMessage(), sql);
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Runs {@code work} on the current transaction's connection, or on a pooled one in auto-commit. */
    public <T> T withConnection(Work<T> work) {
        Connection existing = current.get();
        try {
            if (existing != null) return work.run(existing);
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /**
     * Refreshes PostgreSQL's planner statistics of some tables. A table that has only just filled
     * (the first backfill of a new database) has none until autovacuum gets to it, and without them
     * PostgreSQL reads a user's whole history for a lookup by thread. H2 keeps its own up to date.
     */
    public void analyze(String... tables) {
        if (dialect != Dialect.POSTGRESQL) return;
        withConnection(c -> {
            try (var st = c.createStatement()) {
                st.execute("ANALYZE " + String.join(", ", tables));
            }
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
