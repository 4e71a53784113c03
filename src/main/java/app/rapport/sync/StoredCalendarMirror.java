package app.rapport.sync;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.providers.CalendarItem;
import app.rapport.store.CalendarRepository;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mirrors a provider calendar into calendar_entries (source "account:{id}"), where free/busy, the
 * week view and reconcile already read the local calendar. Provider events are instances (a
 * calendar view), so each is a single entry in UTC.
 */
public final class StoredCalendarMirror implements CalendarMirror {
    private final CalendarRepository entries;
    private final Clock clock;

    public StoredCalendarMirror(CalendarRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public void apply(long userId, long accountId, long round, List<CalendarItem> changed, List<String> removedIds) {
        String source = CalendarRepository.accountSource(accountId);
        List<CalendarEntry> rows = new ArrayList<>();
        java.util.Map<String, String> declined = new java.util.HashMap<>();
        for (CalendarItem item : changed) {
            MeetingEvent m = item.meeting();
            if (m.start() == null || m.end() == null || !m.end().isAfter(m.start())) continue;
            List<String> attendees = m.attendees().stream().map(a -> a.address().toLowerCase(Locale.ROOT)).toList();
            String declinedBy = m.attendees().stream().filter(a -> a.response() == MeetingEvent.Response.DECLINED)
                    .map(a -> a.address().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(","));
            if (!declinedBy.isEmpty()) declined.put(m.externalId(), declinedBy);
            rows.add(new CalendarEntry(0, m.externalId(), null, m.title(), m.location(), m.start(), m.end(), ZoneOffset.UTC,
                    item.allDay(), item.showAs(), EntryKind.EVENT, null, List.of(), List.of(), m.cancelled(), null, attendees));
        }
        entries.upsertMirrored(userId, source, round, rows, declined, clock.instant());
        if (!removedIds.isEmpty()) entries.deleteMirrored(userId, source, removedIds);
    }

    @Override
    public void sweep(long userId, long accountId, long round) {
        entries.sweepMirrored(userId, CalendarRepository.accountSource(accountId), round);
    }
}
