package app.rapport.service;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.client.Client;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.User;
import app.rapport.providers.CalendarWriter;
import app.rapport.providers.FreeBusy;
import app.rapport.providers.local.IcsException;
import app.rapport.providers.local.IcsReader;
import app.rapport.providers.local.IcsWriter;
import app.rapport.store.CalendarRepository;
import app.rapport.store.ClientRepository;
import app.rapport.store.FeedTokenRepository;
import app.rapport.store.SuggestionRepository;
import app.rapport.store.UserRepository;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The local calendar as the user sees it: .ics imports, the week view, moving or deleting entries,
 * and the secret iCalendar feeds. Every change is followed by a reconcile, so holds react at once.
 */
public final class CalendarService {
    /** The longest window one calendar request may ask for. */
    public static final Duration MAX_WINDOW = Duration.ofDays(62);

    private final Clock clock;
    private final UserRepository users;
    private final ClientRepository clients;
    private final CalendarRepository entries;
    private final SuggestionRepository suggestions;
    private final FeedTokenRepository feedTokens;
    private final FreeBusy freeBusy;
    private final PlanningService planning;
    private final CalendarWriter writer;

    public CalendarService(Clock clock, UserRepository users, ClientRepository clients, CalendarRepository entries,
                           SuggestionRepository suggestions, FeedTokenRepository feedTokens, FreeBusy freeBusy,
                           PlanningService planning, CalendarWriter writer) {
        this.clock = clock;
        this.users = users;
        this.clients = clients;
        this.entries = entries;
        this.suggestions = suggestions;
        this.feedTokens = feedTokens;
        this.freeBusy = freeBusy;
        this.planning = planning;
        this.writer = writer;
    }

    /** What an import stored. */
    public record ImportResult(String source, int events, int recurring, int replaced) {}

    /**
     * Reads an .ics file into the local calendar. Importing a file of the same name again replaces
     * what it gave before. A malformed file is refused whole: nothing of it is stored.
     *
     * @throws ValidationException naming the line when the file cannot be read
     */
    public ImportResult importIcs(long userId, String fileName, InputStream in) {
        User user = users.find(userId).orElseThrow();
        String name = fileName == null || fileName.isBlank() ? "calendar.ics" : fileName.strip();
        if (name.length() > 150) name = name.substring(0, 150);
        List<CalendarEntry> read;
        try {
            read = IcsReader.read(in, user.timeZone());
        } catch (IcsException e) {
            throw new ValidationException("file", "" + e.getMessage());
        }
        String source = "import:" + name;
        int replaced = entries.replaceSource(userId, source, read, clock.instant());
        planning.reconcile(userId);
        return new ImportResult(source, read.size(), (int) read.stream().filter(CalendarEntry::recurring).count(),
                replaced);
    }

    /** One instance in a window, with the client's name for holds and meetings. */
    public record CalendarItem(Occurrence occurrence, Suggestion suggestion, String clientName) {}

