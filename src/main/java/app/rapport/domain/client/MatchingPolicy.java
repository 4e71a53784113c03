package app.rapport.domain.client;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who the user is, for identity matching: the user's own addresses and domains, and the free-mail
 * domains that never identify a company.
 *
 * <p>Every value is normalised in the constructor ({@link EmailAddresses#normalize} for addresses,
 * {@link EmailAddresses#normalizeDomain} for domains); blanks and nulls are dropped. A free-mail
 * domain is also dropped from {@code ownerDomains}: a user who writes from gmail.com has no
 * colleagues there, and treating every Gmail user as a colleague would hide every private client.
 * A null {@code freeMailDomains} means {@link #DEFAULT_FREE_MAIL_DOMAINS}; pass an empty set to have none.
 *
 * @param ownerAddresses  the user's own mail addresses (all connected accounts and aliases)
 * @param ownerDomains    the domains of the user's firm; anyone there is a colleague, never a client
 * @param freeMailDomains domains anyone can sign up at; a client's DOMAIN identity there is ignored
 */
public record MatchingPolicy(Set<String> ownerAddresses, Set<String> ownerDomains, Set<String> freeMailDomains) {

    /** Common consumer mail domains, lower case. */
    public static final Set<String> DEFAULT_FREE_MAIL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com",
            "outlook.com", "outlook.de", "outlook.fr", "outlook.es", "hotmail.com", "hotmail.co.uk", "hotmail.de",
            "hotmail.fr", "hotmail.es", "hotmail.it", "live.com", "live.co.uk", "live.de", "live.fr", "msn.com",
            "yahoo.com", "yahoo.co.uk", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.it", "yahoo.ca", "yahoo.com.au",
            "ymail.com", "rocketmail.com",
            "icloud.com", "me.com", "mac.com",
            "aol.com", "aol.de",
            "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
            "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com", "web.de", "t-online.de", "freenet.de", "posteo.de",
            "mailbox.org",
            "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
            "libero.it", "virgilio.it", "bluewin.ch",
            "mail.com", "email.com", "yandex.ru", "yandex.com", "mail.ru",
            "zoho.com", "fastmail.com", "fastmail.fm", "hey.com", "tutanota.com", "tuta.io",
            "comcast.net", "att.net", "verizon.net", "sbcglobal.net", "btinternet.com",
            "qq.com", "163.com", "naver.com");

    public MatchingPolicy {
        freeMailDomains = freeMailDomains == null ? DEFAULT_FREE_MAIL_DOMAINS : domains(freeMailDomains, Set.of());
        ownerAddresses = addresses(ownerAddresses);
        ownerDomains = domains(ownerDomains, freeMailDomains);
    }

    /**
     * A policy for a user known by their addresses: owner domains are the addresses' domains except
     * free-mail ones, with {@link #DEFAULT_FREE_MAIL_DOMAINS}.
     */
    public static MatchingPolicy forOwner(Collection<String> ownerAddresses) {
        Set<String> domains = new LinkedHashSet<>();
        for (String a : ownerAddresses) {
            if (a != null && !a.isBlank()) domains.add(EmailAddresses.domainOf(EmailAddresses.normalize(a)));
        }
        return new MatchingPolicy(Set.copyOf(ownerAddresses), domains, DEFAULT_FREE_MAIL_DOMAINS);
    }

    /** True when the normalised domain is a free-mail domain. */
    public boolean isFreeMail(String normalisedDomain) {
        return freeMailDomains.contains(normalisedDomain);
    }

    private static Set<String> addresses(Collection<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) out.add(EmailAddresses.normalize(v));
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> domains(Collection<String> values, Set<String> excluded) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isBlank()) continue;
                String d = EmailAddresses.normalizeDomain(v);
                if (!d.isEmpty() && !excluded.contains(d)) out.add(d);
            }
        }
        return Set.copyOf(out);
    }
}
