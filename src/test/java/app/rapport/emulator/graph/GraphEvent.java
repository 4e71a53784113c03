package app.rapport.emulator.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A calendar event (single instance) as the emulator stores it. Times are instants; the service
 * answers in UTC (or in the zone of a {@code Prefer: outlook.timezone} header). Immutable; build test
 * events with {@link #builder()}.
 */
public record GraphEvent(
        String id,
        String iCalUId,
        String subject,
        String bodyContentType,
        String bodyContent,
        Instant start,
        Instant end,
        String originalStartTimeZone,
        String originalEndTimeZone,
        boolean isAllDay,
        boolean isCancelled,
        boolean isOrganizer,
        Recipient organizer,
        List<Attendee> attendees,
        String response,
        Instant responseTime,
        String showAs,
        String location,
        boolean isOnlineMeeting,
        String onlineMeetingProvider,
        String joinUrl,
        String transactionId,
        Map<String, String> extendedProperties,
        List<String> categories,
        String sensitivity,
        String changeKey,
        Instant createdDateTime,
        Instant lastModifiedDateTime,
        String webLink) {

    public GraphEvent {
        attendees = List.copyOf(attendees);
        extendedProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extendedProperties));
        categories = List.copyOf(categories);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The attendee entry for an address, or null. */
    public Attendee attendee(String address) {
        return attendees.stream().filter(a -> a.emailAddress().sameAddress(address)).findFirst().orElse(null);
    }

    /** Builder for test events ("the user in Outlook") and for the emulator's own updates. */
    public static final class Builder {
        String id;
        String iCalUId;
        String subject = "";
        String bodyContentType = "text";
        String bodyContent = "";
        Instant start;
        Instant end;
        String originalStartTimeZone = "UTC";
        String originalEndTimeZone = "UTC";
        boolean isAllDay;
        boolean isCancelled;
        Boolean isOrganizer;
        Recipient organizer;
        List<Attendee> attendees = new ArrayList<>();
        String response;
        Instant responseTime;
        String showAs = "busy";
        String location = "";
        boolean isOnlineMeeting;
        String onlineMeetingProvider = "unknown";
        String joinUrl;
        String transactionId;
        Map<String, String> extendedProperties = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        String sensitivity = "normal";
        String changeKey;
        Instant created;
        Instant lastModified;
        String webLink;

        Builder() {}

        Builder(GraphEvent e) {
            id = e.id;
            iCalUId = e.iCalUId;
            subject = e.subject;
            bodyContentType = e.bodyContentType;
            bodyContent = e.bodyContent;
            start = e.start;
            end = e.end;
            originalStartTimeZone = e.originalStartTimeZone;
            originalEndTimeZone = e.originalEndTimeZone;
            isAllDay = e.isAllDay;
            isCancelled = e.isCancelled;
            isOrganizer = e.isOrganizer;
            organizer = e.organizer;
            attendees = new ArrayList<>(e.attendees);
            response = e.response;
            responseTime = e.responseTime;
            showAs = e.showAs;
            location = e.location;
            isOnlineMeeting = e.isOnlineMeeting;
            onlineMeetingProvider = e.onlineMeetingProvider;
            joinUrl = e.joinUrl;
            transactionId = e.transactionId;
            extendedProperties = new LinkedHashMap<>(e.extendedProperties);
            categories = new ArrayList<>(e.categories);
            sensitivity = e.sensitivity;
            changeKey = e.changeKey;
            created = e.createdDateTime;
            lastModified = e.lastModifiedDateTime;
            webLink = e.webLink;
        }

        public Builder subject(String s) { subject = s; return this; }
        public Builder body(String contentType, String content) { bodyContentType = contentType; bodyContent = content; return this; }
        public Builder start(Instant t) { start = t; return this; }
        public Builder end(Instant t) { end = t; return this; }
        public Builder between(Instant s, Instant e) { start = s; end = e; return this; }
        public Builder isAllDay(boolean b) { isAllDay = b; return this; }
        public Builder isCancelled(boolean b) { isCancelled = b; return this; }
        /** Someone else organises it: isOrganizer false and the owner's response defaults to notResponded. */
        public Builder organizer(String name, String address) { organizer = new Recipient(name, address); return this; }
        public Builder isOrganizer(boolean b) { isOrganizer = b; return this; }
        public Builder attendee(Attendee a) { attendees.add(a); return this; }
        public Builder attendees(List<Attendee> as) { attendees = new ArrayList<>(as); return this; }
        public Builder response(String r) { response = r; return this; }
        public Builder showAs(String s) { showAs = s; return this; }
        public Builder location(String s) { location = s; return this; }
        public Builder onlineMeeting(String provider) { isOnlineMeeting = true; onlineMeetingProvider = provider; return this; }
        public Builder transactionId(String s) { transactionId = s; return this; }
        public Builder extendedProperty(String id, String value) { extendedProperties.put(id, value); return this; }
        public Builder categories(List<String> cs) { categories = new ArrayList<>(cs); return this; }
        public Builder sensitivity(String s) { sensitivity = s; return this; }

        GraphEvent build() {
            return new GraphEvent(id, iCalUId, subject, bodyContentType, bodyContent, start, end, originalStartTimeZone,
                    originalEndTimeZone, isAllDay, isCancelled, isOrganizer != null && isOrganizer, organizer, attendees,
                    response, responseTime, showAs, location, isOnlineMeeting, onlineMeetingProvider, joinUrl,
                    transactionId, extendedProperties, categories, sensitivity, changeKey, created, lastModified,
                    webLink);
        }
    }

    /** Whether the time or place moved, which is what attendees get an update for. */
    static boolean rescheduled(GraphEvent a, GraphEvent b) {
        return !Objects.equals(a.start, b.start) || !Objects.equals(a.end, b.end) || !Objects.equals(a.location, b.location);
    }
}
