package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.ScheduleInformation;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendar.getschedule.GetSchedulePostRequestBody;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import com.microsoft.kiota.serialization.UntypedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** calendarView delta and getSchedule through the Graph SDK. */
class CalendarTest {
    static final String START = "2026-03-01T00:00:00Z";
    static final String END = "2026-04-01T00:00:00Z";
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

    GraphEvent add(String subject, String start, String end, String showAs) {
        return box.addEvent(GraphEvent.builder().subject(subject).between(Instant.parse(start), Instant.parse(end)).showAs(showAs));
    }

    record Round(Map<String, Event> items, String deltaLink) {}

    Round round(String link) {
        var delta = graph.me().calendarView().delta();
        DeltaGetResponse page = link == null ? delta.get(rc -> {
            rc.queryParameters.startDateTime = START;
            rc.queryParameters.endDateTime = END;
            rc.headers.add("Prefer", "odata.maxpagesize=2");
        }) : delta.withUrl(link).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        List<Event> items = new ArrayList<>(page.getValue());
        while (page.getOdataNextLink() != null) {
            page = delta.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
            items.addAll(page.getValue());
        }
        Map<String, Event> byId = new LinkedHashMap<>();
        for (Event e : items) byId.put(e.getId(), e);
        return new Round(byId, page.getOdataDeltaLink());
    }

    static boolean removed(Event e) {
        return e.getAdditionalData().get("@removed") instanceof UntypedObject;
    }

    @Test
    void calendarViewDeltaKeepsItsWindowAndReportsLeavingEventsAsRemoved() {
        GraphEvent inside = add("inside", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "busy");
        GraphEvent leaves = add("will move out", "2026-03-11T09:00:00Z", "2026-03-11T10:00:00Z", "busy");
        GraphEvent deleted = add("will be deleted", "2026-03-12T09:00:00Z", "2026-03-12T10:00:00Z", "busy");
        add("outside", "2026-05-01T09:00:00Z", "2026-05-01T10:00:00Z", "busy");
        GraphEvent spanning = add("spans the start", "2026-02-28T23:00:00Z", "2026-03-01T01:00:00Z", "oof");

        Round first = round(null);
        assertThat(first.items().keySet()).containsExactlyInAnyOrder(inside.id(), leaves.id(), deleted.id(), spanning.id());
        assertThat(first.items().get(inside.id()).getStart().getDateTime()).isEqualTo("2026-03-10T09:00:00.0000000");
        assertThat(first.deltaLink()).contains("$deltatoken=");

        box.moveEvent(leaves.id(), Instant.parse("2026-06-01T09:00:00Z"), Instant.parse("2026-06-01T10:00:00Z"));
        box.deleteEvent(deleted.id());
        GraphEvent comesIn = add("new inside", "2026-03-20T09:00:00Z", "2026-03-20T10:00:00Z", "tentative");
        box.addEvent(GraphEvent.builder().subject("new outside")
                .between(Instant.parse("2026-07-01T09:00:00Z"), Instant.parse("2026-07-01T10:00:00Z")));
        box.moveEvent(inside.id(), Instant.parse("2026-03-10T11:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"));

        Round second = round(first.deltaLink());
        Map<String, Event> items = second.items();
        assertThat(removed(items.get(leaves.id()))).isTrue();
        assertThat(removed(items.get(deleted.id()))).isTrue();
        assertThat(removed(items.get(comesIn.id()))).isFalse();
        assertThat(items.get(inside.id()).getStart().getDateTime()).isEqualTo("2026-03-10T11:00:00.0000000");
        // a change outside the window is reported as removed too (the client filters by window)
        assertThat(items.values().stream().filter(CalendarTest::removed)).hasSize(3);
        assertThat(round(second.deltaLink()).items()).isEmpty();
    }

    @Test
    void calendarViewDeltaNeedsAWindowAndItsTokensExpire() {
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.me().calendarView().delta().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(400);
        assertThat(e.getError().getCode()).isEqualTo("ErrorInvalidParameter");

        add("x", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "busy");
        Round first = round(null);
        emu.expireDeltaTokens();
        ODataError gone = catchThrowableOfType(ODataError.class, () -> round(first.deltaLink()));
        assertThat(gone.getResponseStatusCode()).isEqualTo(410);
        String location = gone.getResponseHeaders().get("Location").iterator().next();
        assertThat(location).contains("startDateTime=2026-03-01T00:00:00Z").contains("endDateTime=2026-04-01T00:00:00Z");
        assertThat(round(location).items()).hasSize(1);
    }

