package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paths the router accepts and the Graph JSON it answers for the rest. */
class RoutingTest {
    GraphEmulator emu;
    Mailbox box;
    String token;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start();
        box = emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
        emu.mailbox("sam@owner-advisory.example");
        token = emu.issueAccessToken(box.address());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.graphBaseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersPathWorksForTheSignedInMailboxOnly() {
        box.addEvent(GraphEvent.builder().subject("s").between(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")));
        GraphServiceClient graph = GraphSdk.client(emu, token);
        assertThat(graph.users().byUserId(box.address()).events().get().getValue()).extracting(Event::getSubject).containsExactly("s");
        assertThat(graph.users().byUserId(box.userId()).get().getMail()).isEqualTo(box.address());
        ODataError e = catchThrowableOfType(ODataError.class, () -> graph.users().byUserId("sam@owner-advisory.example").events().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void unknownRoutesAreGraphJson404() throws Exception {
        HttpResponse<String> r = get("/me/contacts");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode err = Json.parse(r.body()).get("error");
        assertThat(err.get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(err.get("innerError").get("request-id").asText()).isNotBlank();
        HttpResponse<String> outside = GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(Json.parse(outside.body()).get("error").get("code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void quotedFolderKeysAndFolderLists() throws Exception {
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("x"));
        assertThat(get("/me/mailFolders('Inbox')/messages/delta").statusCode()).isEqualTo(200);
        JsonNode folders = Json.parse(get("/me/mailFolders").body());
        assertThat(folders.get("value")).anySatisfy(f -> {
            assertThat(f.get("displayName").asText()).isEqualTo("Inbox");
            assertThat(f.get("totalItemCount").asInt()).isEqualTo(1);
        });
        HttpResponse<String> batch = GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.graphBaseUrl() + "/$batch"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(batch.statusCode()).isEqualTo(501);
    }
}
