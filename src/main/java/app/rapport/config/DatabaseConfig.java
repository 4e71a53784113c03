package app.rapport.config;

/**
 * The database connection.
 *
 * @param url         JDBC URL, starting with jdbc:h2: or jdbc:postgresql:
 * @param user        database user
 * @param password    database password, may be empty; left out of {@link #toString()}
 * @param maxPoolSize most connections open at once, at least 1
 */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
    /** True for the embedded H2 database. */
    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + Secrets.maskUrl(url) + ", user=" + user + ", password="
                + Secrets.mask(password) + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
