package app.rapport.domain.interaction;

import java.util.Locale;

/** How a meeting took place. */
public enum Mode {
    IN_PERSON, VIDEO, PHONE, UNKNOWN;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static Mode fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
