package app.rapport.domain.client;

import java.util.Objects;

/**
 * One way to recognise a client in mail and calendar data.
 *
 * @param kind  address or domain
 * @param value normalised value (see {@link EmailAddresses#normalize}); a domain is lower case without "@"
 */
public record Identity(IdentityKind kind, String value) {
    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Identity email(String address) {
        return new Identity(IdentityKind.EMAIL, EmailAddresses.normalize(address));
    }

    public static Identity domain(String domain) {
        return new Identity(IdentityKind.DOMAIN, EmailAddresses.normalizeDomain(domain));
    }
}
