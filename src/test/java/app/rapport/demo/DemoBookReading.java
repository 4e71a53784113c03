package app.rapport.demo;

import app.rapport.demo.DemoBook.DemoClient;
import app.rapport.demo.DemoBook.DemoMail;
import app.rapport.demo.DemoBook.ManualEntry;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.relationship.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small, independent reading of a demo book with the rules from DESIGN.md, so the tests can check that
 * the raw data means what the generator intended: which client a mailbox belongs to, what is bulk, which
 * contacts count, and the resulting status.
 */
final class DemoBookReading {
    final DemoBook book;
    final Instant now;
    private final Map<String, String> clientByAddress = new HashMap<>();
    private final Map<String, String> clientByDomain = new HashMap<>();
    private final Map<String, DemoClient> clients = new TreeMap<>();
    private final String ownerAddress;
    private final String ownerDomain;

    DemoBookReading(DemoBook book, Instant now) {
        this.book = book;
        this.now = now;
        ownerAddress = EmailAddresses.normalize(book.owner().email());
        ownerDomain = book.owner().domain();
        for (DemoClient c : book.clients()) {
            clients.put(c.key(), c);
            for (String e : c.emails()) clientByAddress.put(EmailAddresses.normalize(e), c.key());
            if (c.domain() != null) clientByDomain.put(EmailAddresses.normalizeDomain(c.domain()), c.key());
        }
    }

    static boolean isBulk(MailMessage m) {
        Map<String, String> h = m.headers();
        String precedence = h.getOrDefault("precedence", "").toLowerCase(Locale.ROOT);
        String auto = h.getOrDefault("auto-submitted", "no").toLowerCase(Locale.ROOT);
        return h.containsKey("list-id") || h.containsKey("list-unsubscribe") || precedence.equals("bulk")
                || precedence.equals("list") || precedence.equals("junk") || !auto.equals("no")
                || isNoReply(address(m.from()));
    }

    static boolean isNoReply(String address) {
        String local = address.substring(0, Math.max(0, address.indexOf('@'))).toLowerCase(Locale.ROOT);
        return local.contains("noreply") || local.contains("no-reply") || local.contains("donotreply");
    }

    private static final Map<String, String> ADDRESSES = new HashMap<>();

    static String address(String header) {
        return ADDRESSES.computeIfAbsent(header, h -> {
            List<EmailAddresses.Mailbox> parsed = EmailAddresses.parseList(h);
            return parsed.isEmpty() ? h : parsed.get(0).address();
        });
    }

    private final Map<String, String> clientOfHeader = new HashMap<>();

    /** The key of the client owning this mailbox header, or null (owner, colleague, stranger, automated sender). */
    String clientOf(String header) {
        if (clientOfHeader.containsKey(header)) return clientOfHeader.get(header);
        String key = lookUp(header);
        clientOfHeader.put(header, key);
        return key;
    }

    private String lookUp(String header) {
        String address = EmailAddresses.normalize(address(header));
        if (address.equals(ownerAddress) || EmailAddresses.domainOf(address).equals(ownerDomain) || isNoReply(address)) return null;
        String key = clientByAddress.get(address);
        return key != null ? key : clientByDomain.get(EmailAddresses.domainOf(address));
    }

    boolean isOwner(String header) {
        return EmailAddresses.normalize(address(header)).equals(ownerAddress);
    }

    boolean isColleague(String header) {
        String address = EmailAddresses.normalize(address(header));
        return !address.equals(ownerAddress) && EmailAddresses.domainOf(address).equals(ownerDomain);
    }

    /** Clients a message is addressed to or copied to. */
    Set<String> recipients(MailMessage m) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : m.to()) if (clientOf(h) != null) out.add(clientOf(h));
        for (String h : m.cc()) if (clientOf(h) != null) out.add(clientOf(h));
        return out;
    }

    /** Every contact of this client that counts: inbound mail, answered outbound mail, held meetings, manual logs. */
    private Map<String, List<MailMessage>> inboundByClient;
    private Map<String, List<MailMessage>> outboundByClient;

    private void indexMail() {
        inboundByClient = new HashMap<>();
        outboundByClient = new HashMap<>();
        for (DemoMail dm : book.mails()) {
            MailMessage m = dm.message();
            if (isBulk(m)) continue;
            String from = clientOf(m.from());
            if (from != null) inboundByClient.computeIfAbsent(from, k -> new ArrayList<>()).add(m);
            if (isOwner(m.from())) {
                for (String key : recipients(m)) outboundByClient.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
    }

    List<Instant> countingContacts(String key) {
        if (inboundByClient == null) indexMail();
        List<Instant> out = new ArrayList<>();
        Map<String, List<Instant>> inboundByThread = new HashMap<>();
        for (MailMessage m : inboundByClient.getOrDefault(key, List.of())) {
            out.add(m.sentAt());
            inboundByThread.computeIfAbsent(m.threadId(), t -> new ArrayList<>()).add(m.sentAt());
        }
        for (MailMessage m : outboundByClient.getOrDefault(key, List.of())) {
            for (Instant in : inboundByThread.getOrDefault(m.threadId(), List.of())) {
                if (in.isAfter(m.sentAt())) {
                    out.add(m.sentAt());
                    break;
                }
            }
        }
        for (MeetingEvent e : book.meetings()) {
            if (!e.cancelled() && !e.end().isAfter(now) && meetingClients(e).contains(key)) out.add(e.start());
        }
        for (ManualEntry l : book.manualLogs()) if (l.clientKey().equals(key)) out.add(l.at());
        return out;
    }

    Set<String> meetingClients(MeetingEvent e) {
        Set<String> out = new LinkedHashSet<>();
        if (clientOf(e.organizer()) != null) out.add(clientOf(e.organizer()));
        for (MeetingEvent.Attendee a : e.attendees()) if (clientOf(a.address()) != null) out.add(clientOf(a.address()));
        return out;
    }

    Instant lastCounting(String key) {
        Instant last = null;
        for (Instant t : countingContacts(key)) if (last == null || t.isAfter(last)) last = t;
        return last;
    }

    int cadence(DemoClient c) {
        if (c.cadenceOverrideDays() != null) return c.cadenceOverrideDays();
        return c.tier().equals("A") ? 30 : c.tier().equals("B") ? 90 : 180;
    }

    /** ACTIVE when due in more than 14 days, INACTIVE when overdue by a cadence or more, COOLING between. */
    Status status(String key) {
        DemoClient c = clients.get(key);
        Instant last = lastCounting(key);
        if (last == null) return Status.INACTIVE;
        int cadence = cadence(c);
        double daysUntilDue = Duration.between(now, last.plus(Duration.ofDays(cadence))).toMinutes() / 1440.0;
        if (daysUntilDue > 14) return Status.ACTIVE;
        if (daysUntilDue <= -cadence) return Status.INACTIVE;
        return Status.COOLING;
    }

    Map<Status, Integer> statusCounts() {
        Map<Status, Integer> counts = new TreeMap<>();
        for (String key : clients.keySet()) counts.merge(status(key), 1, Integer::sum);
        return counts;
    }
}