    /**
     * Every instance overlapping [from, to), with the suggestion behind each hold or meeting.
     *
     * @throws ValidationException when the window is empty or longer than {@link #MAX_WINDOW}
     */
    public List<CalendarItem> window(long userId, Instant from, Instant to) {
        if (!to.isAfter(from)) throw new ValidationException("to", "must be after from");
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new ValidationException("to", "the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        Map<Long, Suggestion> byId = suggestions.list(userId, List.of()).stream()
                .collect(Collectors.toMap(Suggestion::id, Function.identity()));
        Map<Long, String> names = new java.util.HashMap<>();
        List<CalendarItem> out = new ArrayList<>();
        for (Occurrence o : freeBusy.occurrences(userId, from, to)) {
            Suggestion s = o.suggestionId() == null ? null : byId.get(o.suggestionId());
            String clientName = s == null ? null : names.computeIfAbsent(s.clientId(),
                    id -> clients.find(userId, id).map(Client::name).orElse(null));
            out.add(new CalendarItem(o, s, clientName));
        }
        return out;
    }

    /**
     * Moves one of the user's single (non-recurring) entries, e.g. a hold, then reconciles. A hold on
     * a provider calendar (Outlook) moves there; other provider events are changed in their own
     * calendar, not here.
     */
    public CalendarEntry move(long userId, long entryId, Instant start, Instant end) {
        CalendarEntry entry = single(userId, entryId);
        if (!end.isAfter(start)) throw new ValidationException("end", "must be after start");
        if (Duration.between(start, end).compareTo(Duration.ofDays(14)) > 0) {
            throw new ValidationException("end", "an entry may last at most 14 days");
        }
        Optional<String> providerHold = providerHold(userId, entry);
        if (providerHold.isPresent()) {
            if (!writer.moveHold(userId, providerHold.get(), start, end)) {
                planning.reconcile(userId);
                throw new NotFoundException("calendar entry " + entryId + " is no longer in the calendar it came from");
            }
        } else {
            entries.move(userId, entry.id(), start, end, clock.instant());
        }
        planning.reconcile(userId);
        return entries.find(userId, entryId).orElseThrow();
    }

    /**
     * Deletes one of the user's single entries (a hold deleted this way dismisses its suggestion), then
     * reconciles. A hold on a provider calendar is deleted there.
     */
    public void delete(long userId, long entryId) {
        CalendarEntry entry = single(userId, entryId);
        Optional<String> providerHold = providerHold(userId, entry);
        if (providerHold.isPresent()) writer.removeHold(userId, providerHold.get());
        else entries.delete(userId, entry.id());
        planning.reconcile(userId);
    }

    /**
     * For an entry mirrored from a provider calendar: the writer's reference to it when it is the
     * hold of an open suggestion. Any other mirrored event belongs to the provider calendar, and
     * changing only Rapport's copy would be undone by the next sync (or never reach Outlook).
     */
    private Optional<String> providerHold(long userId, CalendarEntry entry) {
        String source = entries.sourceOf(entry.id()).orElse("");
        if (!CalendarRepository.isAccountSource(source)) return Optional.empty();
        Optional<String> ref = entry.kind() != EntryKind.HOLD || entry.suggestionId() == null ? Optional.empty()
                : suggestions.find(userId, entry.suggestionId()).filter(s -> s.state().open()).map(Suggestion::holdRef);
        if (ref.isEmpty()) {
            throw new ConflictException("calendar entry " + entry.id()
                    + " is an event of your connected calendar; change it there and Rapport follows");
        }
        return ref;
    }

    private CalendarEntry single(long userId, long entryId) {
        CalendarEntry entry = entries.find(userId, entryId)
                .orElseThrow(() -> new NotFoundException("calendar entry " + entryId + " not found"));
        if (entry.recurring() || entry.recurrenceId() != null) {
            throw new ConflictException("calendar entry " + entryId
                    + " belongs to a recurring series; change the series in the calendar it came from and import it again");
        }
        return entry;
    }

    /** Creates (or replaces) the user's secret feed token; the old feed URLs stop working. */
    public String rotateFeedToken(long userId) {
        return feedTokens.rotate(userId, clock.instant());
    }

    /** Revokes the user's feed token; true when there was one. */
    public boolean revokeFeedToken(long userId) {
        return feedTokens.revokeAll(userId, clock.instant());
    }

    public Optional<Instant> feedTokenSince(long userId) {
        return feedTokens.liveSince(userId);
    }

    /** The user behind a live feed token. */
    public Optional<Long> feedUser(String token) {
        return feedTokens.userFor(token);
    }

    /** The whole local calendar as an iCalendar feed: events, holds and accepted meetings. */
    public String calendarFeed(long userId) {
        User user = users.find(userId).orElseThrow();
        return IcsWriter.calendarFeed("Rapport: " + user.name(), entries.all(userId), clock.instant());
    }

    /** Open and accepted suggestions as an iCalendar feed, for a calendar that Rapport does not write to. */
    public String suggestionsFeed(long userId) {
        User user = users.find(userId).orElseThrow();
        Instant since = clock.instant().minus(Duration.ofDays(30));
        List<CalendarEntry> out = new ArrayList<>();
        for (Suggestion s : suggestions.list(userId, List.of(SuggestionState.PROPOSED, SuggestionState.PLACED,
                SuggestionState.ACCEPTED))) {
            if (s.end().isBefore(since)) continue;
            String clientName = clients.find(userId, s.clientId()).map(Client::name).orElse("a client");
            boolean accepted = s.state() == SuggestionState.ACCEPTED;
            out.add(new CalendarEntry(0, "rapport-suggestion-" + s.id() + "@rapport", null,
                    (accepted ? "" : "Suggested: ") + s.kind().label() + " with " + clientName, null, s.start(), s.end(),
                    ZoneOffset.UTC, false, accepted ? ShowAs.BUSY : ShowAs.TENTATIVE,
                    accepted ? EntryKind.MEETING : EntryKind.HOLD, null, List.of(), List.of(), false, s.id(), List.of()));
        }
        return IcsWriter.calendarFeed("Rapport suggestions: " + user.name(), out, clock.instant());
    }
}
