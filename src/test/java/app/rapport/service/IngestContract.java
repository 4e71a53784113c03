package app.rapport.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.Bootstrap;
import app.rapport.Rapport;
import app.rapport.config.RapportConfig;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.relationship.Party;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.store.Database;
import app.rapport.support.EmlFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mail and meetings through matching, classification, the store and the relationship, on each database. */
abstract class IngestContract {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String OWNER = "olivia@owner-advisory.example";

    Rapport rapport;
    User owner;
    Account mailbox;
    long carol;

    abstract Database newDatabase();

    RapportConfig config() {
        return RapportConfig.forTests(Map.of("demo.load", false, "owner.email", OWNER));
    }

    @BeforeEach
    void open() {
        rapport = new Rapport(config(), newDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        owner = Bootstrap.ensureOwner(rapport).user();
        mailbox = rapport.accounts.ensure(owner.id(), "local", OWNER, "connected", NOW);
        carol = rapport.clientService.create(owner.id(), new ClientInput("Carol Client", ClientKind.PERSON, "A", null,
                ZoneId.of("Europe/London"), null, null, List.of("carol@client-co.example"), List.of())).id();
    }

    @AfterEach
    void close() {
        if (rapport != null) rapport.database.close();
    }

    static MailMessage mail(String id, String thread, Instant at, String from, String to, String subject) {
        return new MailMessage(id, "<" + id + "@mail.example>", null, List.of(), thread, at, from, List.of(to),
                List.of(), subject, Map.of());
    }

    Relationship relationship() {
        return rapport.relationships.find(owner.id(), carol).orElseThrow();
    }

    @Test
    void aClientsReplyToAProposalIsTwoWayAndTheUserOwesTheNextReply() {
        Instant sent = NOW.minus(Duration.ofDays(3));
        rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_sent", List.of(
                mail("s1", "T1", sent, "Olivia <" + OWNER + ">", "carol@client-co.example", "Proposal: cover renewal")));
        assertThat(relationship().awaitingReplyFrom()).isEqualTo(Party.CLIENT);
        rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", List.of(
                mail("i1", "T1", sent.plus(Duration.ofHours(5)), "Carol <Carol@Client-Co.example>", OWNER,
                        "Re: Proposal: cover renewal")));
        List<Interaction> stored = rapport.interactions.forClient(owner.id(), carol);
        assertThat(stored).extracting(Interaction::direction).containsExactly(Direction.OUTBOUND, Direction.INBOUND);
        assertThat(stored.get(1).twoWay()).isTrue();
        assertThat(stored.get(1).twoWayRule()).isEqualTo("reply-in-thread");
        Relationship r = relationship();
        assertThat(r.awaitingReplyFrom()).isEqualTo(Party.USER);
        assertThat(r.lastTwoWayAt()).isEqualTo(sent.plus(Duration.ofHours(5)));
        assertThat(r.lastContact().channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aReplyThatArrivesBeforeTheMessageItAnswersIsSettledAsTwoWay() {
        Instant sent = NOW.minus(Duration.ofDays(10));
        rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", List.of(
                mail("i1", "T9", sent.plus(Duration.ofDays(1)), "carol@client-co.example", OWNER, "Re: Catch up?")));
        assertThat(rapport.interactions.forClient(owner.id(), carol).get(0).twoWay()).isFalse();
        rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_sent", List.of(
                mail("s1", "T9", sent, OWNER, "carol@client-co.example", "Catch up?")));
        Interaction reply = rapport.interactions.forClient(owner.id(), carol).stream()
                .filter(i -> i.direction() == Direction.INBOUND).findFirst().orElseThrow();
        assertThat(reply.twoWay()).isTrue();
        assertThat(reply.twoWayRule()).isEqualTo("reply-in-thread");
    }

    @Test
    void syncingTheSameMailAgainAddsNothing() {
        List<MailMessage> batch = List.of(
                mail("s1", "T1", NOW.minus(Duration.ofDays(5)), OWNER, "carol@client-co.example", "Quarterly review"),
                newsletter("n1", NOW.minus(Duration.ofDays(4))));
        IngestReport first = rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_sent", batch);
        IngestReport again = rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_sent", batch);
        assertThat(first.stored()).isEqualTo(1);
        assertThat(again.stored()).isEqualTo(1);
        assertThat(rapport.interactions.count(owner.id())).isEqualTo(1);
        assertThat(rapport.ignored.countsByReason(mailbox.id())).isEqualTo(Map.of("list-id", 1L));
    }

    static MailMessage newsletter(String id, Instant at) {
        return new MailMessage(id, "<" + id + "@news.example>", null, List.of(), id, at,
                "news@client-co.example", List.of(OWNER), List.of(), "Our autumn newsletter",
                Map.of("list-id", "<news.client-co.example>"));
    }

    @Test
    void newslettersColleaguesAndStrangersAreNotContactAndAreCountedByReason() {
        IngestReport report = rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", List.of(
                newsletter("n1", NOW.minus(Duration.ofDays(2))),
                mail("c1", "C1", NOW.minus(Duration.ofDays(2)), "sam@owner-advisory.example", OWNER, "Lunch?"),
                mail("u1", "U1", NOW.minus(Duration.ofDays(2)), "someone@elsewhere.example", OWNER, "Hello"),
                mail("r1", "R1", NOW.minus(Duration.ofDays(2)), "no-reply@client-co.example", OWNER, "Statement")));
        assertThat(report.stored()).isZero();
        assertThat(report.ignoredByReason()).containsEntry("list-id", 1).containsEntry("no-reply-sender", 1)
                .containsEntry("own-or-colleague-only", 1).containsEntry("no-client-address", 1);
        assertThat(rapport.relationships.find(owner.id(), carol).orElseThrow().lastContact()).isNull();
        assertThat(rapport.metrics.scrape()).contains("rapport_messages_ignored_total{reason=\"list-id\"} 1.0");
    }

    @Test
    void messagesWithoutAnIdOrWithAHugeIdNeitherFailTheBatchNorDuplicate() {
        String hugeId = "<" + "x".repeat(2000) + "@mail.example>";
        MailMessage huge = new MailMessage(hugeId, hugeId, null, List.of(), hugeId, NOW.minus(Duration.ofDays(1)),
                "carol@client-co.example", List.of(OWNER), List.of(), "Question about my statement " + "y".repeat(3000),
                Map.of());
        MailMessage noId = new MailMessage(null, null, null, List.of(), null, NOW.minus(Duration.ofDays(1)),
                "carol@client-co.example", List.of(OWNER), List.of(), "Hello", Map.of());
        IngestReport first = rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", List.of(huge, noId));
        rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", List.of(huge, noId));
        assertThat(first.stored()).isEqualTo(1);
        assertThat(first.ignoredByReason()).containsEntry("no-id", 1);
        assertThat(rapport.interactions.forClient(owner.id(), carol)).hasSize(1)
                .allSatisfy(i -> assertThat(i.subject()).startsWith("Question about my statement").hasSize(1000));
    }

    @Test
    void aHeldVideoMeetingCountsAndCancelledOrFutureOnesDoNot() {
        MeetingEvent held = meeting("e1", NOW.minus(Duration.ofDays(1)), false, true);
        MeetingEvent cancelled = meeting("e2", NOW.minus(Duration.ofDays(2)), true, true);
        MeetingEvent future = meeting("e3", NOW.plus(Duration.ofDays(2)), false, true);
        IngestReport report = rapport.ingestService.ingestMeetings(owner.id(), mailbox.id(), "calendar",
                List.of(held, cancelled, future));
        assertThat(report.stored()).isEqualTo(1);
        assertThat(report.ignoredByReason()).containsEntry("cancelled", 1).containsEntry("not-held-yet", 1);
        Interaction i = rapport.interactions.forClient(owner.id(), carol).get(0);
        assertThat(i.mode()).isEqualTo(Mode.VIDEO);
        assertThat(i.direction()).isEqualTo(Direction.MUTUAL);
        assertThat(relationship().lastMeetingAt()).isEqualTo(held.start());
        assertThat(relationship().status().wire()).isEqualTo("active");
    }

    @Test
    void aMeetingCancelledAfterAnEarlierSyncNoLongerCounts() {
        Instant start = NOW.minus(Duration.ofDays(1));
        rapport.ingestService.ingestMeetings(owner.id(), mailbox.id(), "calendar", List.of(meeting("e1", start, false, false)));
        assertThat(relationship().lastMeetingAt()).isEqualTo(start);
        rapport.ingestService.ingestMeetings(owner.id(), mailbox.id(), "calendar", List.of(meeting("e1", start, true, false)));
        assertThat(rapport.interactions.forClient(owner.id(), carol)).isEmpty();
        assertThat(relationship().lastMeetingAt()).isNull();
        assertThat(relationship().lastContact()).isNull();
    }

    @Test
    void aFullRecomputeMovesStatusesOnAsTimePasses() {
        rapport.ingestService.logManual(owner.id(), mailbox.id(), new IngestService.ManualLog(carol, "call-1",
                Channel.CALL, Direction.OUTBOUND, NOW.minus(Duration.ofDays(5)), "Catch-up call"));
        assertThat(relationship().status().wire()).isEqualTo("active");
        Rapport later = new Rapport(config(), rapport.database, Clock.fixed(NOW.plus(Duration.ofDays(70)), ZoneOffset.UTC));
        later.relationshipService.recomputeAll(owner.id());
        assertThat(relationship().status().wire()).isEqualTo("inactive");
        assertThat(relationship().statusRule()).isEqualTo("overdue-by-a-cadence");
    }

    static MeetingEvent meeting(String id, Instant start, boolean cancelled, boolean online) {
        return new MeetingEvent(id, "Quarterly portfolio review", online ? "Microsoft Teams Meeting" : "Our office",
                start, start.plus(Duration.ofHours(1)), OWNER,
                List.of(new MeetingEvent.Attendee("carol@client-co.example", MeetingEvent.Response.ACCEPTED)),
                online, online ? "teamsForBusiness" : null, online ? "https://teams.microsoft.com/l/meetup-join/x" : null,
                null, cancelled);
    }

    @Test
    void withSubjectsSwitchedOffTheSubjectClassifiesButIsNotStored() {
        RapportConfig noSubjects = RapportConfig.forTests(Map.of("demo.load", false, "owner.email", OWNER,
                "privacy.storeSubjects", false));
        Rapport privateRapport = new Rapport(noSubjects, rapport.database, Clock.fixed(NOW, ZoneOffset.UTC));
        privateRapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_sent", List.of(
                mail("s1", "T1", NOW.minus(Duration.ofDays(1)), OWNER, "carol@client-co.example", "Proposal for 2027")));
        Interaction stored = rapport.interactions.forClient(owner.id(), carol).get(0);
        assertThat(stored.subject()).isNull();
        assertThat(stored.intent().wire()).isEqualTo("sales");
    }

    @Test
    void realListMailFromTheSharedCorpusIsIgnoredAndEveryMessageIsAccountedFor() throws Exception {
        Path dir = EmlFixtures.sharedData().resolve("mail/spamassassin/easy_ham_2");
        List<MailMessage> messages;
        try (Stream<Path> files = Files.list(dir)) {
            messages = files.sorted().limit(300).map(EmlFixtures::read).toList();
        }
        IngestReport report = rapport.ingestService.ingestMail(owner.id(), mailbox.id(), "mail_inbox", messages);
        int ignored = report.ignoredByReason().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(ignored + report.stored()).isEqualTo(messages.size());
        assertThat(report.ignoredByReason().getOrDefault("list-id", 0)
                + report.ignoredByReason().getOrDefault("list-unsubscribe", 0)).isGreaterThan(messages.size() / 2);
        Map<String, Long> stored = new HashMap<>(rapport.ignored.countsByReason(mailbox.id()));
        assertThat(stored.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(messages.size());
    }
}
