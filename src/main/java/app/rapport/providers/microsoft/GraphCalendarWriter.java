package app.rapport.providers.microsoft;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.providers.SyncFailure;
import app.rapport.store.CalendarRepository;
import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.OnlineMeetingProviderType;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds on an Outlook calendar. A hold is a private event without attendees (so Outlook sends
 * nothing), shown as tentative, tagged with the suggestion id in a single-value extended property
 * and created with a transactionId, so a retried create never makes two. Accepting adds the client
 * as attendee, shows the time as busy and, for a video call, asks for a Teams meeting: Outlook then
 * sends the invitation. Each write is also applied to Rapport's mirror of the calendar at once, so
 * free/busy and the week view need not wait for the next calendar delta.
 *
 * <p>Hold references are "ms:{accountId}:{eventId}".
 */
public final class GraphCalendarWriter {
    /** Rapport's own property set; the name makes the tag readable in MAPI tools. */
    public static final String SUGGESTION_PROPERTY = "String {5d3c2a8e-7f41-4b8e-9a36-2c1f0e6b9d47} Name RapportSuggestionId";
    public static final String REF_PREFIX = "ms:";

    private final GraphClients clients;
    private final CalendarRepository entries;
    private final Clock clock;

    public GraphCalendarWriter(GraphClients clients, CalendarRepository entries, Clock clock) {
        this.clients = clients;
        this.entries = entries;
        this.clock = clock;
    }

    /** A hold reference taken apart. */
    public record Ref(long accountId, String eventId) {
        public static Optional<Ref> parse(String holdRef) {
            if (holdRef == null || !holdRef.startsWith(REF_PREFIX)) return Optional.empty();
            String rest = holdRef.substring(REF_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 1 || colon == rest.length() - 1) return Optional.empty();
            try {
                return Optional.of(new Ref(Long.parseLong(rest.substring(0, colon)), rest.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return REF_PREFIX + accountId + ":" + eventId;
        }
    }

    public String placeHold(long userId, long accountId, long suggestionId, String title, String description,
                            Instant start, Instant end) {
        String source = CalendarRepository.accountSource(accountId);
        for (CalendarEntry existing : entries.forSuggestion(userId, suggestionId)) {
            if (existing.kind() == EntryKind.HOLD && source.equals(entries.sourceOf(existing.id()).orElse(""))) {
                return new Ref(accountId, existing.uid()).toString();
            }
        }
        Event hold = new Event();
        hold.setSubject(title);
        hold.setBody(body(description));
        hold.setStart(utc(start));
        hold.setEnd(utc(end));
        hold.setShowAs(FreeBusyStatus.Tentative);
        hold.setIsReminderOn(false);
        hold.setTransactionId("rapport-suggestion-" + suggestionId);
        SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
        tag.setId(SUGGESTION_PROPERTY);
        tag.setValue(Long.toString(suggestionId));
        hold.setSingleValueExtendedProperties(List.of(tag));
        Event created;
        try {
            created = clients.forAccount(accountId).me().events().post(hold);
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
        entries.upsertHold(userId, source, new CalendarEntry(0, created.getId(), null, title, null, start, end, ZoneOffset.UTC,
                false, ShowAs.TENTATIVE, EntryKind.HOLD, null, List.of(), List.of(), false, suggestionId, List.of()), clock.instant());
        return new Ref(accountId, created.getId()).toString();
    }

    public boolean moveHold(long userId, Ref ref, Instant start, Instant end) {
        Event patch = new Event();
        patch.setStart(utc(start));
        patch.setEnd(utc(end));
        if (!patch(userId, ref, patch)) return false;
        entries.findMirrored(userId, CalendarRepository.accountSource(ref.accountId()), ref.eventId())
                .ifPresent(e -> entries.move(userId, e.id(), start, end, clock.instant()));
        return true;
    }

    public void removeHold(long userId, Ref ref) {
        try {
            clients.forAccount(ref.accountId()).me().events().byEventId(ref.eventId()).delete();
        } catch (RuntimeException e) {
            SyncFailure f = GraphErrors.classify(e);
            if (f.kind() != SyncFailure.Kind.NOT_FOUND) throw f;
        }
        entries.deleteMirrored(userId, CalendarRepository.accountSource(ref.accountId()), List.of(ref.eventId()));
    }

    public boolean convertToMeeting(long userId, Ref ref, String title, String description, List<String> attendees, boolean online) {
        Event patch = new Event();
        patch.setSubject(title);
        patch.setBody(body(description));
        patch.setShowAs(FreeBusyStatus.Busy);
        patch.setIsReminderOn(true);
        patch.setAttendees(attendees.stream().map(GraphCalendarWriter::attendee).toList());
        if (online) {
            patch.setIsOnlineMeeting(true);
            patch.setOnlineMeetingProvider(OnlineMeetingProviderType.TeamsForBusiness);
        }
        if (!patch(userId, ref, patch)) return false;
        entries.findMirrored(userId, CalendarRepository.accountSource(ref.accountId()), ref.eventId())
                .ifPresent(e -> entries.convertToMeeting(userId, e.id(), title,
                        attendees.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(), clock.instant()));
        return true;
    }

    /**
     * PATCHes the event; false when Outlook no longer has it. The mirror may not know yet (the delta
     * has not run), so its row goes too: placing the hold again must make a new event, not hand back
     * the dead one.
     */
    private boolean patch(long userId, Ref ref, Event patch) {
        try {
            clients.forAccount(ref.accountId()).me().events().byEventId(ref.eventId()).patch(patch);
            return true;
        } catch (RuntimeException e) {
            SyncFailure f = GraphErrors.classify(e);
            if (f.kind() != SyncFailure.Kind.NOT_FOUND) throw f;
            entries.deleteMirrored(userId, CalendarRepository.accountSource(ref.accountId()), List.of(ref.eventId()));
            return false;
        }
    }

    private static Attendee attendee(String address) {
        Attendee a = new Attendee();
        EmailAddress email = new EmailAddress();
        email.setAddress(address);
        a.setEmailAddress(email);
        a.setType(AttendeeType.Required);
        return a;
    }

    private static ItemBody body(String text) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(text == null ? "" : text);
        return body;
    }

    private static DateTimeTimeZone utc(Instant t) {
        DateTimeTimeZone d = new DateTimeTimeZone();
        d.setDateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString());
        d.setTimeZone("UTC");
        return d;
    }
}
