package app.rapport.domain.client;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parsing and normalisation of mail addresses, so one mailbox always compares equal to itself. */
public final class EmailAddresses {
    private EmailAddresses() {}

    /** A parsed mailbox: display name (may be empty) and the address as written. */
    public record Mailbox(String displayName, String address) {}

    /**
     * Parses an address-list header value (From, To, Cc) leniently; unparseable entries are skipped.
     */
    public static List<Mailbox> parseList(String header) {
        List<Mailbox> out = new ArrayList<>();
        if (header == null || header.isBlank()) return out;
        try {
            for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
                toMailbox(a).ifPresent(out::add);
            }
        } catch (AddressException e) {
            for (String part : header.split(",")) {
                parseOne(part).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Parses a single address, or empty when it is not an address. */
    public static Optional<Mailbox> parseOne(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(raw.trim(), false);
            return parsed.length == 0 ? Optional.empty() : toMailbox(parsed[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    private static Optional<Mailbox> toMailbox(InternetAddress a) {
        String address = a.getAddress();
        if (address == null) return Optional.empty();
        address = address.trim();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) return Optional.empty();
        String personal = a.getPersonal() == null ? "" : a.getPersonal().trim();
        return Optional.of(new Mailbox(personal, address));
    }

    /**
     * Lower case, without a plus-tag; for Gmail and Googlemail also without dots in the local part
     * and with googlemail.com folded into gmail.com.
     */
    public static String normalize(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0) return a;
        String local = a.substring(0, at);
        String domain = normalizeDomain(a.substring(at + 1));
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("googlemail.com")) domain = "gmail.com";
        if (domain.equals("gmail.com")) local = local.replace(".", "");
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
}
