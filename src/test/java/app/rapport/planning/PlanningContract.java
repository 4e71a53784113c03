package app.rapport.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.calendar.CalendarEntry;
import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.client.Client;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.domain.user.Account;
import app.rapport.jobs.Jobs;
import app.rapport.providers.local.IcsReader;
import app.rapport.service.IngestService;
import app.rapport.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The planning loop end to end over HTTP, once per database: plan, holds in free time, accept with
 * exactly one invitation (GreenMail receives it over SMTP), dismiss with a snooze, every reconcile
 * transition driven by a real calendar change, .ics import and the feeds.
 */
abstract class PlanningContract {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    private final List<PlanningFixture> open = new ArrayList<>();

    abstract Database newDatabase();

    PlanningFixture fixture() {
        return fixture(Map.of());
    }

    PlanningFixture fixture(Map<String, Object> config) {
        PlanningFixture f = new PlanningFixture(newDatabase(), config);
        open.add(f);
        return f;
    }

    PlanningFixture withSmtp() {
        return fixture(Map.of("mail.smtp.host", "127.0.0.1", "mail.smtp.port", greenMail.getSmtp().getPort(),
                "mail.smtp.startTls", false, "mail.smtp.from", "Rapport <rapport@owner-advisory.example>"));
    }

    @AfterEach
    void closeAll() {
        open.forEach(PlanningFixture::close);
    }

    static List<JsonNode> items(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        body.path("items").forEach(out::add);
        return out;
    }

    static Instant at(JsonNode node, String field) {
        return ZonedDateTime.parse(node.path(field).asText()).toInstant();
    }

    static Suggestion only(PlanningFixture f, Client client) {
        return f.rapport.suggestions.list(f.owner.id(), List.of()).stream().filter(s -> s.clientId() == client.id())
                .findFirst().orElseThrow();
    }

    /** Plans and returns the client's one placed suggestion. */
    static Suggestion planOne(PlanningFixture f, Client client) {
        assertThat(f.post("/api/v1/suggestions/plan", null).status()).isEqualTo(200);
        return only(f, client);
    }

    CalendarEntry busy(PlanningFixture f, String uid, Instant start, Instant end) {
        return f.rapport.calendarEntries.insert(f.owner.id(), "test", new CalendarEntry(0, uid, null, uid, null, start, end,
                LONDON, false, ShowAs.BUSY, EntryKind.EVENT, null, List.of(), List.of(), false, null, List.of()),
                f.clock.instant());
    }

    @Test
    void planPlacesOneHoldPerDueClientInsideWorkingHoursAndFreeTime() {
        PlanningFixture f = fixture();
        Client a = f.client("Ada Archer", "ada@archer.example", "B", "Europe/London");
        Client b = f.client("Ben Brook", "ben@brook.example", "B", "Europe/London");
        Instant tuesday9 = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, LONDON).toInstant();
        busy(f, "all-tuesday-morning", tuesday9, tuesday9.plus(Duration.ofHours(4)));

        JsonNode plan = f.post("/api/v1/suggestions/plan", null).json();
        assertThat(plan.path("placed")).hasSize(2);

