package app.rapport.emulator.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {
    GraphEmulator emu;
    Mailbox box;
    GraphServiceClient graph;
    Javalin receiver;
    /** How the receiver answers validation: "echo" (correct), "encoded", "json", "500". */
    final AtomicReference<String> validation = new AtomicReference<>("echo");
    final List<String> validationContentTypes = new CopyOnWriteArrayList<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<JsonNode> lifecycle = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    volatile long delayMillis;

    @BeforeEach
    void start() {
        emu = GraphEmulator.start(Options.defaults().notificationRetries(2, Duration.ofMillis(50)));
        box = emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
        graph = GraphSdk.client(emu, () -> emu.issueAccessToken(box.address()), false);
        receiver = Javalin.create(cfg -> {
            cfg.routes.post("/hook", ctx -> answer(ctx, received));
            cfg.routes.post("/lifecycle", ctx -> answer(ctx, lifecycle));
        }).start("127.0.0.1", 0);
    }

    private void answer(io.javalin.http.Context ctx, List<JsonNode> sink) throws Exception {
        String token = ctx.queryParam("validationToken");
        if (token != null) {
            validationContentTypes.add(ctx.header("Content-Type"));
            switch (validation.get()) {
                case "echo" -> ctx.status(200).contentType("text/plain").result(token);
                case "encoded" -> ctx.status(200).contentType("text/plain")
                        .result(ctx.queryString().substring(ctx.queryString().indexOf('=') + 1));
                case "json" -> ctx.status(200).contentType("application/json").result(token);
                default -> ctx.status(500).result("no");
            }
            return;
        }
        if (failFirst.getAndDecrement() > 0) {
            ctx.status(503);
            return;
        }
        if (delayMillis > 0) Thread.sleep(delayMillis);
        sink.add(Json.parse(ctx.body()));
        ctx.status(202);
    }

    @AfterEach
    void stop() {
        emu.close();
        receiver.stop();
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    Subscription subscribe(String resource, String changeTypes, OffsetDateTime expires) {
        Subscription s = new Subscription();
        s.setChangeType(changeTypes);
        s.setNotificationUrl(url("/hook"));
        s.setLifecycleNotificationUrl(url("/lifecycle"));
        s.setResource(resource);
        s.setExpirationDateTime(expires);
        s.setClientState("client-state-secret");
        return graph.subscriptions().post(s);
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days);
    }

    @Test
    void createRunsTheHandshakeOnBothUrls() {
        Subscription s = subscribe("me/mailFolders('inbox')/messages", "created,updated,deleted", inDays(2));
        assertThat(s.getId()).isNotBlank();
        assertThat(s.getResource()).isEqualTo("me/mailFolders('inbox')/messages");
        assertThat(s.getClientState()).isEqualTo("client-state-secret");
        assertThat(s.getCreatorId()).isEqualTo(box.userId());
        assertThat(s.getApplicationId()).isNotBlank();
        assertThat(s.getLifecycleNotificationUrl()).isEqualTo(url("/lifecycle"));
        List<Delivery> checks = emu.deliveries().stream().filter(d -> d.kind().equals("validation")).toList();
        assertThat(checks).hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(validationContentTypes).allSatisfy(ct -> assertThat(ct).isEqualTo("text/plain; charset=utf-8"));
        assertThat(graph.subscriptions().get().getValue()).extracting(Subscription::getId).containsExactly(s.getId());
    }

    @Test
    void refusedHandshakesCreateNothing() {
        for (String mode : List.of("500", "encoded", "json")) {
            validation.set(mode);
            ODataError e = catchThrowableOfType(ODataError.class, () -> subscribe("me/events", "created", inDays(1)));
            assertThat(e.getResponseStatusCode()).as(mode).isEqualTo(400);
            assertThat(e.getError().getCode()).as(mode).isEqualTo("ValidationError");
        }
        assertThat(emu.subscriptions()).isEmpty();
    }

    @Test
    void expirationAndClientStateLimits() {
        ODataError tooFar = catchThrowableOfType(ODataError.class,
                () -> subscribe("me/events", "created", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10_081)));
        assertThat(tooFar.getResponseStatusCode()).isEqualTo(400);
        ODataError past = catchThrowableOfType(ODataError.class,
                () -> subscribe("me/events", "created", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)));
        assertThat(past.getResponseStatusCode()).isEqualTo(400);
        Subscription longState = new Subscription();
        longState.setChangeType("created");
        longState.setNotificationUrl(url("/hook"));
        longState.setResource("me/events");
        longState.setExpirationDateTime(inDays(1));
        longState.setClientState("x".repeat(129));
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.subscriptions().post(longState)).getResponseStatusCode())
                .isEqualTo(400);

        Subscription s = subscribe("/me/mailFolders('Inbox')/messages", "created", inDays(1));
        Subscription renew = new Subscription();
        renew.setExpirationDateTime(inDays(6));
        Subscription renewed = graph.subscriptions().bySubscriptionId(s.getId()).patch(renew);
        assertThat(renewed.getExpirationDateTime()).isAfter(inDays(5));
        Subscription tooLong = new Subscription();
        tooLong.setExpirationDateTime(inDays(8));
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.subscriptions().bySubscriptionId(s.getId()).patch(tooLong))
                .getResponseStatusCode()).isEqualTo(400);
        graph.subscriptions().bySubscriptionId(s.getId()).reauthorize().post();
        graph.subscriptions().bySubscriptionId(s.getId()).delete();
        ODataError gone = catchThrowableOfType(ODataError.class, () -> graph.subscriptions().bySubscriptionId(s.getId()).get());
        assertThat(gone.getResponseStatusCode()).isEqualTo(404);
    }

    @Test
    void changesToSubscribedResourcesAreNotifiedAsynchronously() {
        Subscription inbox = subscribe("me/mailFolders('inbox')/messages", "created,updated,deleted", inDays(2));
        Subscription events = subscribe("me/events", "created,updated,deleted", inDays(2));
        delayMillis = 700;
        long t0 = System.nanoTime();
        GraphMessage m = box.addMessage("inbox", GraphMessage.builder().from("client@client.example").subject("hi"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(300); // the change did not wait for the delivery
        box.addMessage("sentitems", GraphMessage.builder().from(box.address()).subject("not watched"));
        GraphEvent ev = box.addEvent(GraphEvent.builder().subject("meeting")
                .between(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")));
        emu.awaitNotificationsIdle(Duration.ofSeconds(10));
        delayMillis = 0;
        box.markRead(m.id(), true);
        box.deleteMessage(m.id());
        emu.awaitNotificationsIdle(Duration.ofSeconds(10));

        List<JsonNode> items = received.stream().flatMap(b -> java.util.stream.StreamSupport.stream(b.get("value").spliterator(), false)).toList();
        assertThat(items).extracting(i -> i.get("changeType").asText() + " " + i.get("resourceData").get("id").asText())
                .containsExactlyInAnyOrder("created " + m.id(), "created " + ev.id(), "updated " + m.id(), "deleted " + m.id());
        JsonNode first = items.stream().filter(i -> i.get("subscriptionId").asText().equals(inbox.getId())).findFirst().orElseThrow();
        assertThat(first.get("clientState").asText()).isEqualTo("client-state-secret");
        assertThat(first.get("tenantId").asText()).isEqualTo(emu.tenantId());
        assertThat(first.get("resource").asText()).isEqualTo("users/" + box.userId() + "/messages/" + m.id());
        assertThat(first.get("resourceData").get("@odata.type").asText()).isEqualTo("#Microsoft.Graph.Message");
        assertThat(items.stream().filter(i -> i.get("subscriptionId").asText().equals(events.getId())))
                .singleElement().satisfies(i -> assertThat(i.get("resourceData").get("@odata.type").asText()).isEqualTo("#Microsoft.Graph.Event"));
        List<Delivery> changes = emu.deliveries().stream().filter(d -> d.kind().equals("change")).toList();
        assertThat(changes).allSatisfy(d -> assertThat(d.status()).isEqualTo(202));
        assertThat(changes.get(0).millis()).isGreaterThanOrEqualTo(700);
        assertThat(changes.get(0).overThreeSeconds()).isFalse();
    }

    @Test
    void failedDeliveriesAreRetried() {
        subscribe("me/events", "created", inDays(1));
        failFirst.set(1);
        box.addEvent(GraphEvent.builder().subject("x").between(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-10T10:00:00Z")));
        List<Delivery> d = emu.awaitDeliveries("change", 2, Duration.ofSeconds(10));
        assertThat(d.get(0).status()).isEqualTo(503);
        assertThat(d.get(1).status()).isEqualTo(202);
        assertThat(d.get(1).attempt()).isEqualTo(2);
        assertThat(received).hasSize(1);
    }

    @Test
    void lifecycleEventsPauseAndExpiry() {
        Subscription s = subscribe("me/mailFolders('inbox')/messages", "created", inDays(1));
        emu.pauseNotifications(true);
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("lost"));
        emu.pauseNotifications(false);
        assertThat(emu.missedNotifications()).isEqualTo(1);
        emu.sendLifecycle(s.getId(), "missed");
        emu.sendLifecycle(s.getId(), "reauthorizationRequired");
        emu.awaitDeliveries("lifecycle", 2, Duration.ofSeconds(10));
        emu.awaitNotificationsIdle(Duration.ofSeconds(10));
        assertThat(received).isEmpty();
        assertThat(lifecycle).extracting(b -> b.get("value").get(0).get("lifecycleEvent").asText())
                .containsExactlyInAnyOrder("missed", "reauthorizationRequired");
        assertThat(lifecycle.get(0).get("value").get(0).get("subscriptionId").asText()).isEqualTo(s.getId());

        emu.sendLifecycle(s.getId(), "subscriptionRemoved");
        assertThat(emu.subscriptions()).isEmpty();
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("after removal"));

        Subscription other = subscribe("me/mailFolders('inbox')/messages", "created", inDays(1));
        emu.expireSubscription(other.getId());
        box.addMessage("inbox", GraphMessage.builder().from("a@b.example").subject("after expiry"));
        emu.awaitNotificationsIdle(Duration.ofSeconds(10));
        assertThat(received).isEmpty();
        assertThat(catchThrowableOfType(ODataError.class, () -> graph.subscriptions().bySubscriptionId(other.getId()).get())
                .getResponseStatusCode()).isEqualTo(404);
    }
}
