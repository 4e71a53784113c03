package app.rapport.service;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.IdentityKind;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.suggestion.InvitationState;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.User;
import app.rapport.providers.CalendarWriter;
import app.rapport.providers.local.Invitation;
import app.rapport.providers.local.InvitationIcs;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.SuggestionRepository;
import app.rapport.store.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepting and dismissing suggestions. Both run under a row lock on the suggestion, so a double
 * click, a retry or two instances at once see one outcome; the invitation is sent only by the
 * request that claimed it, so the client receives one invitation, ever.
 */
public final class SuggestionService {
    /** The longest snooze a dismissal may ask for. */
    public static final int MAX_SNOOZE_DAYS = 365;
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);
    private static final List<SuggestionState> OPEN = List.of(SuggestionState.PROPOSED, SuggestionState.PLACED);

    private final Database db;
    private final Clock clock;
    private final SuggestionRepository suggestions;
    private final ClientRepository clients;
    private final UserRepository users;
    private final RelationshipService relationships;
    private final CalendarWriter calendar;
    private final Optional<InvitationSender> sender;
    private final Executor outbox;

    public SuggestionService(Database db, Clock clock, SuggestionRepository suggestions, ClientRepository clients,
                             UserRepository users, RelationshipService relationships, CalendarWriter calendar,
                             Optional<InvitationSender> sender, Executor outbox) {
        this.db = db;
        this.clock = clock;
        this.suggestions = suggestions;
        this.clients = clients;
        this.users = users;
        this.relationships = relationships;
        this.calendar = calendar;
        this.sender = sender;
        this.outbox = outbox;
    }

    public Suggestion get(long userId, long id) {
        return suggestions.find(userId, id).orElseThrow(() -> new NotFoundException("suggestion " + id + " not found"));
    }

    public List<Suggestion> list(long userId, List<SuggestionState> states) {
        return suggestions.list(userId, states);
    }

    /**
     * Accepts a suggestion: its hold becomes a busy meeting with the client as attendee and the
     * invitation is queued (state pending), then sent by SMTP in the background, so a slow mail
     * server never slows the click; with no SMTP server it is offered as a download. Accepting an
     * accepted suggestion changes nothing, except that an invitation that failed is queued again.
     *
     * @throws ConflictException when the suggestion was dismissed, expired or superseded, or its time has passed
     */
    public Suggestion accept(long userId, long id) {
        Instant now = clock.instant();
        boolean send = db.inTransaction(c -> {
            Suggestion s = suggestions.lock(userId, id)
                    .orElseThrow(() -> new NotFoundException("suggestion " + id + " not found"));
            if (s.state() == SuggestionState.ACCEPTED) {
                return s.invitationState() == InvitationState.FAILED && suggestions.invitation(userId, id,
                        List.of(InvitationState.FAILED), InvitationState.PENDING, "queued again", now);
            }
            if (!s.state().open()) {
                throw new ConflictException("suggestion " + id + " is " + s.state().wire()
                        + "; only proposed or placed suggestions can be accepted");
            }
            if (!s.start().isAfter(now)) {
                throw new ConflictException("suggestion " + id + " was for " + s.start() + ", which has passed");
            }
            Client client = clients.find(userId, s.clientId()).orElseThrow();
            User user = users.find(userId).orElseThrow();
            Optional<String> email = emailOf(client);
            CalendarWriter.Meeting meeting = new CalendarWriter.Meeting(id, title(s.kind(), user, client),
                    description(user), s.start(), s.end(), email.map(List::of).orElse(List.of()),
                    s.kind() == MeetingKind.VIDEO);
            String holdRef = s.holdRef();
            if (holdRef == null || !calendar.convertToMeeting(userId, holdRef, meeting)) {
                holdRef = calendar.placeHold(userId, new CalendarWriter.Hold(id, meeting.title(), s.reason(),
                        s.start(), s.end()));
                suggestions.setHold(userId, id, holdRef, now);
                if (!calendar.convertToMeeting(userId, holdRef, meeting)) {
                    // Never report an invitation for a meeting the calendar does not have.
                    throw new ConflictException("the calendar did not take the meeting for suggestion " + id
                            + "; nothing was accepted, try again");
                }
            }
            suggestions.transition(userId, id, OPEN, SuggestionState.ACCEPTED, "accepted", now);
            InvitationState invitation;
            String detail;
            if (email.isEmpty()) {
                invitation = InvitationState.NONE;
                detail = "the client has no e-mail address; the meeting is in your calendar only";
            } else if (calendar.sendsInvitations(holdRef)) {
                invitation = InvitationState.SENT;
                detail = "sent by your calendar to " + email.get();
            } else if (sender.isPresent()) {
                invitation = InvitationState.PENDING;
                detail = "queued for " + email.get();
            } else {
                invitation = InvitationState.DOWNLOAD;
                detail = "no SMTP server is configured (mail.smtp.host): download the invitation and send it to "
                        + email.get();
            }
            suggestions.invitation(userId, id, List.of(InvitationState.NONE), invitation, detail, now);
            return invitation == InvitationState.PENDING;
        });
        if (send) outbox.execute(() -> deliver(userId, id));
        return get(userId, id);
    }

    /** Shows that the client declined an accepted meeting (read from the provider calendar); once. */
    public void markDeclined(long userId, long id, String declinedBy) {
        suggestions.invitation(userId, id, List.of(InvitationState.SENT, InvitationState.NONE, InvitationState.PENDING,
                InvitationState.DOWNLOAD), InvitationState.DECLINED, declinedBy + " declined in their calendar", clock.instant());
    }

    /**
     * Dismisses an open suggestion: its hold is removed and the client is not suggested again for
     * {@code snoozeDays} days.
     */
    public Suggestion dismiss(long userId, long id, int snoozeDays) {
        if (snoozeDays < 0 || snoozeDays > MAX_SNOOZE_DAYS) {
            throw new ValidationException("snoozeDays", "must be between 0 and " + MAX_SNOOZE_DAYS);
        }
        Instant now = clock.instant();
        long clientId = db.inTransaction(c -> {
            Suggestion s = suggestions.lock(userId, id)
                    .orElseThrow(() -> new NotFoundException("suggestion " + id + " not found"));
            if (!s.state().open()) {
                throw new ConflictException("suggestion " + id + " is " + s.state().wire()
                        + "; only proposed or placed suggestions can be dismissed");
            }
            if (s.holdRef() != null) calendar.removeHold(userId, s.holdRef());
            suggestions.transition(userId, id, OPEN, SuggestionState.DISMISSED, "dismissed", now);
            suggestions.setSnoozeDays(userId, id, snoozeDays);
            Snoozes.extend(clients, userId, s.clientId(), now.plus(Duration.ofDays(snoozeDays)), now);
            return s.clientId();
        });
        relationships.recompute(userId, List.of(clientId));
        return get(userId, id);
    }

    /** The METHOD:REQUEST invitation of an accepted suggestion, for download. */
    public String invitationIcs(long userId, long id) {
        Suggestion s = get(userId, id);
        if (s.state() != SuggestionState.ACCEPTED) {
            throw new ConflictException("suggestion " + id + " is " + s.state().wire() + "; accept it first");
        }
        return InvitationIcs.request(invitation(userId, s)
                .orElseThrow(() -> new ConflictException("the client has no e-mail address to invite")));
    }

    /**
     * Sends a pending invitation. The claim (pending → sending) is compare-and-set, so when the
     * background sender and the scheduled sweep reach it at once, one of them sends it.
     */
    void deliver(long userId, long id) {
        if (sender.isEmpty()) return;
        if (!suggestions.invitation(userId, id, List.of(InvitationState.PENDING), InvitationState.SENDING, "sending",
                clock.instant())) {
            return;
        }
        try {
            Invitation invitation = invitation(userId, get(userId, id)).orElseThrow();
            sender.get().send(invitation, users.find(userId).orElseThrow().timeZone());
            suggestions.invitation(userId, id, List.of(InvitationState.SENDING), InvitationState.SENT,
                    "sent to " + invitation.attendeeEmail(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("invitation for suggestion {} not sent: {}", id, e.getMessage());
            suggestions.invitation(userId, id, List.of(InvitationState.SENDING), InvitationState.FAILED,
                    "not sent: " + e.getMessage() + "; accept again to retry", clock.instant());
        }
    }

    /**
     * The sweep after a restart: sends invitations still pending (accepted just before a stop), and
     * marks as failed those a stopped server was in the middle of sending. Those are not resent by
     * themselves, because the mail server may have taken them; the user sees it and may accept again.
     */
    public void sweepInvitations() {
        Instant now = clock.instant();
        for (SuggestionRepository.Key key : suggestions.withInvitation(InvitationState.PENDING, now.minusSeconds(30))) {
            deliver(key.userId(), key.id());
        }
        for (SuggestionRepository.Key key : suggestions.withInvitation(InvitationState.SENDING, now.minusSeconds(600))) {
            suggestions.invitation(key.userId(), key.id(), List.of(InvitationState.SENDING), InvitationState.FAILED,
                    "the server stopped while sending; it may or may not have gone out; accept again to resend", now);
        }
    }

    private Optional<Invitation> invitation(long userId, Suggestion s) {
        Client client = clients.find(userId, s.clientId()).orElseThrow();
        User user = users.find(userId).orElseThrow();
        return emailOf(client).map(email -> new Invitation("rapport-suggestion-" + s.id() + "@rapport", 0, s.start(),
                s.end(), title(s.kind(), user, client), description(user), location(s.kind()), user.name(), user.email(),
                client.name(), email, s.decidedAt() == null ? clock.instant() : s.decidedAt()));
    }

    static Optional<String> emailOf(Client client) {
        return client.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(Identity::value)
                .findFirst();
    }

    static String title(MeetingKind kind, User user, Client client) {
        return kind.label() + ": " + user.name() + " and " + client.name();
    }

    /** What the client reads: never the internal reason, which talks about them. */
    private static String description(User user) {
        return "An invitation from " + user.name() + ". Reply to accept, decline or propose another time.";
    }

    private static String location(MeetingKind kind) {
        return switch (kind) {
            case CALL -> "Phone call";
            case VIDEO -> "Video call (the link follows)";
            case COFFEE, LUNCH -> "To be agreed";
            case REVIEW, VISIT -> null;
        };
    }
}
