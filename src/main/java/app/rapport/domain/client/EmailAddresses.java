package app.rapport.domain.client;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parsing and normalisation of mail addresses, so one mailbox always compares equal to itself.
 *
 * <p>Parsing is lenient because real headers are messy: encoded-word display names, comments
 * ({@code a@b.com (Name)}), group syntax ({@code undisclosed-recipients:;}), missing angle brackets,
 * several bare addresses separated by spaces, raw 8-bit bytes. Whatever cannot be read as
 * {@code local@domain} is skipped; parsing never throws.
 */
public final class EmailAddresses {
    private EmailAddresses() {}

    /**
     * A parsed mailbox.
     *
     * @param displayName decoded display name or comment, "" when there is none
     * @param address     the address as written (not normalised), always {@code local@domain}
     */
    public record Mailbox(String displayName, String address) {}

    /**
     * Parses an address-list header value (From, To, Cc) leniently; unparseable entries are skipped,
     * groups are flattened into their members, and an empty group yields nothing.
     */
    public static List<Mailbox> parseList(String header) {
        List<Mailbox> out = new ArrayList<>(2);
        if (header == null || header.isBlank()) return out;
        try {
            for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
                add(out, a);
            }
        } catch (AddressException | RuntimeException e) {
            // One bad entry (an unbalanced quote or comment) spoils the whole header for the parser:
            // retry entry by entry so the good ones survive.
            out.clear();
            for (String part : header.split(",")) {
                parsePart(out, part);
            }
        }
        return out;
    }

    /** Parses a single address (the first one if the value holds several), or empty when there is none. */
    public static Optional<Mailbox> parseOne(String raw) {
        List<Mailbox> all = parseList(raw);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static void parsePart(List<Mailbox> out, String part) {
        if (part.isBlank()) return;
        try {
            for (InternetAddress a : InternetAddress.parseHeader(part, false)) {
                add(out, a);
            }
        } catch (AddressException | RuntimeException e) {
            salvage(out, part, "");
        }
    }

    private static void add(List<Mailbox> out, InternetAddress a) {
        if (a.isGroup()) {
            try {
                InternetAddress[] members = a.getGroup(false);
                if (members != null) {
                    for (InternetAddress m : members) add(out, m);
                }
            } catch (AddressException | RuntimeException e) {
                // An unreadable group ("<Undisclosed-Recipient:@host;>") names nobody we could match.
            }
            return;
        }
        String address = a.getAddress();
        if (address == null) return;
        String personal = a.getPersonal() == null ? "" : a.getPersonal().trim();
        String cleaned = stripBrackets(address.trim());
        if (isMailbox(cleaned)) {
            out.add(new Mailbox(personal, cleaned));
        } else {
            // The lenient parser hands back "Big Bug bb@bug.com" or "a@x.com b@x.com" as one address.
            salvage(out, address, personal);
        }
    }

    /** Keeps every whitespace- or bracket-separated token that is a plain local@domain address. */
    private static void salvage(List<Mailbox> out, String text, String personal) {
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean sep = i == n || isSeparator(text.charAt(i));
            if (!sep && start < 0) {
                start = i;
            } else if (sep && start >= 0) {
                String token = text.substring(start, i);
                if (isMailbox(token)) out.add(new Mailbox(personal, token));
                start = -1;
            }
        }
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == ',' || c == ';'
                || c == '(' || c == ')' || c == '"';
    }

    private static String stripBrackets(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '<') from++;
        while (to > from && s.charAt(to - 1) == '>') to--;
        return s.substring(from, to);
    }

    /**
     * True for {@code local@domain} with a non-empty local part and domain, one "@" outside a quoted
     * local part, and no whitespace, brackets or list separators.
     */
    static boolean isMailbox(String s) {
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) return false;
        boolean quotedLocal = s.charAt(0) == '"' && at >= 2 && s.charAt(at - 1) == '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quotedLocal && i < at) continue;
            if (Character.isWhitespace(c) || Character.isISOControl(c)) return false;
            switch (c) {
                case '<', '>', ',', ';', '(', ')', '"', '\\' -> { return false; }
                case '@' -> { if (i != at) return false; }
                case ':' -> { if (i > at) return false; }
                default -> { }
            }
        }
        return hasLetterOrDigit(s, quotedLocal ? 1 : 0, at) && hasLetterOrDigit(s, at + 1, s.length());
    }

    private static boolean hasLetterOrDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) return true;
        }
        return false;
    }

    /**
     * The comparison key of a mailbox: trimmed, without surrounding angle brackets or "mailto:",
     * lower case, without a plus-tag ({@code jane+news@x.com} is {@code jane@x.com}); for Gmail and
     * Googlemail also without dots in the local part and with googlemail.com folded into gmail.com.
     * A value without "@" is only trimmed and lower-cased.
     */
    public static String normalize(String address) {
        String a = address.trim();
        if (!a.isEmpty() && (a.charAt(0) == '<' || a.charAt(a.length() - 1) == '>')) a = stripBrackets(a).trim();
        a = a.toLowerCase(Locale.ROOT);
        if (a.startsWith("mailto:")) a = a.substring(7);
        int at = a.lastIndexOf('@');
        if (at <= 0) return a;
        String local = a.substring(0, at);
        String domain = normalizeDomain(a.substring(at + 1));
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("googlemail.com")) domain = "gmail.com";
        if (domain.equals("gmail.com") && local.indexOf('.') >= 0) local = local.replace(".", "");
        return local + "@" + domain;
    }

    /** Lower case, without a leading "@" or a trailing dot. */
    public static String normalizeDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("@")) d = d.substring(1);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d;
    }

    /** The normalised domain of an address, or "" when it has none. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : normalizeDomain(address.substring(at + 1));
    }

    /** The local part of an address as written (before the last "@"), or "" when it has none. */
    public static String localPartOf(String address) {
        int at = address.lastIndexOf('@');
        return at <= 0 ? "" : address.substring(0, at);
    }
}
