package app.rapport.domain.interaction;

import java.util.Locale;

/** What a contact was for, as inferred by ordered rules; UNKNOWN is an honest answer. */
public enum Intent {
    SALES, SERVICE, RELATIONSHIP, SOCIAL, ADMIN, UNKNOWN;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static Intent fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
