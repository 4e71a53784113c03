package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.service.ClientInput;
import app.rapport.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Week and Settings pages and their forms over HTTP, without a browser. */
class WeekPagesTest {
    static final String MARKUP = "<script>window.pwned = 1</script>";

    TestServer server;
    Map<String, String> session;
    String csrf;
    long userId;

    @BeforeEach
    void start() {
        server = TestServer.onH2();
        userId = server.ownerUser().id();
        TestServer.Session signedIn = server.signIn();
        session = signedIn.headers();
        csrf = signedIn.csrf();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Two due clients (one named like a script) with holds placed by the planner. */
    List<Suggestion> planTwoHolds() {
        for (String name : List.of(MARKUP, "Grace Hopper")) {
            server.rapport.clientService.create(userId, new ClientInput(name, null, "A", null, null, null, null,
                    List.of(name.startsWith("<") ? "script@client.example" : "grace@client.example"), List.of()));
        }
        server.rapport.planningService.plan(userId);
        List<Suggestion> placed = server.rapport.suggestionService.list(userId, List.of(SuggestionState.PLACED));
        assertThat(placed).hasSizeGreaterThanOrEqualTo(2);
        return placed;
    }

    String weekOf(Suggestion s) {
        return s.start().atZone(server.ownerUser().timeZone()).toLocalDate().toString();
    }

    TestServer.Reply page(String path) {
        return server.send("GET", path, null, null, null, session);
    }

    TestServer.Reply form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return server.send("POST", path, null, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), session);
    }

    @Test
    void pagesAndFormsWithoutASessionAnswer401WithASigninPage() {
        for (String path : List.of("/week", "/week?start=2026-12-01", "/settings")) {
            TestServer.Reply reply = server.get(path, null);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.body()).as(path).contains("Sign in to Rapport");
        }
        for (String path : List.of("/week/plan", "/week/suggestions/1/accept", "/settings", "/settings/feeds")) {
            TestServer.Reply reply = server.send("POST", path, null, "application/x-www-form-urlencoded",
                    "csrf=x".getBytes(), Map.of());
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        }
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedAndChangeNothing() {
        Suggestion hold = planTwoHolds().get(0);
        for (Map<String, String> fields : List.of(Map.<String, String>of(), Map.of("csrf", "forged"))) {
            TestServer.Reply accept = form("/week/suggestions/" + hold.id() + "/accept", fields);
            assertThat(accept.status()).isEqualTo(403);
            assertThat(accept.body()).contains("This form was refused").doesNotContain("\"error\"");
            TestServer.Reply dismiss = form("/week/suggestions/" + hold.id() + "/dismiss", fields);
            assertThat(dismiss.status()).isEqualTo(403);
            TestServer.Reply settings = form("/settings", fields);
            assertThat(settings.status()).isEqualTo(403);
            assertThat(form("/week/plan", fields).status()).isEqualTo(403);
        }
        assertThat(server.rapport.suggestionService.get(userId, hold.id()).state()).isEqualTo(SuggestionState.PLACED);
    }

    @Test
    void theWeekShowsHoldsWithTheirControlsAndEscapesClientNames() {
        Suggestion hold = planTwoHolds().get(0);
        TestServer.Reply week = page("/week?start=" + weekOf(hold));
        assertThat(week.status()).isEqualTo(200);
        assertThat(week.body())
                .contains("Suggestions this week", "data-suggestion=\"" + hold.id() + "\"")
                .contains("action=\"/week/suggestions/" + hold.id() + "/accept\"")
                .contains("action=\"/week/suggestions/" + hold.id() + "/dismiss\"")
                .contains("<option value=\"14\" selected>14 days</option>", "<option value=\"90\">90 days</option>")
                .contains("name=\"csrf\" value=\"" + csrf + "\"")
                .contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;")
                .doesNotContain(MARKUP);
    }

    @Test
    void anyDateShowsItsIsoWeekAndABadDateShowsThisWeek() {
        assertThat(page("/week?start=2026-12-03").body()).contains("Week of 30 Nov 2026",
                "href=\"/week?start=2026-11-23\"", "href=\"/week?start=2026-12-07\"");
        for (String path : List.of("/week", "/week?start=yesterday", "/week?start=2026-13-45")) {
            TestServer.Reply reply = page(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body()).as(path).contains("Week of 23 Nov 2026");
        }
    }

    @Test
    void dismissingTwiceSaysItWasAlreadyDismissedWithA409Page() {
        Suggestion hold = planTwoHolds().get(0);
        String start = weekOf(hold);
        TestServer.Reply first = form("/week/suggestions/" + hold.id() + "/dismiss",
                Map.of("csrf", csrf, "start", start, "snoozeDays", "30"));
        assertThat(first.status()).isEqualTo(303);
        String monday = LocalDate.parse(start).with(java.time.DayOfWeek.MONDAY).toString();
        assertThat(first.raw().headers().firstValue("Location").orElseThrow())
                .isEqualTo("/week?start=" + monday + "&done=dismissed");
        Suggestion dismissed = server.rapport.suggestionService.get(userId, hold.id());
        assertThat(dismissed.state()).isEqualTo(SuggestionState.DISMISSED);
        assertThat(dismissed.snoozeDays()).isEqualTo(30);

        TestServer.Reply again = form("/week/suggestions/" + hold.id() + "/dismiss",
                Map.of("csrf", csrf, "start", start, "snoozeDays", "30"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(again.body()).contains("This suggestion was already dismissed.", "Week of")
                .doesNotContain("\"error\"", "Exception", "only proposed or placed");
        TestServer.Reply accept = form("/week/suggestions/" + hold.id() + "/accept", Map.of("csrf", csrf, "start", start));
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.body()).contains("This suggestion was already dismissed.");
        assertThat(form("/week/suggestions/999999/accept", Map.of("csrf", csrf)).status()).isEqualTo(404);
    }

    @Test
    void acceptingWithoutAMailServerOffersTheInvitationDownloadOnce() {
        Suggestion hold = planTwoHolds().get(0);
        String start = weekOf(hold);
        Map<String, String> headers = new LinkedHashMap<>(session);
        headers.put("X-CSRF-Token", csrf);
        headers.put("HX-Request", "true");
        TestServer.Reply accepted = server.send("POST", "/week/suggestions/" + hold.id() + "/accept", null,
                "application/x-www-form-urlencoded", ("start=" + start).getBytes(), headers);
        assertThat(accepted.status()).isEqualTo(303);
        TestServer.Reply week = page("/week?start=" + start + "&done=accepted");
        String download = "/api/v1/suggestions/" + hold.id() + "/invitation.ics";
        assertThat(week.body()).contains("Accepted: the hold is now a meeting", "data-kind=\"meeting\"",
                "href=\"" + download + "\"", "Download the invitation");
        TestServer.Reply ics = page(download);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.body()).contains("METHOD:REQUEST");
        TestServer.Reply twice = form("/week/suggestions/" + hold.id() + "/accept", Map.of("csrf", csrf, "start", start));
        assertThat(twice.raw().headers().firstValue("Location").orElseThrow()).endsWith("&done=already");
    }

    @Test
    void planNowPlacesHoldsAndSaysHowMany() {
        server.rapport.clientService.create(userId, new ClientInput("Ada Lovelace", null, "A", null, null, null, null,
                List.of("ada@client.example"), List.of()));
        TestServer.Reply plan = form("/week/plan", Map.of("csrf", csrf, "start", "2026-11-23"));
        assertThat(plan.status()).isEqualTo(303);
        String location = plan.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/week?start=2026-11-23&done=planned&placed=1");
        assertThat(page(location).body()).contains("Planned: 1 new hold.");
    }

    @Test
    void settingsSaveAllOrNothingWithTheErrorNextToItsField() {
        TestServer.Reply shown = page("/settings");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("name=\"maxPerDay\" value=\"2\"", "name=\"hours.monday.start\" value=\"09:00\"",
                "name=\"hours.saturday.off\" value=\"on\" checked", "name=\"tiers.A.cadenceDays\"",
                "name=\"durations.lunch\" value=\"75\"", "<datalist id=\"zones\">", "Calendar feeds",
                "Import a calendar (.ics)");
        Map<String, String> fields = new LinkedHashMap<>(SettingsPage.values(server.rapport.settingsService.view(userId)));
        fields.put("csrf", csrf);
        fields.put("maxPerDay", "3");
        fields.put("timeZone", "Mars/Olympus");
        TestServer.Reply bad = form("/settings", fields);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"timeZone-error\"", "is not a time zone", "value=\"Mars/Olympus\"",
                "name=\"maxPerDay\" value=\"3\"");
        assertThat(server.rapport.settingsService.view(userId).planning().maxPerDay()).isEqualTo(2);

        fields.put("timeZone", "Europe/Paris");
        fields.put("hours.friday.end", "08:00");
        assertThat(form("/settings", fields).body()).contains("Friday: must end after it starts");
        fields.put("hours.friday.end", "16:00");
        TestServer.Reply saved = form("/settings", fields);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.raw().headers().firstValue("Location").orElseThrow()).isEqualTo("/settings?done=saved");
        var view = server.rapport.settingsService.view(userId);
        assertThat(view.planning().maxPerDay()).isEqualTo(3);
        assertThat(view.user().timeZone().getId()).isEqualTo("Europe/Paris");
        assertThat(view.planning().workingHours().on(java.time.DayOfWeek.FRIDAY).end()).hasToString("16:00");
        assertThat(page("/settings?done=saved").body()).contains("Settings saved.");
    }

    @Test
    void feedLinksAreShownOnceAndAnIcsImportReportsWhatItStoredOrTheBadLine() {
        TestServer.Reply created = form("/settings/feeds", Map.of("csrf", csrf));
        assertThat(created.status()).isEqualTo(200);
        String body = created.body();
        int at = body.indexOf("id=\"feed-calendar\">") + "id=\"feed-calendar\">".length();
        String url = body.substring(at, body.indexOf("</code>", at));
        assertThat(url).endsWith("/calendar.ics").contains("/feeds/");
        assertThat(server.get(url.substring(url.indexOf("/feeds/")), null).status()).isEqualTo(200);
        assertThat(page("/settings").body()).contains("Feed links exist since").doesNotContain(url);
        assertThat(form("/settings/feeds/revoke", Map.of("csrf", csrf)).status()).isEqualTo(303);
        assertThat(server.get(url.substring(url.indexOf("/feeds/")), null).status()).isEqualTo(404);

        String good = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\n"
                + "DTSTAMP:20261120T090000Z\r\nDTSTART:20261124T140000Z\r\nDTEND:20261124T150000Z\r\n"
                + "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        TestServer.Reply imported = upload("work.ics", good);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).contains("Imported 1 event from work.ics.");
        assertThat(page("/week?start=2026-11-24").body()).contains("Dentist");
        TestServer.Reply broken = upload("broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("id=\"import-error\"", "Nothing was imported: ").doesNotContain("\"error\"");
    }

    TestServer.Reply upload(String name, String ics) {
        String boundary = "----rapport" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/calendar\r\n\r\n" + ics + "\r\n--" + boundary + "--\r\n";
        return server.send("POST", "/settings/import", null, "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8), session);
    }
}
