package app.rapport.providers.microsoft;

import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.providers.CalendarItem;
import app.rapport.providers.StreamReader;
import app.rapport.sync.Stream;
import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.InternetMessageHeader;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import app.rapport.providers.SyncFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page of a Graph delta round through the SDK: a mail folder's messages, or the calendar
 * view over a window. The first request names the fields; later ones follow the nextLink or
 * deltaLink verbatim, as Graph encodes the query in its tokens. Prefer headers are not encoded, so
 * every request repeats them.
 */
public final class GraphDelta implements StreamReader {
    private static final Logger LOG = LoggerFactory.getLogger(GraphDelta.class);
    /** Metadata only: no body, no preview, no attachments. */
    static final String[] MAIL_FIELDS = {"id", "conversationId", "internetMessageId", "subject", "from", "sender",
            "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime", "isDraft", "parentFolderId",
            "internetMessageHeaders"};
    /** Headers kept from internetMessageHeaders: reply threading and bulk-mail signals. */
    private static final Set<String> KEPT_HEADERS = Set.of("in-reply-to", "references", "list-id", "list-unsubscribe",
            "precedence", "auto-submitted", "x-auto-response-suppress", "mailing-list");

    private final GraphClients clients;
    private final int pageSize;

    public GraphDelta(GraphClients clients, int pageSize) {
        this.clients = clients;
        this.pageSize = pageSize;
    }

    /** A page of a round. Exactly one of nextLink and deltaLink is set. */
    public record Page<T>(List<T> items, List<String> removedIds, int updatesWithoutContent, Map<String, Long> rejected,
                          String nextLink, String deltaLink) {
        public boolean lastOfRound() {
            return deltaLink != null;
        }
    }

