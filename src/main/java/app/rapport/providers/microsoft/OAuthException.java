package app.rapport.providers.microsoft;

/** The token endpoint refused or did not answer. */
public final class OAuthException extends RuntimeException {
    /** What the caller should do about it. */
    public enum Kind {
        /** The grant is gone (revoked, expired, consent withdrawn): the user must reconnect. */
        GRANT_REVOKED,
        /** Try again later. */
        TEMPORARY,
        /** The request itself was refused (bad client id or secret, bad code): fix configuration or start over. */
        REJECTED
    }

    private final Kind kind;
    private final String code;

    public OAuthException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The OAuth error code, e.g. invalid_grant. */
    public String code() {
        return code;
    }
}