        JsonNode week = f.get("/api/v1/calendar?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z").json();
        List<JsonNode> holds = items(week).stream().filter(i -> i.path("kind").asText().equals("hold")).toList();
        assertThat(holds).hasSize(2);
        for (JsonNode hold : holds) {
            assertThat(hold.path("showAs").asText()).isEqualTo("tentative");
            assertThat(hold.path("suggestion").path("state").asText()).isEqualTo("placed");
            ZonedDateTime start = at(hold, "start").atZone(LONDON);
            ZonedDateTime end = at(hold, "end").atZone(LONDON);
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
            assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 30));
            assertThat(start.toInstant()).isAfterOrEqualTo(PlanningFixture.NOW.plus(Duration.ofHours(2)));
            boolean overlapsBusy = start.toInstant().isBefore(tuesday9.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(15)))
                    && end.toInstant().isAfter(tuesday9.minus(Duration.ofMinutes(15)));
            assertThat(overlapsBusy).as("hold at %s overlaps the busy morning", start).isFalse();
        }
        assertThat(holds).extracting(h -> h.path("suggestion").path("clientName").asText())
                .containsExactlyInAnyOrder("Ada Archer", "Ben Brook");
        assertThat(holds.get(0).path("suggestion").path("reason").asText()).isNotBlank();
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void planningAgainGivesNoClientASecondOpenSuggestion() {
        PlanningFixture f = fixture();
        f.client("Ada Archer", "ada@archer.example");
        assertThat(f.post("/api/v1/suggestions/plan", "{}").json().path("placed")).hasSize(1);
        JsonNode again = f.post("/api/v1/suggestions/plan", "{}").json();
        assertThat(again.path("placed")).isEmpty();
        assertThat(items(f.get("/api/v1/suggestions?state=placed").json())).hasSize(1);
    }

    @Test
    void acceptSendsExactlyOneInvitationThoughClickedTwiceAndRacedFromFourThreads() throws Exception {
        PlanningFixture f = withSmtp();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        f.post("/api/v1/suggestions/plan", null);
        long id = only(f, ada).id();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<PlanningFixture.Reply>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) clicks.add(() -> f.post("/api/v1/suggestions/" + id + "/accept", null));
        List<Future<PlanningFixture.Reply>> replies = pool.invokeAll(clicks);
        pool.shutdown();
        for (Future<PlanningFixture.Reply> r : replies) {
            assertThat(r.get().status()).as(r.get().body()).isEqualTo(200);
            assertThat(r.get().json().path("state").asText()).isEqualTo("accepted");
        }
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode again = f.post("/api/v1/suggestions/" + id + "/accept", null).json();
        while (!again.path("invitation").path("state").asText().equals("sent") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            again = f.post("/api/v1/suggestions/" + id + "/accept", null).json();
        }
        assertThat(again.path("invitation").path("state").asText()).isEqualTo("sent");
        assertThat(again.path("invitation").path("detail").asText()).isEqualTo("sent to ada@archer.example");
        f.rapport.suggestionService.sweepInvitations();
        Thread.sleep(200);
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("archer.example");
        assertThat(received).hasSize(1);
        String raw = new String(received[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(received[0])).contains("METHOD:REQUEST")
                .contains("ada@archer.example");
        assertThat(raw).isNotNull();

        JsonNode week = f.get("/api/v1/calendar?from=2026-11-23T00:00:00Z&to=2026-12-21T00:00:00Z").json();
        JsonNode meeting = items(week).stream().filter(i -> i.path("kind").asText().equals("meeting")).findFirst()
                .orElseThrow();
        assertThat(meeting.path("showAs").asText()).isEqualTo("busy");
        assertThat(meeting.path("suggestion").path("id").asLong()).isEqualTo(id);
    }

    @Test
    void withoutSmtpTheInvitationIsOfferedAsADownloadThatParses() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        f.post("/api/v1/suggestions/plan", null);
        long id = only(f, ada).id();
        JsonNode accepted = f.post("/api/v1/suggestions/" + id + "/accept", null).json();
        assertThat(accepted.path("invitation").path("state").asText()).isEqualTo("download");
        PlanningFixture.Reply ics = f.get(accepted.path("invitation").path("download").asText());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.body()).contains("METHOD:REQUEST").contains("mailto:ada@archer.example");
        List<CalendarEntry> parsed = IcsReader.read(new ByteArrayInputStream(ics.body().getBytes(StandardCharsets.UTF_8)),
                LONDON);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).start()).isEqualTo(at(accepted, "start"));
    }

    @Test
    void invalidTransitionsAreConflictsAndStrangersSeeNothing() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Client ben = f.client("Ben Brook", "ben@brook.example");
        f.post("/api/v1/suggestions/plan", null);
        long adaId = only(f, ada).id();
        long benId = only(f, ben).id();
        assertThat(f.post("/api/v1/suggestions/" + adaId + "/dismiss", "{\"snoozeDays\": 7}").status()).isEqualTo(200);
        PlanningFixture.Reply acceptDismissed = f.post("/api/v1/suggestions/" + adaId + "/accept", null);
        assertThat(acceptDismissed.status()).isEqualTo(409);
        assertThat(acceptDismissed.json().path("detail").asText()).contains("dismissed");
        assertThat(f.post("/api/v1/suggestions/" + benId + "/accept", null).status()).isEqualTo(200);
        assertThat(f.post("/api/v1/suggestions/" + benId + "/dismiss", "{}").status()).isEqualTo(409);
        assertThat(f.post("/api/v1/suggestions/999999/accept", null).status()).isEqualTo(404);
        assertThat(f.post("/api/v1/suggestions/abc/accept", null).status()).isEqualTo(400);
        assertThat(f.post("/api/v1/suggestions/" + benId + "/dismiss", "{\"snoozeDays\": -1}").status()).isEqualTo(400);
        assertThat(f.post("/api/v1/suggestions/" + benId + "/dismiss", "{\"snooze\": 3}").json().path("detail").asText())
                .startsWith("snooze:");

        String strangerToken = f.rapport.tokens.issue(f.rapport.users.create("Stranger", "s@else.example", LONDON,
                PlanningFixture.NOW).id(), "test", PlanningFixture.NOW);
        var reply = java.net.http.HttpClient.newHttpClient();
        try {
            var r = reply.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            f.url("/api/v1/suggestions/" + benId))).header("Authorization", "Bearer " + strangerToken).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void dismissRemovesTheHoldAndSnoozesTheClientSoPlanningLeavesItAlone() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        JsonNode dismissed = f.post("/api/v1/suggestions/" + s.id() + "/dismiss", "{\"snoozeDays\": 30}").json();
        assertThat(dismissed.path("state").asText()).isEqualTo("dismissed");
        assertThat(dismissed.path("snoozeDays").asInt()).isEqualTo(30);
        assertThat(f.rapport.calendarEntries.forSuggestion(f.owner.id(), s.id())).isEmpty();
        assertThat(f.rapport.clients.find(f.owner.id(), ada.id()).orElseThrow().snoozedUntil())
                .isEqualTo(PlanningFixture.NOW.plus(Duration.ofDays(30)));
        assertThat(f.post("/api/v1/suggestions/plan", null).json().path("placed")).isEmpty();
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.post("/api/v1/suggestions/plan", null).json().path("placed")).hasSize(1);
    }

    @Test
    void reconcileDismissesASuggestionWhoseHoldWasDeleted() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        assertThat(f.delete("/api/v1/calendar/entries/" + s.holdRef()).status()).isEqualTo(204);
        Suggestion after = f.rapport.suggestions.find(f.owner.id(), s.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SuggestionState.DISMISSED);
        assertThat(after.stateRule()).isEqualTo("hold-deleted");
    }

    @Test
    void reconcileKeepsTheTimeTheUserMovedTheHoldTo() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        Instant newStart = ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, LONDON).toInstant();
        Instant newEnd = newStart.plus(Duration.between(s.start(), s.end()));
        assertThat(f.patch("/api/v1/calendar/entries/" + s.holdRef(),
                "{\"start\":\"" + newStart + "\",\"end\":\"" + newEnd + "\"}").status()).isEqualTo(200);
        Suggestion after = f.rapport.suggestions.find(f.owner.id(), s.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SuggestionState.PLACED);
        assertThat(after.stateRule()).isEqualTo("hold-moved");
        assertThat(after.start()).isEqualTo(newStart);
    }

    @Test
    void reconcileMovesAHoldThatANewlyImportedEventConflictsWith() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:clash-1\r\n"
                + "DTSTAMP:20261120T000000Z\r\nDTSTART:" + IcsStamp.of(s.start().minus(Duration.ofMinutes(30))) + "\r\n"
                + "DTEND:" + IcsStamp.of(s.end().plus(Duration.ofMinutes(30))) + "\r\nSUMMARY:Board meeting\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        PlanningFixture.Reply imported = f.send("POST", "/api/v1/calendar/import?filename=board.ics", "text/calendar",
                ics.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Suggestion after = f.rapport.suggestions.find(f.owner.id(), s.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SuggestionState.PLACED);
        assertThat(after.stateRule()).isEqualTo("conflict-moved");
        assertThat(after.start()).isNotEqualTo(s.start());
        boolean overlaps = after.start().isBefore(s.end().plus(Duration.ofMinutes(45)))
                && after.end().isAfter(s.start().minus(Duration.ofMinutes(45)));
        assertThat(overlaps).isFalse();
        CalendarEntry hold = f.rapport.calendarEntries.find(f.owner.id(), Long.parseLong(after.holdRef())).orElseThrow();
        assertThat(hold.start()).isEqualTo(after.start());
    }

    @Test
    void reconcileSupersedesASuggestionWhenTheClientWasContactedMeanwhile() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        f.clock.advance(Duration.ofMinutes(30));
        Account local = f.rapport.accounts.list(f.owner.id()).get(0);
        f.rapport.ingestService.logManual(f.owner.id(), local.id(), new IngestService.ManualLog(ada.id(), "call-1",
                Channel.CALL, Direction.OUTBOUND, f.clock.instant(), "Quick call"));
        f.rapport.planningService.reconcile(f.owner.id());
        Suggestion after = f.rapport.suggestions.find(f.owner.id(), s.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SuggestionState.SUPERSEDED);
        assertThat(after.stateRule()).isEqualTo("contact-before-slot");
        assertThat(f.rapport.calendarEntries.forSuggestion(f.owner.id(), s.id())).isEmpty();
    }

    @Test
    void reconcileExpiresASuggestionWhoseSlotPassed() {
        PlanningFixture f = fixture();
        Client ada = f.client("Ada Archer", "ada@archer.example");
        Suggestion s = planOne(f, ada);
        f.clock.set(s.end().plusSeconds(1));
        f.rapport.planningService.reconcile(f.owner.id());
        Suggestion after = f.rapport.suggestions.find(f.owner.id(), s.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(SuggestionState.EXPIRED);
        assertThat(after.stateRule()).isEqualTo("slot-passed");
        assertThat(f.rapport.calendarEntries.forSuggestion(f.owner.id(), s.id())).isEmpty();
        assertThat(f.post("/api/v1/suggestions/" + s.id() + "/accept", null).status()).isEqualTo(409);
    }

    @Test
    void aMalformedIcsFileIsRefusedWithItsLineAndStoresNothing() {
        PlanningFixture f = fixture();
        String good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:ok-1\r\n"
                + "DTSTAMP:20261120T000000Z\r\nDTSTART:20261125T100000Z\r\nDTEND:20261125T110000Z\r\nSUMMARY:Fine\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(f.send("POST", "/api/v1/calendar/import?filename=a.ics", "text/calendar",
                good.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        int before = f.rapport.calendarEntries.count(f.owner.id());
        String bad = good.replace("DTSTART:20261125T100000Z", "DTSTART:2026-11-25 at ten");
        PlanningFixture.Reply refused = f.send("POST", "/api/v1/calendar/import?filename=a.ics", "text/calendar",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).startsWith("file:").contains("line");
        assertThat(f.rapport.calendarEntries.count(f.owner.id())).isEqualTo(before);
        assertThat(f.send("POST", "/api/v1/calendar/import", "text/calendar", new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void feedsAreValidICalendarBehindARevocableToken() {
        PlanningFixture f = fixture();
        f.client("Ada Archer", "ada@archer.example");
        f.post("/api/v1/suggestions/plan", null);
        JsonNode links = f.post("/api/v1/feeds", null).json();
        String calendarUrl = links.path("calendar").asText();
        String suggestionsUrl = links.path("suggestions").asText();
        String calendarPath = calendarUrl.substring(calendarUrl.indexOf("/feeds/"));
        String suggestionsPath = suggestionsUrl.substring(suggestionsUrl.indexOf("/feeds/"));

        PlanningFixture.Reply calendar = f.send("GET", calendarPath, null, null);
        assertThat(calendar.status()).isEqualTo(200);
        List<CalendarEntry> parsed = IcsReader.read(new ByteArrayInputStream(calendar.body().getBytes(StandardCharsets.UTF_8)),
                LONDON);
        assertThat(parsed).extracting(CalendarEntry::summary).anyMatch(s -> s.contains("Ada Archer"));
        PlanningFixture.Reply suggestions = f.send("GET", suggestionsPath, null, null);
        assertThat(IcsReader.read(new ByteArrayInputStream(suggestions.body().getBytes(StandardCharsets.UTF_8)), LONDON))
                .hasSize(1);

        JsonNode rotated = f.post("/api/v1/feeds", null).json();
        assertThat(f.send("GET", calendarPath, null, null).status()).isEqualTo(404);
        String newPath = rotated.path("calendar").asText().substring(rotated.path("calendar").asText().indexOf("/feeds/"));
        assertThat(f.send("GET", newPath, null, null).status()).isEqualTo(200);
        assertThat(f.delete("/api/v1/feeds").status()).isEqualTo(204);
        assertThat(f.send("GET", newPath, null, null).status()).isEqualTo(404);
        assertThat(f.send("GET", "/feeds/guess/calendar.ics", null, null).status()).isEqualTo(404);
    }

    @Test
    void scheduledJobsLeasedFromTheDatabasePlanWithoutARequestAndTwoInstancesShareOneSchedule() throws Exception {
        PlanningFixture f = fixture();
        f.client("Ada Archer", "ada@archer.example");
        Duration firstPlan = Duration.ofMillis(200);
        Duration polling = Duration.ofMillis(200);
        try (Jobs first = Jobs.start(f.rapport, firstPlan, Duration.ofHours(1), Duration.ofMinutes(5), polling);
             Jobs second = Jobs.start(f.rapport, firstPlan, Duration.ofHours(1), Duration.ofMinutes(5), polling)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (f.rapport.suggestions.list(f.owner.id(), List.of()).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(f.rapport.suggestions.list(f.owner.id(), List.of())).hasSize(1);
            int rows = f.rapport.database.withConnection(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'plan-suggestions'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void settingsChangeThePlanAndBadValuesNameTheField() {
        PlanningFixture f = fixture();
        JsonNode defaults = f.get("/api/v1/settings").json();
        assertThat(defaults.path("horizonDays").asInt()).isEqualTo(14);
        assertThat(defaults.path("workingHours").path("monday").path("start").asText()).isEqualTo("09:00");
        assertThat(defaults.path("workingHours").path("saturday").isNull()).isTrue();

        JsonNode changed = f.patch("/api/v1/settings", "{\"maxPerDay\": 1, \"maxPerWeek\": 2,"
                + " \"workingHours\": {\"monday\": null, \"tuesday\": {\"start\": \"13:00\", \"end\": \"16:00\"}}}").json();
        assertThat(changed.path("maxPerDay").asInt()).isEqualTo(1);
        assertThat(changed.path("workingHours").path("monday").isNull()).isTrue();
        for (int i = 0; i < 4; i++) f.client("Client " + i, "c" + i + "@clients.example", "B", "Europe/London");
        JsonNode plan = f.post("/api/v1/suggestions/plan", null).json();
        List<Instant> starts = new ArrayList<>();
        plan.path("placed").forEach(p -> starts.add(at(p, "start")));
        assertThat(starts).isNotEmpty();
        for (Instant start : starts) {
            ZonedDateTime local = start.atZone(LONDON);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(13, 0), LocalTime.of(16, 0));
        }
        assertThat(starts.stream().map(s -> s.atZone(LONDON).toLocalDate()).distinct().count()).isEqualTo(starts.size());

        PlanningFixture.Reply bad = f.patch("/api/v1/settings",
                "{\"workingHours\": {\"friday\": {\"start\": \"17:00\", \"end\": \"09:00\"}}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).startsWith("workingHours");
        assertThat(f.patch("/api/v1/settings", "{\"maxPerDay\": 0}").json().path("detail").asText()).startsWith("maxPerDay");
        assertThat(f.patch("/api/v1/settings", "{\"timeZone\": \"Mars/Olympus\"}").status()).isEqualTo(400);
        assertThat(f.patch("/api/v1/settings", "{\"tiers\": {\"Z\": {\"cadenceDays\": 5, \"maxGapDays\": 9}}}").json()
                .path("detail").asText()).startsWith("tiers.Z");
        assertThat(f.get("/api/v1/settings").json().path("maxPerDay").asInt()).isEqualTo(1);
    }
}
