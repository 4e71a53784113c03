package app.rapport.providers.local;

import net.fortuna.ical4j.util.CompatibilityHints;

/** ical4j's process-wide settings, applied once before the first parse or write. */
final class Ical4j {
    private Ical4j() {}

    static {
        // Real files from Outlook, Lotus Notes, Google and Apple break RFC 5545 in small ways: folded lines
        // without the leading space, lower-case names, unknown parameters, bad property values.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, true);
    }

    /** Loads this class, which runs the static block above. */
    static void init() {}
}
