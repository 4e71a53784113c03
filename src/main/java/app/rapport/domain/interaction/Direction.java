package app.rapport.domain.interaction;

import java.util.Locale;

/** Who reached out: the user (OUTBOUND), the client (INBOUND), or both at a meeting (MUTUAL). */
public enum Direction {
    OUTBOUND, INBOUND, MUTUAL;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static Direction fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
