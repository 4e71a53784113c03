package app.rapport.web.dashboard;

import app.rapport.domain.user.Account;
import app.rapport.store.PushSubscriptionRepository.Subscription;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Accounts page: one card per connected source, and for a Microsoft 365 mailbox the health of
 * each of its streams (Inbox, Sent items, Calendar), so a stalled or revoked sync is visible rather
 * than silent.
 *
 * @param notices what the last action or the OAuth callback reported, shown at the top
 * @param live    true while a stream is backfilling or syncing: the cards refresh themselves
 */
public record AccountsView(List<Notice> notices, List<Card> cards, boolean live) {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** A message above the cards: {@code kind} is "ok" or "error". */
    public record Notice(String kind, String text) {}

    /**
     * One account.
     *
     * @param detail   why the account needs attention, or null when it does not
     * @param canSync  a connected Microsoft account: "Sync now" is offered
     * @param streams  empty for sources that do not sync (manual entries, imports)
     */
    public record Card(long id, String provider, String providerLabel, String label, String state, String stateLabel,
                       String detail, boolean needsReconnect, boolean canSync, String note, List<StreamCard> streams) {}

    /**
     * One stream of a Microsoft account.
     *
     * @param progress    shown during the backfill, else null
     * @param lastSuccess "5 minutes ago", or "never"
     * @param lastError   the last failure while it is unresolved, or null
     * @param check       the last completeness check, or null before the first
     * @param push        the change-notification subscription in force, or null when the stream is polled
     */
    public record StreamCard(String id, String name, String phase, String phaseLabel, String state, String stateLabel,
                             Progress progress, String lastSuccess, String lastSuccessTitle, Failure lastError,
                             String seen, String stored, String removed, List<Reason> ignored, List<Reason> rejected,
                             Check check, Push push, String rounds) {}

    /**
     * Backfill progress; {@code max} is null when the provider gave no estimate, and the bar is then
     * indeterminate.
     */
    public record Progress(long value, Long max, String text) {}

    /** The last failure: its sentence, when, and how many attempts in a row have failed. */
    public record Failure(String text, String when, String whenTitle, int attempts) {}

    /** Items ignored or rejected for one reason. */
    public record Reason(String reason, String count) {}

    /** Stored against the provider's count: {@code word} is "complete", "incomplete" or "unknown". */
    public record Check(String word, String text, String when) {}

    /** Change notifications: until when the subscription runs, or that it has lapsed. */
    public record Push(boolean active, String text) {}

    /** A reconnect banner for the Today page. */
    public record Reconnect(String label, String detail) {}

    public static AccountsView build(List<Account> accounts, Map<Long, List<SyncStream>> streams,
                                     Map<Long, List<Subscription>> push, List<Notice> notices, Instant now,
                                     ZoneId zone) {
        List<Card> cards = new ArrayList<>();
        boolean live = false;
        for (Account a : accounts) {
            List<SyncStream> ofAccount = new ArrayList<>(streams.getOrDefault(a.id(), List.of()));
            ofAccount.sort(Comparator.comparing(SyncStream::stream));
            List<Subscription> subscriptions = push.getOrDefault(a.id(), List.of());
            List<StreamCard> streamCards = new ArrayList<>();
            for (SyncStream s : ofAccount) {
                streamCards.add(stream(s, subscriptions, now, zone));
                live |= moving(a, s);
            }
            cards.add(card(a, streamCards));
        }
        return new AccountsView(List.copyOf(notices), cards, live);
    }

    /**
     * True while the stream is working or about to: syncing, or a backfill of a connected account
     * that has not given up. A stream in error or paused waits for the next poll or a reconnect, so
     * refreshing the page would show nothing new.
     */
    static boolean moving(Account a, SyncStream s) {
        if (SyncStream.SYNCING.equals(s.state())) return true;
        return a.connected() && SyncStream.BACKFILL.equals(s.phase()) && SyncStream.IDLE.equals(s.state());
    }

    /** The Today page's banners: every account whose grant was revoked or expired. */
    public static List<Reconnect> reconnects(List<Account> accounts) {
        return accounts.stream().filter(a -> Account.RECONNECT_NEEDED.equals(a.state()))
                .map(a -> new Reconnect(a.label(), detail(a))).toList();
    }

    private static Card card(Account a, List<StreamCard> streams) {
        boolean microsoft = Account.MICROSOFT.equals(a.provider());
        boolean reconnect = Account.RECONNECT_NEEDED.equals(a.state());
        String detail = a.connected() ? null : detail(a);
        String note = microsoft ? null : switch (a.provider()) {
            case "local" -> "Contacts you log yourself and the demo book. Nothing to sync.";
            case "file" -> "Imported from files. Nothing to sync.";
            default -> "Nothing to sync here yet.";
        };
        return new Card(a.id(), a.provider(), providerLabel(a.provider()), a.label(), a.state(), stateLabel(a.state()),
                detail, reconnect && microsoft, microsoft && a.connected(), note, streams);
    }

