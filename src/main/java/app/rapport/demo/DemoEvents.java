package app.rapport.demo;

import app.rapport.demo.DemoBook.DemoMail;
import app.rapport.demo.DemoBook.ManualEntry;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Collects the raw events of the demo book and gives each a unique, seed-derived id. It refuses anything
 * that would lie after {@code now} (except meetings that have not started yet), so the generator can be
 * generous with times and let this class cut what the future would hold.
 */
final class DemoEvents {
    static final String INBOX = "mail_inbox";
    static final String SENT = "mail_sent";

    /** A mailbox with an optional display name. */
    record Person(String name, String address) {
        /** The From/To header form: {@code Name <address>}, quoting names with specials as RFC 5322 asks. */
        String header() {
            if (name == null || name.isBlank()) return address;
            boolean specials = name.chars().anyMatch(ch -> "()<>@,;:\\\".[]".indexOf(ch) >= 0);
            return (specials ? "\"" + name.replace("\"", "") + "\"" : name) + " <" + address + ">";
        }
    }

    /** One conversation: its provider thread id, first subject, and the Message-IDs so far, oldest first. */
    static final class MailThread {
        final String id;
        final String subject;
        final List<String> messageIds = new ArrayList<>();
        Instant lastAt;

        MailThread(String id, String subject) {
            this.id = id;
            this.subject = subject;
        }

        boolean isEmpty() {
            return messageIds.isEmpty();
        }
    }

    private final Instant now;
    private final String ownerAddress;
    private final SplittableRandom ids;
    private final Set<String> used = new HashSet<>(); // membership only; never iterated
    final List<DemoMail> mails = new ArrayList<>();
    final List<MeetingEvent> meetings = new ArrayList<>();
    final List<ManualEntry> logs = new ArrayList<>();

    DemoEvents(Instant now, String ownerAddress, SplittableRandom ids) {
        this.now = now;
        this.ownerAddress = ownerAddress;
        this.ids = ids;
    }

    Instant now() {
        return now;
    }

    /** Lower-case hex of the given length, unique within this book. */
    String uniqueHex(int length) {
        while (true) {
            StringBuilder sb = new StringBuilder(length);
            while (sb.length() < length) {
                sb.append(Long.toHexString(ids.nextLong() | Long.MIN_VALUE).substring(1));
            }
            String hex = sb.substring(0, length);
            if (used.add(hex)) return hex;
        }
    }

    MailThread newThread(String subject) {
        return new MailThread("thr-" + uniqueHex(16), subject);
    }

    /** Adds the next message of a thread; returns null (and adds nothing) when {@code at} is after now. */
    MailMessage post(MailThread thread, Person from, List<Person> to, List<Person> cc, Instant at,
                     String subject, Map<String, String> headers) {
        if (at.isAfter(now)) return null;
        if (thread.lastAt != null && !at.isAfter(thread.lastAt)) at = thread.lastAt.plusSeconds(60);
        if (at.isAfter(now)) return null;
        String messageId = "<" + uniqueHex(24) + "@" + messageIdHost(from.address()) + ">";
        String inReplyTo = thread.isEmpty() ? null : thread.messageIds.get(thread.messageIds.size() - 1);
        MailMessage message = new MailMessage("demo-" + uniqueHex(16), messageId, inReplyTo,
                List.copyOf(thread.messageIds), thread.id, at, from.header(), headers(to), headers(cc), subject, headers);
        thread.messageIds.add(messageId);
        thread.lastAt = at;
        String source = from.address().equalsIgnoreCase(ownerAddress) ? SENT : INBOX;
        mails.add(new DemoMail(source, message));
        return message;
    }

    /**
     * Adds a calendar event. An event that would still be running at {@code now} is refused (returns null):
     * every event either ended by now or has not started yet.
     */
    MeetingEvent meeting(String title, String location, Instant start, Instant end, Person organizer,
                         List<MeetingEvent.Attendee> attendees, boolean online, String provider, String joinUrl,
                         String description, boolean cancelled) {
        if (!start.isAfter(now) && end.isAfter(now)) return null;
        MeetingEvent event = new MeetingEvent("evt-" + uniqueHex(20), title, location, start, end, organizer.address(),
                attendees, online, provider, joinUrl, description, cancelled);
        meetings.add(event);
        return event;
    }

    /** Adds a manual log; refused (false) when {@code at} is after now. */
    boolean log(String clientKey, Channel channel, Direction direction, Instant at, String subject) {
        if (at.isAfter(now)) return false;
        logs.add(new ManualEntry(clientKey, "log-" + uniqueHex(16), channel, direction, at, subject));
        return true;
    }

    void sort() {
        mails.sort(Comparator.comparing((DemoMail m) -> m.message().sentAt()).thenComparing(m -> m.message().externalId()));
        meetings.sort(Comparator.comparing(MeetingEvent::start).thenComparing(MeetingEvent::externalId));
        logs.sort(Comparator.comparing(ManualEntry::at).thenComparing(ManualEntry::externalId));
    }

    private static List<String> headers(List<Person> people) {
        List<String> out = new ArrayList<>(people.size());
        for (Person p : people) out.add(p.header());
        return out;
    }

    private static String messageIdHost(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return domain.equals("gmail.com") ? "mail.gmail.com" : "mail." + domain;
    }
}
