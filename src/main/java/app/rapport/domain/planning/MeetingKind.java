package app.rapport.domain.planning;

import java.util.Locale;

/** The kind of relationship meeting the planner suggests. There is deliberately no "pitch". */
public enum MeetingKind {
    CALL("Call"), VIDEO("Video call"), COFFEE("Coffee"), LUNCH("Lunch"), REVIEW("Review"), VISIT("Visit");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static MeetingKind fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
