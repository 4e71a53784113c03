package app.rapport.demo;

import app.rapport.domain.client.ClientKind;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A made-up but realistic book of business for the demo owner: clients, and two years of raw mail,
 * calendar events and manual logs up to a given instant, as the real ingest pipeline receives them.
 *
 * <p>Nothing here is classified: newsletters, no-reply notifications, auto-replies, colleagues and
 * strangers are all in the data and must be told apart by the real matching and classification rules.
 * The same seed and instant always give the same book, to the byte.
 *
 * @param mails      every message, inbox and sent, ordered by sent time
 * @param meetings   calendar events ordered by start; all end at or before {@code now} except a few
 *                   upcoming ones, which start after it
 * @param manualLogs calls, letters and visits logged by hand, ordered by time
 */
public record DemoBook(Owner owner, List<DemoClient> clients, List<DemoMail> mails, List<MeetingEvent> meetings,
                       List<ManualEntry> manualLogs) {
    public DemoBook {
        clients = List.copyOf(clients);
        mails = List.copyOf(mails);
        meetings = List.copyOf(meetings);
        manualLogs = List.copyOf(manualLogs);
    }

    /**
     * Generates the demo book: about 150 clients and two years of activity ending at {@code now}.
     * Deterministic for the same arguments; takes well under a second.
     */
    public static DemoBook generate(long seed, Instant now) {
        Objects.requireNonNull(now, "now");
        return new DemoGenerator(seed, now).generate();
    }

    /** The client with this key, or null. */
    public DemoClient client(String key) {
        for (DemoClient c : clients) {
            if (c.key().equals(key)) return c;
        }
        return null;
    }

    /**
     * The user the demo belongs to.
     *
     * @param domain          the owner's own mail domain; colleagues share it
     * @param colleagueEmails addresses of the owner's colleagues (never clients)
     * @param zone            the owner's zone, for working hours
     */
    public record Owner(String name, String email, String domain, List<String> colleagueEmails, ZoneId zone) {
        public Owner {
            colleagueEmails = List.copyOf(colleagueEmails);
        }
    }

    /**
     * One client as the user would enter or import it.
     *
     * @param key                 stable, readable id within the book (a slug of the name)
     * @param tier                "A", "B" or "C" (default cadences 30, 90 and 180 days)
     * @param emails              the addresses the user knows, as written (may carry dots and plus-tags)
     * @param domain              the company's own mail domain, or null for people and households
     * @param cadenceOverrideDays a per-client cadence, or null for the tier's
     */
    public record DemoClient(String key, String name, ClientKind kind, String tier, ZoneId timeZone, List<String> emails,
                             String domain, Integer cadenceOverrideDays, String notes) {
        public DemoClient {
            emails = List.copyOf(emails);
        }
    }

    /** One message and the stream it arrives on: "mail_inbox" or "mail_sent". */
    public record DemoMail(String source, MailMessage message) {}

    /**
     * A contact the user logged by hand.
     *
     * @param channel CALL, LETTER, or MEETING for a visit
     * @param at      when it happened (never after {@code now})
     */
    public record ManualEntry(String clientKey, String externalId, Channel channel, Direction direction, Instant at,
                              String subject) {}

    /**
     * The clients built to exercise a hard case of the inference rules; each has this key in every book.
     */
    public enum HardCase {
        /** Only ever writes in; the owner never wrote, called or met. */
        ONLY_INBOUND("margaret-ellison"),
        /** Every touch, both ways, is about proposals, quotes and renewals. */
        ONLY_SALES("brightwater-marine-supplies"),
        /** Nothing at all for well over a year. */
        LONG_SILENCE("tom-and-ruth-haldane"),
        /** Wrote two days ago and is waiting for the owner's answer. */
        REPLY_OWED("eleanor-voss"),
        /** A lunch five months ago, then three proposals in a row that got no reply. */
        UNANSWERED_PROPOSALS("kestrel-print-works"),
        /** A review meeting booked for next week, while the relationship is cooling. */
        MEETING_NEXT_WEEK("northgate-dental-group");

        private final String key;

        HardCase(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
