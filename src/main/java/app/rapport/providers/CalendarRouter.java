package app.rapport.providers;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.user.Account;
import app.rapport.providers.local.LocalCalendar;
import app.rapport.providers.microsoft.GraphCalendarWriter;
import app.rapport.store.AccountRepository;
import app.rapport.store.CalendarRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends each hold to the right calendar: a user with a connected Microsoft 365 account gets holds
 * on Outlook; everyone else on Rapport's local calendar. An existing hold is handled by the calendar
 * its reference names, so holds placed before a connection or after a disconnection keep working.
 * Reading a hold back goes through the mirror of the provider calendar, which the calendar delta
 * keeps current: a hold deleted or moved in Outlook shows up there.
 */
public final class CalendarRouter implements CalendarWriter, CalendarSource {
    private final LocalCalendar local;
    private final GraphCalendarWriter graph;
    private final AccountRepository accounts;
    private final CalendarRepository entries;

    public CalendarRouter(LocalCalendar local, GraphCalendarWriter graph, AccountRepository accounts, CalendarRepository entries) {
        this.local = local;
        this.graph = graph;
        this.accounts = accounts;
        this.entries = entries;
    }

    /** The connected Microsoft account whose calendar takes new holds, if the user has one. */
    public Optional<Account> outlook(long userId) {
        return accounts.list(userId).stream()
                .filter(a -> Account.MICROSOFT.equals(a.provider()) && a.connected())
                .findFirst();
    }

    @Override
    public String placeHold(long userId, Hold hold) {
        Optional<Account> outlook = outlook(userId);
        if (outlook.isEmpty()) return local.placeHold(userId, hold);
        return graph.placeHold(userId, outlook.get().id(), hold.suggestionId(), hold.title(), hold.description(),
                hold.start(), hold.end());
    }

    @Override
    public boolean moveHold(long userId, String holdRef, Instant start, Instant end) {
        Optional<GraphCalendarWriter.Ref> ref = GraphCalendarWriter.Ref.parse(holdRef);
        return ref.isPresent() ? graph.moveHold(userId, ref.get(), start, end) : local.moveHold(userId, holdRef, start, end);
    }

    @Override
    public void removeHold(long userId, String holdRef) {
        Optional<GraphCalendarWriter.Ref> ref = GraphCalendarWriter.Ref.parse(holdRef);
        if (ref.isPresent()) graph.removeHold(userId, ref.get());
        else local.removeHold(userId, holdRef);
    }

    @Override
    public boolean convertToMeeting(long userId, String holdRef, Meeting meeting) {
        Optional<GraphCalendarWriter.Ref> ref = GraphCalendarWriter.Ref.parse(holdRef);
        if (ref.isEmpty()) return local.convertToMeeting(userId, holdRef, meeting);
        return graph.convertToMeeting(userId, ref.get(), meeting.title(), meeting.description(), meeting.attendees(), meeting.online());
    }

    @Override
    public boolean sendsInvitations(String holdRef) {
        return GraphCalendarWriter.Ref.parse(holdRef).isPresent() || local.sendsInvitations(holdRef);
    }

    @Override
    public Optional<HoldView> hold(long userId, String holdRef) {
        Optional<GraphCalendarWriter.Ref> ref = GraphCalendarWriter.Ref.parse(holdRef);
        if (ref.isEmpty()) return local.hold(userId, holdRef);
        Optional<CalendarEntry> mirrored = entries.findMirrored(userId, CalendarRepository.accountSource(ref.get().accountId()),
                ref.get().eventId());
        return mirrored.filter(e -> !e.cancelled()).map(e -> new HoldView(holdRef, e.start(), e.end()));
    }
}
