package app.rapport.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.suggestion.Suggestion;
import app.rapport.emulator.graph.Attendee;
import app.rapport.emulator.graph.GraphEvent;
import app.rapport.emulator.graph.Mailbox;
import app.rapport.emulator.graph.Options;
import app.rapport.emulator.graph.Recipient;
import app.rapport.providers.microsoft.GraphCalendarWriter;
import app.rapport.store.CalendarRepository;
import app.rapport.store.Database;
import app.rapport.sync.Stream;
import app.rapport.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The calendar half of Microsoft 365, end to end through the real Graph SDK against the emulator:
 * the calendar view backfill (meetings become interactions, future events become busy time), holds
 * placed on Outlook by planning, and the user's and the client's changes in "Outlook" (move, delete,
 * decline) coming back through the calendar delta; accepting turns a hold into a Teams meeting whose
 * invitation Outlook sends, once.
 */
abstract class MicrosoftCalendarContract {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String OWNER = MicrosoftFixture.OWNER;
    /** The server's fixed now, Monday 2026-11-23 10:00 UTC (London is on UTC in November). */
    static final Instant NOW = MicrosoftFixture.NOW;

    MicrosoftFixture f;
    long account;

    abstract Database database();

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    /** Starts Rapport and the emulator; {@code mailbox} fills the mailbox before anything connects. */
    void start(java.util.function.Consumer<Mailbox> mailbox) {
        f = MicrosoftFixture.start(database(), Options.defaults(), Map.of());
        mailbox.accept(f.mailbox);
    }

    /**
     * Connects the mailbox and waits for the backfill of every stream and for its change
     * notifications, so that what the test changes in "Outlook" afterwards is pushed to Rapport.
     */
    void connect() {
        Instant start = Instant.now();
        account = f.connect();
        f.awaitSynced(account, start, WAIT);
        MicrosoftFixture.await("subscriptions for every stream", WAIT, () -> {
            for (Stream s : Stream.values()) {
                if (f.server.rapport.pushSubscriptions.forStream(account, s).isEmpty()) return false;
            }
            return true;
        });
    }

    void connected(java.util.function.Consumer<Mailbox> mailbox) {
        start(mailbox);
        connect();
    }

    long userId() {
        return f.server.ownerUser().id();
    }

    long client(String name, String email, String preferredKind) {
        String kind = preferredKind == null ? "" : ",\"preferredKind\":\"" + preferredKind + "\"";
        TestServer.Reply r = f.server.post("/api/v1/clients", f.server.ownerToken, "{\"name\":\"" + name
                + "\",\"tier\":\"A\",\"timeZone\":\"Europe/London\",\"emails\":[\"" + email + "\"]" + kind + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, LONDON).toInstant();
    }

