package app.rapport.domain.interaction;

/**
 * Turns free text into " word word word ": lower case, common Latin accents folded (ä to a, ß to
 * ss), every run of non-letters and non-digits one space, padded with one space at each end. Rules
 * then find whole words with {@code contains(" lunch ")} and word beginnings with
 * {@code contains(" renew")}, without regular expressions.
 */
final class TextFolding {
    private TextFolding() {}

    static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2);
        b.append(' ');
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = foldChar(c);
            if (f == 0) {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
                continue;
            }
            b.append(f);
            space = false;
            // The three letters that fold into two.
            if (c == '\u00df') b.append('s');
            else if (c == '\u00e6' || c == '\u00c6' || c == '\u0153' || c == '\u0152') b.append('e');
        }
        if (!space) b.append(' ');
        return b.toString();
    }

    /** A letter or digit in folded form (the first letter for ß, æ, œ), or 0 for a separator. */
    private static char foldChar(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') return c;
            if (c >= 'A' && c <= 'Z') return (char) (c + 32);
            return 0;
        }
        char l = Character.toLowerCase(c);
        switch (l) {
            case '\u00e0', '\u00e1', '\u00e2', '\u00e3', '\u00e4', '\u00e5', '\u00e6' -> { return 'a'; }
            case '\u00e7' -> { return 'c'; }
            case '\u00e8', '\u00e9', '\u00ea', '\u00eb' -> { return 'e'; }
            case '\u00ec', '\u00ed', '\u00ee', '\u00ef' -> { return 'i'; }
            case '\u00f1' -> { return 'n'; }
            case '\u00f2', '\u00f3', '\u00f4', '\u00f5', '\u00f6', '\u00f8', '\u0153' -> { return 'o'; }
            case '\u00f9', '\u00fa', '\u00fb', '\u00fc' -> { return 'u'; }
            case '\u00fd', '\u00ff' -> { return 'y'; }
            case '\u00df' -> { return 's'; }
            default -> { }
        }
        return Character.isLetterOrDigit(c) ? l : 0;
    }

    /**
     * Compiles a keyword: "lunch" matches the whole word, "renew*" any word starting with "renew",
     * "check in" the phrase. Keywords are written folded (no accents, lower case).
     */
    static String keyword(String k) {
        return k.endsWith("*") ? " " + k.substring(0, k.length() - 1) : " " + k + " ";
    }

    static String[] keywords(String... ks) {
        String[] out = new String[ks.length];
        for (int i = 0; i < ks.length; i++) out[i] = keyword(ks[i]);
        return out;
    }

    static boolean containsAny(String folded, String[] compiled) {
        for (String k : compiled) {
            if (folded.contains(k)) return true;
        }
        return false;
    }
}
