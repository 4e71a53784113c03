package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.FreeBusyStatus;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.models.OnlineMeetingProviderType;
import com.microsoft.graph.models.ResponseType;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsTest {
    static final String PROP = "String {66f5a359-4659-4830-9070-00047ec6ac6e} Name RapportSuggestionId";
    GraphEmulator emu;
    Mailbox box;
    GraphServiceClient graph;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start();
        box = emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
        graph = GraphSdk.client(emu, () -> emu.issueAccessToken(box.address()), false);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    static DateTimeTimeZone at(String local, String zone) {
        DateTimeTimeZone t = new DateTimeTimeZone();
        t.setDateTime(local);
        t.setTimeZone(zone);
        return t;
    }

    static Event hold(String subject, String transactionId, String suggestionId) {
        Event e = new Event();
        e.setSubject(subject);
        e.setStart(at("2026-03-10T10:00:00", "Europe/Berlin"));
        e.setEnd(at("2026-03-10T10:30:00", "Europe/Berlin"));
        e.setShowAs(FreeBusyStatus.Tentative);
        e.setTransactionId(transactionId);
        SingleValueLegacyExtendedProperty p = new SingleValueLegacyExtendedProperty();
        p.setId(PROP);
        p.setValue(suggestionId);
        e.setSingleValueExtendedProperties(List.of(p));
        return e;
    }

    @Test
    void createAnswersInUtcAndTransactionIdMakesRetriesIdempotent() {
        Event created = graph.me().events().post(hold("Hold: review", "tx-1", "sug-1"));
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getStart().getDateTime()).isEqualTo("2026-03-10T09:00:00.0000000");
        assertThat(created.getStart().getTimeZone()).isEqualTo("UTC");
        assertThat(created.getShowAs()).isEqualTo(FreeBusyStatus.Tentative);
        assertThat(created.getIsOrganizer()).isTrue();
        assertThat(created.getResponseStatus().getResponse()).isEqualTo(ResponseType.Organizer);
        assertThat(created.getTransactionId()).isEqualTo("tx-1");
        assertThat(created.getSingleValueExtendedProperties()).isNull();

        Event retried = graph.me().calendar().events().post(hold("Hold: review", "tx-1", "sug-1"));
        assertThat(retried.getId()).isEqualTo(created.getId());
        assertThat(box.events()).hasSize(1);
        assertThat(emu.duplicateEventPostsSuppressed()).isEqualTo(1);
        assertThat(emu.invitationsSent()).isEmpty();
    }

    @Test
    void extendedPropertyComesBackOnlyExpandedAndFindsTheEvent() {
        Event created = graph.me().events().post(hold("Hold A", "tx-a", "sug-a"));
        graph.me().events().post(hold("Hold B", "tx-b", "sug-b"));

        Event expanded = graph.me().events().byEventId(created.getId())
                .get(rc -> rc.queryParameters.expand = new String[] {"singleValueExtendedProperties($filter=id eq '" + PROP + "')"});
        assertThat(expanded.getSingleValueExtendedProperties()).singleElement()
                .satisfies(p -> assertThat(p.getValue()).isEqualTo("sug-a"));

        var found = graph.me().events().get(rc -> rc.queryParameters.filter =
                "singleValueExtendedProperties/Any(ep: ep/id eq '" + PROP + "' and ep/value eq 'SUG-A')");
        assertThat(found.getValue()).extracting(Event::getId).containsExactly(created.getId());
        var none = graph.me().events().get(rc -> rc.queryParameters.filter =
                "singleValueExtendedProperties/Any(ep: ep/id eq '" + PROP + "' and ep/value eq 'sug-zzz')");
        assertThat(none.getValue()).isEmpty();
    }

    @Test
    void patchAddsAttendeesAndOnlineMeetingThenDeleteIs404() {
        Event created = graph.me().events().post(hold("Hold", "tx-2", "sug-2"));
        assertThat(created.getOnlineMeeting()).isNull();

        Event patch = new Event();
        patch.setIsOnlineMeeting(true);
        patch.setOnlineMeetingProvider(OnlineMeetingProviderType.TeamsForBusiness);
        patch.setShowAs(FreeBusyStatus.Busy);
        Attendee client = new Attendee();
        EmailAddress addr = new EmailAddress();
        addr.setAddress("client@client.example");
        addr.setName("Client");
        client.setEmailAddress(addr);
        client.setType(AttendeeType.Required);
        patch.setAttendees(List.of(client));
        Event updated = graph.me().events().byEventId(created.getId()).patch(patch);
        assertThat(updated.getIsOnlineMeeting()).isTrue();
        assertThat(updated.getOnlineMeeting().getJoinUrl()).startsWith("http");
        assertThat(updated.getAttendees()).singleElement()
                .satisfies(a -> assertThat(a.getStatus().getResponse()).isEqualTo(ResponseType.None));
        assertThat(updated.getChangeKey()).isNotEqualTo(created.getChangeKey());
        assertThat(emu.invitationsSent()).singleElement().satisfies(i -> {
            assertThat(i.attendee()).isEqualTo("client@client.example");
            assertThat(i.viaGraph()).isTrue();
        });

        box.respond(created.getId(), "client@client.example", "declined");
        Event seen = graph.me().events().byEventId(created.getId()).get();
        assertThat(seen.getAttendees().get(0).getStatus().getResponse()).isEqualTo(ResponseType.Declined);

        graph.me().events().byEventId(created.getId()).delete();
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.me().events().byEventId(created.getId()).get());
        assertThat(e.getResponseStatusCode()).isEqualTo(404);
        assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound");
        ODataError again = catchThrowableOfType(ODataError.class, () -> graph.me().events().byEventId(created.getId()).delete());
        assertThat(again.getResponseStatusCode()).isEqualTo(404);
    }

    @Test
    void createWithAttendeesSendsInvitationsAndUnknownPropertiesAre400() {
        Event e = hold("Meeting", null, "sug-3");
        Attendee a = new Attendee();
        EmailAddress addr = new EmailAddress();
        addr.setAddress("client@client.example");
        a.setEmailAddress(addr);
        e.setAttendees(List.of(a));
        graph.me().events().post(e);
        assertThat(emu.invitationsSent()).hasSize(1);

        Event bad = hold("Bad", null, "x");
        bad.getAdditionalData().put("noSuchProperty", "1");
        ODataError err = catchThrowableOfType(ODataError.class, () -> graph.me().events().post(bad));
        assertThat(err.getResponseStatusCode()).isEqualTo(400);
        assertThat(err.getError().getCode()).isEqualTo("RequestBodyRead");
    }

    @Test
    void outlookTimezonePreferenceChangesTheAnswerZone() {
        Event created = graph.me().events().post(hold("Hold", "tx-z", "sug-z"));
        Event inNewYork = graph.me().events().byEventId(created.getId())
                .get(rc -> rc.headers.add("Prefer", "outlook.timezone=\"America/New_York\""));
        assertThat(inNewYork.getStart().getDateTime()).isEqualTo("2026-03-10T05:00:00.0000000");
        assertThat(inNewYork.getStart().getTimeZone()).isEqualTo("America/New_York");
    }

    @Test
    void mailboxSettingsAndWorkingHours() throws Exception {
        box.timeZone("W. Europe Standard Time").workingHours(new WorkingHours(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(17, 30), "W. Europe Standard Time"));
        MailboxSettings s = graph.me().mailboxSettings().get();
        assertThat(s.getTimeZone()).isEqualTo("W. Europe Standard Time");
        assertThat(s.getWorkingHours().getStartTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.getWorkingHours().getEndTime()).isEqualTo(LocalTime.of(17, 30));
        assertThat(s.getWorkingHours().getDaysOfWeek()).hasSize(2);
        assertThat(s.getWorkingHours().getTimeZone().getName()).isEqualTo("W. Europe Standard Time");
        // the SDK has no builder for /mailboxSettings/workingHours: plain HTTP
        var res = GraphSdk.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(emu.graphBaseUrl() + "/me/mailboxSettings/workingHours"))
                .header("Authorization", "Bearer " + emu.issueAccessToken(box.address())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        var wh = Json.parse(res.body());
        assertThat(wh.get("startTime").asText()).isEqualTo("09:00:00.0000000");
        assertThat(wh.get("daysOfWeek").get(0).asText()).isEqualTo("monday");
    }

    @Test
    void missingScopeIs403() {
        GraphServiceClient mailOnly = GraphSdk.client(emu, emu.issueAccessToken(box.address(), "Mail.Read"));
        ODataError e = catchThrowableOfType(ODataError.class, () -> mailOnly.me().mailboxSettings().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(403);
        assertThat(e.getError().getCode()).isEqualTo("ErrorAccessDenied");
        box.addEvent(GraphEvent.builder().subject("x").between(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")));
        assertThat(catchThrowableOfType(ODataError.class, () -> mailOnly.me().events().get()).getResponseStatusCode()).isEqualTo(403);
    }
}
