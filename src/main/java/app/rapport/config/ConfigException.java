package app.rapport.config;

/**
 * A configuration problem that stops start-up. The message is always one line that begins with
 * the key at fault, e.g. {@code server.port: must be an integer (got 'abc')}; for a file the
 * "key" is the option that named it ({@code --config}, {@code RAPPORT_CONFIG},
 * {@code config/rapport.yaml}), and for a stray environment variable it is the variable's name.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /** A problem with {@code key}; {@code problem} is folded onto one line. */
    public ConfigException(String key, String problem) {
        super(oneLine(key + ": " + problem));
        this.key = key;
    }

    /** A problem with {@code key} caused by {@code cause}; the cause's message is not repeated. */
    public ConfigException(String key, String problem, Throwable cause) {
        super(oneLine(key + ": " + problem), cause);
        this.key = key;
    }

    /** The dotted key (or option, or environment variable) the message is about. */
    public String key() {
        return key;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
