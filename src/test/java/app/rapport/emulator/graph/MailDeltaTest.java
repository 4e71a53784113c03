package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
