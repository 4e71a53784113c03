package app.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API over a real server and database; subclasses choose the database. */
abstract class ApiContract {
    static final Pattern ISO_WITH_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    TestServer server;
    String token;

    abstract TestServer newServer();

    @BeforeEach
    void start() {
        server = newServer();
        token = server.ownerToken;
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    long createClient(String json) {
        TestServer.Reply r = server.post("/api/v1/clients", token, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void healthAnswersOkWhenTheDatabaseAnswers() {
        TestServer.Reply r = server.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsArePrometheusTextWithHttpTimingsAndIngestCounts() {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"A\",\"emails\":[\"carol@example.org\"]}");
        server.post("/api/v1/interactions", token, "{\"clientId\":" + id + ",\"channel\":\"call\"}");
        TestServer.Reply r = server.get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("jetty_server_requests_seconds_count")
                .contains("rapport_interactions_ingested_total 1.0");
    }

    @ParameterizedTest(name = "{0} {1} needs a token")
    @CsvSource({"GET,/api/v1/clients", "POST,/api/v1/clients", "GET,/api/v1/clients/1", "PATCH,/api/v1/clients/1",
            "POST,/api/v1/clients/import", "GET,/api/v1/interactions", "POST,/api/v1/interactions",
            "GET,/api/v1/accounts", "GET,/api/v1/suggestions", "POST,/api/v1/suggestions/plan",
            "GET,/api/v1/suggestions/1", "POST,/api/v1/suggestions/1/accept", "POST,/api/v1/suggestions/1/dismiss",
            "GET,/api/v1/suggestions/1/invitation.ics", "GET,/api/v1/calendar", "POST,/api/v1/calendar/import",
            "PATCH,/api/v1/calendar/entries/1", "DELETE,/api/v1/calendar/entries/1", "GET,/api/v1/settings",
            "PATCH,/api/v1/settings", "GET,/api/v1/feeds", "POST,/api/v1/feeds", "DELETE,/api/v1/feeds"})
    void everyApiRouteAnswers401WithoutAToken(String method, String path) {
        TestServer.Reply none = server.send(method, path, null, "application/json", "{}".getBytes(), Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
        TestServer.Reply wrong = server.send(method, path, "rp_not-a-token", "application/json", "{}".getBytes(), Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        TestServer.Reply basic = server.send(method, path, null, "application/json", "{}".getBytes(),
                Map.of("Authorization", "Basic b3duZXI6cHc="));
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void aCreatedClientIsListedByUrgencyWithEveryRelationshipField() {
        createClient("{\"name\":\"Acme Corp\",\"kind\":\"company\",\"tier\":\"A\",\"domains\":[\"acme-corp.example\"],"
                + "\"timeZone\":\"America/New_York\"}");
        TestServer.Reply r = server.get("/api/v1/clients?sort=urgency&size=100", token);
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.json().get("items").get(0);
        for (String field : new String[] {"status", "tier", "cadenceDays", "dueAt", "priority", "lastContact",
                "lastInboundAt", "lastOutboundAt", "lastTwoWayAt", "lastMeetingAt", "lastNonSalesAt",
                "awaitingReplyFrom", "counts90d", "reciprocity", "salesShare", "explanation"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("status").asText()).isIn("active", "cooling", "inactive");
        assertThat(first.get("dueAt").asText()).matches(ISO_WITH_OFFSET);
        assertThat(first.get("explanation").asText()).isNotBlank().doesNotContainIgnoringCase("past");
        assertThat(r.json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aLoggedCallBecomesTheLastContactAndShowsInTheTimeline() {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        TestServer.Reply logged = server.post("/api/v1/interactions", token,
                "{\"clientId\":" + id + ",\"channel\":\"call\",\"at\":\"2026-11-20T15:00:00+01:00\","
                        + "\"subject\":\"Catch-up call\"}");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.json().get("channel").asText()).isEqualTo("call");
        assertThat(logged.json().get("occurredAt").asText()).matches(ISO_WITH_OFFSET);
        JsonNode client = server.get("/api/v1/clients/" + id, token).json();
        assertThat(client.get("lastContact").get("channel").asText()).isEqualTo("call");
        assertThat(client.get("lastContact").get("rule").asText()).isNotBlank();
        assertThat(client.get("status").asText()).isEqualTo("active");
        assertThat(client.get("timeline")).hasSize(1);
        JsonNode list = server.get("/api/v1/interactions?clientId=" + id, token).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("intentRule").asText()).isNotBlank();
    }

    @Test
    void retryingALogWithTheSameExternalIdKeepsOneEntry() {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        String body = "{\"clientId\":" + id + ",\"channel\":\"visit\",\"externalId\":\"visit-42\"}";
        assertThat(server.post("/api/v1/interactions", token, body).status()).isEqualTo(201);
        assertThat(server.post("/api/v1/interactions", token, body).status()).isEqualTo(201);
        assertThat(server.get("/api/v1/interactions?clientId=" + id, token).json().get("items")).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"tier\":\"A\"}|name",
            "{\"name\":42,\"tier\":\"A\"}|name",
            "{\"name\":\"X\",\"tier\":\"Z\"}|tier",
            "{\"name\":\"X\",\"tier\":\"A\",\"cadenceDays\":0}|cadenceDays",
            "{\"name\":\"X\",\"tier\":\"A\",\"cadenceDays\":\"often\"}|cadenceDays",
            "{\"name\":\"X\",\"tier\":\"A\",\"timeZone\":\"Mars/Olympus\"}|timeZone",
            "{\"name\":\"X\",\"tier\":\"A\",\"snoozedUntil\":\"tomorrow\"}|snoozedUntil",
            "{\"name\":\"X\",\"tier\":\"A\",\"kind\":\"robot\"}|kind",
            "{\"name\":\"X\",\"tier\":\"A\",\"emails\":\"x@y.org\"}|emails",
            "{\"name\":\"X\",\"tier\":\"A\",\"emails\":[\"not an address\"]}|emails[0]",
            "{\"name\":\"X\",\"tier\":\"A\",\"domains\":[\"gmail.com\"]}|domains[0]",
            "{\"name\":\"X\",\"tier\":\"A\",\"domains\":[\"owner-advisory.example\"]}|domains[0]",
            "{\"name\":\"X\",\"tier\":\"A\",\"domains\":[\"no spaces.com\"]}|domains[0]",
            "{\"name\":\"X\",\"tier\":\"A\",\"colour\":\"red\"}|colour",
            "[1,2]|body",
            "not json|body",
    })
    void badClientInputIsA400NamingTheField(String body, String field) {
        TestServer.Reply r = server.post("/api/v1/clients", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("bad_request");
        assertThat(r.json().get("detail").asText()).startsWith(field + ":");
        assertThat(server.get("/api/v1/clients", token).json().get("total").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/clients?status=past|status",
            "/api/v1/clients?sort=random|sort",
            "/api/v1/clients?page=0|page",
            "/api/v1/clients?size=100000|size",
            "/api/v1/clients?size=ten|size",
            "/api/v1/clients/abc|id",
            "/api/v1/interactions?clientId=x|clientId",
            "/api/v1/interactions?since=yesterday|since",
            "/api/v1/suggestions?state=past|state",
            "/api/v1/suggestions/abc|id",
            "/api/v1/calendar?from=monday|from",
            "/api/v1/calendar?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z|to",
            "/api/v1/calendar?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z|to",
    })
    void badQueryParametersAreA400NamingTheParameter(String path, String field) {
        TestServer.Reply r = server.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).startsWith(field + ":");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"channel\":\"call\"}|clientId",
            "{\"clientId\":CLIENT,\"channel\":\"telepathy\"}|channel",
            "{\"clientId\":CLIENT,\"channel\":\"call\",\"direction\":\"mutual\"}|direction",
            "{\"clientId\":CLIENT,\"channel\":\"call\",\"at\":\"2030-01-01T00:00:00Z\"}|at",
            "{\"clientId\":CLIENT,\"channel\":\"call\",\"at\":\"1700000000\"}|at",
            "{\"clientId\":\"one\",\"channel\":\"call\"}|clientId",
    })
    void badInteractionLogsAreA400NamingTheField(String template, String field) {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        TestServer.Reply r = server.post("/api/v1/interactions", token, template.replace("CLIENT", Long.toString(id)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).startsWith(field + ":");
    }

    @Test
    void anAddressAlreadyOwnedByAnotherClientIsAConflict() {
        createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        TestServer.Reply r = server.post("/api/v1/clients", token,
                "{\"name\":\"Carol twin\",\"tier\":\"B\",\"emails\":[\"Carol@Example.org\"]}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("conflict");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndABadPatchChangesNothing() {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        TestServer.Reply ok = server.patch("/api/v1/clients/" + id, token,
                "{\"tier\":\"A\",\"snoozedUntil\":\"2026-12-01T09:00:00Z\",\"cadenceDays\":21}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("tier").asText()).isEqualTo("A");
        assertThat(ok.json().get("cadenceDays").asInt()).isEqualTo(21);
        assertThat(ok.json().get("emails").get(0).asText()).isEqualTo("carol@example.org");
        assertThat(ok.json().get("snoozedUntil").asText()).matches(ISO_WITH_OFFSET);
        TestServer.Reply bad = server.patch("/api/v1/clients/" + id, token, "{\"tier\":\"C\",\"timeZone\":\"Nowhere\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(server.get("/api/v1/clients/" + id, token).json().get("tier").asText()).isEqualTo("A");
        TestServer.Reply cleared = server.patch("/api/v1/clients/" + id, token, "{\"cadenceDays\":null}");
        assertThat(cleared.json().get("cadenceOverrideDays").isNull()).isTrue();
    }

    @Test
    void anotherUsersIdsAreNotFoundOnEveryRoute() {
        long id = createClient("{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}");
        server.post("/api/v1/interactions", token, "{\"clientId\":" + id + ",\"channel\":\"call\"}");
        String other = server.newUserToken("mallory@elsewhere.example");
        assertThat(server.get("/api/v1/clients/" + id, other).status()).isEqualTo(404);
        assertThat(server.patch("/api/v1/clients/" + id, other, "{\"name\":\"Stolen\"}").status()).isEqualTo(404);
        assertThat(server.get("/api/v1/interactions?clientId=" + id, other).status()).isEqualTo(404);
        assertThat(server.post("/api/v1/interactions", other, "{\"clientId\":" + id + ",\"channel\":\"call\"}").status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/clients", other).json().get("total").asInt()).isZero();
        assertThat(server.get("/api/v1/interactions", other).json().get("items")).isEmpty();
        assertThat(server.get("/api/v1/accounts", other).json().get("items")).isEmpty();
        // The other user may know the same person as their own client.
        assertThat(server.post("/api/v1/clients", other,
                "{\"name\":\"Carol\",\"tier\":\"B\",\"emails\":[\"carol@example.org\"]}").status()).isEqualTo(201);
        assertThat(server.get("/api/v1/clients/" + id, token).json().get("name").asText()).isEqualTo("Carol");
    }

    @Test
    void unknownRoutesAndMethodsAnswerJsonErrors() {
        TestServer.Reply r = server.get("/api/v1/nothing-here", token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void aFailureInsideTheServerIsA500WithoutAStackTrace() {
        server.rapport.database.close();
        TestServer.Reply r = server.get("/api/v1/clients", token);
        assertThat(r.status()).isGreaterThanOrEqualTo(500);
        assertThat(r.json().get("error").asText()).isEqualTo("internal_error");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at app.rapport").doesNotContain("jdbc");
        assertThat(server.get("/health", null).status()).isEqualTo(503);
    }

    @Test
    void aCsvOfClientsImportsAndBadRowsAreReportedWithTheirRecordNumber() {
        String csv = "name,email,tier,time_zone\nAnna Example,anna@example.net,A,Europe/Berlin\n"
                + ",,B,\nBen Example,ben@example.net,,\nAnna Again,anna@example.net,B,\n";
        TestServer.Reply r = server.send("POST", "/api/v1/clients/import?filename=clients.csv", token, "text/csv",
                csv.getBytes(), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("created").asInt()).isEqualTo(2);
        assertThat(r.json().get("rejections").findValuesAsText("record")).containsExactly("2", "4");
        assertThat(r.json().get("rejections").get(1).get("reason").asText()).contains("anna@example.net");
        JsonNode list = server.get("/api/v1/clients?sort=name", token).json();
        assertThat(list.get("items").get(0).get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(list.get("items").get(1).get("tier").asText()).isEqualTo("C");
    }

    @Test
    void anEmptyOrUnreadableImportIsA400() {
        assertThat(server.send("POST", "/api/v1/clients/import", token, "text/csv", new byte[0], Map.of()).status())
                .isEqualTo(400);
        TestServer.Reply garbage = server.send("POST", "/api/v1/clients/import?filename=x.bin", token,
                "application/octet-stream", new byte[] {0, 1, 2, 3, (byte) 0xff}, Map.of());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("detail").asText()).startsWith("file:");
    }
}
