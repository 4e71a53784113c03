package app.rapport.domain.interaction;

import java.util.Locale;

/** How a contact happened. */
public enum Channel {
    EMAIL, MEETING, CALL, LETTER, NOTE;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static Channel fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
