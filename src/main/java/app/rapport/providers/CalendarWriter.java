package app.rapport.providers;

import java.time.Instant;
import java.util.List;

/** Writes holds for suggestions to the user's calendar and turns them into meetings. */
public interface CalendarWriter {
    /**
     * Places a hold, shown as tentative and tagged with the suggestion id. Idempotent per
     * suggestion: placing again returns the existing hold's reference.
     *
     * @return the reference to pass to the other methods
     */
    String placeHold(long userId, Hold hold);

    /** Moves a hold; false when it no longer exists. */
    boolean moveHold(long userId, String holdRef, Instant start, Instant end);

    /** Removes a hold; a hold already gone is not an error. */
    void removeHold(long userId, String holdRef);

    /**
     * Turns the hold into a busy meeting with the client as attendee.
     *
     * @return false when the hold no longer exists
     */
    boolean convertToMeeting(long userId, String holdRef, Meeting meeting);

    /** True when the calendar holding this hold sends the invitation itself (Outlook, Google); false for the local calendar. */
    boolean sendsInvitations(String holdRef);

    /**
     * A hold to place.
     *
     * @param start UTC instant
     * @param end   UTC instant, exclusive
     */
    record Hold(long suggestionId, String title, String description, Instant start, Instant end) {}

    /** The meeting a hold becomes; attendees are e-mail addresses. */
    record Meeting(long suggestionId, String title, String description, Instant start, Instant end,
                   List<String> attendees, boolean online) {}
}