    JsonNode get(String path) {
        TestServer.Reply r = f.server.get(path, f.server.ownerToken);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode post(String path) {
        TestServer.Reply r = f.server.post(path, f.server.ownerToken, "{}");
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    static List<JsonNode> items(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        body.path("items").forEach(out::add);
        return out;
    }

    JsonNode plan() {
        return post("/api/v1/suggestions/plan");
    }

    JsonNode suggestion(long id) {
        return get("/api/v1/suggestions/" + id);
    }

    /** The one suggestion of a client. */
    Suggestion suggestionOf(long clientId) {
        List<Suggestion> all = f.server.rapport.suggestions.list(userId(), List.of()).stream()
                .filter(s -> s.clientId() == clientId).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The Outlook event behind a suggestion's hold. */
    GraphEvent holdEvent(Suggestion s) {
        assertThat(s.holdRef()).as("hold reference of suggestion " + s.id()).startsWith(GraphCalendarWriter.REF_PREFIX);
        GraphCalendarWriter.Ref ref = GraphCalendarWriter.Ref.parse(s.holdRef()).orElseThrow();
        assertThat(ref.accountId()).isEqualTo(account);
        return f.mailbox.event(ref.eventId());
    }

    List<JsonNode> interactions(long clientId) {
        return items(get("/api/v1/interactions?clientId=" + clientId));
    }

    List<JsonNode> week(String from, String to) {
        return items(get("/api/v1/calendar?from=" + from + "&to=" + to));
    }

    /** Waits until a calendar round that started after {@code rounds} rounds had completed is done. */
    void awaitCalendarRoundAfter(long rounds) {
        MicrosoftFixture.await("a calendar round after round " + rounds, WAIT, () -> {
            var s = f.stream(account, Stream.CALENDAR);
            return s.rounds() > rounds && "idle".equals(s.state());
        });
    }

    long calendarRounds() {
        return f.stream(account, Stream.CALENDAR).rounds();
    }

    static Attendee answered(String address, String response) {
        return new Attendee("required", response, NOW.minus(Duration.ofDays(30)), Recipient.of(address));
    }

    // ------------------------------------------------------------------ backfill

    @Test
    void backfillTurnsPastMeetingsIntoInteractionsAndFutureEventsIntoBusyTime() {
        List<String> ids = new ArrayList<>();
        start(box -> {
            ids.add(box.addEvent(GraphEvent.builder().subject("Quarterly catch-up").between(at(13, 14, 0), at(13, 15, 0))
                    .attendee(Attendee.required("alice@acme.example")).onlineMeeting("teamsForBusiness")).id());
            ids.add(box.addEvent(GraphEvent.builder().subject("Portfolio review").between(at(10, 11, 0), at(10, 12, 0))
                    .location("Baker & Co, 12 High Street, Leeds").attendee(Attendee.required("bob@baker.example"))).id());
            box.addEvent(GraphEvent.builder().subject("Planning session").between(at(12, 9, 0), at(12, 10, 0))
                    .organizer("Carol Cole", "carol@cole.example").attendee(Attendee.required(OWNER)).isCancelled(true));
            box.addEvent(GraphEvent.builder().subject("Strategy call").between(at(16, 16, 0), at(16, 16, 30))
                    .attendee(answered("dan@dane.example", "declined")).attendee(answered("dan.assistant@other.example", "accepted")));
            box.addEvent(GraphEvent.builder().subject("Team offsite").between(at(24, 8, 0), at(24, 18, 0)).showAs("busy"));
            box.addEvent(GraphEvent.builder().subject("Optional webinar").between(at(25, 9, 0), at(25, 17, 30)).showAs("free"));
        });
        long alice = client("Alice Archer", "alice@acme.example", null);
        long bob = client("Bob Baker", "bob@baker.example", null);
        long carol = client("Carol Cole", "carol@cole.example", null);
        long dan = client("Dan Dane", "dan@dane.example", null);
        connect();

        List<JsonNode> a = interactions(alice);
        assertThat(a).hasSize(1);
        assertThat(a.get(0).path("channel").asText()).isEqualTo("meeting");
        assertThat(a.get(0).path("mode").asText()).isEqualTo("video");
        assertThat(a.get(0).path("modeRule").asText()).isEqualTo("online-meeting-field");
        List<JsonNode> b = interactions(bob);
        assertThat(b).hasSize(1);
        assertThat(b.get(0).path("mode").asText()).isEqualTo("in_person");
        assertThat(interactions(carol)).as("a cancelled meeting is no contact").isEmpty();
        assertThat(interactions(dan)).as("the client declined").isEmpty();

        // The organizer cancels a meeting that already counted: it stops counting.
        f.mailbox.cancelEvent(ids.get(1));
        MicrosoftFixture.await("cancelled meeting no longer contact", WAIT, () -> interactions(bob).isEmpty());

        List<JsonNode> week = week("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
        JsonNode offsite = week.stream().filter(i -> i.path("summary").asText().equals("Team offsite")).findFirst().orElseThrow();
        assertThat(offsite.path("showAs").asText()).isEqualTo("busy");
        assertThat(offsite.path("kind").asText()).isEqualTo("event");
        assertThat(week).anyMatch(i -> i.path("summary").asText().equals("Optional webinar") && i.path("showAs").asText().equals("free"));

        JsonNode planned = plan();
        assertThat(planned.path("placed").size()).isGreaterThanOrEqualTo(2);
        for (JsonNode s : planned.path("placed")) {
            Instant start = ZonedDateTime.parse(s.path("start").asText()).toInstant();
            Instant end = ZonedDateTime.parse(s.path("end").asText()).toInstant();
            assertThat(start.isBefore(at(24, 18, 15)) && end.isAfter(at(24, 7, 45)))
                    .as("suggestion at %s overlaps the offsite", start).isFalse();
        }
        assertThat(planned.path("placed")).anyMatch(s -> s.path("start").asText().startsWith("2026-11-25"));
    }

    /**
     * Change notifications start only when the subscription exists, which is after the first round:
     * an event added in between is still picked up, by the round that follows a new subscription.
     */
    @Test
    void anEventAddedBetweenTheBackfillAndTheSubscriptionStillArrives() {
        start(box -> {});
        java.util.concurrent.atomic.AtomicReference<String> added = new java.util.concurrent.atomic.AtomicReference<>();
        // After the calendar's first round and before its subscription exists, the user adds an event.
        f.graph.failMatching(r -> {
            if (r.method().equals("POST") && r.path().endsWith("/subscriptions") && added.get() == null && calendarBackfilled()) {
                added.set(f.mailbox.addEvent(GraphEvent.builder().subject("Dentist").between(at(27, 9, 0), at(27, 10, 0))).id());
            }
            return false;
        }, 1, 500, "unused", null);
        account = f.connect();
        MicrosoftFixture.await("the event added during subscribing is mirrored", WAIT, () -> added.get() != null
                && f.server.rapport.calendarEntries.findMirrored(userId(), CalendarRepository.accountSource(account), added.get())
                        .isPresent());
    }

    /** The calendar stream completed a round and has no subscription yet. */
    private boolean calendarBackfilled() {
        for (var a : f.server.rapport.accounts.list(userId())) {
            var s = f.server.rapport.syncStreams.find(a.id(), Stream.CALENDAR);
            if (s.isPresent() && s.get().rounds() >= 1 && f.server.rapport.pushSubscriptions.forStream(a.id(), Stream.CALENDAR).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ holds on Outlook

    @Test
    void planningPlacesTentativeTaggedHoldsOnOutlookOnceAndSendsNothing() {
        connected(box -> {});
        long ada = client("Ada Archer", "ada@archer.example", null);
        long rounds = calendarRounds();
        JsonNode planned = plan();
        assertThat(planned.path("placed")).hasSize(1);
        Suggestion s = suggestionOf(ada);
        assertThat(s.state().wire()).isEqualTo("placed");

        GraphEvent hold = holdEvent(s);
        assertThat(f.mailbox.events()).hasSize(1);
        assertThat(hold.showAs()).isEqualTo("tentative");
        assertThat(hold.attendees()).isEmpty();
        assertThat(hold.start()).isEqualTo(s.start());
        assertThat(hold.end()).isEqualTo(s.end());
        assertThat(hold.extendedProperties()).containsEntry(GraphCalendarWriter.SUGGESTION_PROPERTY, Long.toString(s.id()));
        assertThat(hold.transactionId()).isNotBlank();
        assertThat(f.graph.invitationsSent()).isEmpty();

        // the calendar delta brings the hold back; it stays Rapport's hold in the week view
        awaitCalendarRoundAfter(rounds);
        JsonNode item = week("2026-11-23T00:00:00Z", "2026-12-21T00:00:00Z").stream()
                .filter(i -> i.path("uid").asText().equals(hold.id())).findFirst().orElseThrow();
        assertThat(item.path("kind").asText()).isEqualTo("hold");
        assertThat(item.path("showAs").asText()).isEqualTo("tentative");
        assertThat(item.path("suggestion").path("id").asLong()).isEqualTo(s.id());

        assertThat(plan().path("placed")).isEmpty();
        assertThat(f.mailbox.events()).hasSize(1);

        // A retried create (the response was lost before Rapport recorded the hold) finds the same event.
        CalendarRepository entries = f.server.rapport.calendarEntries;
        entries.deleteMirrored(userId(), CalendarRepository.accountSource(account), List.of(hold.id()));
        GraphCalendarWriter writer = new GraphCalendarWriter(f.server.rapport.graphClients, entries, f.server.rapport.clock);
        String ref = writer.placeHold(userId(), account, s.id(), "Suggested: call with Ada Archer", s.reason(), s.start(), s.end());
        assertThat(ref).isEqualTo(s.holdRef());
        assertThat(f.graph.duplicateEventPostsSuppressed()).isEqualTo(1);
        assertThat(f.mailbox.events()).hasSize(1);
        assertThat(f.graph.invitationsSent()).isEmpty();
    }

    @Test
    void aHoldOutlookRefusesLeavesTheSuggestionProposedAndTheNextReconcilePlacesIt() {
        connected(box -> {});
        long ada = client("Ada Archer", "ada@archer.example", null);
        f.graph.failMatching(r -> r.method().equals("POST") && r.path().endsWith("/events"), 1, 400, "ErrorInvalidRequest", null);
        JsonNode planned = plan();
        assertThat(planned.path("placed")).hasSize(1);
        Suggestion s = suggestionOf(ada);
        assertThat(s.state().wire()).isEqualTo("proposed");
        assertThat(s.holdRef()).isNull();
        assertThat(f.mailbox.events()).isEmpty();

        f.server.rapport.planningService.reconcile(userId());
        Suggestion placed = suggestionOf(ada);
        assertThat(placed.id()).isEqualTo(s.id());
        assertThat(placed.state().wire()).isEqualTo("placed");
        assertThat(holdEvent(placed).extendedProperties()).containsEntry(GraphCalendarWriter.SUGGESTION_PROPERTY, Long.toString(s.id()));
        assertThat(f.mailbox.events()).hasSize(1);
    }

    @Test
    void aHoldMovedInOutlookKeepsItsNewTimeEvenOverBusyTime() {
        connected(box -> box.addEvent(GraphEvent.builder().subject("Board meeting").between(at(26, 15, 0), at(26, 16, 0))));
        long ada = client("Ada Archer", "ada@archer.example", null);
        plan();
        Suggestion s = suggestionOf(ada);
        GraphEvent hold = holdEvent(s);
        Instant newStart = at(26, 15, 0);
        Instant newEnd = newStart.plus(Duration.between(s.start(), s.end()));
        assertThat(newStart).isNotEqualTo(s.start());

        f.mailbox.moveEvent(hold.id(), newStart, newEnd);
        MicrosoftFixture.await("suggestion follows the moved hold", WAIT,
                () -> suggestion(s.id()).path("stateRule").asText().equals("hold-moved"));
        JsonNode moved = suggestion(s.id());
        assertThat(moved.path("state").asText()).isEqualTo("placed");
        assertThat(ZonedDateTime.parse(moved.path("start").asText()).toInstant()).isEqualTo(newStart);
        assertThat(ZonedDateTime.parse(moved.path("end").asText()).toInstant()).isEqualTo(newEnd);

        // The user put it over busy time on purpose: reconcile and planning leave it there.
        f.server.rapport.planningService.reconcile(userId());
        assertThat(plan().path("placed")).isEmpty();
        Suggestion after = suggestionOf(ada);
        assertThat(after.start()).isEqualTo(newStart);
        assertThat(after.stateRule()).isEqualTo("hold-moved");
        assertThat(f.mailbox.event(hold.id()).start()).isEqualTo(newStart);
        assertThat(f.mailbox.events()).hasSize(2);
    }

    @Test
    void aHoldDeletedInOutlookDismissesTheSuggestionAndSnoozesTheClient() {
        connected(box -> {});
        long ada = client("Ada Archer", "ada@archer.example", null);
        plan();
        Suggestion s = suggestionOf(ada);
        GraphEvent hold = holdEvent(s);

        f.mailbox.deleteEvent(hold.id());
        MicrosoftFixture.await("suggestion dismissed", WAIT,
                () -> suggestion(s.id()).path("state").asText().equals("dismissed"));
        assertThat(suggestion(s.id()).path("stateRule").asText()).isEqualTo("hold-deleted");
        JsonNode client = get("/api/v1/clients/" + ada);
        assertThat(ZonedDateTime.parse(client.path("snoozedUntil").asText()).toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(week("2026-11-23T00:00:00Z", "2026-12-21T00:00:00Z"))
                .noneMatch(i -> i.path("uid").asText().equals(hold.id()));

        assertThat(plan().path("placed")).as("the snoozed client gets no new hold").isEmpty();
        assertThat(f.mailbox.events()).isEmpty();
    }

    /**
     * Outlook notifies as soon as a hold exists, so the calendar delta may mirror the event while the
     * planner is still recording it as a hold. Whichever writes first, both commit and one row stays:
     * the hold, with the provider's view of the event.
     */
    @Test
    void aHoldRecordedWhileTheDeltaMirrorsTheSameEventEndsAsOneHold() throws Exception {
        start(box -> {});
        CalendarRepository entries = f.server.rapport.calendarEntries;
        String source = CalendarRepository.accountSource(4242);
        for (boolean deltaFirst : new boolean[] {true, false}) {
            String uid = "AAMkAG-race-" + deltaFirst;
            long suggestionId = deltaFirst ? 7001 : 7002;
            app.rapport.domain.calendar.CalendarEntry seen = new app.rapport.domain.calendar.CalendarEntry(0, uid, null,
                    "Suggested: call", null, at(25, 10, 0), at(25, 10, 30), java.time.ZoneOffset.UTC, false,
                    app.rapport.domain.calendar.ShowAs.TENTATIVE, app.rapport.domain.calendar.EntryKind.EVENT, null,
                    List.of(), List.of(), false, null, List.of());
            app.rapport.domain.calendar.CalendarEntry hold = new app.rapport.domain.calendar.CalendarEntry(0, uid, null,
                    "Suggested: call", null, at(25, 10, 0), at(25, 10, 30), java.time.ZoneOffset.UTC, false,
                    app.rapport.domain.calendar.ShowAs.TENTATIVE, app.rapport.domain.calendar.EntryKind.HOLD, null,
                    List.of(), List.of(), false, suggestionId, List.of());
            Runnable delta = () -> entries.upsertMirrored(userId(), source, 3, List.of(seen), Map.of(), NOW);
            Runnable planner = () -> entries.upsertHold(userId(), source, hold, NOW);
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<?> second = f.server.rapport.database.inTransaction(c -> {
                    (deltaFirst ? delta : planner).run();
                    java.util.concurrent.Future<?> waiting = other.submit(deltaFirst ? planner : delta);
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return waiting;
                });
                second.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                other.shutdownNow();
            }
            var row = entries.findMirrored(userId(), source, uid).orElseThrow();
            assertThat(row.kind()).isEqualTo(app.rapport.domain.calendar.EntryKind.HOLD);
            assertThat(row.suggestionId()).isEqualTo(suggestionId);
            assertThat(entries.all(userId())).filteredOn(e -> e.uid().equals(uid)).hasSize(1);
        }
    }

    /** Rapport's calendar API changes an Outlook hold in Outlook; other Outlook events it leaves to Outlook. */
    @Test
    void movingOrDeletingAnOutlookHoldThroughRapportChangesItInOutlook() {
        connected(box -> box.addEvent(GraphEvent.builder().subject("Board meeting").between(at(26, 15, 0), at(26, 16, 0))));
        long ada = client("Ada Archer", "ada@archer.example", null);
        long ben = client("Ben Brook", "ben@brook.example", null);
        plan();
        Suggestion sa = suggestionOf(ada);
        Suggestion sb = suggestionOf(ben);
        CalendarRepository entries = f.server.rapport.calendarEntries;
        String source = CalendarRepository.accountSource(account);
        long holdA = entries.findMirrored(userId(), source, holdEvent(sa).id()).orElseThrow().id();
        long holdB = entries.findMirrored(userId(), source, holdEvent(sb).id()).orElseThrow().id();

        TestServer.Reply moved = f.server.patch("/api/v1/calendar/entries/" + holdA, f.server.ownerToken,
                "{\"start\":\"2026-11-27T11:00:00Z\",\"end\":\"2026-11-27T11:30:00Z\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(holdEvent(sa).start()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(suggestion(sa.id()).path("stateRule").asText()).isEqualTo("hold-moved");

        TestServer.Reply deleted = f.server.send("DELETE", "/api/v1/calendar/entries/" + holdB, f.server.ownerToken, null, null, Map.of());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(f.mailbox.events()).noneMatch(e -> e.id().equals(sb.holdRef().substring(sb.holdRef().lastIndexOf(':') + 1)));
        assertThat(suggestion(sb.id()).path("state").asText()).isEqualTo("dismissed");

        GraphEvent board = f.mailbox.events().stream().filter(e -> e.subject().equals("Board meeting")).findFirst().orElseThrow();
        long boardEntry = entries.findMirrored(userId(), source, board.id()).orElseThrow().id();
        assertThat(f.server.patch("/api/v1/calendar/entries/" + boardEntry, f.server.ownerToken,
                "{\"start\":\"2026-11-27T11:00:00Z\",\"end\":\"2026-11-27T12:00:00Z\"}").status()).isEqualTo(409);
        assertThat(f.server.send("DELETE", "/api/v1/calendar/entries/" + boardEntry, f.server.ownerToken, null, null, Map.of())
                .status()).isEqualTo(409);
        assertThat(f.mailbox.event(board.id()).start()).isEqualTo(at(26, 15, 0));
        assertThat(entries.find(userId(), boardEntry)).isPresent();
    }

    // ------------------------------------------------------------------ accept and the client's answer

    /** Plans a video suggestion for a client, accepts it twice, and returns it. */
    Suggestion acceptedVideo(long clientId) {
        plan();
        Suggestion s = suggestionOf(clientId);
        assertThat(s.kind().wire()).isEqualTo("video");
        JsonNode first = post("/api/v1/suggestions/" + s.id() + "/accept");
        JsonNode second = post("/api/v1/suggestions/" + s.id() + "/accept");
        assertThat(first.path("state").asText()).isEqualTo("accepted");
        assertThat(second.path("state").asText()).isEqualTo("accepted");
        return f.server.rapport.suggestions.find(userId(), s.id()).orElseThrow();
    }

    @Test
    void acceptingAVideoSuggestionMakesABusyTeamsMeetingAndOutlookSendsOneInvitation() {
        connected(box -> {});
        long vera = client("Vera Vance", "vera@vance.example", "video");
        long rounds = calendarRounds();
        Suggestion s = acceptedVideo(vera);

        GraphEvent meeting = holdEvent(s);
        assertThat(f.mailbox.events()).hasSize(1);
        assertThat(meeting.showAs()).isEqualTo("busy");
        assertThat(meeting.attendees()).extracting(Attendee::address).containsExactly("vera@vance.example");
        assertThat(meeting.isOnlineMeeting()).isTrue();
        assertThat(meeting.onlineMeetingProvider()).isEqualTo("teamsForBusiness");
        assertThat(meeting.joinUrl()).isNotBlank();
        assertThat(meeting.subject()).contains("Vera Vance");
        assertThat(meeting.start()).isEqualTo(s.start());
        assertThat(f.graph.invitationsSent()).hasSize(1);
        assertThat(f.graph.invitationsSent().get(0).attendee()).isEqualTo("vera@vance.example");

        JsonNode view = suggestion(s.id());
        assertThat(view.path("invitation").path("state").asText()).isEqualTo("sent");
        assertThat(view.path("invitation").path("detail").asText()).contains("vera@vance.example");

        // the calendar delta brings the meeting back; the week view shows it as the suggestion's meeting
        awaitCalendarRoundAfter(rounds);
        MicrosoftFixture.await("meeting in the week view", WAIT, () -> week("2026-11-23T00:00:00Z", "2026-12-21T00:00:00Z")
                .stream().anyMatch(i -> i.path("uid").asText().equals(meeting.id()) && i.path("showAs").asText().equals("busy")));
        JsonNode item = week("2026-11-23T00:00:00Z", "2026-12-21T00:00:00Z").stream()
                .filter(i -> i.path("uid").asText().equals(meeting.id())).findFirst().orElseThrow();
        assertThat(item.path("kind").asText()).isEqualTo("meeting");
        assertThat(item.path("suggestion").path("id").asLong()).isEqualTo(s.id());
        assertThat(f.graph.invitationsSent()).hasSize(1);
    }

    /** The user deleted the hold in Outlook and accepted in Rapport before the delta told Rapport: the meeting is made anew. */
    @Test
    void acceptingAfterTheHoldWasDeletedInOutlookMakesTheMeetingAnew() {
        connected(box -> {});
        long vera = client("Vera Vance", "vera@vance.example", "video");
        plan();
        Suggestion s = suggestionOf(vera);
        GraphEvent hold = holdEvent(s);
        f.graph.pauseNotifications(true);
        f.mailbox.deleteEvent(hold.id());

        JsonNode accepted = post("/api/v1/suggestions/" + s.id() + "/accept");
        assertThat(accepted.path("state").asText()).isEqualTo("accepted");
        assertThat(accepted.path("invitation").path("state").asText()).isEqualTo("sent");
        Suggestion after = f.server.rapport.suggestions.find(userId(), s.id()).orElseThrow();
        assertThat(after.holdRef()).isNotEqualTo(s.holdRef());
        GraphEvent meeting = holdEvent(after);
        assertThat(f.mailbox.events()).hasSize(1);
        assertThat(meeting.showAs()).isEqualTo("busy");
        assertThat(meeting.start()).isEqualTo(s.start());
        assertThat(meeting.attendees()).extracting(Attendee::address).containsExactly("vera@vance.example");
        assertThat(meeting.isOnlineMeeting()).isTrue();
        assertThat(f.graph.invitationsSent()).hasSize(1);
    }

    /** Outlook refuses the change: the suggestion is not accepted, nothing claims an invitation went out, and accepting again works. */
    @Test
    void acceptWhileOutlookRefusesChangesNothingAndCanBeRepeated() {
        connected(box -> {});
        long vera = client("Vera Vance", "vera@vance.example", "video");
        plan();
        Suggestion s = suggestionOf(vera);
        f.graph.failMatching(r -> r.method().equals("PATCH") && r.path().contains("/events/"), 1, 400, "ErrorInvalidRequest", null);

        TestServer.Reply refused = f.server.post("/api/v1/suggestions/" + s.id() + "/accept", f.server.ownerToken, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().path("error").asText()).isEqualTo("calendar_unavailable");
        JsonNode still = suggestion(s.id());
        assertThat(still.path("state").asText()).isEqualTo("placed");
        assertThat(still.path("invitation").path("state").asText()).isEqualTo("none");
        assertThat(holdEvent(s).showAs()).isEqualTo("tentative");
        assertThat(f.graph.invitationsSent()).isEmpty();

        JsonNode accepted = post("/api/v1/suggestions/" + s.id() + "/accept");
        assertThat(accepted.path("invitation").path("state").asText()).isEqualTo("sent");
        assertThat(holdEvent(s).showAs()).isEqualTo("busy");
        assertThat(f.graph.invitationsSent()).hasSize(1);
    }

    @Test
    void theClientDecliningInOutlookShowsOnTheSuggestion() {
        connected(box -> {});
        long vera = client("Vera Vance", "vera@vance.example", "video");
        Suggestion s = acceptedVideo(vera);
        GraphEvent meeting = holdEvent(s);

        f.mailbox.respond(meeting.id(), "vera@vance.example", "declined");
        MicrosoftFixture.await("decline shown", WAIT,
                () -> suggestion(s.id()).path("invitation").path("state").asText().equals("declined"));
        JsonNode view = suggestion(s.id());
        assertThat(view.path("state").asText()).isEqualTo("accepted");
        assertThat(view.path("invitation").path("detail").asText()).contains("vera@vance.example");
        assertThat(interactions(vera)).isEmpty();
    }

    // ------------------------------------------------------------------ working hours

    @Test
    void plannerUsesTheMailboxWorkingHours() {
        connected(box -> box.timeZone("W. Europe Standard Time").workingHours(new app.rapport.emulator.graph.WorkingHours(
                List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(14, 0), LocalTime.of(17, 0), "W. Europe Standard Time")));
        for (int i = 0; i < 4; i++) client("Client " + i, "c" + i + "@clients.example", null);
        JsonNode planned = plan();
        assertThat(planned.path("placed")).hasSize(4);
        for (JsonNode s : planned.path("placed")) {
            ZonedDateTime start = ZonedDateTime.parse(s.path("start").asText()).withZoneSameInstant(LONDON);
            ZonedDateTime end = ZonedDateTime.parse(s.path("end").asText()).withZoneSameInstant(LONDON);
            // 14:00-17:00 in Berlin is 13:00-16:00 in London
            assertThat(start.getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
            assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(13, 0));
            assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(16, 0));
        }
        JsonNode settings = get("/api/v1/settings");
        assertThat(settings.path("workingHours").path("tuesday").path("start").asText()).isEqualTo("13:00");
        assertThat(settings.path("workingHours").path("tuesday").path("end").asText()).isEqualTo("16:00");
        assertThat(settings.path("workingHours").path("monday").isNull()).isTrue();

        // Later calendar rounds within the hour do not ask again.
        long asked = f.graph.stats().route("GET mailboxSettings");
        assertThat(asked).isEqualTo(1);
        long rounds = calendarRounds();
        f.server.rapport.syncRequests.request(account, Stream.CALENDAR);
        awaitCalendarRoundAfter(rounds);
        assertThat(f.graph.stats().route("GET mailboxSettings")).isEqualTo(asked);
    }

    @Test
    void changingOtherSettingsKeepsFollowingTheMailboxButChangedHoursWin() {
        connected(box -> box.workingHours(new app.rapport.emulator.graph.WorkingHours(
                List.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "UTC")));
        // Another setting changes: the working hours sent back unchanged do not pin the mailbox's.
        TestServer.Reply buffer = f.server.patch("/api/v1/settings", f.server.ownerToken, "{\"bufferMinutes\":10}");
        assertThat(buffer.status()).as(buffer.body()).isEqualTo(200);
        assertThat(buffer.json().path("workingHours").path("tuesday").path("start").asText()).isEqualTo("09:00");
        assertThat(buffer.json().path("workingHours").path("wednesday").isNull()).isTrue();
        f.mailbox.workingHours(new app.rapport.emulator.graph.WorkingHours(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "UTC"));
        f.server.rapport.graphWorkingHours.refresh(account, true);
        assertThat(get("/api/v1/settings").path("workingHours").path("monday").path("end").asText()).isEqualTo("12:00");

        TestServer.Reply saved = f.server.patch("/api/v1/settings", f.server.ownerToken,
                "{\"workingHours\":{\"monday\":null,\"tuesday\":null,\"wednesday\":{\"start\":\"14:00\",\"end\":\"16:00\"},"
                        + "\"thursday\":null,\"friday\":null,\"saturday\":null,\"sunday\":null}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        client("Ada Archer", "ada@archer.example", null);
        JsonNode planned = plan();
        assertThat(planned.path("placed")).hasSize(1);
        ZonedDateTime start = ZonedDateTime.parse(planned.path("placed").get(0).path("start").asText()).withZoneSameInstant(LONDON);
        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(start.toLocalTime()).isBetween(LocalTime.of(14, 0), LocalTime.of(15, 30));
    }
}
