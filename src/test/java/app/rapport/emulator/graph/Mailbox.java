package app.rapport.emulator.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One user's mailbox: identity, mail folders with messages, the primary calendar and mailbox
 * settings. The methods are the test's hands ("the user in Outlook" or "mail arrives"); each change
 * goes into the mailbox's change logs (for delta) and to matching subscriptions (for notifications).
 * Thread-safe: everything runs under the emulator's lock.
 */
public final class Mailbox {
    /** A mail folder; wellKnownName is null for folders made by tests. */
    public record Folder(String id, String wellKnownName, String displayName) {}

    enum ChangeKind { FULL, FIELDS, REMOVED }

    record MailChange(long seq, String folderId, String messageId, ChangeKind kind, List<String> fields) {}

    record CalendarChange(long seq, String eventId) {}

    /** A meeting message Outlook sent to an attendee because of an organizer's change. */
    public record MeetingMessage(String eventId, String attendee, String kind, boolean viaGraph, Instant at) {}

    final GraphEmulator emu;
    private final String address;
    private final String displayName;
    private final String userId;
    final Map<String, Folder> folders = new LinkedHashMap<>();
    final Map<String, GraphMessage> messages = new LinkedHashMap<>();
    final Map<String, GraphEvent> events = new LinkedHashMap<>();
    final List<MailChange> mailLog = new ArrayList<>();
    final List<CalendarChange> calendarLog = new ArrayList<>();
    final List<MeetingMessage> meetingMessages = new ArrayList<>();
    long seq;
    private String timeZone = "UTC";
    private WorkingHours workingHours = WorkingHours.weekdays("UTC");

    Mailbox(GraphEmulator emu, String address, String displayName, String userId) {
        this.emu = emu;
        this.address = address;
        this.displayName = displayName;
        this.userId = userId;
        for (String[] f : new String[][] {{"inbox", "Inbox"}, {"sentitems", "Sent Items"}, {"drafts", "Drafts"},
                {"deleteditems", "Deleted Items"}, {"archive", "Archive"}}) {
            String id = Json.itemId("AQMkAD");
            folders.put(id, new Folder(id, f[0], f[1]));
        }
    }

    public String address() { return address; }
    public String displayName() { return displayName; }
    public String userId() { return userId; }

    // ---------------------------------------------------------------- folders

    /** Makes a folder (as the user would in Outlook) and returns it. */
    public Folder createFolder(String name) {
        synchronized (emu.lock) {
            String id = Json.itemId("AQMkAD");
            Folder f = new Folder(id, null, name);
            folders.put(id, f);
            return f;
        }
    }

    public List<Folder> folders() {
        synchronized (emu.lock) {
            return List.copyOf(folders.values());
        }
    }

    /** The folder for a well-known name (any case), id or display name of a test folder; throws if unknown. */
    public Folder folder(String ref) {
        synchronized (emu.lock) {
            Folder f = findFolder(ref);
            if (f == null) throw new NoSuchElementException("no folder " + ref + " in " + address);
            return f;
        }
    }

    Folder findFolder(String ref) {
        if (ref == null) return null;
        Folder byId = folders.get(ref);
        if (byId != null) return byId;
        for (Folder f : folders.values()) if (f.wellKnownName() != null && f.wellKnownName().equalsIgnoreCase(ref)) return f;
        for (Folder f : folders.values()) if (f.wellKnownName() == null && f.displayName().equalsIgnoreCase(ref)) return f;
        return null;
    }

    // ---------------------------------------------------------------- messages

    /** Mail arrives in (or is filed into) a folder; the server fills id, changeKey and missing dates. */
    public GraphMessage addMessage(String folder, GraphMessage.Builder message) {
        synchronized (emu.lock) {
            Folder f = folder(folder);
            GraphMessage m = message.buildNew(f.id(), emu.now());
            messages.put(m.id(), m);
            logMail(f.id(), m.id(), ChangeKind.FULL, List.of());
            emu.subscriptions.messageChanged(this, f.id(), m, "created");
            return m;
        }
    }

    /** Changes a stored message (e.g. {@code b -> b.isRead(true)}); lastModifiedDateTime and changeKey move on. */
    public GraphMessage updateMessage(String id, Consumer<GraphMessage.Builder> mutator) {
        synchronized (emu.lock) {
            GraphMessage old = message(id);
            GraphMessage.Builder b = old.toBuilder();
            mutator.accept(b);
            GraphMessage candidate = b.build();
            List<String> fields = GraphMessage.changedFields(old, candidate);
            if (fields.isEmpty()) return old;
            b.id = old.id();
            b.parentFolderId = old.parentFolderId();
            b.created = old.createdDateTime();
            b.lastModified = emu.now();
            b.changeKey = Json.changeKey();
            GraphMessage m = b.build();
            messages.put(id, m);
            List<String> logged = new ArrayList<>(fields);
            logged.add("lastModifiedDateTime");
            logged.add("changeKey");
            logMail(m.parentFolderId(), id, ChangeKind.FIELDS, logged);
            emu.subscriptions.messageChanged(this, m.parentFolderId(), m, "updated");
            return m;
        }
    }

