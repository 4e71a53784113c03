package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.serialization.UntypedObject;
import com.microsoft.kiota.serialization.UntypedString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailDeltaTest {
    GraphEmulator emu;
    Mailbox box;
    GraphServiceClient graph;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start();
        box = emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
        graph = GraphSdk.client(emu, emu.issueAccessToken(box.address()));
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void fullRoundPagesTheWholeFolder() {
        for (int i = 0; i < 23; i++) {
            box.addMessage("inbox", GraphMessage.builder().from("Client " + i, "c" + i + "@client.example")
                    .to(box.address()).subject("Hello " + i).received(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i * 60L)));
        }
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse page = delta.get(rc -> {
            rc.queryParameters.select = new String[] {"subject", "from", "receivedDateTime"};
            rc.headers.add("Prefer", "odata.maxpagesize=10");
        });
        List<Message> all = new ArrayList<>(page.getValue());
        int pages = 1;
        while (page.getOdataNextLink() != null) {
            page = delta.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=10"));
            all.addAll(page.getValue());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(23);
        assertThat(all.get(0).getSubject()).isEqualTo("Hello 22");
        assertThat(all.get(0).getFrom().getEmailAddress().getAddress()).isEqualTo("c22@client.example");
        assertThat(page.getOdataDeltaLink()).startsWith(emu.graphBaseUrl());
    }

    /** One whole round from a first request or a link; returns the items and the deltaLink. */
    record Round(List<Message> items, String deltaLink, int pages) {
        Map<String, Message> byId() {
            Map<String, Message> m = new LinkedHashMap<>();
            for (Message x : items) m.put(x.getId(), x);
            return m;
        }
    }

    Round round(String linkOrNull, int pageSize) {
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse page = linkOrNull == null
                ? delta.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=" + pageSize))
                : delta.withUrl(linkOrNull).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=" + pageSize));
        List<Message> items = new ArrayList<>(page.getValue());
        int pages = 1;
        while (page.getOdataNextLink() != null) {
            page = delta.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=" + pageSize));
            items.addAll(page.getValue());
            pages++;
        }
        return new Round(items, page.getOdataDeltaLink(), pages);
    }

    static String removedReason(Message m) {
        Object removed = m.getAdditionalData().get("@removed");
        if (removed == null) return null;
        var reason = ((UntypedObject) removed).getValue().get("reason");
        return ((UntypedString) reason).getValue();
    }

    GraphMessage add(String subject) {
        return box.addMessage("inbox", GraphMessage.builder().from("client@client.example").to(box.address()).subject(subject));
    }

    @Test
    void incrementalRoundCarriesAddsUpdatesDeletesAndMovesOnce() {
        GraphMessage keep = add("keep");
        GraphMessage read = add("will be read");
        GraphMessage gone = add("will be deleted");
        GraphMessage moved = add("will be moved");
        Round first = round(null, 2);
        assertThat(first.items()).hasSize(4);
        assertThat(first.pages()).isEqualTo(2);

        GraphMessage fresh = add("new one");
        box.markRead(read.id(), true);
        box.updateMessage(read.id(), b -> b.subject("renamed"));
        box.deleteMessage(gone.id());
        box.moveMessage(moved.id(), "archive");

        Round second = round(first.deltaLink(), 10);
        Map<String, Message> byId = second.byId();
        assertThat(second.items()).hasSize(4);
        assertThat(byId).doesNotContainKey(keep.id());
        assertThat(byId.get(fresh.id()).getSubject()).isEqualTo("new one");
        assertThat(byId.get(read.id()).getIsRead()).isTrue();
        assertThat(byId.get(read.id()).getSubject()).isEqualTo("renamed");
        assertThat(removedReason(byId.get(gone.id()))).isEqualTo("deleted");
        assertThat(removedReason(byId.get(moved.id()))).isEqualTo("deleted");
        assertThat(removedReason(byId.get(fresh.id()))).isNull();

        Round third = round(second.deltaLink(), 10);
        assertThat(third.items()).isEmpty();
        // moving it back makes it a full item again
        box.moveMessage(moved.id(), "inbox");
        Round fourth = round(third.deltaLink(), 10);
        assertThat(fourth.items()).singleElement().satisfies(m -> {
            assertThat(m.getId()).isEqualTo(moved.id());
            assertThat(m.getSubject()).isEqualTo("will be moved");
        });
    }

    @Test
    void partialUpdatesSendOnlyTheChangedFields() {
        GraphMessage m = add("subject stays");
        Round first = round(null, 10);
        emu.partialUpdates(true);
        box.markRead(m.id(), true);
        Message item = round(first.deltaLink(), 10).items().get(0);
        assertThat(item.getIsRead()).isTrue();
        assertThat(item.getParentFolderId()).isEqualTo(box.folder("inbox").id());
        assertThat(item.getSubject()).isNull();
        assertThat(item.getFrom()).isNull();
    }

    @Test
    void changesDuringARoundComeAgainInTheNextRound() {
        for (int i = 0; i < 5; i++) add("m" + i);
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse page = delta.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        GraphMessage during = add("arrived during the round");
        String firstId = page.getValue().get(0).getId();
        box.updateMessage(firstId, b -> b.subject("edited during the round"));
        List<Message> rest = new ArrayList<>();
        while (page.getOdataNextLink() != null) {
            page = delta.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
            rest.addAll(page.getValue());
        }
        assertThat(rest).extracting(Message::getId).doesNotContain(during.id());
        Map<String, Message> next = round(page.getOdataDeltaLink(), 10).byId();
        assertThat(next).containsKeys(during.id(), firstId);
        assertThat(next.get(firstId).getSubject()).isEqualTo("edited during the round");
    }

    @Test
    void selectReturnsOnlyNamedFieldsAndHeadersOnlyWhenNamed() throws Exception {
        box.addMessage("inbox", GraphMessage.builder().from("list@lists.example").subject("digest")
                .header("List-Id", "<dev.lists.example>").header("Precedence", "list"));
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        Message plain = delta.get().getValue().get(0);
        assertThat(plain.getInternetMessageHeaders()).isNull();
        assertThat(plain.getSubject()).isEqualTo("digest");
        Message selected = delta.get(rc -> rc.queryParameters.select = new String[] {"subject", "internetMessageHeaders"})
                .getValue().get(0);
        assertThat(selected.getFrom()).isNull();
        assertThat(selected.getInternetMessageHeaders()).extracting(h -> h.getName()).containsExactly("List-Id", "Precedence");

        // raw request: %24select, delta() and a comma-joined Prefer header
        HttpResponse<String> raw = GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.graphBaseUrl()
                        + "/me/mailFolders/INBOX/messages/delta()?%24select=subject"))
                .header("Authorization", "Bearer " + emu.issueAccessToken(box.address()))
                .header("Prefer", "IdType=\"ImmutableId\", odata.maxpagesize=1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
        var body = Json.parse(raw.body());
        assertThat(body.get("value").get(0).has("from")).isFalse();
        assertThat(body.get("value").get(0).get("subject").asText()).isEqualTo("digest");
        assertThat(raw.headers().firstValue("Preference-Applied").orElseThrow())
                .isEqualTo("odata.maxpagesize=1, IdType=\"ImmutableId\"");

        assertThatThrownBy(() -> delta.get(rc -> rc.queryParameters.select = new String[] {"nonsense"}))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
    }

    @Test
    void expiredTokensAnswerTheChosenShape() {
        for (int i = 0; i < 3; i++) add("m" + i);
        Round first = round(null, 10);

        emu.expireDeltaTokens();
        ODataError gone = catchThrowableOfType(ODataError.class, () -> round(first.deltaLink(), 10));
        assertThat(gone.getResponseStatusCode()).isEqualTo(410);
        assertThat(gone.getError().getCode()).isEqualTo("syncStateNotFound");
        String location = gone.getResponseHeaders().get("Location").iterator().next();
        assertThat(location).startsWith(emu.graphBaseUrl()).contains("/messages/delta");
        // the Location is a fresh initial query that works
        Round restarted = round(location, 10);
        assertThat(restarted.items()).hasSize(3);

        emu.expireDeltaTokens(DeltaExpiry.BAD_REQUEST_SYNC_STATE_NOT_FOUND);
        ODataError bad = catchThrowableOfType(ODataError.class, () -> round(restarted.deltaLink(), 10));
        assertThat(bad.getResponseStatusCode()).isEqualTo(400);
        assertThat(bad.getError().getCode()).isEqualTo("syncStateNotFound");

        Round again = round(null, 10);
        emu.expireDeltaTokens(DeltaExpiry.GONE_RESYNC_REQUIRED);
        ODataError resync = catchThrowableOfType(ODataError.class, () -> round(again.deltaLink(), 10));
        assertThat(resync.getResponseStatusCode()).isEqualTo(410);
        assertThat(resync.getError().getCode()).isEqualTo("resyncRequired");
    }

    @Test
    void tokensCanExpireInTheMiddleOfARound() {
        for (int i = 0; i < 5; i++) add("m" + i);
        emu.expireTokensAfterPages(2);
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse p1 = delta.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        DeltaGetResponse p2 = delta.withUrl(p1.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        ODataError e = catchThrowableOfType(ODataError.class,
                () -> delta.withUrl(p2.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2")));
        assertThat(e.getResponseStatusCode()).isEqualTo(410);
        assertThat(e.getError().getCode()).isEqualTo("syncStateNotFound");
    }

    @Test
    void skipTokensCanBeFetchedAgainAfterAFailure() {
        for (int i = 0; i < 4; i++) add("m" + i);
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse p1 = delta.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        emu.failNext(1, 503, "serviceNotAvailable", null);
        assertThatThrownBy(() -> GraphSdk.client(emu, () -> emu.issueAccessToken(box.address()), false).me().mailFolders()
                .byMailFolderId("inbox").messages().delta().withUrl(p1.getOdataNextLink()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(503);
                    assertThat(e.getError().getCode()).isEqualTo("serviceNotAvailable");
                });
        DeltaGetResponse p2 = delta.withUrl(p1.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        assertThat(p2.getValue()).hasSize(2);
    }

    @Test
    void expiredAccessTokenGets401MidRound() {
        for (int i = 0; i < 5; i++) add("m" + i);
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        emu.expireAccessTokensAfter(2);
        DeltaGetResponse p1 = delta.get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        DeltaGetResponse p2 = delta.withUrl(p1.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        ODataError e = catchThrowableOfType(ODataError.class,
                () -> delta.withUrl(p2.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2")));
        assertThat(e.getResponseStatusCode()).isEqualTo(401);
        assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        // a new token continues the same round
        GraphServiceClient renewed = GraphSdk.client(emu, emu.issueAccessToken(box.address()));
        DeltaGetResponse p3 = renewed.me().mailFolders().byMailFolderId("inbox").messages().delta()
                .withUrl(p2.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        assertThat(p3.getValue()).hasSize(1);
        assertThat(p3.getOdataDeltaLink()).isNotNull();
    }

    @Test
    void sentItemsIsItsOwnStreamAndUnknownFoldersAre404() {
        box.addMessage("sentitems", GraphMessage.builder().from(box.address()).to("client@client.example").subject("out"));
        add("in");
        var sent = graph.me().mailFolders().byMailFolderId("sentitems").messages().delta().get();
        assertThat(sent.getValue()).extracting(Message::getSubject).containsExactly("out");
        ODataError e = catchThrowableOfType(ODataError.class,
                () -> graph.me().mailFolders().byMailFolderId("nope").messages().delta().get());
        assertThat(e.getResponseStatusCode()).isEqualTo(404);
        assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void receivedDateFilterAndLatestToken() throws Exception {
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("old").received(Instant.parse("2025-01-01T00:00:00Z")));
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("new").received(Instant.parse("2026-03-02T00:00:00Z")));
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse page = delta.get(rc -> rc.queryParameters.filter = "receivedDateTime ge 2026-03-01T00:00:00Z");
        assertThat(page.getValue()).extracting(Message::getSubject).containsExactly("new");

        HttpResponse<String> latest = GraphSdk.HTTP.send(HttpRequest.newBuilder(URI.create(emu.graphBaseUrl()
                        + "/me/mailFolders/inbox/messages/delta?$deltatoken=latest"))
                .header("Authorization", "Bearer " + emu.issueAccessToken(box.address())).build(), HttpResponse.BodyHandlers.ofString());
        var body = Json.parse(latest.body());
        assertThat(body.get("value")).isEmpty();
        add("after latest");
        assertThat(round(body.get("@odata.deltaLink").asText(), 10).items()).extracting(Message::getSubject)
                .containsExactly("after latest");
    }
}
