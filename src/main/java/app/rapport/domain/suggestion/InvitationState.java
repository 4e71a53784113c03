package app.rapport.domain.suggestion;

import java.util.Locale;

/**
 * What happened to the invitation of an accepted suggestion: NONE before acceptance (or when the
 * client has no address); PENDING until the sender picks it up; SENDING while one sender holds it;
 * SENT; DOWNLOAD when no SMTP server is configured and the user sends the .ics themselves; FAILED
 * when the SMTP server refused it or the server stopped mid-send (accepting again retries); DECLINED
 * when the provider calendar shows the client declined the meeting.
 */
public enum InvitationState {
    NONE, PENDING, SENDING, SENT, DOWNLOAD, FAILED, DECLINED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationState fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