    /**
     * One page of a folder's message delta.
     *
     * @param folder well-known name or id ("inbox", "sentitems")
     * @param link   the nextLink or deltaLink to follow; null starts a new round from scratch
     */
    public Page<MailMessage> mail(long accountId, String folder, String link) {
        GraphServiceClient graph = clients.forAccount(accountId);
        var delta = graph.me().mailFolders().byMailFolderId(folder).messages().delta();
        com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse response;
        try {
            response = link == null
                    ? delta.get(rc -> {
                        rc.queryParameters.select = MAIL_FIELDS;
                        prefer(rc.headers);
                    })
                    : delta.withUrl(link).get(rc -> prefer(rc.headers));
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
        List<MailMessage> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, Long> rejected = new TreeMap<>();
        int partial = 0;
        for (Message m : response.getValue() == null ? List.<Message>of() : response.getValue()) {
            if (m.getId() == null) continue;
            if (m.getAdditionalData() != null && m.getAdditionalData().containsKey("@removed")) {
                removed.add(m.getId());
            } else if (m.getFrom() == null && m.getSentDateTime() == null && m.getReceivedDateTime() == null) {
                // An update that carries only what changed (read state, folder): the metadata stored stays right.
                partial++;
            } else if (!Boolean.TRUE.equals(m.getIsDraft())) {
                try {
                    items.add(toMail(m));
                } catch (RuntimeException unreadable) {
                    LOG.warn("message {} skipped: {}", m.getId(), unreadable.toString());
                    rejected.merge("unreadable-message", 1L, Long::sum);
                }
            }
        }
        return page(items, removed, partial, rejected, response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    /** One page of the calendar view delta over [start, end); the window is fixed for the round. */
    public Page<CalendarItem> calendar(long accountId, String link, Instant start, Instant end) {
        GraphServiceClient graph = clients.forAccount(accountId);
        var delta = graph.me().calendarView().delta();
        com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse response;
        try {
            response = link == null
                    ? delta.get(rc -> {
                        rc.queryParameters.startDateTime = start.toString();
                        rc.queryParameters.endDateTime = end.toString();
                        prefer(rc.headers);
                    })
                    : delta.withUrl(link).get(rc -> prefer(rc.headers));
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
        List<CalendarItem> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, Long> rejected = new TreeMap<>();
        for (Event e : response.getValue() == null ? List.<Event>of() : response.getValue()) {
            if (e.getId() == null) continue;
            if (e.getAdditionalData() != null && e.getAdditionalData().containsKey("@removed")) {
                removed.add(e.getId());
                continue;
            }
            CalendarItem item = toEvent(e);
            if (item.meeting().start() == null || item.meeting().end() == null) {
                LOG.warn("event {} skipped: no readable start or end", e.getId());
                rejected.merge("event-without-time", 1L, Long::sum);
            } else {
                items.add(item);
            }
        }
        return page(items, removed, 0, rejected, response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    private static <T> Page<T> page(List<T> items, List<String> removed, int partial, Map<String, Long> rejected,
                                    String nextLink, String deltaLink) {
        if (nextLink == null && deltaLink == null) {
            throw new SyncFailure(SyncFailure.Kind.MALFORMED, "no-link", "Graph sent a delta page with neither a nextLink nor a deltaLink", null, null);
        }
        return new Page<>(items, removed, partial, rejected, nextLink, deltaLink);
    }

    @Override
    public StreamReader.Page read(long accountId, Stream stream, String cursor, Instant windowStart, Instant windowEnd) {
        if (stream.isMail()) {
            Page<MailMessage> page = mail(accountId, stream.graphFolder(), cursor);
            return new StreamReader.Page(page.items(), List.of(), page.removedIds(), page.updatesWithoutContent(),
                    page.rejected(), page.lastOfRound() ? page.deltaLink() : page.nextLink(), page.lastOfRound());
        }
        Page<CalendarItem> page = calendar(accountId, cursor, windowStart, windowEnd);
        return new StreamReader.Page(List.of(), page.items(), page.removedIds(), 0, page.rejected(),
                page.lastOfRound() ? page.deltaLink() : page.nextLink(), page.lastOfRound());
    }

    /** The folder's item count (for progress and the completeness check); null for the calendar. */
    @Override
    public Long total(long accountId, Stream stream) {
        if (!stream.isMail()) return null;
        try {
            Integer total = clients.forAccount(accountId).me().mailFolders().byMailFolderId(stream.graphFolder())
                    .get(rc -> rc.queryParameters.select = new String[] {"id", "totalItemCount"}).getTotalItemCount();
            return total == null ? null : total.longValue();
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
    }

    private void prefer(com.microsoft.kiota.RequestHeaders headers) {
        // Immutable ids survive moves between folders; UTC keeps every time unambiguous.
        headers.add("Prefer", "odata.maxpagesize=" + pageSize);
        headers.add("Prefer", "IdType=\"ImmutableId\"");
        headers.add("Prefer", "outlook.timezone=\"UTC\"");
    }

    static MailMessage toMail(Message m) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (m.getInternetMessageHeaders() != null) {
            for (InternetMessageHeader h : m.getInternetMessageHeaders()) {
                if (h.getName() == null || h.getValue() == null) continue;
                String name = h.getName().toLowerCase(Locale.ROOT);
                if (KEPT_HEADERS.contains(name)) headers.merge(name, h.getValue(), (a, b) -> a + ", " + b);
            }
        }
        String inReplyTo = headers.remove("in-reply-to");
        String refs = headers.remove("references");
        List<String> references = refs == null ? List.of() : List.of(refs.trim().split("\\s+"));
        Instant sent = m.getSentDateTime() != null ? m.getSentDateTime().toInstant()
                : m.getReceivedDateTime() != null ? m.getReceivedDateTime().toInstant() : null;
        Recipient from = m.getFrom() != null ? m.getFrom() : m.getSender();
        return new MailMessage(m.getId(), m.getInternetMessageId(), inReplyTo == null ? null : inReplyTo.trim(), references,
                m.getConversationId(), sent, address(from), addresses(m.getToRecipients()), addresses(m.getCcRecipients()),
                m.getSubject(), headers);
    }

    static CalendarItem toEvent(Event e) {
        List<MeetingEvent.Attendee> attendees = new ArrayList<>();
        if (e.getAttendees() != null) {
            for (Attendee a : e.getAttendees()) {
                String address = a.getEmailAddress() == null ? null : a.getEmailAddress().getAddress();
                if (address == null) continue;
                attendees.add(new MeetingEvent.Attendee(address, response(a)));
            }
        }
        String provider = e.getOnlineMeetingProvider() == null ? null : e.getOnlineMeetingProvider().getValue();
        String joinUrl = e.getOnlineMeeting() != null ? e.getOnlineMeeting().getJoinUrl() : null;
        String location = e.getLocation() == null ? null : e.getLocation().getDisplayName();
        MeetingEvent meeting = new MeetingEvent(e.getId(), e.getSubject(), location == null || location.isBlank() ? null : location,
                instant(e.getStart()), instant(e.getEnd()), address(e.getOrganizer()), attendees,
                Boolean.TRUE.equals(e.getIsOnlineMeeting()), "unknown".equals(provider) ? null : provider, joinUrl,
                e.getBodyPreview(), Boolean.TRUE.equals(e.getIsCancelled()));
        return new CalendarItem(meeting, showAs(e), Boolean.TRUE.equals(e.getIsAllDay()));
    }

    /** Graph's six values on the calendar's three: out of office blocks like busy; working elsewhere does not. */
    private static ShowAs showAs(Event e) {
        if (e.getShowAs() == null) return ShowAs.BUSY;
        return switch (e.getShowAs()) {
            case Free, WorkingElsewhere -> ShowAs.FREE;
            case Tentative -> ShowAs.TENTATIVE;
            default -> ShowAs.BUSY;
        };
    }

    private static MeetingEvent.Response response(Attendee a) {
        if (a.getStatus() == null || a.getStatus().getResponse() == null) return MeetingEvent.Response.NONE;
        return switch (a.getStatus().getResponse()) {
            case Accepted, Organizer -> MeetingEvent.Response.ACCEPTED;
            case TentativelyAccepted -> MeetingEvent.Response.TENTATIVE;
            case Declined -> MeetingEvent.Response.DECLINED;
            default -> MeetingEvent.Response.NONE;
        };
    }

    /** Graph's wall time plus zone name; with Prefer outlook.timezone="UTC" the zone is UTC. */
    static Instant instant(DateTimeTimeZone t) {
        if (t == null || t.getDateTime() == null) return null;
        try {
            LocalDateTime local = LocalDateTime.parse(t.getDateTime());
            String zone = t.getTimeZone();
            if (zone == null || zone.isBlank() || zone.equalsIgnoreCase("UTC") || zone.equals("Etc/GMT")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return local.atZone(ZoneId.of(zone)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String address(Recipient r) {
        if (r == null || r.getEmailAddress() == null || r.getEmailAddress().getAddress() == null) return null;
        String name = r.getEmailAddress().getName();
        String address = r.getEmailAddress().getAddress();
        return name == null || name.isBlank() || name.equalsIgnoreCase(address) ? address : "\"" + name.replace("\"", "") + "\" <" + address + ">";
    }

    private static List<String> addresses(List<Recipient> recipients) {
        if (recipients == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Recipient r : recipients) {
            String a = address(r);
            if (a != null) out.add(a);
        }
        return out;
    }

}
