package app.rapport.domain.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.Tier;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationshipScorerTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Tier A = new Tier("A", 30, 60);
    static final Tier B = new Tier("B", 90, 180);
    static final Tier C = new Tier("C", 180, 360);
    static final AtomicInteger IDS = new AtomicInteger();

    static Client client(String tier, Integer cadenceOverride, Instant snoozedUntil) {
        return new Client(7, 1, "Jane Doe", ClientKind.PERSON, tier, cadenceOverride, UTC, snoozedUntil, null, List.of());
    }

    static Relationship derive(Tier tier, ZoneId zone, Instant now, List<Interaction> interactions) {
        return new RelationshipScorer(Clock.fixed(now, UTC)).derive(client(tier.name(), null, null), tier, zone, interactions);
    }

    static Relationship derive(List<Interaction> interactions) {
        return derive(A, UTC, NOW, interactions);
    }

    static Instant daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    static Interaction email(Instant at, Direction d, boolean twoWay, Intent intent, String rule, String thread) {
        return new Interaction(0, 1, 7, 2, "mail", "m" + IDS.incrementAndGet(), at, Channel.EMAIL, d, twoWay,
                twoWay ? "reply-in-thread" : "one-way", intent, rule, Mode.UNKNOWN, "not-a-meeting", thread, "s");
    }

    static Interaction out(Instant at, Intent intent, String rule, String thread) {
        return email(at, Direction.OUTBOUND, false, intent, rule, thread);
    }

    static Interaction in(Instant at, Intent intent, String rule, String thread) {
        return email(at, Direction.INBOUND, false, intent, rule, thread);
    }

    static Interaction meeting(Instant at, Intent intent, String rule, Mode mode) {
        return new Interaction(0, 1, 7, 2, "calendar", "e" + IDS.incrementAndGet(), at, Channel.MEETING, Direction.MUTUAL,
                true, "meeting-held", intent, rule, mode, "venue-word", null, "t");
    }

    static Interaction logged(Instant at, Channel channel, Direction d, Intent intent, String rule) {
        boolean twoWay = channel != Channel.LETTER && channel != Channel.NOTE;
        return new Interaction(0, 1, 7, 2, "manual", "l" + IDS.incrementAndGet(), at, channel, d, twoWay,
                twoWay ? "logged-conversation" : "one-way", intent, rule,
                channel == Channel.CALL ? Mode.PHONE : Mode.UNKNOWN, channel == Channel.CALL ? "logged-call" : "not-a-meeting", null, "s");
    }

    @ParameterizedTest(name = "last contact {0} days ago, cadence 30: {1} by {2}")
    @CsvSource({
            "0,   ACTIVE,   due-later",
            "15,  ACTIVE,   due-later",
            "16,  COOLING,  due-soon",
            "29,  COOLING,  due-soon",
            "30,  COOLING,  overdue",
            "31,  COOLING,  overdue",
            "59,  COOLING,  overdue",
            "60,  INACTIVE, overdue-by-a-cadence",
            "61,  INACTIVE, overdue-by-a-cadence",
            "400, INACTIVE, overdue-by-a-cadence",
    })
    void statusBoundariesAreCalendarDays(int daysAgo, Status status, String rule) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(2));
        Relationship r = derive(List.of(in(at, Intent.SERVICE, "subject-claim", "t1")));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.statusRule()).isEqualTo(rule);
        assertThat(r.dueAt()).isEqualTo(at.atZone(UTC).toLocalDate().plusDays(30).atStartOfDay(UTC).toInstant());
        assertThat(r.cadenceDays()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}: last {1}, cadence {2}, now {3} -> due {4}, {5}")
    @CsvSource({
            // last contact just after local midnight on the night clocks go forward in Berlin
            "Europe/Berlin,    2025-03-29T23:30:00Z, 30, 2025-04-10T10:00:00Z, 2025-04-28T22:00:00Z, ACTIVE,   due-later",
            // 14 and 15 calendar days before a due date, across the March change
            "Europe/Berlin,    2025-03-20T10:00:00Z, 30, 2025-04-04T22:30:00Z, 2025-04-18T22:00:00Z, COOLING,  due-soon",
            "Europe/Berlin,    2025-03-20T10:00:00Z, 30, 2025-04-04T21:59:00Z, 2025-04-18T22:00:00Z, ACTIVE,   due-later",
            // due the day after clocks go back in October
            "Europe/Berlin,    2025-10-20T10:00:00Z,  7, 2025-10-26T22:59:00Z, 2025-10-26T23:00:00Z, COOLING,  due-soon",
            "Europe/Berlin,    2025-10-20T10:00:00Z,  7, 2025-10-26T23:00:00Z, 2025-10-26T23:00:00Z, COOLING,  overdue",
            // a late evening in New York is already tomorrow in UTC: the user's date counts
            "America/New_York, 2025-03-09T03:00:00Z, 30, 2025-03-20T12:00:00Z, 2025-04-07T04:00:00Z, ACTIVE,   due-later",
            "America/New_York, 2025-10-31T03:30:00Z, 30, 2025-11-10T12:00:00Z, 2025-11-29T05:00:00Z, ACTIVE,   due-later",
            // overdue by exactly one cadence, after the November change, at local midnight
            "America/New_York, 2025-10-01T16:00:00Z, 30, 2025-11-30T04:59:00Z, 2025-10-31T04:00:00Z, COOLING,  overdue",
            "America/New_York, 2025-10-01T16:00:00Z, 30, 2025-11-30T05:00:00Z, 2025-10-31T04:00:00Z, INACTIVE, overdue-by-a-cadence",
    })
    void dueDatesAreMidnightsInTheUsersZoneAcrossDaylightSavingChanges(ZoneId zone, Instant last, int cadence, Instant now,
                                                                        Instant dueAt, Status status, String rule) {
        Tier tier = new Tier("X", cadence, cadence * 2);
        Relationship r = derive(tier, zone, now, List.of(meeting(last, Intent.RELATIONSHIP, "title-review", Mode.IN_PERSON)));
        assertThat(r.dueAt()).isEqualTo(dueAt);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.statusRule()).isEqualTo(rule);
    }

    @Test
    void noContactOnRecordIsInactiveAndDueNow() {
        Relationship r = derive(List.of());
        assertThat(r.status()).isEqualTo(Status.INACTIVE);
        assertThat(r.statusRule()).isEqualTo("no-contact-on-record");
        assertThat(r.dueAt()).isEqualTo(NOW);
        assertThat(r.lastContact()).isNull();
        assertThat(r.awaitingReplyFrom()).isNull();
        assertThat(r.reciprocity()).isEqualTo(0.5);
        assertThat(r.salesShare()).isZero();
        assertThat(r.counts90d()).isEqualTo(IntentCounts.ZERO);
        assertThat(r.priority()).isEqualTo(65.0);
        assertThat(r.explanation()).isEqualTo("No contact on record yet.");
        assertThat(r.computedAt()).isEqualTo(NOW);
        assertThat(r.clientId()).isEqualTo(7);
        assertThat(r.tier()).isEqualTo("A");
    }

    @Test
    void unansweredOutboundEmailsDoNotCountButAreRemembered() {
        Relationship r = derive(List.of(out(daysAgo(20), Intent.SALES, "subject-proposal", "t1"),
                out(daysAgo(10), Intent.SALES, "subject-proposal", "t2")));
        assertThat(r.statusRule()).isEqualTo("no-contact-on-record");
        assertThat(r.lastOutboundAt()).isEqualTo(daysAgo(10));
        assertThat(r.counts90d().sales()).isEqualTo(2);
        assertThat(r.awaitingReplyFrom()).isEqualTo(Party.CLIENT);
        assertThat(r.explanation()).isEqualTo("You wrote twice and never heard back: suggest a coffee, not a pitch.");
    }

    @Test
    void anAnsweredEmailCountsEvenWhenItsReplyWasStoredFirst() {
        // The reply arrived through another stream before the original was stored, so neither is flagged two-way.
        Interaction original = out(daysAgo(12), Intent.RELATIONSHIP, "subject-check-in", "t1");
        Interaction reply = in(daysAgo(11), Intent.RELATIONSHIP, "thread-check-in", "t1");
        Interaction userAnswer = out(daysAgo(10), Intent.RELATIONSHIP, "thread-check-in", "t1");
        Relationship r = derive(List.of(userAnswer, reply, original));
        assertThat(r.lastContact().at()).isEqualTo(daysAgo(10));
        assertThat(r.lastContact().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(r.lastTwoWayAt()).isEqualTo(daysAgo(10));
        assertThat(r.lastInboundAt()).isEqualTo(daysAgo(11));
        assertThat(r.awaitingReplyFrom()).isEqualTo(Party.CLIENT);
    }

    @Test
    void notesAndFutureInteractionsAreNotContact() {
        Relationship r = derive(List.of(logged(daysAgo(1), Channel.NOTE, Direction.OUTBOUND, Intent.UNKNOWN, "no-rule-matched"),
                meeting(NOW.plus(Duration.ofDays(3)), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON),
                logged(daysAgo(40), Channel.CALL, Direction.OUTBOUND, Intent.SERVICE, "subject-claim")));
        assertThat(r.lastContact().at()).isEqualTo(daysAgo(40));
        assertThat(r.lastContact().channel()).isEqualTo(Channel.CALL);
        assertThat(r.lastContact().rule()).isEqualTo("subject-claim");
        assertThat(r.lastMeetingAt()).isNull();
    }

    @Test
    void lastFactsPerKind() {
        Relationship r = derive(List.of(
                meeting(daysAgo(50), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON),
                in(daysAgo(30), Intent.SERVICE, "subject-claim", "t1"),
                email(daysAgo(29), Direction.OUTBOUND, true, Intent.SERVICE, "thread-claim", "t1"),
                out(daysAgo(5), Intent.SALES, "subject-proposal", "t2"),
                logged(daysAgo(20), Channel.LETTER, Direction.OUTBOUND, Intent.SALES, "subject-renewal")));
        assertThat(r.lastContact().at()).isEqualTo(daysAgo(20));
        assertThat(r.lastContact().channel()).isEqualTo(Channel.LETTER);
        assertThat(r.lastInboundAt()).isEqualTo(daysAgo(30));
        assertThat(r.lastOutboundAt()).isEqualTo(daysAgo(5));
        assertThat(r.lastTwoWayAt()).isEqualTo(daysAgo(29));
        assertThat(r.lastMeetingAt()).isEqualTo(daysAgo(50));
        assertThat(r.lastNonSalesAt()).isEqualTo(daysAgo(29));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {
            "client wrote last,                       IN,  10, NULL, NULL, USER",
            "user wrote last,                         OUT, 10, NULL, NULL, CLIENT",
            "client wrote 61 days ago,                IN,  61, NULL, NULL, NULL",
            "client wrote 59 days ago,                IN,  59, NULL, NULL, USER",
            "user called after the client wrote,      IN,  10, CALL,    5, NULL",
            "they met after the user wrote,           OUT, 10, MEETING, 5, NULL",
            "a call before the latest email,          IN,  10, CALL,   15, USER",
            "no email at all,                         NONE, 0, CALL,    5, NULL",
    })
    void whoOwesAReply(String why, String latest, int latestDaysAgo, Channel other, Integer otherDaysAgo, Party expected) {
        List<Interaction> list = new ArrayList<>();
        list.add(meeting(daysAgo(100), Intent.RELATIONSHIP, "title-review", Mode.IN_PERSON));
        list.add(in(daysAgo(latestDaysAgo + 3), Intent.UNKNOWN, "no-rule-matched", "t0"));
        if (latest.equals("IN")) list.add(in(daysAgo(latestDaysAgo), Intent.SERVICE, "subject-question", "t1"));
        if (latest.equals("OUT")) list.add(out(daysAgo(latestDaysAgo), Intent.SERVICE, "subject-question", "t1"));
        if (latest.equals("NONE")) list.clear();
        if (other == Channel.CALL) list.add(logged(daysAgo(otherDaysAgo), Channel.CALL, Direction.OUTBOUND, Intent.UNKNOWN, "no-rule-matched"));
        if (other == Channel.MEETING) list.add(meeting(daysAgo(otherDaysAgo), Intent.SOCIAL, "title-coffee", Mode.IN_PERSON));
        assertThat(derive(list).awaitingReplyFrom()).isEqualTo(expected);
    }

    @Test
    void countsFollowTheirWindowsAndIncludeUnansweredEmails() {
        Relationship r = derive(List.of(
                out(daysAgo(1), Intent.SALES, "subject-proposal", "t1"),
                in(daysAgo(89.9), Intent.SERVICE, "subject-claim", "t2"),
                in(daysAgo(90), Intent.SERVICE, "subject-claim", "t3"),
                in(daysAgo(90.1), Intent.ADMIN, "subject-invoice", "t4"),
                meeting(daysAgo(200), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON),
                meeting(daysAgo(364.9), Intent.RELATIONSHIP, "title-review", Mode.VIDEO),
                meeting(daysAgo(365.1), Intent.RELATIONSHIP, "title-review", Mode.VIDEO),
                in(daysAgo(10), Intent.UNKNOWN, "no-rule-matched", "t5")));
        assertThat(r.counts90d()).isEqualTo(new IntentCounts(1, 2, 0, 0, 0));
        assertThat(r.counts365d()).isEqualTo(new IntentCounts(1, 2, 1, 1, 1));
        assertThat(r.salesShare()).isEqualTo(1.0 / 3);
        // inbound 4 (emails) vs outbound 1 among emails, calls and letters in 365 days; meetings left out
        assertThat(r.reciprocity()).isEqualTo(4.0 / 5);
    }

    @ParameterizedTest(name = "tier {0} (cadence {1}), elapsed {2}, streak {3}, owes {4}, sales {5} -> {6}")
    @CsvSource({
            "A,    30, 0.0, 0, false, 0.0,  0.0",
            "A,    30, 0.5, 0, false, 0.0, 12.5",
            "A,    30, 1.0, 0, false, 0.0, 25.0",
            "B,    90, 1.0, 0, false, 0.0, 15.0",
            "C,   180, 1.0, 0, false, 0.0,  5.0",
            "Gold, 20, 1.0, 0, false, 0.0, 25.0",
            "Iron, 365, 1.0, 0, false, 0.0, 5.0",
            "A,    30, 1.5, 0, false, 0.0, 45.0",
            "A,    30, 2.0, 0, false, 0.0, 65.0",
            "A,    30, 9.0, 0, false, 0.0, 65.0",
            "A,    30, 2.0, 2, false, 0.0, 75.0",
            "A,    30, 2.0, 9, false, 0.0, 80.0",
            "A,    30, 2.0, 3, true,  0.0, 90.0",
            "A,    30, 2.0, 3, true,  0.75, 95.0",
            "A,    30, 2.0, 3, true,  1.0, 100.0",
            "C,   180, 0.2, 1, true,  0.5, 16.0",
    })
    void priorityWeighsTierLatenessStreaksOwedRepliesAndSales(String tier, int cadence, double elapsed, int streak,
                                                              boolean owes, double salesShare, double expected) {
        assertThat(RelationshipScorer.priority(tier, cadence, elapsed, streak, owes, salesShare)).isEqualTo(expected);
    }

    @Test
    void aHigherTierOverdueOutranksALowerOne() {
        List<Interaction> sameHistory = List.of(meeting(daysAgo(100), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON));
        Relationship a = derive(A, UTC, NOW, sameHistory);
        Relationship c = derive(C, UTC, NOW, sameHistory);
        assertThat(a.priority()).isGreaterThan(c.priority());
    }

    @Test
    void cadenceOverrideBeatsTheTier() {
        Client c = client("B", 14, null);
        Relationship r = new RelationshipScorer(Clock.fixed(NOW, UTC)).derive(c, B, UTC,
                List.of(meeting(daysAgo(20), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON)));
        assertThat(r.cadenceDays()).isEqualTo(14);
        assertThat(r.status()).isEqualTo(Status.COOLING);
        assertThat(r.statusRule()).isEqualTo("overdue");
    }

    @Test
    void aSnoozedClientKeepsItsStatus() {
        List<Interaction> history = List.of(meeting(daysAgo(200), Intent.SOCIAL, "title-lunch", Mode.IN_PERSON));
        RelationshipScorer scorer = new RelationshipScorer(Clock.fixed(NOW, UTC));
        Relationship snoozed = scorer.derive(client("A", null, NOW.plus(Duration.ofDays(30))), A, UTC, history);
        Relationship awake = scorer.derive(client("A", null, null), A, UTC, history);
        assertThat(snoozed.status()).isEqualTo(Status.INACTIVE).isEqualTo(awake.status());
        assertThat(snoozed).isEqualTo(awake);
    }

    @Test
    void theOrderOfInteractionsDoesNotMatter() {
        List<Interaction> list = new ArrayList<>();
        Random random = new Random(42);
        for (int k = 0; k < 60; k++) {
            Instant at = daysAgo(random.nextInt(400) + random.nextDouble());
            Intent intent = Intent.values()[random.nextInt(Intent.values().length)];
            String thread = "t" + random.nextInt(10);
            switch (random.nextInt(4)) {
                case 0 -> list.add(out(at, intent, "subject-x", thread));
                case 1 -> list.add(in(at, intent, "subject-x", thread));
                case 2 -> list.add(meeting(at, intent, "title-x", Mode.VIDEO));
                default -> list.add(logged(at, Channel.CALL, Direction.INBOUND, intent, "subject-x"));
            }
        }
        list.add(out(daysAgo(3), Intent.SALES, "subject-a", "same"));
        list.add(in(daysAgo(3), Intent.SALES, "subject-b", "same"));
        Relationship first = derive(list);
        for (int k = 0; k < 5; k++) {
            Collections.shuffle(list, random);
            assertThat(derive(list)).isEqualTo(first);
        }
    }
}
