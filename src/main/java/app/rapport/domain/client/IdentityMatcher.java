package app.rapport.domain.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells for one mail address whether it is a client, the user, a colleague or nobody we know.
 *
 * <p>Rules, first match wins (each names itself in {@link AddressMatch#rule()}):
 * <ol>
 *   <li>{@code explicit-address}: a client's EMAIL identity equals the normalised address. This wins
 *       over everything, even for the user's own domain or a free-mail address: the user said so.</li>
 *   <li>{@code owner-address}: one of the user's own addresses.</li>
 *   <li>{@code colleague-domain}: the domain is an owner domain or a subdomain of one
 *       ({@code eu.acme.com} for {@code acme.com}).</li>
 *   <li>{@code company-domain}: a client's DOMAIN identity equals the domain or a parent of it
 *       ({@code mail.acme.com} matches a client owning {@code acme.com}); the most specific domain
 *       wins, so a client owning {@code uk.acme.com} beats one owning {@code acme.com}.</li>
 *   <li>{@code no-match}: none of the above; {@code not-an-address} when the input has no
 *       {@code local@domain} at all.</li>
 * </ol>
 *
 * <p>DOMAIN identities are ignored when they are a free-mail domain, an owner domain or inside one,
 * or a bare public suffix such as {@code co.uk} (one label, or two with a generic second level).
 * When two clients claim the same address or domain, the lowest client id wins, so the answer does
 * not depend on the order clients were loaded in.
 *
 * <p>Lookups are hash lookups: one for the address, then one per domain label. Immutable and safe to
 * share between threads; build a new matcher when clients change.
 */
public final class IdentityMatcher {
    static final String EXPLICIT_ADDRESS = "explicit-address";
    static final String OWNER_ADDRESS = "owner-address";
    static final String COLLEAGUE_DOMAIN = "colleague-domain";
    static final String COMPANY_DOMAIN = "company-domain";
    static final String NO_MATCH = "no-match";
    static final String NOT_AN_ADDRESS = "not-an-address";

    private static final AddressMatch OWNER = new AddressMatch(AddressMatch.Kind.OWNER, 0, OWNER_ADDRESS);
    private static final AddressMatch COLLEAGUE = new AddressMatch(AddressMatch.Kind.COLLEAGUE, 0, COLLEAGUE_DOMAIN);
    private static final AddressMatch UNKNOWN = new AddressMatch(AddressMatch.Kind.UNKNOWN, 0, NO_MATCH);
    private static final AddressMatch NOT_ADDRESS = new AddressMatch(AddressMatch.Kind.UNKNOWN, 0, NOT_AN_ADDRESS);
    private static final Set<String> GENERIC_SECOND_LEVELS = Set.of("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gv");

    private final MatchingPolicy policy;
    private final Map<String, AddressMatch> byAddress = new HashMap<>();
    private final Map<String, AddressMatch> byDomain = new HashMap<>();

    public IdentityMatcher(MatchingPolicy policy, Collection<Client> clients) {
        this.policy = Objects.requireNonNull(policy, "policy");
        for (Client c : clients) {
            for (Identity identity : c.identities()) {
                if (identity.kind() == IdentityKind.EMAIL) {
                    String address = EmailAddresses.normalize(identity.value());
                    if (address.indexOf('@') > 0) claim(byAddress, address, c.id(), EXPLICIT_ADDRESS);
                } else {
                    String domain = EmailAddresses.normalizeDomain(identity.value());
                    if (isUsableCompanyDomain(domain)) claim(byDomain, domain, c.id(), COMPANY_DOMAIN);
                }
            }
        }
    }

    private static void claim(Map<String, AddressMatch> map, String key, long clientId, String rule) {
        AddressMatch existing = map.get(key);
        if (existing == null || clientId < existing.clientId()) {
            map.put(key, new AddressMatch(AddressMatch.Kind.CLIENT, clientId, rule));
        }
    }

    private boolean isUsableCompanyDomain(String domain) {
        int dot = domain.indexOf('.');
        if (dot <= 0 || dot == domain.length() - 1) return false;
        if (domain.indexOf('.', dot + 1) < 0 && GENERIC_SECOND_LEVELS.contains(domain.substring(0, dot))) return false;
        if (policy.freeMailDomains().contains(domain)) return false;
        return !isOwnerDomain(domain);
    }

    /** The policy this matcher was built with. */
    public MatchingPolicy policy() {
        return policy;
    }

    /**
     * Matches one address: a bare address in any case ({@code Jane.Doe+x@Acme.com}), an already
     * normalised one, or a mailbox with a display name ({@code "Jane" <jane@acme.com>}).
     */
    public AddressMatch match(String rawOrNormalisedAddress) {
        if (rawOrNormalisedAddress == null) return NOT_ADDRESS;
        String raw = rawOrNormalisedAddress;
        if (needsParsing(raw)) {
            var parsed = EmailAddresses.parseOne(raw);
            if (parsed.isEmpty()) return NOT_ADDRESS;
            raw = parsed.get().address();
        }
        String address = EmailAddresses.normalize(raw);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) return NOT_ADDRESS;

        AddressMatch explicit = byAddress.get(address);
        if (explicit != null) return explicit;
        if (policy.ownerAddresses().contains(address)) return OWNER;

        String domain = address.substring(at + 1);
        if (isOwnerDomain(domain)) return COLLEAGUE;
        for (String d = domain; d != null; d = parentDomain(d)) {
            AddressMatch company = byDomain.get(d);
            if (company != null) return company;
        }
        return UNKNOWN;
    }

    private boolean isOwnerDomain(String domain) {
        Set<String> owner = policy.ownerDomains();
        if (owner.isEmpty()) return false;
        for (String d = domain; d != null; d = parentDomain(d)) {
            if (owner.contains(d)) return true;
        }
        return false;
    }

    /** "a.b.c" gives "b.c"; a two-label domain gives null: a bare top-level domain is never looked up. */
    private static String parentDomain(String domain) {
        int dot = domain.indexOf('.');
        if (dot < 0) return null;
        String parent = domain.substring(dot + 1);
        return parent.indexOf('.') < 0 ? null : parent;
    }

    private static boolean needsParsing(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '"' || c == '(' || c == ',' || (Character.isWhitespace(c) && i > 0 && i < s.length() - 1)) {
                return true;
            }
        }
        return false;
    }
}
