package app.rapport.service;

import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.client.Client;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.planning.ClientHistory;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.planning.Plan;
import app.rapport.domain.planning.PlanRequest;
import app.rapport.domain.planning.PlannedMeeting;
import app.rapport.domain.planning.Planner;
import app.rapport.domain.planning.PlanningCandidate;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.planning.Skipped;
import app.rapport.domain.planning.Slot;
import app.rapport.domain.planning.SlotFinder;
import app.rapport.domain.planning.WorkingHours;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import app.rapport.domain.suggestion.InvitationState;
import app.rapport.domain.suggestion.Reconciler;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.User;
import app.rapport.providers.CalendarSource;
import app.rapport.providers.CalendarWriter;
import app.rapport.providers.FreeBusy;
import app.rapport.providers.WorkingHoursSource;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.DuplicateKeyException;
import app.rapport.store.InteractionRepository;
import app.rapport.store.PlanningSettingsRepository;
import app.rapport.store.RelationshipRepository;
import app.rapport.store.SuggestionRepository;
import app.rapport.store.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns relationships and calendar time into placed suggestions, and keeps open suggestions in step
 * with the calendar (reconcile). Planning reconciles first, so it never works from stale holds.
 */
public final class PlanningService {
    /** How long a client whose hold the user deleted in the calendar is left alone. */
    public static final Duration SNOOZE_AFTER_HOLD_DELETED = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(PlanningService.class);
    private static final List<SuggestionState> OPEN = List.of(SuggestionState.PROPOSED, SuggestionState.PLACED);
    private static final int HISTORY_CHUNK = 500;

    private final Database db;
    private final Clock clock;
    private final UserRepository users;
    private final ClientRepository clients;
    private final RelationshipRepository relationships;
    private final InteractionRepository interactions;
    private final SuggestionRepository suggestions;
    private final PlanningSettingsRepository settings;
    private final FreeBusy freeBusy;
    private final CalendarWriter writer;
    private final CalendarSource source;
    private final WorkingHoursSource mailboxHours;

    public PlanningService(Database db, Clock clock, UserRepository users, ClientRepository clients,
                           RelationshipRepository relationships, InteractionRepository interactions,
                           SuggestionRepository suggestions, PlanningSettingsRepository settings, FreeBusy freeBusy,
                           CalendarWriter writer, CalendarSource source) {
        this(db, clock, users, clients, relationships, interactions, suggestions, settings, freeBusy, writer, source,
                WorkingHoursSource.NONE);
    }

    public PlanningService(Database db, Clock clock, UserRepository users, ClientRepository clients,
                           RelationshipRepository relationships, InteractionRepository interactions,
                           SuggestionRepository suggestions, PlanningSettingsRepository settings, FreeBusy freeBusy,
                           CalendarWriter writer, CalendarSource source, WorkingHoursSource mailboxHours) {
        this.db = db;
        this.clock = clock;
        this.users = users;
        this.clients = clients;
        this.relationships = relationships;
        this.interactions = interactions;
        this.suggestions = suggestions;
        this.settings = settings;
        this.freeBusy = freeBusy;
        this.writer = writer;
        this.source = source;
        this.mailboxHours = mailboxHours;
    }

    /** What one planning run did. */
    public record PlanOutcome(List<Suggestion> placed, Map<String, Integer> skipped, Instant horizonEnd,
                              ReconcileOutcome reconciled) {}

    /** What one reconcile run did: suggestion id to the rule that changed it. */
    public record ReconcileOutcome(Map<Long, String> changed) {}

    /**
     * The user's settings: stored ones, or the defaults in the user's zone. Working hours: the ones
     * the user set themselves win; otherwise those of their connected mailbox (Outlook's working
     * hours, converted to the user's zone); otherwise the stored or default ones.
     */
    public PlanningSettings settings(long userId) {
        User user = users.find(userId).orElseThrow();
        Optional<PlanningSettingsRepository.Stored> stored = settings.findStored(userId, user.timeZone());
        PlanningSettings s = stored.map(PlanningSettingsRepository.Stored::settings)
                .orElseGet(() -> PlanningSettings.defaults(user.timeZone()));
        if (stored.isPresent() && stored.get().hoursExplicit()) return s;
        Optional<WorkingHours> fromMailbox = mailboxHours.workingHours(userId, user.timeZone(), clock.instant());
        return fromMailbox.isPresent() ? s.withWorkingHours(fromMailbox.get()) : s;
    }

    /**
     * Saves the user's settings. Working hours count as the user's own choice once they differ from
     * the ones in effect (a form that sends every field back unchanged does not pin the mailbox's
     * hours), and stay so.
     */
    public void saveSettings(long userId, PlanningSettings value) {
        User user = users.find(userId).orElseThrow();
        boolean explicit = settings.findStored(userId, user.timeZone()).map(PlanningSettingsRepository.Stored::hoursExplicit)
                .orElse(false) || !value.workingHours().equals(settings(userId).workingHours());
        settings.save(userId, value, explicit, clock.instant());
    }

