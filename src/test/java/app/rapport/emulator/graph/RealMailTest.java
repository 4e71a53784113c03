package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.support.EmlFixtures;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real public mail of shared/data loaded into the emulator and read back through the Graph SDK. */
class RealMailTest {
    GraphEmulator emu;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void loadsTheSharedMailAndServesItThroughDelta() {
        Path mail = EmlFixtures.sharedData().resolve("mail");
        Mailbox box = emu.mailbox("reader@owner-advisory.example");
        RealMail.Report report = RealMail.load(box, mail, box.address());
        System.out.println("RealMail: loaded " + report.loaded() + ", skipped " + report.skipped() + " " + report.skippedItems());
        assertThat(report.loaded()).isGreaterThan(4_000);
        assertThat(report.skipped()).isLessThan(report.loaded() / 50);
        assertThat(box.count("inbox")).isEqualTo(report.loaded());

        Map<String, Long> threads = box.messages("inbox").stream()
                .collect(Collectors.groupingBy(GraphMessage::conversationId, Collectors.counting()));
        assertThat(threads.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThanOrEqualTo(20);
        assertThat(box.messages("inbox")).anySatisfy(m -> assertThat(m.header("List-Id")).isNotNull());
        GraphServiceClient graph = GraphSdk.client(emu, emu.issueAccessToken(box.address()));
        var delta = graph.me().mailFolders().byMailFolderId("inbox").messages().delta();
        DeltaGetResponse page = delta.get(rc -> {
            rc.queryParameters.select = new String[] {"subject", "from", "conversationId", "internetMessageId",
                    "receivedDateTime"};
            rc.headers.add("Prefer", "odata.maxpagesize=1000");
        });
        Map<String, Message> seen = new HashMap<>();
        page.getValue().forEach(m -> seen.put(m.getId(), m));
        while (page.getOdataNextLink() != null) {
            page = delta.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=1000"));
            page.getValue().forEach(m -> seen.put(m.getId(), m));
        }
        assertThat(seen).hasSize(report.loaded());
        assertThat(seen.values()).allSatisfy(m -> assertThat(m.getReceivedDateTime()).isNotNull());
        GraphMessage listMail = box.messages("inbox").stream().filter(m -> m.header("List-Id") != null).findFirst().orElseThrow();
        Message one = graph.me().messages().byMessageId(listMail.id())
                .get(rc -> rc.queryParameters.select = new String[] {"subject", "internetMessageHeaders"});
        assertThat(one.getInternetMessageHeaders()).anySatisfy(h -> assertThat(h.getName()).isEqualToIgnoringCase("List-Id"));
    }

    @Test
    void mailFromTheOwnerGoesToSentItems() {
        Path apache = EmlFixtures.sharedData().resolve("mail/mailing-lists/apache");
        Mailbox probe = emu.mailbox("probe@owner-advisory.example");
        RealMail.load(probe, apache, probe.address());
        // the list's most active sender plays the owner
        String owner = probe.messages("inbox").stream().filter(m -> m.from() != null)
                .collect(Collectors.groupingBy(m -> m.from().address().toLowerCase(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long theirs = probe.messages("inbox").stream().filter(m -> m.from() != null && m.from().sameAddress(owner)).count();

        Mailbox box = emu.mailbox(owner);
        RealMail.Report report = RealMail.load(box, apache, owner);
        assertThat(report.sent()).isEqualTo((int) theirs).isPositive();
        assertThat(box.messages("sentitems")).allSatisfy(m -> assertThat(m.from().sameAddress(owner)).isTrue());
        assertThat(box.messages("inbox")).noneSatisfy(m -> assertThat(m.from() != null && m.from().sameAddress(owner)).isTrue());
        Function<GraphMessage, String> id = GraphMessage::internetMessageId;
        assertThat(box.messages("sentitems")).extracting(id).allSatisfy(x -> assertThat(x).startsWith("<"));
    }
}
