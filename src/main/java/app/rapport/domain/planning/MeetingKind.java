package app.rapport.domain.planning;

import java.util.Locale;

/**
 * What kind of meeting the planner proposes. There is deliberately no sales or pitch kind: the planner
 * only ever proposes a touch that keeps the relationship warm.
 */
public enum MeetingKind {
    CALL("Call"), VIDEO("Video call"), COFFEE("Coffee"), LUNCH("Lunch"), REVIEW("Review"), VISIT("Visit");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    /** A short human label, e.g. "Video call". */
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
