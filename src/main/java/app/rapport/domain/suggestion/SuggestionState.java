package app.rapport.domain.suggestion;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a suggestion is in its life: proposed → placed (a hold is on the calendar) → accepted,
 * dismissed, expired or superseded. The last four are final.
 */
public enum SuggestionState {
    PROPOSED, PLACED, ACCEPTED, DISMISSED, EXPIRED, SUPERSEDED;

    /** Proposed and placed suggestions are open: at most one per client. */
    public boolean open() {
        return this == PROPOSED || this == PLACED;
    }

    /** The states this one may move to. */
    public Set<SuggestionState> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(PLACED, ACCEPTED, DISMISSED, EXPIRED, SUPERSEDED);
            case PLACED -> EnumSet.of(ACCEPTED, DISMISSED, EXPIRED, SUPERSEDED);
            default -> EnumSet.noneOf(SuggestionState.class);
        };
    }

    public boolean canMoveTo(SuggestionState target) {
        return next().contains(target);
    }

    /** The lower-case name used in JSON and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; throws IllegalArgumentException for anything else. */
    public static SuggestionState fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
