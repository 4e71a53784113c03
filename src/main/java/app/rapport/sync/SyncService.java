package app.rapport.sync;

import app.rapport.config.SyncConfig;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.user.Account;
import app.rapport.providers.CalendarItem;
import app.rapport.providers.StreamReader;
import app.rapport.providers.SyncFailure;
import app.rapport.service.IngestReport;
import app.rapport.service.IngestService;
import app.rapport.service.RelationshipService;
import app.rapport.store.AccountRepository;
import app.rapport.store.Database;
import app.rapport.store.IgnoredMessageRepository;
import app.rapport.store.SyncStreamRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rounds of one stream: reads pages from the provider and commits each page together with the
 * cursor after it, so a crash or a kill resumes from the last committed page and re-reading a page
 * stores nothing twice (interactions upsert on their natural key). An expired cursor restarts the
 * stream with a full round. The caller (a job holding the stream's lease) gets back when to run next.
 */
public final class SyncService {
    static final String BEFORE_WINDOW = "before-backfill-window";
    /** Future meetings the calendar view keeps, for free/busy and holds. */
    static final Duration CALENDAR_AHEAD = Duration.ofDays(365);
    /** Graph refuses calendar views longer than 1,825 days; a longer backfill reads the most recent part. */
    static final Duration CALENDAR_LONGEST_VIEW = Duration.ofDays(1825);
    /** The calendar view moves on (a full round) once less than this is left ahead. */
    static final Duration CALENDAR_REFRESH_BEFORE = Duration.ofDays(180);
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final int RESTARTS_PER_RUN = 2;
    /**
     * Within a round, mail pages recompute the relationships of the clients they touched at most this
     * often (and always with the round's last page): recomputing reads each touched client's whole
     * history, which per page of a backfill costs more than the page itself.
     */
    static final Duration RECOMPUTE_EVERY = Duration.ofSeconds(1);
    /** After this many pages of a backfill round, PostgreSQL's statistics of the filling tables are refreshed. */
    static final int ANALYZE_AFTER_PAGES = 10;

    private final Database db;
    private final Clock clock;
    private final AccountRepository accounts;
    private final SyncStreamRepository streams;
    private final IgnoredMessageRepository ignored;
    private final IngestService ingest;
    private final RelationshipService relationships;
    private final StreamReader reader;
    private final CalendarMirror mirror;
    private final CalendarListener calendarListener;
    private final SyncConfig config;
    private final Counter pages;
    private final MeterRegistry metrics;

    public SyncService(Database db, Clock clock, AccountRepository accounts, SyncStreamRepository streams,
                       IgnoredMessageRepository ignored, IngestService ingest, RelationshipService relationships,
                       StreamReader reader, CalendarMirror mirror, CalendarListener calendarListener, SyncConfig config,
                       MeterRegistry metrics) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.streams = streams;
        this.ignored = ignored;
        this.ingest = ingest;
        this.relationships = relationships;
        this.reader = reader;
        this.mirror = mirror;
        this.calendarListener = calendarListener;
        this.config = config;
        this.metrics = metrics;
        this.pages = Counter.builder("rapport.sync.pages").description("Provider pages committed with their cursor").register(metrics);
    }

    /** What the job does next. */
    public sealed interface Outcome {
        /** The round completed; {@code again} when a notification arrived during it. */
        record Done(boolean again) implements Outcome {}

        /** Try again after {@code after}; {@code gaveUp} when the attempts are spent and the stream shows an error. */
        record Retry(Duration after, boolean gaveUp) implements Outcome {}

        /** The account needs reconnecting: nothing runs until it is. */
        record Paused() implements Outcome {}
    }

    /** The oldest time a new account's streams keep. */
    public Instant backfillStart() {
        return clock.instant().atOffset(ZoneOffset.UTC).minusMonths(config.backfillMonths()).toInstant();
    }

    /** Creates the streams of a newly connected account (existing ones keep their cursors). */
    public void initialise(long accountId) {
        Instant now = clock.instant();
        for (Stream s : Stream.values()) streams.ensure(accountId, s, backfillStart(), now);
    }

    /** Runs the stream until its round completes or a failure stops it. */
    public Outcome runRound(long accountId, Stream stream) {
        Account account = accounts.byId(accountId).orElse(null);
        if (account == null) return new Outcome.Paused();
        if (!account.connected()) {
            streams.setState(accountId, stream, SyncStream.PAUSED, clock.instant());
            return new Outcome.Paused();
        }
        SyncStream state = streams.find(accountId, stream).orElse(null);
        if (state == null) {
            initialise(accountId);
            state = streams.find(accountId, stream).orElseThrow();
        }
        // Wall-clock time, as requests are stamped with it; the book's clock may be fixed in tests.
        Instant roundStart = Instant.now();
        if (stream == Stream.CALENDAR && state.windowEnd() != null && state.cursorIsDelta()
                && state.windowEnd().isBefore(clock.instant().plus(CALENDAR_REFRESH_BEFORE))) {
            // The view's end is encoded in the cursor; moving it forward takes a full round.
            streams.restart(accountId, stream, null, clock.instant());
        }
        // A round that resumes from the middle (after a crash or a failed attempt) cannot know which
        // relationships earlier attempts left to recompute, so its last page recomputes them all.
        boolean resumed = state.cursorUrl() != null && !state.cursorIsDelta();
        Recompute recompute = new Recompute(resumed);
        streams.startRound(accountId, stream, roundStart);
        if (stream == Stream.CALENDAR) {
            boolean full = streams.find(accountId, stream).map(s -> s.cursorUrl() == null).orElse(true);
            try {
                calendarListener.roundStarting(account.userId(), accountId, full);
            } catch (RuntimeException e) {
                LOG.warn("account {}: preparing the calendar round failed; the round goes on", accountId, e);
            }
        }
        int restarts = 0;
        boolean calendarChanged = false;
        try {
            while (true) {
                state = streams.find(accountId, stream).orElseThrow();
                if (state.cursorUrl() == null) {
                    streams.beginFullRound(accountId, stream);
                    prepareFullRound(account, state);
                }
                state = streams.find(accountId, stream).orElseThrow();
                StreamReader.Page page;
                try {
                    page = reader.read(accountId, stream, state.cursorUrl(), state.windowStart(),
                            state.windowEnd() != null ? state.windowEnd() : clock.instant().plus(CALENDAR_AHEAD));
                } catch (SyncFailure f) {
                    if (f.kind() != SyncFailure.Kind.CURSOR_EXPIRED || restarts >= RESTARTS_PER_RUN) throw f;
                    restarts++;
                    LOG.info("account {} {}: cursor expired ({}); starting a full round", accountId, stream.id(), f.code());
                    streams.restart(accountId, stream, "cursor expired (" + f.code() + "); full resync started", clock.instant());
                    metrics.counter("rapport.sync.restarts", "stream", stream.id()).increment();
                    continue;
                }
                commit(account, stream, state, page, recompute);
                if (++recompute.pages == ANALYZE_AFTER_PAGES && SyncStream.BACKFILL.equals(state.phase()) && stream.isMail()) {
                    try {
                        db.analyze("interactions", "ignored_messages");
                    } catch (RuntimeException e) {
                        LOG.info("could not refresh the statistics of interactions (the sync goes on): {}", e.getMessage());
                    }
                }
                calendarChanged |= !page.events().isEmpty() || !page.removedIds().isEmpty();
                if (page.roundComplete()) break;
            }
            checkCompleteness(accountId, stream);
            streams.succeeded(accountId, stream, clock.instant());
            if (calendarChanged) {
                try {
                    calendarListener.calendarChanged(account.userId(), accountId);
                } catch (RuntimeException e) {
                    LOG.warn("following calendar changes of account {} failed; the next reconcile retries", accountId, e);
                }
            }
            SyncStream after = streams.find(accountId, stream).orElseThrow();
            return new Outcome.Done(after.requestedAt() != null && !after.requestedAt().isBefore(roundStart));
        } catch (SyncFailure f) {
            return failed(accountId, stream, f);
        } catch (RuntimeException e) {
            return failed(accountId, stream, new SyncFailure(SyncFailure.Kind.TEMPORARY, "internal", e.toString(), null, e));
        }
    }

    private void prepareFullRound(Account account, SyncStream state) {
        if (state.stream() == Stream.CALENDAR) {
            Instant now = clock.instant();
            Instant end = now.plus(CALENDAR_AHEAD);
            Instant start = now.atOffset(ZoneOffset.UTC).minusMonths(config.backfillMonths()).toInstant();
            if (start.isBefore(end.minus(CALENDAR_LONGEST_VIEW))) start = end.minus(CALENDAR_LONGEST_VIEW);
            streams.setWindow(account.id(), Stream.CALENDAR, start, end);
            return;
        }
        if (SyncStream.BACKFILL.equals(state.phase()) || state.backfillEstimate() == null) {
            try {
                streams.setEstimate(account.id(), state.stream(), reader.total(account.id(), state.stream()));
            } catch (SyncFailure f) {
                LOG.debug("no item count for {} {}: {}", account.id(), state.stream().id(), f.getMessage());
            }
        }
    }

    /** Clients whose relationships committed pages of this round have yet to recompute. */
    private static final class Recompute {
        final Set<Long> pending = new LinkedHashSet<>();
        final boolean all;
        long lastAt = System.nanoTime() - RECOMPUTE_EVERY.toNanos();
        int pages;

        Recompute(boolean all) {
            this.all = all;
        }

        boolean due(boolean lastPage) {
            return lastPage || System.nanoTime() - lastAt >= RECOMPUTE_EVERY.toNanos();
        }

        void done() {
            pending.clear();
            lastAt = System.nanoTime();
        }
    }

    private void commit(Account account, Stream stream, SyncStream state, StreamReader.Page page, Recompute recompute) {
        boolean recomputeNow = stream.isMail() && recompute.due(page.roundComplete());
        db.inTransaction(c -> {
            Map<String, Long> ignoredCounts = new TreeMap<>();
            long stored;
            if (stream.isMail()) {
                List<MailMessage> inWindow = new ArrayList<>();
                List<IgnoredMessageRepository.Ignored> old = new ArrayList<>();
                for (MailMessage m : page.mail()) {
                    if (m.sentAt() != null && m.sentAt().isBefore(state.windowStart())) {
                        old.add(new IgnoredMessageRepository.Ignored(account.id(), stream.id(), m.externalId(), BEFORE_WINDOW));
                    } else {
                        inWindow.add(m);
                    }
                }
                IngestReport report = ingest.ingestMail(account.userId(), account.id(), stream.id(), inWindow, recompute.pending);
                if (recomputeNow) {
                    // With the page and its cursor: a crash before this commit leaves the round to resume.
                    if (page.roundComplete() && recompute.all) relationships.recomputeAll(account.userId());
                    else relationships.recompute(account.userId(), recompute.pending);
                }
                ignored.upsertAll(old);
                if (!old.isEmpty()) ignoredCounts.put(BEFORE_WINDOW, (long) old.size());
                report.ignoredByReason().forEach((k, v) -> ignoredCounts.merge(k, (long) v, Long::sum));
                stored = report.stored();
            } else {
                List<MeetingEvent> meetings = page.events().stream().map(CalendarItem::meeting).toList();
                IngestReport report = ingest.ingestMeetings(account.userId(), account.id(), stream.id(), meetings);
                report.ignoredByReason().forEach((k, v) -> ignoredCounts.merge(k, (long) v, Long::sum));
                mirror.apply(account.userId(), account.id(), state.rounds() + 1, page.events(), page.removedIds());
                if (page.roundComplete() && streams.isFullRound(account.id(), stream)) {
                    mirror.sweep(account.userId(), account.id(), state.rounds() + 1);
                }
                stored = report.stored();
            }
            long seen = page.mail().size() + page.events().size() + page.removedIds().size() + page.partialUpdates()
                    + page.rejected().values().stream().mapToLong(Long::longValue).sum();
            streams.advance(account.id(), stream, page.next(), page.roundComplete(),
                    new SyncStreamRepository.PageCounts(seen, stored, page.removedIds().size(), ignoredCounts, page.rejected()),
                    clock.instant());
            return null;
        });
        if (recomputeNow) recompute.done();
        pages.increment();
    }

    private void checkCompleteness(long accountId, Stream stream) {
        if (!stream.isMail()) return;
        try {
            Long total = reader.total(accountId, stream);
            streams.completeness(accountId, stream, total, streams.storedItems(accountId, stream), clock.instant());
        } catch (SyncFailure f) {
            LOG.debug("completeness check of {} {} skipped: {}", accountId, stream.id(), f.getMessage());
        }
    }

    private Outcome failed(long accountId, Stream stream, SyncFailure f) {
        Instant now = clock.instant();
        metrics.counter("rapport.sync.failures", "stream", stream.id(), "kind", f.kind().name()).increment();
        if (f.kind() == SyncFailure.Kind.AUTH_REVOKED) {
            Account account = accounts.byId(accountId).orElse(null);
            if (account != null && account.connected()) {
                accounts.setState(accountId, Account.RECONNECT_NEEDED,
                        "Microsoft no longer accepts Rapport's access (" + f.code() + "). Reconnect the account to resume syncing.", now);
            }
            streams.failed(accountId, stream, SyncStream.PAUSED, f.getMessage(), now);
            LOG.warn("account {} {}: paused until reconnected: {}", accountId, stream.id(), f.getMessage());
            return new Outcome.Paused();
        }
        int attempts = streams.failed(accountId, stream, SyncStream.IDLE, f.getMessage(), now);
        if (attempts >= config.maxAttempts()) {
            streams.setState(accountId, stream, SyncStream.ERROR, now);
            LOG.warn("account {} {}: {} failed attempts, retrying at the next poll: {}", accountId, stream.id(), attempts, f.getMessage());
            return new Outcome.Retry(Duration.ofMinutes(config.pollMinutes()), true);
        }
        Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(attempts);
        LOG.info("account {} {}: attempt {} failed ({}), retrying in {} ms", accountId, stream.id(), attempts, f.getMessage(), wait.toMillis());
        return new Outcome.Retry(wait, false);
    }

    /** Exponential from one second, capped at five minutes, with full jitter. */
    static Duration backoff(int attempt) {
        long cap = Math.min(300_000L, 1_000L << Math.min(attempt, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
