package app.rapport.service;

import app.rapport.providers.local.Invitation;
import java.time.ZoneId;

/** Delivers an iMIP invitation for the local calendar (by SMTP); absent when no SMTP server is configured. */
public interface InvitationSender {
    /**
     * Sends the invitation to its attendee; the plain-text part gives the time in the organizer's zone.
     *
     * @throws RuntimeException with a message fit for the user when the server refuses it or cannot be reached
     */
    void send(Invitation invitation, ZoneId organizerZone);
}
