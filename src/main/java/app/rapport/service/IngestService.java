package app.rapport.service;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.IdentityMatcher;
import app.rapport.domain.client.MatchingPolicy;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.InteractionClassifier;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MailOutcome;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.interaction.ThreadContext;
import app.rapport.domain.user.User;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.IgnoredMessageRepository;
import app.rapport.store.InteractionRepository;
import app.rapport.store.UserRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one path by which mail, meetings and manual logs become interactions: match identities,
 * classify, upsert, settle replies across the thread, recompute the touched relationships — all in
 * one transaction, so a crash leaves either the whole batch or none of it.
 */
public final class IngestService {
    static final String REPLY_RULE = "reply-in-thread";
    static final String ONE_WAY_RULE = "one-way";
    /** The width of interactions.external_id and thread_id. */
    static final int MAX_EXTERNAL_ID = 512;
    /** The width of interactions.subject. */
    static final int MAX_SUBJECT = 1000;

    private final Database db;
    private final UserRepository users;
    private final ClientRepository clients;
    private final InteractionRepository interactions;
    private final IgnoredMessageRepository ignored;
    private final RelationshipService relationships;
    private final Set<String> freeMailDomains;
    private final boolean storeSubjects;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Counter ingested;

    public IngestService(Database db, UserRepository users, ClientRepository clients,
                         InteractionRepository interactions, IgnoredMessageRepository ignored,
                         RelationshipService relationships, Set<String> freeMailDomains, boolean storeSubjects,
                         Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.users = users;
        this.clients = clients;
        this.interactions = interactions;
        this.ignored = ignored;
        this.relationships = relationships;
        this.freeMailDomains = Set.copyOf(freeMailDomains);
        this.storeSubjects = storeSubjects;
        this.clock = clock;
        this.metrics = metrics;
        this.ingested = Counter.builder("rapport.interactions.ingested")
                .description("Interactions stored from mail, meetings and manual logs").register(metrics);
    }

    /** Ingests a batch of mail from one stream of one account. */
    public IngestReport ingestMail(long userId, long accountId, String source, List<MailMessage> messages) {
        return ingestMail(userId, accountId, source, messages, null);
    }

