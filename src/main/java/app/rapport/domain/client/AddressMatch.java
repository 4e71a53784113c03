package app.rapport.domain.client;

import java.util.Objects;

/**
 * What one mail address turned out to be, and the rule that decided it.
 *
 * @param kind     client, the user, a colleague of the user, or nobody we know
 * @param clientId the matched client's id; 0 unless {@code kind} is CLIENT
 * @param rule     kebab-case rule name: explicit-address, owner-address, colleague-domain,
 *                 company-domain, no-match or not-an-address
 */
public record AddressMatch(Kind kind, long clientId, String rule) {
    /** The four answers a match can give. */
    public enum Kind { CLIENT, OWNER, COLLEAGUE, UNKNOWN }

    public AddressMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        if (kind != Kind.CLIENT && clientId != 0) throw new IllegalArgumentException("clientId must be 0 unless kind is CLIENT");
    }

    public boolean isClient() {
        return kind == Kind.CLIENT;
    }

    /** True for the user's own addresses and colleagues: the inside of the user's firm. */
    public boolean isInternal() {
        return kind == Kind.OWNER || kind == Kind.COLLEAGUE;
    }
}
