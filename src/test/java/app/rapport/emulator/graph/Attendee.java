package app.rapport.emulator.graph;

import java.time.Instant;

/**
 * An event attendee: type required/optional/resource, response none/organizer/tentativelyAccepted/
 * accepted/declined/notResponded and when it was given (null = never).
 */
public record Attendee(String type, String response, Instant responseTime, Recipient emailAddress) {
    public static Attendee required(String address) {
        return new Attendee("required", "none", null, Recipient.of(address));
    }

    public static Attendee optional(String address) {
        return new Attendee("optional", "none", null, Recipient.of(address));
    }

    public String address() {
        return emailAddress.address();
    }

    Attendee withResponse(String r, Instant at) {
        return new Attendee(type, r, at, emailAddress);
    }
}