    static DateTimeTimeZone utc(String local) {
        DateTimeTimeZone t = new DateTimeTimeZone();
        t.setDateTime(local);
        t.setTimeZone("UTC");
        return t;
    }

    @Test
    void getScheduleBuildsTheAvailabilityViewAndItems() {
        add("busy hour", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "busy");
        add("maybe", "2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z", "tentative");
        add("away", "2026-03-10T11:30:00Z", "2026-03-10T12:00:00Z", "oof");
        add("free block", "2026-03-10T10:30:00Z", "2026-03-10T11:30:00Z", "free");
        box.addEvent(GraphEvent.builder().subject("cancelled").showAs("busy").isCancelled(true)
                .between(Instant.parse("2026-03-10T10:30:00Z"), Instant.parse("2026-03-10T11:00:00Z")));
        emu.mailbox("sam@owner-advisory.example").addEvent(GraphEvent.builder().subject("sam's")
                .between(Instant.parse("2026-03-10T09:30:00Z"), Instant.parse("2026-03-10T10:00:00Z")));

        GetSchedulePostRequestBody body = new GetSchedulePostRequestBody();
        body.setSchedules(List.of(box.address(), "sam@owner-advisory.example", "stranger@elsewhere.example"));
        body.setStartTime(utc("2026-03-10T09:00:00"));
        body.setEndTime(utc("2026-03-10T12:00:00"));
        body.setAvailabilityViewInterval(30);
        List<ScheduleInformation> info = graph.me().calendar().getSchedule().post(body).getValue();
        assertThat(info).hasSize(3);
        ScheduleInformation mine = info.get(0);
        assertThat(mine.getScheduleId()).isEqualTo(box.address());
        assertThat(mine.getAvailabilityView()).isEqualTo("221003");
        assertThat(mine.getScheduleItems()).extracting(i -> i.getSubject()).containsExactly("busy hour", "maybe", "away");
        assertThat(mine.getWorkingHours().getStartTime()).isNotNull();
        assertThat(info.get(1).getAvailabilityView()).isEqualTo("020000");
        assertThat(info.get(2).getError().getResponseCode()).isEqualTo("ErrorMailRecipientNotFound");
    }

    @Test
    void getScheduleLimits() {
        GetSchedulePostRequestBody tooLong = new GetSchedulePostRequestBody();
        tooLong.setSchedules(List.of(box.address()));
        tooLong.setStartTime(utc("2026-03-01T00:00:00"));
        tooLong.setEndTime(utc("2026-05-03T00:00:00"));
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.me().calendar().getSchedule().post(tooLong));
        assertThat(e.getResponseStatusCode()).isEqualTo(400);
        assertThat(e.getError().getCode()).isEqualTo("ErrorTimeIntervalTooBig");

        GetSchedulePostRequestBody tooMany = new GetSchedulePostRequestBody();
        tooMany.setSchedules(IntStream.range(0, 101).mapToObj(i -> "p" + i + "@x.example").toList());
        tooMany.setStartTime(utc("2026-03-01T00:00:00"));
        tooMany.setEndTime(utc("2026-03-02T00:00:00"));
        ODataError e2 = catchThrowableOfType(ODataError.class, () -> graph.me().calendar().getSchedule().post(tooMany));
        assertThat(e2.getError().getCode()).isEqualTo("ErrorMailboxDataArrayTooBig");

        GetSchedulePostRequestBody badInterval = new GetSchedulePostRequestBody();
        badInterval.setSchedules(List.of(box.address()));
        badInterval.setStartTime(utc("2026-03-01T00:00:00"));
        badInterval.setEndTime(utc("2026-03-02T00:00:00"));
        badInterval.setAvailabilityViewInterval(4);
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.me().calendar().getSchedule().post(badInterval))
                .getResponseStatusCode()).isEqualTo(400);
    }
}
