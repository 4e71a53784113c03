package app.rapport.providers;

import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.interaction.MeetingEvent;

/**
 * An event read from a provider calendar: the meeting facts that may become interactions, and how
 * the calendar shows the time (for free/busy and the week view).
 */
public record CalendarItem(MeetingEvent meeting, ShowAs showAs, boolean allDay) {}
