package app.rapport.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.IdentityMatcher;
import app.rapport.domain.client.MatchingPolicy;
import app.rapport.domain.interaction.MeetingEvent.Attendee;
import app.rapport.domain.interaction.MeetingEvent.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionClassifierTest {
    static final String ANNA = "Anna Berg <anna.berg@brightwealth.example>";
    static final String TOM = "tom@brightwealth.example";
    static final String JANE = "Jane Doe <jane@acme.example>";
    static final String JOE = "joe@acme.example";
    static final String BOB = "bob.smith@gmail.com";
    static final String STRANGER = "someone@elsewhere.example";
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");

    static final IdentityMatcher MATCHER = new IdentityMatcher(
            MatchingPolicy.forOwner(List.of("anna.berg@brightwealth.example")),
            List.of(client(10, Identity.domain("acme.example")), client(11, Identity.email("bob.smith@gmail.com"))));

    final InteractionClassifier classifier = new InteractionClassifier(MATCHER);

    static Client client(long id, Identity... identities) {
        return new Client(id, 1, "Client " + id, ClientKind.COMPANY, "A", null, ZoneId.of("UTC"), null, null, List.of(identities));
    }

    static MailMessage mail(String from, String to, String cc, String subject) {
        return new MailMessage("msg-1", "<m1@x>", null, List.of(), "thread-1", T0, from, split(to), split(cc), subject, Map.of());
    }

    static List<String> split(String addresses) {
        return addresses == null ? List.of() : Arrays.asList(addresses.split(";"));
    }

    /** Alias names in the table, so rows stay readable. */
    static String who(String alias) {
        if (alias == null) return null;
        return switch (alias) {
            case "anna" -> ANNA;
            case "tom" -> TOM;
            case "jane" -> JANE;
            case "joe" -> JOE;
            case "bob" -> BOB;
            case "stranger" -> STRANGER;
            default -> alias;
        };
    }

    static String whoAll(String aliases) {
        if (aliases == null) return null;
        List<String> out = new ArrayList<>();
        for (String a : aliases.split(" ")) out.add(who(a));
        return String.join(";", out);
    }

    @ParameterizedTest(name = "from {0} to {1} cc {2}: {3} {4} / {5}")
    @CsvSource(nullValues = "NULL", value = {
            // the user writes: outbound to every distinct client among To and Cc
            "anna,     jane,         NULL,     OUTBOUND, 10,    NULL",
            "anna,     jane joe,     bob,      OUTBOUND, 10 11, NULL",
            "anna,     stranger,     jane,     OUTBOUND, 10,    NULL",
            "anna,     tom,          NULL,     NULL,     NULL,  own-or-colleague-only",
            "anna,     anna,         NULL,     NULL,     NULL,  own-or-colleague-only",
            "anna,     stranger,     tom,      NULL,     NULL,  no-client-address",
            "anna,     NULL,         NULL,     NULL,     NULL,  no-client-address",
            // a client writes: inbound for that client only
            "jane,     anna,         NULL,     INBOUND,  10,    NULL",
            "joe,      anna,         bob,      INBOUND,  10,    NULL",
            "bob,      stranger,     anna,     INBOUND,  11,    NULL",
            // a colleague or a stranger writes
            "tom,      jane,         anna,     NULL,     NULL,  colleague-sender",
            "tom,      anna,         NULL,     NULL,     NULL,  own-or-colleague-only",
            "stranger, anna,         jane,     NULL,     NULL,  unknown-sender",
            "stranger, anna,         NULL,     NULL,     NULL,  no-client-address",
            "undisclosed-recipients:;, anna, NULL, NULL,     NULL,  no-sender",
            "noreply@acme.example, anna, NULL,  NULL,     NULL,  no-reply-sender",
    })
    void directionComesFromTheSender(String from, String to, String cc, Direction direction, String clientIds, String reason) {
        MailOutcome outcome = classifier.classifyMail(1, 2, "mail_inbox", mail(who(from), whoAll(to), whoAll(cc), "Hello"),
                ThreadContext.NONE);
        assertThat(outcome.ignoredReason()).isEqualTo(reason);
        if (reason == null) {
            List<Long> ids = Arrays.stream(clientIds.split(" ")).map(Long::valueOf).toList();
            assertThat(outcome.interactions()).extracting(Interaction::clientId).containsExactlyElementsOf(ids);
            assertThat(outcome.interactions()).allSatisfy(i -> {
                assertThat(i.direction()).isEqualTo(direction);
                assertThat(i.channel()).isEqualTo(Channel.EMAIL);
                assertThat(i.externalId()).isEqualTo("msg-1");
                assertThat(i.mode()).isEqualTo(Mode.UNKNOWN);
                assertThat(i.modeRule()).isEqualTo("not-a-meeting");
                assertThat(i.occurredAt()).isEqualTo(T0);
                assertThat(i.userId()).isEqualTo(1);
                assertThat(i.accountId()).isEqualTo(2);
            });
        } else {
            assertThat(outcome.interactions()).isEmpty();
        }
    }

    @Test
    void bulkHeadersAndMissingFieldsAreIgnoredWithTheirReason() {
        MailMessage list = new MailMessage("m", null, null, List.of(), null, T0, JANE, List.of(ANNA), List.of(), "Hi",
                Map.of("list-id", "<x.acme.example>"));
        MailMessage noDate = new MailMessage("m", null, null, List.of(), null, null, JANE, List.of(ANNA), List.of(), "Hi", Map.of());
        MailMessage noFrom = new MailMessage("m", null, null, List.of(), null, T0, null, List.of(ANNA), List.of(), "Hi", Map.of());
        MailMessage noId = new MailMessage(null, null, null, List.of(), null, T0, JANE, List.of(ANNA), List.of(), "Hi", Map.of());
        MailMessage messageIdOnly = new MailMessage(null, "<abc@x>", null, List.of(), null, T0, JANE, List.of(ANNA), List.of(), "Hi", Map.of());
        assertThat(classifier.classifyMail(1, 2, "s", list, null).ignoredReason()).isEqualTo("list-id");
        assertThat(classifier.classifyMail(1, 2, "s", noDate, null).ignoredReason()).isEqualTo("no-date");
        assertThat(classifier.classifyMail(1, 2, "s", noFrom, null).ignoredReason()).isEqualTo("no-sender");
        assertThat(classifier.classifyMail(1, 2, "s", noId, null).ignoredReason()).isEqualTo("no-id");
        assertThat(classifier.classifyMail(1, 2, "s", messageIdOnly, null).interactions()).extracting(Interaction::externalId)
                .containsExactly("<abc@x>");
    }

    /** A thread context holding a fixed set of earlier messages: (clientId, direction, at). */
    record FakeThread(long clientId, Direction direction, Instant at, String firstSubject) implements ThreadContext {
        @Override
        public boolean hasEarlier(long id, String threadId, Direction d, Instant before) {
            return threadId.equals("thread-1") && id == clientId && d == direction && at.isBefore(before);
        }

        @Override
        public Optional<String> firstSubject(String threadId) {
            return threadId.equals("thread-1") ? Optional.ofNullable(firstSubject) : Optional.empty();
        }
    }

    @ParameterizedTest(name = "from {0}, earlier {2} from client {1} at {3}: twoWay={4}")
    @CsvSource({
            // the client answers the user's earlier mail in the same thread
            "jane, 10, OUTBOUND, 2025-03-01T09:00:00Z, true,  reply-in-thread",
            // the user answers the client
            "anna, 10, INBOUND,  2025-03-01T09:00:00Z, true,  reply-in-thread",
            // same direction earlier is not an answer
            "jane, 10, INBOUND,  2025-03-01T09:00:00Z, false, one-way",
            // another client's message does not make it two-way
            "jane, 11, OUTBOUND, 2025-03-01T09:00:00Z, false, one-way",
            // the earlier message must be strictly earlier
            "jane, 10, OUTBOUND, 2025-03-03T09:00:00Z, false, one-way",
    })
    void aReplyInTheSameThreadIsTwoWay(String from, long earlierClient, Direction earlierDirection, Instant earlierAt,
                                       boolean twoWay, String rule) {
        MailMessage m = mail(who(from), from.equals("anna") ? JANE : ANNA, null, "Re: Hello");
        Interaction i = classifier.classifyMail(1, 2, "mail_inbox", m, new FakeThread(earlierClient, earlierDirection, earlierAt, null))
                .interactions().get(0);
        assertThat(i.twoWay()).isEqualTo(twoWay);
        assertThat(i.twoWayRule()).isEqualTo(rule);
        assertThat(i.threadId()).isEqualTo("thread-1");
    }

    @Test
    void theThreadsFirstSubjectDecidesWhenTheReplySaysNothing() {
        ThreadContext thread = new FakeThread(10, Direction.OUTBOUND, T0.minusSeconds(60), "Proposal for 2025");
        Interaction reply = classifier.classifyMail(1, 2, "mail_inbox", mail(JANE, ANNA, null, "RE:"), thread).interactions().get(0);
        assertThat(reply.intent()).isEqualTo(Intent.SALES);
        assertThat(reply.intentRule()).isEqualTo("thread-proposal");
        Interaction own = classifier.classifyMail(1, 2, "mail_inbox", mail(JANE, ANNA, null, "Re: Lunch?"), thread).interactions().get(0);
        assertThat(own.intentRule()).isEqualTo("subject-lunch");
    }

    static MeetingEvent meeting(Instant start, boolean cancelled, String organizer, Attendee... attendees) {
        return new MeetingEvent("ev-1", "Lunch", "Café Central", start, start.plusSeconds(3600), organizer,
                List.of(attendees), false, null, null, null, cancelled);
    }

    @Test
    void aHeldMeetingIsTwoWayForEveryClientWhoDidNotDecline() {
        MeetingEvent e = meeting(T0, false, "anna.berg@brightwealth.example",
                new Attendee("jane@acme.example", Response.ACCEPTED),
                new Attendee("joe@acme.example", Response.DECLINED),
                new Attendee("bob.smith@gmail.com", Response.NONE),
                new Attendee("tom@brightwealth.example", Response.DECLINED),
                new Attendee("someone@elsewhere.example", Response.ACCEPTED));
        List<Interaction> out = classifier.classifyMeeting(1, 2, "calendar", e, NOW);
        assertThat(out).extracting(Interaction::clientId).containsExactly(10L, 11L);
        assertThat(out).allSatisfy(i -> {
            assertThat(i.channel()).isEqualTo(Channel.MEETING);
            assertThat(i.direction()).isEqualTo(Direction.MUTUAL);
            assertThat(i.twoWay()).isTrue();
            assertThat(i.twoWayRule()).isEqualTo("meeting-held");
            assertThat(i.mode()).isEqualTo(Mode.IN_PERSON);
            assertThat(i.modeRule()).isEqualTo("venue-word");
            assertThat(i.intent()).isEqualTo(Intent.SOCIAL);
            assertThat(i.intentRule()).isEqualTo("title-lunch");
            assertThat(i.externalId()).isEqualTo("ev-1");
            assertThat(i.occurredAt()).isEqualTo(T0);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "cancelled meeting,                  true,  2025-03-03T09:00:00Z, jane@acme.example, ACCEPTED, NULL",
            "meeting in the future,              false, 2025-03-11T09:00:00Z, jane@acme.example, ACCEPTED, NULL",
            "every client declined,              false, 2025-03-03T09:00:00Z, jane@acme.example, DECLINED, NULL",
            "the user declined,                  false, 2025-03-03T09:00:00Z, jane@acme.example, ACCEPTED, DECLINED",
            "no client at all,                   false, 2025-03-03T09:00:00Z, someone@elsewhere.example, ACCEPTED, NULL",
    })
    void meetingsThatAreNotContactGiveNothing(String why, boolean cancelled, Instant start, String attendee,
                                              Response response, Response ownerResponse) {
        List<Attendee> attendees = new ArrayList<>(List.of(new Attendee(attendee, response)));
        if (ownerResponse != null) attendees.add(new Attendee("anna.berg@brightwealth.example", ownerResponse));
        MeetingEvent e = meeting(start, cancelled, "tom@brightwealth.example", attendees.toArray(Attendee[]::new));
        assertThat(classifier.classifyMeeting(1, 2, "calendar", e, NOW)).isEmpty();
    }

    @Test
    void aClientOrganiserTakesPartAndAMeetingUnderWayCounts() {
        MeetingEvent e = meeting(NOW.minusSeconds(600), false, "jane@acme.example");
        assertThat(classifier.classifyMeeting(1, 2, "calendar", e, NOW)).extracting(Interaction::clientId).containsExactly(10L);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "CALL,    OUTBOUND, Quick call about the claim, true,  logged-conversation, PHONE,     logged-call,   SERVICE",
            "MEETING, OUTBOUND, Visit at their office,     true,  logged-conversation, IN_PERSON, logged-visit,  UNKNOWN",
            "LETTER,  OUTBOUND, Birthday card,             false, one-way,             UNKNOWN,   not-a-meeting, SOCIAL",
            "CALL,    INBOUND,  They called about renewal, true,  logged-conversation, PHONE,     logged-call,   SALES",
    })
    void handLoggedContacts(Channel channel, Direction direction, String subject, boolean twoWay, String twoWayRule,
                            Mode mode, String modeRule, Intent intent) {
        Interaction i = classifier.manualLog(1, 2, 10, "log-1", channel, direction, T0, subject);
        assertThat(i.twoWay()).isEqualTo(twoWay);
        assertThat(i.twoWayRule()).isEqualTo(twoWayRule);
        assertThat(i.mode()).isEqualTo(mode);
        assertThat(i.modeRule()).isEqualTo(modeRule);
        assertThat(i.intent()).isEqualTo(intent);
        assertThat(i.source()).isEqualTo("manual");
        assertThat(i.direction()).isEqualTo(direction);
        assertThat(i.clientId()).isEqualTo(10);
    }
}
