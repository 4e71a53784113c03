package app.rapport.config;

/**
 * The SMTP server for outgoing mail (invitations from the local calendar, sign-in links).
 *
 * @param host     server name; empty means no mail is sent
 * @param port     TCP port 1..65535
 * @param user     login, may be empty for an open relay
 * @param password password; left out of {@link #toString()}
 * @param from     sender, e.g. "Rapport &lt;rapport@example.com&gt;"; empty or containing "@"
 * @param startTls upgrade the connection with STARTTLS
 */
public record SmtpConfig(String host, int port, String user, String password, String from, boolean startTls) {
    /** True when a host is set. */
    public boolean enabled() {
        return !host.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", user=" + user + ", password="
                + Secrets.mask(password) + ", from=" + from + ", startTls=" + startTls + "]";
    }
}