    public GraphMessage markRead(String id, boolean read) {
        return updateMessage(id, b -> b.isRead(read));
    }

    /** Hard-deletes a message. */
    public void deleteMessage(String id) {
        synchronized (emu.lock) {
            GraphMessage m = message(id);
            messages.remove(id);
            logMail(m.parentFolderId(), id, ChangeKind.REMOVED, List.of());
            emu.subscriptions.messageChanged(this, m.parentFolderId(), m, "deleted");
        }
    }

    /** Moves a message to another folder; ids are immutable, so the id stays. */
    public GraphMessage moveMessage(String id, String folder) {
        synchronized (emu.lock) {
            GraphMessage old = message(id);
            Folder to = folder(folder);
            if (to.id().equals(old.parentFolderId())) return old;
            GraphMessage.Builder b = old.toBuilder();
            b.parentFolderId = to.id();
            b.lastModified = emu.now();
            b.changeKey = Json.changeKey();
            GraphMessage m = b.build();
            messages.put(id, m);
            logMail(old.parentFolderId(), id, ChangeKind.REMOVED, List.of());
            logMail(to.id(), id, ChangeKind.FULL, List.of());
            emu.subscriptions.messageMoved(this, old.parentFolderId(), to.id(), m);
            return m;
        }
    }

    public GraphMessage message(String id) {
        synchronized (emu.lock) {
            GraphMessage m = messages.get(id);
            if (m == null) throw new NoSuchElementException("no message " + id + " in " + address);
            return m;
        }
    }

    /** The folder's messages, newest received first. */
    public List<GraphMessage> messages(String folder) {
        synchronized (emu.lock) {
            String fid = folder(folder).id();
            return messagesIn(fid);
        }
    }

    List<GraphMessage> messagesIn(String folderId) {
        List<GraphMessage> out = new ArrayList<>();
        for (GraphMessage m : messages.values()) if (m.parentFolderId().equals(folderId)) out.add(m);
        out.sort(Comparator.comparing(GraphMessage::receivedDateTime).reversed().thenComparing(GraphMessage::id));
        return out;
    }

    public int count(String folder) {
        return messages(folder).size();
    }

    private void logMail(String folderId, String messageId, ChangeKind kind, List<String> fields) {
        mailLog.add(new MailChange(++seq, folderId, messageId, kind, List.copyOf(fields)));
    }

    // ---------------------------------------------------------------- events

    /**
     * The user makes an event in Outlook. Unless an organizer is given the mailbox owner organises it
     * (isOrganizer true, responseStatus organizer, invitations to the attendees are recorded).
     */
    public GraphEvent addEvent(GraphEvent.Builder event) {
        synchronized (emu.lock) {
            return createEvent(event, false);
        }
    }

    GraphEvent createEvent(GraphEvent.Builder b, boolean viaGraph) {
        if (b.start == null || b.end == null) throw new IllegalArgumentException("an event needs start and end");
        Instant now = emu.now();
        b.id = Json.itemId("AAMkAG");
        b.iCalUId = "040000008200E00074C5B7101A82E00800000000" + Json.randomToken(24).replace('-', 'A').replace('_', 'B');
        if (b.organizer == null) b.organizer = new Recipient(displayName, address);
        if (b.isOrganizer == null) b.isOrganizer = b.organizer.sameAddress(address);
        if (b.response == null) b.response = b.isOrganizer ? "organizer" : "notResponded";
        if (b.isOnlineMeeting) fillOnlineMeeting(b);
        b.created = now;
        b.lastModified = now;
        b.changeKey = Json.changeKey();
        b.webLink = emu.baseUrl() + "/owa/?itemid=" + Identity.enc(b.id) + "&exvsurl=1&path=/calendar/item";
        GraphEvent e = b.build();
        events.put(e.id(), e);
        calendarLog.add(new CalendarChange(++seq, e.id()));
        if (e.isOrganizer()) {
            for (Attendee a : e.attendees()) meetingMessages.add(new MeetingMessage(e.id(), a.address(), "request", viaGraph, now));
        }
        emu.subscriptions.eventChanged(this, e, "created");
        return e;
    }

    void fillOnlineMeeting(GraphEvent.Builder b) {
        if (b.onlineMeetingProvider == null || b.onlineMeetingProvider.equals("unknown")) b.onlineMeetingProvider = "teamsForBusiness";
        if (b.joinUrl == null) b.joinUrl = emu.baseUrl() + "/teams/l/meetup-join/" + Json.randomToken(18);
    }

    /** Changes an event as the user would in Outlook (or as a PATCH does). */
    public GraphEvent updateEvent(String id, Consumer<GraphEvent.Builder> mutator) {
        synchronized (emu.lock) {
            return changeEvent(id, mutator, false);
        }
    }

