package app.rapport.domain.interaction;

import java.time.Instant;
import java.util.List;

/**
 * A calendar event as any source delivers it.
 *
 * @param organizer             the organiser's address
 * @param onlineMeetingProvider e.g. "teamsForBusiness", "hangoutsMeet", or null
 * @param joinUrl               an online meeting join link, or null
 * @param description           body text or preview, used only for dial-in and join-link detection, never stored
 * @param cancelled             a cancelled meeting is not a contact
 */
public record MeetingEvent(String externalId, String title, String location, Instant start, Instant end,
                           String organizer, List<Attendee> attendees, boolean onlineMeeting,
                           String onlineMeetingProvider, String joinUrl, String description, boolean cancelled) {
    public MeetingEvent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** One attendee and their answer. */
    public record Attendee(String address, Response response) {}

    /** An attendee's answer to the invitation. */
    public enum Response { ACCEPTED, TENTATIVE, DECLINED, NONE }
}
