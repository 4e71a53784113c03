package app.rapport.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys: the closest known name within two edits. */
final class Suggestions {
    private static final int MAX_EDITS = 2;

    private Suggestions() {}

    /** The candidate closest to {@code name} ignoring case, or null when none is within two edits. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d < candidate.length()) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