    /**
     * Plans for the user now: reconciles open suggestions, then proposes meetings for due clients
     * and places a hold for each.
     */
    public PlanOutcome plan(long userId) {
        ReconcileOutcome reconciled = reconcile(userId);
        Instant now = clock.instant();
        PlanningSettings s = settings(userId);
        Instant windowEnd = now.plus(Duration.ofDays(s.horizonDays() + 1L));
        List<Suggestion> open = suggestions.list(userId, OPEN);
        Set<Long> withOpen = open.stream().map(Suggestion::clientId).collect(Collectors.toSet());
        List<PlanningCandidate> candidates = candidates(userId, s, now, windowEnd, withOpen);
        List<Occurrence> busy = freeBusy.occurrences(userId, now, windowEnd);
        Plan plan = Planner.plan(new PlanRequest(now, s, candidates, busy,
                open.stream().map(Suggestion::start).toList()));
        List<Suggestion> placed = new ArrayList<>();
        for (PlannedMeeting meeting : plan.meetings()) {
            try {
                placed.add(place(userId, meeting, now));
            } catch (DuplicateKeyException e) {
                LOG.debug("client {} got a suggestion from another run meanwhile", meeting.clientId());
            }
        }
        Map<String, Integer> skipped = new TreeMap<>();
        for (Skipped skip : plan.skipped()) skipped.merge(skip.rule(), 1, Integer::sum);
        return new PlanOutcome(placed, skipped, plan.horizonEnd(), reconciled);
    }

    /**
     * Brings every open suggestion of the user in line with the calendar and the contacts since it
     * was made (see {@link Reconciler} for the rules).
     */
    public ReconcileOutcome reconcile(long userId) {
        Instant now = clock.instant();
        PlanningSettings s = settings(userId);
        Map<Long, String> changed = new LinkedHashMap<>();
        for (Suggestion suggestion : suggestions.list(userId, OPEN)) {
            try {
                String rule = reconcileOne(userId, suggestion, s, now);
                if (rule != null) changed.put(suggestion.id(), rule);
            } catch (RuntimeException e) {
                // A calendar that refuses one change (Outlook unreachable, say) must not stop the others.
                LOG.warn("reconcile of suggestion {} failed; the next reconcile retries: {}", suggestion.id(), e.toString());
            }
        }
        return new ReconcileOutcome(changed);
    }

    /** Every user with open suggestions, for the scheduled reconcile. */
    public List<Long> usersWithOpenSuggestions() {
        return suggestions.usersWithOpenSuggestions();
    }

    private String reconcileOne(long userId, Suggestion s, PlanningSettings settings, Instant now) {
        Reconciler.Hold hold = s.holdRef() == null ? null : source.hold(userId, s.holdRef())
                .map(h -> new Reconciler.Hold(h.start(), h.end())).orElse(null);
        List<Instant> contacts = interactions.forClient(userId, s.clientId()).stream()
                .map(Interaction::occurredAt).filter(t -> t.isAfter(s.createdAt())).toList();
        List<Occurrence> around = freeBusy.occurrences(userId, s.start().minus(settings.buffer()),
                s.end().plus(settings.buffer()));
        Reconciler.Decision d = Reconciler.decide(s, hold, contacts, around, settings.buffer(), now);
        return db.inTransaction(c -> switch (d.action()) {
            case KEEP -> null;
            case EXPIRE -> close(userId, s, SuggestionState.EXPIRED, d.rule(), now);
            case SUPERSEDE -> close(userId, s, SuggestionState.SUPERSEDED, d.rule(), now);
            case DISMISS -> {
                if (!suggestions.transition(userId, s.id(), OPEN, SuggestionState.DISMISSED, d.rule(), now)) yield null;
                Snoozes.extend(clients, userId, s.clientId(), now.plus(SNOOZE_AFTER_HOLD_DELETED), now);
                yield d.rule();
            }
            case KEEP_NEW_TIME -> {
                suggestions.setSlot(userId, s.id(), d.start(), d.end(), d.rule(), now);
                yield d.rule();
            }
            case REPLACE -> replace(userId, s, settings, now);
            case PLACE -> {
                placeHold(userId, s, now);
                yield "hold-placed";
            }
        });
    }

    private String close(long userId, Suggestion s, SuggestionState target, String rule, Instant now) {
        if (!suggestions.transition(userId, s.id(), OPEN, target, rule, now)) return null;
        if (s.holdRef() != null) writer.removeHold(userId, s.holdRef());
        return rule;
    }

