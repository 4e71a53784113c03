package app.rapport.providers.local;

import java.time.Instant;
import java.util.Objects;

/**
 * One meeting invitation sent by iMIP (RFC 6047): a single event from the organizer to one attendee.
 *
 * @param uid      stable per suggestion, so an update or a cancel replaces the same event in the attendee's calendar
 * @param sequence 0 for the first request; raised on every change (RFC 5546 2.1.4)
 * @param location optional, may be null or blank
 * @param stamp    when the message was made (DTSTAMP)
 */
public record Invitation(String uid, int sequence, Instant start, Instant end, String summary, String description,
                         String location, String organizerName, String organizerEmail, String attendeeName,
                         String attendeeEmail, Instant stamp) {
    public Invitation {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(organizerEmail, "organizerEmail");
        Objects.requireNonNull(attendeeEmail, "attendeeEmail");
        Objects.requireNonNull(stamp, "stamp");
        if (!end.isAfter(start)) throw new IllegalArgumentException("end must be after start for " + uid);
        if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative");
        summary = summary == null ? "" : summary;
        description = description == null ? "" : description;
    }
}
