package app.rapport.providers;

import java.time.Duration;

/**
 * A provider call failed, classified so that sync knows what to do: every adapter maps its
 * provider's errors onto these kinds, and only these kinds reach the sync engine.
 */
public final class SyncFailure extends RuntimeException {
    /** What happened, and so what sync does next. */
    public enum Kind {
        /** The grant is gone: stop, show "reconnect needed". */
        AUTH_REVOKED,
        /** The cursor is no longer valid: restart the stream with a full sync. */
        CURSOR_EXPIRED,
        /** Too many requests: wait {@link #retryAfter()} (or back off), then continue from the cursor. */
        THROTTLED,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** An outage or network trouble: back off and retry. */
        TEMPORARY,
        /** The provider answered something unreadable or refused the request as invalid. */
        MALFORMED
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public SyncFailure(Kind kind, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's error code, e.g. syncStateNotFound, or the HTTP status when there is none. */
    public String code() {
        return code;
    }

    /** How long the provider asked to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