    /** Moves a conflicting hold to the client's next good slot, or supersedes it when there is none. */
    private String replace(long userId, Suggestion s, PlanningSettings settings, Instant now) {
        Client client = clients.find(userId, s.clientId()).orElseThrow();
        Instant windowEnd = now.plus(Duration.ofDays(settings.horizonDays() + 1L));
        List<Occurrence> busy = freeBusy.occurrences(userId, now, windowEnd).stream()
                .filter(o -> o.suggestionId() == null || o.suggestionId() != s.id()).toList();
        List<Instant> placedStarts = suggestions.list(userId, OPEN).stream().filter(o -> o.id() != s.id())
                .map(Suggestion::start).toList();
        var slot = new SlotFinder(settings, now, busy, placedStarts).find(s.kind(), client.timeZone());
        if (slot.isEmpty()) return close(userId, s, SuggestionState.SUPERSEDED, "no-free-slot", now);
        Slot next = slot.get();
        if (s.holdRef() != null && writer.moveHold(userId, s.holdRef(), next.start(), next.end())) {
            suggestions.setSlot(userId, s.id(), next.start(), next.end(), "conflict-moved", now);
            return "conflict-moved";
        }
        return null;
    }

    /**
     * Stores the suggestion, then places its hold. The suggestion commits first: a provider hold is
     * created with the suggestion id as its idempotency key, so that id must outlive a failure after
     * the provider made the event (a rolled-back id would leave an orphan hold in Outlook). When the
     * hold cannot be placed, the suggestion stays proposed and the next reconcile places it
     * (hold-missing), finding the event a lost response had already created.
     */
    private Suggestion place(long userId, PlannedMeeting meeting, Instant now) {
        Suggestion created = suggestions.create(new Suggestion(0, userId, meeting.clientId(), SuggestionState.PROPOSED,
                "planned", meeting.kind(), meeting.kindRule(), meeting.start(), meeting.end(), meeting.reason(),
                null, null, InvitationState.NONE, null, now, now, null));
        try {
            db.inTransaction(c -> {
                placeHold(userId, created, now);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("hold for suggestion {} not placed; it stays proposed until a reconcile places it: {}", created.id(),
                    e.toString());
        }
        return suggestions.find(userId, created.id()).orElseThrow();
    }

    private void placeHold(long userId, Suggestion s, Instant now) {
        Client client = clients.find(userId, s.clientId()).orElseThrow();
        String ref = writer.placeHold(userId, new CalendarWriter.Hold(s.id(), holdTitle(s.kind(), client), s.reason(),
                s.start(), s.end()));
        suggestions.setHold(userId, s.id(), ref, now);
        suggestions.transition(userId, s.id(), List.of(SuggestionState.PROPOSED), SuggestionState.PLACED, "hold-placed",
                now);
    }

    /** The hold's title in the user's own calendar. */
    static String holdTitle(MeetingKind kind, Client client) {
        return "Suggested: " + kind.label().toLowerCase(java.util.Locale.ROOT) + " with " + client.name();
    }

    /**
     * Due clients that may get a suggestion, with their history. Clients neither cooling, inactive
     * nor due within the horizon are left out before their interactions are read.
     */
    private List<PlanningCandidate> candidates(long userId, PlanningSettings s, Instant now, Instant windowEnd,
                                               Set<Long> withOpen) {
        Map<Long, Relationship> byClient = relationships.page(userId, null, null, RelationshipRepository.Sort.URGENCY, 0,
                Integer.MAX_VALUE).stream().collect(Collectors.toMap(Relationship::clientId, Function.identity()));
        List<Client> due = new ArrayList<>();
        for (Client client : clients.all(userId)) {
            Relationship r = byClient.get(client.id());
            if (r == null || withOpen.contains(client.id())) continue;
            if (client.snoozedUntil() != null && client.snoozedUntil().isAfter(now)) continue;
            boolean isDue = r.status() != Status.ACTIVE || (r.dueAt() != null && !r.dueAt().isAfter(windowEnd));
            if (isDue) due.add(client);
        }
        // Histories are read a few hundred clients at a time and dropped once summarised, so a book
        // of ten thousand clients with a million interactions plans in bounded memory.
        List<PlanningCandidate> out = new ArrayList<>(due.size());
        for (int from = 0; from < due.size(); from += HISTORY_CHUNK) {
            List<Client> chunk = due.subList(from, Math.min(due.size(), from + HISTORY_CHUNK));
            Map<Long, List<Interaction>> histories = interactions.forClients(userId,
                    chunk.stream().map(Client::id).toList());
            for (Client client : chunk) {
                List<Interaction> history = new ArrayList<>(histories.getOrDefault(client.id(), List.of()));
                history.sort(Comparator.comparing(Interaction::occurredAt).thenComparingLong(Interaction::id));
                MeetingKind preferred = client.preferredKind() == null ? null : MeetingKind.fromWire(client.preferredKind());
                out.add(PlanningCandidate.of(client, byClient.get(client.id()),
                        ClientHistory.of(history, s.zone(), client.timeZone(), now), false, preferred));
            }
        }
        return out;
    }
}