    private static String detail(Account a) {
        if (a.stateDetail() != null && !a.stateDetail().isBlank()) return a.stateDetail();
        return Account.RECONNECT_NEEDED.equals(a.state())
                ? "Rapport can no longer read this mailbox. Reconnect to resume syncing."
                : "This account is disconnected; nothing is synced from it.";
    }

    static StreamCard stream(SyncStream s, List<Subscription> subscriptions, Instant now, ZoneId zone) {
        boolean backfill = SyncStream.BACKFILL.equals(s.phase());
        Progress progress = backfill ? progress(s.backfillSeen(), s.backfillEstimate()) : null;
        Failure failure = s.lastError() == null ? null : new Failure(s.lastError(), ago(s.lastErrorAt(), now, zone),
                when(s.lastErrorAt(), zone), s.attempts());
        return new StreamCard(s.stream().id(), streamName(s.stream()), s.phase(), backfill ? "Backfill" : "Incremental",
                s.state(), stateLabel(s.state()), progress, ago(s.lastSuccessAt(), now, zone), when(s.lastSuccessAt(), zone),
                failure, number(s.itemsSeen()), number(s.itemsStored()), number(s.itemsRemoved()), reasons(s.ignored()),
                reasons(s.rejected()), check(s, now, zone), push(s.stream(), subscriptions, now, zone),
                plural(s.rounds(), "round") + (s.restarts() > 0 ? ", " + plural(s.restarts(), "restart") : ""));
    }

    static Progress progress(long seen, Long estimate) {
        if (estimate == null || estimate <= 0) {
            return new Progress(seen, null, number(seen) + " read so far; the total is not known yet");
        }
        // The folder can grow during the backfill; the bar stays full rather than overflowing.
        long value = Math.min(seen, estimate);
        long percent = Math.min(100, seen * 100 / estimate);
        return new Progress(value, estimate, number(seen) + " of about " + number(estimate) + " read (" + percent + "%)");
    }

    static Check check(SyncStream s, Instant now, ZoneId zone) {
        if (s.checkedAt() == null) return null;
        String checked = "checked " + ago(s.checkedAt(), now, zone);
        if (s.providerTotal() == null || s.storedTotal() == null) {
            return new Check("unknown", "Microsoft did not give a count to compare with", checked);
        }
        boolean complete = s.storedTotal() >= s.providerTotal();
        String text = number(s.storedTotal()) + " held of " + number(s.providerTotal()) + " in Microsoft 365"
                + (complete ? "" : " (" + number(s.providerTotal() - s.storedTotal()) + " missing)");
        return new Check(complete ? "complete" : "incomplete", text, checked);
    }

    static Push push(Stream stream, List<Subscription> subscriptions, Instant now, ZoneId zone) {
        Optional<Subscription> latest = subscriptions.stream().filter(p -> p.stream() == stream)
                .max(Comparator.comparing(Subscription::expiresAt));
        if (latest.isEmpty()) return null;
        Instant expires = latest.get().expiresAt();
        if (expires.isAfter(now)) return new Push(true, "Change notifications on until " + when(expires, zone));
        return new Push(false, "Change notifications lapsed " + ago(expires, now, zone) + "; polling until renewed");
    }

    private static List<Reason> reasons(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reason(Words.wire(e.getKey()), number(e.getValue()))).toList();
    }

    static String streamName(Stream s) {
        return switch (s) {
            case MAIL_INBOX -> "Inbox";
            case MAIL_SENT -> "Sent items";
            case CALENDAR -> "Calendar";
        };
    }

    static String providerLabel(String provider) {
        return switch (provider) {
            case Account.MICROSOFT -> "Microsoft 365";
            case "google" -> "Google";
            case "local" -> "Entered in Rapport";
            case "file" -> "File import";
            default -> provider;
        };
    }

    static String stateLabel(String state) {
        return switch (state) {
            case Account.CONNECTED -> "Connected";
            case Account.RECONNECT_NEEDED -> "Reconnect needed";
            case Account.DISCONNECTED -> "Disconnected";
            case SyncStream.IDLE -> "Idle";
            case SyncStream.SYNCING -> "Syncing";
            case SyncStream.ERROR -> "Error";
            case SyncStream.PAUSED -> "Paused";
            default -> Words.wire(state);
        };
    }

    /**
     * How long ago, finer than days for recent moments since syncs run minutes apart: "just now",
     * "12 minutes ago", "3 hours ago", then the day distance ("yesterday", "2 weeks ago").
     */
    static String ago(Instant then, Instant now, ZoneId zone) {
        if (then == null) return "never";
        Duration d = Duration.between(then, now);
        if (d.isNegative()) return "on " + when(then, zone);
        if (d.toMinutes() < 1) return "just now";
        if (d.toMinutes() < 60) return plural(d.toMinutes(), "minute") + " ago";
        if (d.toHours() < 24) return plural(d.toHours(), "hour") + " ago";
        return RelativeDays.ago(Words.day(then, zone), Words.day(now, zone));
    }

    static String when(Instant t, ZoneId zone) {
        return t == null ? null : WHEN.format(t.atZone(zone));
    }

    static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String plural(long n, String unit) {
        return number(n) + " " + unit + (n == 1 ? "" : "s");
    }
}
