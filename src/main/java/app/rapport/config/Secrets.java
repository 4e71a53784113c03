package app.rapport.config;

import java.util.regex.Pattern;

/** Keeps secrets out of log lines and error messages. */
final class Secrets {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

    private Secrets() {}

    /** "" for an empty value, otherwise "***". */
    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : "***";
    }

    /** The URL with the value of any password=... parameter replaced by ***. */
    static String maskUrl(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1***");
    }
}