    /**
     * Ingests a batch of mail; with {@code recomputeLater} given, the relationships of the clients it
     * touched are not recomputed but their ids added to that set, for the caller to recompute once for
     * several batches ({@link RelationshipService#recompute}), in a transaction of its choosing.
     */
    public IngestReport ingestMail(long userId, long accountId, String source, List<MailMessage> messages,
                                   Set<Long> recomputeLater) {
        return db.inTransaction(c -> {
            // Batches of one user (inbox and sent pages, other instances) take turns: each settles
            // threads and recomputes relationships from what the others committed.
            users.lock(userId);
            InteractionClassifier classifier = classifierFor(userId);
            List<MailMessage> ordered = new ArrayList<>(messages);
            // Oldest first, so a reply in the same batch sees the message it answers.
            ordered.sort(Comparator.comparing(MailMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder())));
            Set<String> threadIds = new LinkedHashSet<>();
            for (MailMessage m : ordered) if (m.threadId() != null) threadIds.add(m.threadId());
            BatchThreads threads = new BatchThreads(interactions.inThreads(userId, threadIds));

            List<Interaction> toStore = new ArrayList<>();
            List<IgnoredMessageRepository.Ignored> toIgnore = new ArrayList<>();
            Map<String, Integer> ignoredByReason = new TreeMap<>();
            for (MailMessage original : ordered) {
                MailMessage m = withStorableId(original);
                MailOutcome outcome = classifier.classifyMail(userId, accountId, source, m, threads);
                if (outcome.ignoredReason() != null) {
                    String key = m.externalId() != null ? m.externalId() : m.messageId();
                    // Without any id there is nothing to key the record on; the message is still counted.
                    if (key != null) {
                        toIgnore.add(new IgnoredMessageRepository.Ignored(accountId, source, key,
                                outcome.ignoredReason()));
                    }
                    ignoredByReason.merge(outcome.ignoredReason(), 1, Integer::sum);
                    continue;
                }
                for (Interaction i : outcome.interactions()) {
                    threads.add(i);
                    toStore.add(forStorage(i));
                }
            }
            interactions.upsertAll(toStore);
            ignored.upsertAll(toIgnore);
            settleReplies(userId, threadIds);
            Set<Long> touched = clientIds(toStore);
            if (recomputeLater == null) relationships.recompute(userId, touched);
            else recomputeLater.addAll(touched);
            countIngested(toStore.size(), ignoredByReason);
            return new IngestReport(messages.size(), toStore.size(), ignoredByReason, touched.size());
        });
    }

    /**
     * Ingests calendar events; meetings held with clients become interactions. An event seen again
     * replaces what it gave before, so a meeting cancelled, moved into the future or declined after
     * an earlier sync stops counting as contact for the clients it no longer concerns.
     */
    public IngestReport ingestMeetings(long userId, long accountId, String source, List<MeetingEvent> events) {
        return db.inTransaction(c -> {
            users.lock(userId);
            InteractionClassifier classifier = classifierFor(userId);
            Instant now = clock.instant();
            List<Interaction> toStore = new ArrayList<>();
            Map<String, Integer> notContact = new TreeMap<>();
            Set<Long> touched = new LinkedHashSet<>();
            for (MeetingEvent e : events) {
                List<Interaction> found = classifier.classifyMeeting(userId, accountId, source, e, now);
                if (found.isEmpty()) {
                    String reason = e.cancelled() ? "cancelled" : e.start() != null && e.start().isAfter(now)
                            ? "not-held-yet" : "no-client-attendee";
                    notContact.merge(reason, 1, Integer::sum);
                }
                for (Interaction i : found) toStore.add(forStorage(i));
                touched.addAll(interactions.deleteOthers(userId, accountId, source, e.externalId(), clientIds(found)));
            }
            interactions.upsertAll(toStore);
            touched.addAll(clientIds(toStore));
            relationships.recompute(userId, touched);
            countIngested(toStore.size(), Map.of());
            return new IngestReport(events.size(), toStore.size(), notContact, touched.size());
        });
    }

    /** A call, letter, visit or note logged by hand; {@code externalId} makes a retry update the same entry. */
    public record ManualLog(long clientId, String externalId, Channel channel, Direction direction, Instant at,
                            String subject) {}

    /** Stores one hand-logged contact and returns it with its id. */
    public Interaction logManual(long userId, long accountId, ManualLog log) {
        return db.inTransaction(c -> {
            logManual(userId, accountId, List.of(log));
            return interactions.findByKey(accountId, InteractionClassifier.MANUAL_SOURCE, log.externalId(),
                    log.clientId()).orElseThrow();
        });
    }

    /** Stores hand-logged contacts in one transaction and recomputes each touched client once. */
    public IngestReport logManual(long userId, long accountId, List<ManualLog> logs) {
        return db.inTransaction(c -> {
            users.lock(userId);
            // The client is named by the caller, so no address matching is needed: skip loading the book.
            InteractionClassifier classifier = new InteractionClassifier(new IdentityMatcher(
                    new MatchingPolicy(Set.of(), Set.of(), freeMailDomains), List.of()));
            List<Interaction> toStore = new ArrayList<>(logs.size());
            for (ManualLog log : logs) {
                toStore.add(forStorage(classifier.manualLog(userId, accountId, log.clientId(), log.externalId(),
                        log.channel(), log.direction(), log.at(), log.subject())));
            }
            interactions.upsertAll(toStore);
            Set<Long> touched = clientIds(toStore);
            relationships.recompute(userId, touched);
            countIngested(toStore.size(), Map.of());
            return new IngestReport(logs.size(), toStore.size(), Map.of(), touched.size());
        });
    }

    private InteractionClassifier classifierFor(long userId) {
        User user = users.find(userId).orElseThrow();
        Set<String> ownAddresses = new LinkedHashSet<>(users.ownAddresses(userId, "email"));
        ownAddresses.add(user.email());
        Set<String> ownDomains = users.ownAddresses(userId, "domain");
        List<Client> all = clients.all(userId);
        return new InteractionClassifier(new IdentityMatcher(
                new MatchingPolicy(ownAddresses, ownDomains, freeMailDomains), all));
    }

    /**
     * Mail arrives out of order (the inbox stream may deliver a reply before the sent stream delivers
     * what it answers), so after each batch the two-way flag of every email in the touched threads is
     * decided again from the whole thread: an email is a reply when the same client's thread holds an
     * earlier email in the other direction.
     */
    private void settleReplies(long userId, Set<String> threadIds) {
        if (threadIds.isEmpty()) return;
        Map<String, List<Interaction>> byClientThread = new HashMap<>();
        for (Interaction i : interactions.inThreads(userId, threadIds)) {
            if (i.channel() != Channel.EMAIL) continue;
            byClientThread.computeIfAbsent(i.clientId() + "\u0000" + i.threadId(), k -> new ArrayList<>()).add(i);
        }
        List<Interaction> changed = new ArrayList<>();
        for (List<Interaction> thread : byClientThread.values()) {
            thread.sort(Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id));
            boolean sawInbound = false;
            boolean sawOutbound = false;
            for (Interaction i : thread) {
                boolean reply = i.direction() == Direction.INBOUND ? sawOutbound
                        : i.direction() == Direction.OUTBOUND && sawInbound;
                if (reply != i.twoWay()) {
                    changed.add(i.withTwoWay(reply, reply ? REPLY_RULE : ONE_WAY_RULE));
                }
                if (i.direction() == Direction.INBOUND) sawInbound = true;
                if (i.direction() == Direction.OUTBOUND) sawOutbound = true;
            }
        }
        interactions.upsertAll(changed);
    }

    /**
     * Provider ids are short, but a Message-ID from a file can be of any length; an id longer than
     * the store's column is replaced by its SHA-256, which keeps it unique and stable across re-imports.
     */
    static MailMessage withStorableId(MailMessage m) {
        String id = m.externalId() != null ? m.externalId() : m.messageId();
        boolean longId = id != null && id.length() > MAX_EXTERNAL_ID;
        boolean longThread = m.threadId() != null && m.threadId().length() > MAX_EXTERNAL_ID;
        if (!longId && !longThread) return m;
        return new MailMessage(longId ? sha256(id) : m.externalId(), m.messageId(), m.inReplyTo(), m.references(),
                longThread ? sha256(m.threadId()) : m.threadId(), m.sentAt(), m.from(), m.to(), m.cc(), m.subject(),
                m.headers());
    }

    private static String sha256(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * What is kept of an interaction: with privacy.storeSubjects off, subjects are used to classify
     * and then dropped; otherwise a subject longer than its column is shortened, not refused.
     */
    private Interaction forStorage(Interaction i) {
        if (i.subject() == null || (storeSubjects && i.subject().length() <= MAX_SUBJECT)) return i;
        return i.withSubject(storeSubjects ? i.subject().substring(0, MAX_SUBJECT) : null);
    }

    private static Set<Long> clientIds(List<Interaction> list) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Interaction i : list) ids.add(i.clientId());
        return ids;
    }

    private void countIngested(int stored, Map<String, Integer> ignoredByReason) {
        ingested.increment(stored);
        ignoredByReason.forEach((reason, n) -> metrics.counter("rapport.messages.ignored", "reason", reason)
                .increment(n));
    }

    /** Thread facts of the store plus the batch being ingested, so replies within one batch are seen. */
    private static final class BatchThreads implements ThreadContext {
        private final Map<String, List<Interaction>> byThread = new HashMap<>();

        BatchThreads(List<Interaction> stored) {
            stored.forEach(this::add);
        }

        void add(Interaction i) {
            if (i.threadId() != null) byThread.computeIfAbsent(i.threadId(), k -> new ArrayList<>()).add(i);
        }

        @Override
        public boolean hasEarlier(long clientId, String threadId, Direction direction, Instant before) {
            for (Interaction i : byThread.getOrDefault(threadId, List.of())) {
                if (i.clientId() == clientId && i.direction() == direction && i.occurredAt().isBefore(before)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<String> firstSubject(String threadId) {
            return byThread.getOrDefault(threadId, List.of()).stream()
                    .filter(i -> i.subject() != null)
                    .min(Comparator.comparing(Interaction::occurredAt))
                    .map(Interaction::subject)
                    .filter(Objects::nonNull);
        }
    }
}
