package app.rapport.domain.suggestion;

import java.util.Locale;

/**
 * What happened to the invitation of an accepted suggestion: NONE before acceptance; PENDING while
 * it is being sent; SENT by SMTP; DOWNLOAD when no SMTP server is configured and the user sends the
 * .ics themselves; FAILED when the SMTP server refused it (accepting again retries).
 */
public enum InvitationState {
    NONE, PENDING, SENT, DOWNLOAD, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationState fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
