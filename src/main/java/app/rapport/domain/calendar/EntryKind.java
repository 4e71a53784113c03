package app.rapport.domain.calendar;

import java.util.Locale;

/** What a local calendar entry is: the user's own event, a hold for a suggestion, or an accepted suggestion. */
public enum EntryKind {
    EVENT, HOLD, MEETING;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static EntryKind fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
