package app.rapport.domain.calendar;

import java.util.Locale;

/** How a calendar entry shows on free/busy: BUSY and TENTATIVE (a hold, an unconfirmed event) block the planner; FREE does not. */
public enum ShowAs {
    BUSY, TENTATIVE, FREE;

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static ShowAs fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
