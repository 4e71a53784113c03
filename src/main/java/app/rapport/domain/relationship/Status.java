package app.rapport.domain.relationship;

import java.util.Locale;

/**
 * How warm a relationship is. An idle client is INACTIVE, never lost: every client stays a client.
 * ACTIVE: next touch due in more than 14 days; COOLING: due within 14 days or overdue by less than one
 * cadence; INACTIVE: overdue by one cadence or more.
 */
public enum Status {
    ACTIVE, COOLING, INACTIVE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