    GraphEvent changeEvent(String id, Consumer<GraphEvent.Builder> mutator, boolean viaGraph) {
        GraphEvent old = events.get(id);
        if (old == null) throw new NoSuchElementException("no event " + id + " in " + address);
        GraphEvent.Builder b = old.toBuilder();
        mutator.accept(b);
        b.id = old.id();
        b.iCalUId = old.iCalUId();
        b.created = old.createdDateTime();
        b.transactionId = old.transactionId();
        if (old.isOnlineMeeting()) { // cannot be switched off or changed once set
            b.isOnlineMeeting = true;
            b.onlineMeetingProvider = old.onlineMeetingProvider();
            b.joinUrl = old.joinUrl();
        } else if (b.isOnlineMeeting) {
            fillOnlineMeeting(b);
        }
        Instant now = emu.now();
        b.lastModified = now;
        b.changeKey = Json.changeKey();
        GraphEvent e = b.build();
        events.put(id, e);
        calendarLog.add(new CalendarChange(++seq, id));
        if (e.isOrganizer()) {
            for (Attendee a : e.attendees()) {
                if (old.attendee(a.address()) == null) meetingMessages.add(new MeetingMessage(id, a.address(), "request", viaGraph, now));
                else if (GraphEvent.rescheduled(old, e)) meetingMessages.add(new MeetingMessage(id, a.address(), "update", viaGraph, now));
            }
        }
        emu.subscriptions.eventChanged(this, e, "updated");
        return e;
    }

    /** The user drags the event to a new time. */
    public GraphEvent moveEvent(String id, Instant start, Instant end) {
        return updateEvent(id, b -> b.between(start, end));
    }

    /** The user deletes the event; an organizer's delete with attendees sends cancellations. */
    public void deleteEvent(String id) {
        synchronized (emu.lock) {
            removeEvent(id, false);
        }
    }

    void removeEvent(String id, boolean viaGraph) {
        GraphEvent e = events.remove(id);
        if (e == null) throw new NoSuchElementException("no event " + id + " in " + address);
        calendarLog.add(new CalendarChange(++seq, id));
        if (e.isOrganizer() && !e.isCancelled()) {
            for (Attendee a : e.attendees()) meetingMessages.add(new MeetingMessage(id, a.address(), "cancellation", viaGraph, emu.now()));
        }
        emu.subscriptions.eventChanged(this, e, "deleted");
    }

    /** An attendee answers (accepted, tentativelyAccepted, declined, ...); the organizer's copy shows it. */
    public GraphEvent respond(String eventId, String attendeeAddress, String response) {
        synchronized (emu.lock) {
            GraphEvent e = event(eventId);
            if (e.attendee(attendeeAddress) == null) throw new NoSuchElementException(attendeeAddress + " is not invited to " + eventId);
            Instant now = emu.now();
            return changeEvent(eventId, b -> {
                List<Attendee> as = new ArrayList<>();
                for (Attendee a : b.attendees) as.add(a.emailAddress().sameAddress(attendeeAddress) ? a.withResponse(response, now) : a);
                b.attendees = as;
            }, false);
        }
    }

    /** The organizer cancelled a meeting this mailbox attends: isCancelled true, stays in the calendar. */
    public GraphEvent cancelEvent(String id) {
        return updateEvent(id, b -> b.isCancelled(true));
    }

    public GraphEvent event(String id) {
        synchronized (emu.lock) {
            GraphEvent e = events.get(id);
            if (e == null) throw new NoSuchElementException("no event " + id + " in " + address);
            return e;
        }
    }

    /** All events, by start time. */
    public List<GraphEvent> events() {
        synchronized (emu.lock) {
            List<GraphEvent> out = new ArrayList<>(events.values());
            out.sort(Comparator.comparing(GraphEvent::start).thenComparing(GraphEvent::id));
            return out;
        }
    }

    GraphEvent byTransactionId(String transactionId) {
        for (GraphEvent e : events.values()) if (transactionId.equals(e.transactionId())) return e;
        return null;
    }

    /** Meeting requests, updates and cancellations this mailbox sent as organizer. */
    public List<MeetingMessage> meetingMessages() {
        synchronized (emu.lock) {
            return List.copyOf(meetingMessages);
        }
    }

    // ---------------------------------------------------------------- settings

    public String timeZone() {
        synchronized (emu.lock) {
            return timeZone;
        }
    }

    /** mailboxSettings.timeZone (Windows or IANA name, as the admin set up the tenant). */
    public Mailbox timeZone(String zone) {
        synchronized (emu.lock) {
            timeZone = zone;
            return this;
        }
    }

    public WorkingHours workingHours() {
        synchronized (emu.lock) {
            return workingHours;
        }
    }

    public Mailbox workingHours(WorkingHours hours) {
        synchronized (emu.lock) {
            workingHours = hours;
            return this;
        }
    }

    /** Lower-cased address, the key the emulator files mailboxes under. */
    static String key(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    Set<String> knownFolderIds() {
        return folders.keySet();
    }
}
