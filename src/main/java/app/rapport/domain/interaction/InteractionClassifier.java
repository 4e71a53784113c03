package app.rapport.domain.interaction;

import app.rapport.domain.client.AddressMatch;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.client.EmailAddresses.Mailbox;
import app.rapport.domain.client.IdentityMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns mail messages, calendar meetings and hand-logged contacts into classified
 * {@link Interaction}s: which clients, which direction, two-way or not, intent and mode, each with
 * the rule that decided it.
 *
 * <p><b>Mail.</b> A message is not contact, and comes back with a reason, when it is bulk or
 * automated ({@link BulkMailDetector}), has no readable From ({@code no-sender}), no date
 * ({@code no-date}) or no id ({@code no-id}). Otherwise the sender decides:
 * <ul>
 *   <li>the user: OUTBOUND, one interaction per distinct client among To and Cc. None:
 *       {@code own-or-colleague-only} when every recipient is the user or a colleague,
 *       {@code no-client-address} otherwise.</li>
 *   <li>a client: INBOUND, one interaction for that client (other clients in copy did not write).</li>
 *   <li>a colleague: {@code colleague-sender} when a client is among the recipients. A colleague's
 *       mail to a client is the colleague's contact, not the user's, even when the user is in copy;
 *       counting it would make a client look looked-after by the user when they are not.</li>
 *   <li>someone unknown: {@code unknown-sender} when a client is only in copy (an assistant or a
 *       third party wrote, not the client), {@code no-client-address} otherwise.</li>
 * </ul>
 * Two-way: a message answering the other side in the same thread ({@link ThreadContext#hasEarlier}
 * with the opposite direction, same client, strictly earlier) is two-way by {@code reply-in-thread};
 * anything else is {@code one-way}. The first message of a thread only learns it was answered when
 * the answer arrives; {@code RelationshipScorer} looks at threads itself for that. Intent comes from
 * {@link IntentRules} over the subject and, when it says nothing, the thread's first subject. Mode is
 * UNKNOWN by {@code not-a-meeting}.
 *
 * <p><b>Meetings.</b> Cancelled meetings, meetings not yet started at {@code now}, and meetings the
 * user declined are not contact. Every client among organizer and attendees who did not decline
 * gets one MEETING interaction, MUTUAL, two-way by {@code meeting-held}, mode from
 * {@link ModeRules}, intent from {@link IntentRules} over title and location.
 *
 * <p><b>Hand-logged contacts.</b> See {@link #manualLog}.
 *
 * <p>Thread-safe when the matcher is (it is immutable).
 */
public final class InteractionClassifier {
    /** The source name of hand-logged interactions. */
    public static final String MANUAL_SOURCE = "manual";

    private final IdentityMatcher matcher;

    public InteractionClassifier(IdentityMatcher matcher) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * Classifies one mail message.
     *
     * @param source e.g. "mail_inbox", "mail_sent" or an importer's name
     * @param thread what is known about the message's thread; null means {@link ThreadContext#NONE}
     */
    public MailOutcome classifyMail(long userId, long accountId, String source, MailMessage m, ThreadContext thread) {
        Objects.requireNonNull(m, "message");
        ThreadContext threads = thread == null ? ThreadContext.NONE : thread;

        String bulk = BulkMailDetector.headerReason(m.headers());
        if (bulk != null) return MailOutcome.ignored(bulk);
        Optional<Mailbox> from = m.from() == null ? Optional.empty() : EmailAddresses.parseOne(m.from());
        if (from.isEmpty()) return MailOutcome.ignored("no-sender");
        if (BulkMailDetector.isNoReplyAddress(from.get().address())) return MailOutcome.ignored("no-reply-sender");
        if (m.sentAt() == null) return MailOutcome.ignored("no-date");
        String externalId = m.externalId() != null ? m.externalId() : m.messageId();
        if (externalId == null) return MailOutcome.ignored("no-id");

        AddressMatch sender = matcher.match(from.get().address());
        Direction direction;
        List<Long> clientIds = new ArrayList<>(2);
        switch (sender.kind()) {
            case CLIENT -> {
                direction = Direction.INBOUND;
                clientIds.add(sender.clientId());
            }
            case OWNER -> {
                direction = Direction.OUTBOUND;
                Recipients r = recipients(m, clientIds);
                if (clientIds.isEmpty()) {
                    return MailOutcome.ignored(r.any && r.allInternal ? "own-or-colleague-only" : "no-client-address");
                }
            }
            case COLLEAGUE -> {
                Recipients r = recipients(m, clientIds);
                if (!clientIds.isEmpty()) return MailOutcome.ignored("colleague-sender");
                return MailOutcome.ignored(r.any && r.allInternal ? "own-or-colleague-only" : "no-client-address");
            }
            default -> {
                recipients(m, clientIds);
                return MailOutcome.ignored(clientIds.isEmpty() ? "no-client-address" : "unknown-sender");
            }
        }

        IntentDecision intent = mailIntent(m, threads);
        Direction opposite = direction == Direction.INBOUND ? Direction.OUTBOUND : Direction.INBOUND;
        List<Interaction> out = new ArrayList<>(clientIds.size());
        for (long clientId : clientIds) {
            boolean twoWay = m.threadId() != null && threads.hasEarlier(clientId, m.threadId(), opposite, m.sentAt());
            out.add(new Interaction(0, userId, clientId, accountId, source, externalId, m.sentAt(), Channel.EMAIL,
                    direction, twoWay, twoWay ? "reply-in-thread" : "one-way", intent.intent(), intent.rule(),
                    Mode.UNKNOWN, "not-a-meeting", m.threadId(), m.subject()));
        }
        return MailOutcome.contact(out);
    }

    private static IntentDecision mailIntent(MailMessage m, ThreadContext threads) {
        IntentDecision own = IntentRules.classify(m.subject(), null, null, null);
        if (own.intent() != Intent.UNKNOWN || m.threadId() == null) return own;
        Optional<String> first = threads.firstSubject(m.threadId());
        return first.isEmpty() ? own : IntentRules.classify(m.subject(), first.get(), null, null);
    }

    private static final class Recipients {
        boolean any;
        boolean allInternal = true;
    }

    /** Adds each distinct client among To and Cc to {@code clientIds}, in order of appearance. */
    private Recipients recipients(MailMessage m, List<Long> clientIds) {
        Recipients r = new Recipients();
        collect(m.to(), clientIds, r);
        collect(m.cc(), clientIds, r);
        return r;
    }

    private void collect(List<String> headerValues, List<Long> clientIds, Recipients r) {
        for (String value : headerValues) {
            for (Mailbox mb : EmailAddresses.parseList(value)) {
                AddressMatch match = matcher.match(mb.address());
                r.any = true;
                if (!match.isInternal()) r.allInternal = false;
                if (match.isClient() && !clientIds.contains(match.clientId())) clientIds.add(match.clientId());
            }
        }
    }

    /**
     * Classifies one calendar event that may have happened.
     *
     * @param now meetings starting after this instant are not contact yet
     * @return one interaction per client who took part; empty when the meeting is not contact
     */
    public List<Interaction> classifyMeeting(long userId, long accountId, String source, MeetingEvent e, Instant now) {
        Objects.requireNonNull(e, "event");
        Objects.requireNonNull(now, "now");
        if (e.cancelled() || e.start() == null || e.start().isAfter(now)) return List.of();

        // clientId -> took part (true once any of its addresses did not decline)
        Map<Long, Boolean> clients = new LinkedHashMap<>();
        if (e.organizer() != null) {
            AddressMatch org = matcher.match(e.organizer());
            if (org.isClient()) clients.put(org.clientId(), true);
        }
        for (MeetingEvent.Attendee a : e.attendees()) {
            if (a.address() == null) continue;
            AddressMatch match = matcher.match(a.address());
            boolean declined = a.response() == MeetingEvent.Response.DECLINED;
            if (match.kind() == AddressMatch.Kind.OWNER && declined) return List.of();
            if (match.isClient()) clients.merge(match.clientId(), !declined, Boolean::logicalOr);
        }
        if (!clients.containsValue(true)) return List.of();
        Objects.requireNonNull(e.externalId(), "event externalId");

        ModeDecision mode = ModeRules.classify(e);
        IntentDecision intent = IntentRules.classify(null, null, e.title(), e.location());
        List<Interaction> out = new ArrayList<>(clients.size());
        for (Map.Entry<Long, Boolean> c : clients.entrySet()) {
            if (!c.getValue()) continue;
            out.add(new Interaction(0, userId, c.getKey(), accountId, source, e.externalId(), e.start(),
                    Channel.MEETING, Direction.MUTUAL, true, "meeting-held", intent.intent(), intent.rule(),
                    mode.mode(), mode.rule(), null, e.title()));
        }
        return out;
    }

    /**
     * A contact the user logged by hand. A call is two-way ({@code logged-conversation}) with mode PHONE
     * ({@code logged-call}); a visit is logged as channel MEETING, two-way, mode IN_PERSON
     * ({@code logged-visit}); a letter, email or note is one-way ({@code one-way}) and not a meeting.
     * Intent comes from the subject. The source is {@value #MANUAL_SOURCE}.
     *
     * @param externalId a caller-chosen unique id (for idempotent retries), e.g. a UUID
     * @param at         when the contact happened
     * @param subject    what it was about, or null
     */
    public Interaction manualLog(long userId, long accountId, long clientId, String externalId, Channel channel,
                                 Direction direction, Instant at, String subject) {
        Objects.requireNonNull(channel, "channel");
        boolean twoWay;
        Mode mode;
        String modeRule;
        switch (channel) {
            case CALL -> {
                twoWay = true;
                mode = Mode.PHONE;
                modeRule = "logged-call";
            }
            case MEETING -> {
                twoWay = true;
                mode = Mode.IN_PERSON;
                modeRule = "logged-visit";
            }
            default -> {
                twoWay = false;
                mode = Mode.UNKNOWN;
                modeRule = "not-a-meeting";
            }
        }
        IntentDecision intent = IntentRules.classify(subject, null, null, null);
        return new Interaction(0, userId, clientId, accountId, MANUAL_SOURCE, externalId, at, channel, direction,
                twoWay, twoWay ? "logged-conversation" : "one-way", intent.intent(), intent.rule(), mode, modeRule,
                null, subject);
    }
}
