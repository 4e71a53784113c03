package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's pages over HTTP, without a browser. */
class DashboardPagesTest {
    TestServer server;
    Map<String, String> session;
    String csrf;

    @BeforeEach
    void start() {
        server = TestServer.onH2();
        TestServer.Session signedIn = server.signIn();
        session = signedIn.headers();
        csrf = signedIn.csrf();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    TestServer.Reply page(String path) {
        return server.send("GET", path, null, null, null, session);
    }

    long createClient(String token, String name) {
        TestServer.Reply created = server.post("/api/v1/clients", token, "{\"name\":\"" + name + "\",\"tier\":\"B\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void pagesWithoutASessionAnswer401WithASigninPageNotJson() {
        long id = createClient(server.ownerToken, "Ada Lovelace");
        for (String path : new String[] {"/", "/?status=cooling", "/clients/" + id}) {
            TestServer.Reply reply = server.get(path, null);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(reply.body()).contains("Sign in to Rapport").contains("scripts/run").doesNotContain("Ada");
        }
        TestServer.Reply stale = server.send("GET", "/", null, null, null, Map.of("Cookie", "rapport_session=stale"));
        assertThat(stale.status()).isEqualTo(401);
    }

    @Test
    void todayListsClientsWithStatusCountsNavAndTheCsrfTokenForHtmx() {
        createClient(server.ownerToken, "Ada Lovelace");
        createClient(server.ownerToken, "Grace Hopper");
        TestServer.Reply today = page("/");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body())
                .contains("Ada Lovelace", "Grace Hopper", "No contact on record")
                .contains("href=\"/week\"", "href=\"/settings\"", "action=\"/signout\"")
                .contains("name=\"csrf\" value=\"" + csrf + "\"")
                .contains("hx-headers=\"{&#34;X-CSRF-Token&#34;: &#34;" + csrf + "&#34;}\"")
                .contains("/webjars/htmx.org/2.0.10/dist/htmx.min.js", "/static/dashboard.css")
                .doesNotContain("past");
        assertThat(server.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js", null).status()).isEqualTo(200);
        assertThat(server.get("/static/dashboard.css", null).status()).isEqualTo(200);
    }

    @Test
    void theStatusFilterIsAPlainLinkThatNarrowsTheList() {
        createClient(server.ownerToken, "Ada Lovelace");
        TestServer.Reply inactive = page("/?status=inactive");
        String status = server.get("/api/v1/clients", server.ownerToken).json().get("items").get(0).get("status").asText();
        assertThat(page("/?status=" + status).body()).contains("Ada Lovelace");
        for (String other : new String[] {"active", "cooling", "inactive"}) {
            if (!other.equals(status)) assertThat(page("/?status=" + other).body()).doesNotContain("Ada Lovelace");
        }
        assertThat(inactive.status()).isEqualTo(200);
        assertThat(page("/?status=bogus&page=x").body()).contains("Ada Lovelace");
    }

    @Test
    void moreThanFiftyClientsArePagedAndHtmxGetsOnlyTheRows() {
        for (int i = 1; i <= 53; i++) createClient(server.ownerToken, String.format("Client %02d", i));
        TestServer.Reply first = page("/");
        assertThat(first.body()).contains("Show more").contains("hx-get=\"/?page=2\"");
        assertThat(first.body().split("class=\"client-row\"", -1)).hasSize(51);
        TestServer.Reply rows = server.send("GET", "/?page=2", null, null, null,
                Map.of("Cookie", session.get("Cookie"), "HX-Request", "true"));
        assertThat(rows.body()).doesNotContain("<html").doesNotContain("Show more");
        assertThat(rows.body().split("class=\"client-row\"", -1)).hasSize(4);
        assertThat(page("/?page=2").body()).contains("<html").contains("51–53");
    }

    @Test
    void anotherUsersOrAnUnknownClientIsA404Page() {
        String otherToken = server.newUserToken("other@elsewhere.example");
        long theirs = createClient(otherToken, "Their Client");
        for (String path : new String[] {"/clients/" + theirs, "/clients/999999", "/clients/abc", "/clients/-1"}) {
            TestServer.Reply reply = page(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).contains("Not found").doesNotContain("Their Client");
        }
    }

    @Test
    void theClientPageShowsRelationshipIdentitiesChartAndTimeline() {
        TestServer.Reply created = server.post("/api/v1/clients", server.ownerToken,
                "{\"name\":\"Ada Lovelace\",\"tier\":\"A\",\"emails\":[\"ada@engines.example\"]}");
        long id = created.json().get("id").asLong();
        TestServer.Reply logged = server.post("/api/v1/interactions", server.ownerToken,
                "{\"clientId\":" + id + ",\"channel\":\"call\",\"direction\":\"outbound\","
                        + "\"at\":\"2026-11-02T10:00:00Z\",\"subject\":\"Quarterly review call\"}");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        TestServer.Reply client = page("/clients/" + id);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body())
                .contains("Ada Lovelace", "ada@engines.example", "Quarterly review call")
                .contains("Status", "Cadence", "Reciprocity", "Sales share", "Awaiting reply from")
                .contains("id=\"monthly-chart\"", "<title>November 2026: 1 contact")
                .contains("by rule <code>");
    }

    @Test
    void aClientNamedLikeMarkupIsShownAsText() {
        String name = "<script>alert(1)</script> & \\\"Co\\\"";
        long id = createClient(server.ownerToken, name);
        for (String path : new String[] {"/", "/clients/" + id}) {
            String body = page(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }
}
