package app.rapport.providers.local;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.providers.CalendarSource;
import app.rapport.providers.CalendarWriter;
import app.rapport.providers.FreeBusy;
import app.rapport.store.CalendarRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The calendar Rapport keeps itself when no provider calendar is connected: the calendar ports over
 * {@link CalendarRepository}. A hold's reference is its entry id.
 */
public final class LocalCalendar implements FreeBusy, CalendarWriter, CalendarSource {
    private final CalendarRepository entries;
    private final Clock clock;

    public LocalCalendar(CalendarRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public List<Occurrence> occurrences(long userId, Instant from, Instant to) {
        return Recurrences.expandAll(entries.inWindow(userId, from, to), from, to);
    }

    @Override
    public String placeHold(long userId, Hold hold) {
        for (CalendarEntry existing : entries.forSuggestion(userId, hold.suggestionId())) {
            if (existing.kind() == EntryKind.HOLD) return Long.toString(existing.id());
        }
        CalendarEntry entry = new CalendarEntry(0, "rapport-suggestion-" + hold.suggestionId(), null, hold.title(),
                null, hold.start(), hold.end(), ZoneOffset.UTC, false, ShowAs.TENTATIVE, EntryKind.HOLD, null,
                List.of(), List.of(), false, hold.suggestionId(), List.of());
        return Long.toString(entries.insert(userId, CalendarRepository.RAPPORT_SOURCE, entry, clock.instant()).id());
    }

    @Override
    public boolean moveHold(long userId, String holdRef, Instant start, Instant end) {
        Long id = parse(holdRef);
        return id != null && entries.move(userId, id, start, end, clock.instant());
    }

    @Override
    public void removeHold(long userId, String holdRef) {
        Long id = parse(holdRef);
        if (id != null) entries.delete(userId, id);
    }

    @Override
    public boolean convertToMeeting(long userId, String holdRef, Meeting meeting) {
        Long id = parse(holdRef);
        return id != null && entries.convertToMeeting(userId, id, meeting.title(), meeting.attendees(), clock.instant());
    }

    @Override
    public boolean sendsInvitations(String holdRef) {
        return false;
    }

    @Override
    public Optional<HoldView> hold(long userId, String holdRef) {
        Long id = parse(holdRef);
        if (id == null) return Optional.empty();
        return entries.find(userId, id).map(e -> new HoldView(holdRef, e.start(), e.end()));
    }

    private static Long parse(String holdRef) {
        try {
            return holdRef == null ? null : Long.valueOf(holdRef);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
