package app.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.demo.DemoBook.DemoClient;
import app.rapport.demo.DemoBook.DemoMail;
import app.rapport.demo.DemoBook.HardCase;
import app.rapport.demo.DemoBook.ManualEntry;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.relationship.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoBookTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final long SEED = 20261123L;
    static DemoBook book;
    static DemoBookReading reading;

    @BeforeAll
    static void generate() {
        book = DemoBook.generate(SEED, NOW);
        reading = new DemoBookReading(book, NOW);
    }

    // ---- determinism ----------------------------------------------------------------------------------

    @Test
    void theSameSeedAndInstantGiveTheSameBookToTheByte() {
        assertThat(digest(DemoBook.generate(SEED, NOW))).isEqualTo(digest(book));
    }

    /**
     * The reference book's digest, recorded so that refactoring the generator cannot change its output
     * unnoticed. Update it only on purpose, when the demo book is meant to change.
     */
    @Test
    void theReferenceBookKeepsItsRecordedDigest() {
        assertThat(digest(book)).isEqualTo("82320ae0ebd51ee2f0e0d54f9a31e1da5eb31c52a9078a1657159e5ab7301a63");
    }

    @Test
    void anotherSeedGivesAnotherBook() {
        assertThat(digest(DemoBook.generate(SEED + 1, NOW))).isNotEqualTo(digest(book));
    }

    @Test
    void generationTakesLessThanASecond() {
        DemoBook.generate(1L, NOW); // the first call in a JVM also pays for class loading
        long start = System.nanoTime();
        DemoBook.generate(2L, NOW.minus(Duration.ofDays(40)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    // ---- clients --------------------------------------------------------------------------------------

    @Test
    void aboutOneHundredFiftyClientsAcrossTheThreeTiers() {
        Map<String, Long> tiers = count(book.clients(), DemoClient::tier);
        assertThat(book.clients()).hasSizeBetween(140, 160);
        assertThat(tiers.get("A")).isBetween(15L, 25L);
        assertThat(tiers.get("B")).isBetween(40L, 60L);
        assertThat(tiers.get("C")).isBetween(70L, 90L);
        assertThat(book.clients()).extracting(DemoClient::key).doesNotHaveDuplicates();
        assertThat(book.clients()).extracting(DemoClient::name).doesNotHaveDuplicates();
    }

    @Test
    void peopleHouseholdsAndCompaniesAllTakePart() {
        Map<ClientKind, Long> kinds = count(book.clients(), DemoClient::kind);
        assertThat(kinds.get(ClientKind.PERSON)).isGreaterThanOrEqualTo(40);
        assertThat(kinds.get(ClientKind.HOUSEHOLD)).isGreaterThanOrEqualTo(20);
        assertThat(kinds.get(ClientKind.COMPANY)).isGreaterThanOrEqualTo(40);
        for (DemoClient c : book.clients()) {
            assertThat(c.emails()).as(c.key()).isNotEmpty();
            if (c.kind() == ClientKind.COMPANY) {
                assertThat(c.domain()).as(c.key()).isNotBlank();
                assertThat(c.emails()).as(c.key()).allSatisfy(e -> assertThat(e).endsWith("@" + c.domain()));
            } else {
                assertThat(c.domain()).as(c.key()).isNull();
            }
        }
        assertThat(book.clients()).filteredOn(c -> c.kind() == ClientKind.COMPANY && c.emails().size() >= 2).hasSizeGreaterThan(20);
        assertThat(book.clients()).filteredOn(c -> c.kind() == ClientKind.HOUSEHOLD && c.emails().size() == 2).hasSizeGreaterThan(15);
    }

    @Test
    void freeMailAddressesCarryPlusTagsAndDots() {
        List<String> emails = new ArrayList<>();
        for (DemoClient c : book.clients()) emails.addAll(c.emails());
        assertThat(emails).anySatisfy(e -> assertThat(e).matches("[A-Z][a-z0-9]*\\.[A-Z][A-Za-z0-9]*\\+[a-z]+@gmail\\.com"));
        assertThat(emails).filteredOn(e -> e.endsWith("@gmail.com") && e.contains(".") && e.indexOf('.') < e.indexOf('@')).hasSizeGreaterThan(10);
        assertThat(emails).anySatisfy(e -> assertThat(e).endsWith("@outlook.com"));
        // Mail from a plus-tagged client arrives from the plain account.
        assertThat(book.mails()).anySatisfy(m -> {
            String key = reading.clientOf(m.message().from());
            assertThat(key).isNotNull();
            String from = DemoBookReading.address(m.message().from());
            assertThat(book.client(key).emails()).doesNotContain(from);
        });
    }

    @Test
    void clientsLiveInManyTimeZonesAndAFewHaveTheirOwnCadence() {
        assertThat(book.clients()).extracting(c -> c.timeZone().getId()).contains(
                "Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles",
                "Asia/Singapore", "Australia/Sydney");
        assertThat(book.clients()).filteredOn(c -> c.cadenceOverrideDays() != null).hasSizeBetween(3, 10);
    }

    @Test
    void theOwnerIsDanaWithColleaguesOnHerDomain() {
        assertThat(book.owner().name()).isEqualTo("Dana Whitfield");
        assertThat(book.owner().email()).endsWith("@" + book.owner().domain());
        assertThat(book.owner().colleagueEmails()).isNotEmpty().allSatisfy(e -> assertThat(e).endsWith("@" + book.owner().domain()));
    }

    // ---- statuses and hard cases -----------------------------------------------------------------

    @Test
    void statusesComeOutRoughlyFortyThirtyThirty() {
        Map<Status, Integer> counts = reading.statusCounts();
        int n = book.clients().size();
        assertThat(counts.get(Status.ACTIVE)).isBetween((int) (n * 0.32), (int) (n * 0.48));
        assertThat(counts.get(Status.COOLING)).isBetween((int) (n * 0.22), (int) (n * 0.38));
        assertThat(counts.get(Status.INACTIVE)).isBetween((int) (n * 0.22), (int) (n * 0.38));
        for (DemoClient c : book.clients()) assertThat(reading.lastCounting(c.key())).as(c.key()).isNotNull();
    }

    @Test
    void everyHardCaseIsAClearlyNamedClient() {
        for (HardCase h : HardCase.values()) {
            DemoClient c = book.client(h.key());
            assertThat(c).as(h.name()).isNotNull();
            assertThat(c.notes()).startsWith("Demo case:");
        }
    }

    @Test
    void theOnlyInboundClientWasNeverWrittenToCalledOrMet() {
        String key = HardCase.ONLY_INBOUND.key();
        assertThat(book.mails())
                .filteredOn(m -> m.source().equals("mail_sent") && reading.recipients(m.message()).contains(key)).isEmpty();
        assertThat(book.mails()).filteredOn(m -> key.equals(reading.clientOf(m.message().from()))).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> assertThat(m.source()).isEqualTo("mail_inbox"));
        assertThat(book.meetings()).filteredOn(e -> reading.meetingClients(e).contains(key)).isEmpty();
        assertThat(book.manualLogs()).filteredOn(l -> l.clientKey().equals(key)).isEmpty();
    }

    @Test
    void theOnlySalesClientHeardNothingButPitchesQuotesAndRenewals() {
        String key = HardCase.ONLY_SALES.key();
        Pattern sales = Pattern.compile("(?i).*(proposal|quote|renewal|pricing|upgrade).*");
        List<String> subjects = new ArrayList<>();
        for (DemoMail m : book.mails()) {
            MailMessage msg = m.message();
            if (key.equals(reading.clientOf(msg.from())) || reading.recipients(msg).contains(key)) subjects.add(msg.subject());
        }
        for (MeetingEvent e : book.meetings()) if (reading.meetingClients(e).contains(key)) subjects.add(e.title());
        assertThat(subjects).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s).matches(sales));
        assertThat(book.manualLogs()).filteredOn(l -> l.clientKey().equals(key)).isEmpty();
        assertThat(book.mails()).anySatisfy(m -> assertThat(reading.clientOf(m.message().from())).isEqualTo(key));
    }

    @Test
    void theLongSilenceClientHasHadNoContactOfAnyKindForOverAYear() {
        String key = HardCase.LONG_SILENCE.key();
        Instant yearAgo = NOW.minus(Duration.ofDays(365));
        for (DemoMail m : book.mails()) {
            MailMessage msg = m.message();
            if (key.equals(reading.clientOf(msg.from())) || reading.recipients(msg).contains(key)) {
                assertThat(msg.sentAt()).isBefore(yearAgo);
            }
        }
        for (MeetingEvent e : book.meetings()) if (reading.meetingClients(e).contains(key)) assertThat(e.start()).isBefore(yearAgo);
        for (ManualEntry l : book.manualLogs()) if (l.clientKey().equals(key)) assertThat(l.at()).isBefore(yearAgo);
        assertThat(reading.lastCounting(key)).isNotNull();
        assertThat(reading.status(key)).isEqualTo(Status.INACTIVE);
    }

    @Test
    void theReplyOwedClientWroteLastRecentlyAndGotNoAnswer() {
        String key = HardCase.REPLY_OWED.key();
        MailMessage latest = null;
        for (DemoMail m : book.mails()) {
            MailMessage msg = m.message();
            if (DemoBookReading.isBulk(msg)) continue;
            if (key.equals(reading.clientOf(msg.from())) || reading.recipients(msg).contains(key)) latest = msg;
        }
        assertThat(latest).isNotNull();
        assertThat(reading.clientOf(latest.from())).isEqualTo(key);
        assertThat(latest.sentAt()).isAfter(NOW.minus(Duration.ofDays(5)));
        String thread = latest.threadId();
        assertThat(book.mails())
                .filteredOn(m -> m.message().threadId().equals(thread) && m.source().equals("mail_sent")).isEmpty();
        assertThat(reading.status(key)).isEqualTo(Status.ACTIVE);
    }

    @Test
    void theUnansweredProposalsClientGotThreeProposalsInARowWithNoReply() {
        String key = HardCase.UNANSWERED_PROPOSALS.key();
        Instant last = reading.lastCounting(key);
        List<MailMessage> after = new ArrayList<>();
        for (DemoMail m : book.mails()) {
            MailMessage msg = m.message();
            boolean involves = key.equals(reading.clientOf(msg.from())) || reading.recipients(msg).contains(key);
            if (involves && msg.sentAt().isAfter(last) && !DemoBookReading.isBulk(msg)) after.add(msg);
        }
        assertThat(after).hasSize(3).allSatisfy(msg -> {
            assertThat(reading.isOwner(msg.from())).isTrue();
            assertThat(msg.subject()).containsIgnoringCase("proposal");
            assertThat(msg.inReplyTo()).isNull();
        });
        assertThat(book.meetings()).anySatisfy(e -> {
            assertThat(reading.meetingClients(e)).contains(key);
            assertThat(e.start()).isEqualTo(last);
            assertThat(e.title()).startsWith("Lunch");
        });
        assertThat(reading.status(key)).isEqualTo(Status.COOLING);
    }

    @Test
    void theMeetingNextWeekClientHasAReviewBookedWithinTheComingWeekWhileCooling() {
        String key = HardCase.MEETING_NEXT_WEEK.key();
        assertThat(book.meetings()).anySatisfy(e -> {
            assertThat(reading.meetingClients(e)).contains(key);
            assertThat(e.cancelled()).isFalse();
            assertThat(e.start()).isBetween(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(9)));
        });
        assertThat(reading.status(key)).isEqualTo(Status.COOLING);
    }

    @ParameterizedTest(name = "seed {0} at {1}")
    @CsvSource({"7, 2027-03-28T01:30:00Z", "11, 2025-01-05T23:00:00Z", "3, 2028-02-29T12:00:00Z"})
    void hardCasesAndTheStatusMixHoldForOtherSeedsAndInstants(long seed, String at) {
        Instant now = Instant.parse(at);
        DemoBook other = DemoBook.generate(seed, now);
        DemoBookReading r = new DemoBookReading(other, now);
        assertThat(r.status(HardCase.LONG_SILENCE.key())).isEqualTo(Status.INACTIVE);
        assertThat(r.status(HardCase.REPLY_OWED.key())).isEqualTo(Status.ACTIVE);
        assertThat(r.status(HardCase.UNANSWERED_PROPOSALS.key())).isEqualTo(Status.COOLING);
        assertThat(r.status(HardCase.MEETING_NEXT_WEEK.key())).isEqualTo(Status.COOLING);
        Map<Status, Integer> counts = r.statusCounts();
        assertThat(counts.get(Status.ACTIVE)).isBetween(48, 72);
        assertThat(counts.get(Status.COOLING)).isBetween(33, 57);
        assertThat(counts.get(Status.INACTIVE)).isBetween(33, 57);
        assertThat(other.mails()).allSatisfy(m -> assertThat(m.message().sentAt()).isBeforeOrEqualTo(now));
        assertThat(canonical(other).toLowerCase(Locale.ROOT)).doesNotContain("past");
    }

    // ---- content --------------------------------------------------------------------------------------

    @Test
    void volumesAreThoseOfABusyAdviser() {
        assertThat(book.mails()).hasSizeBetween(6_000, 12_000);
        assertThat(book.meetings()).hasSizeGreaterThan(400);
        assertThat(book.manualLogs()).hasSizeGreaterThan(150);
        assertThat(count(book.manualLogs(), ManualEntry::channel)).containsKeys(Channel.CALL, Channel.LETTER, Channel.MEETING);
        assertThat(count(book.mails(), DemoMail::source)).containsOnlyKeys("mail_inbox", "mail_sent");
    }

    @Test
    void everyIntentFamilyIsWellRepresented() {
        List<String> texts = new ArrayList<>();
        for (DemoMail m : book.mails()) texts.add(m.message().subject());
        for (MeetingEvent e : book.meetings()) texts.add(e.title());
        for (ManualEntry l : book.manualLogs()) texts.add(l.subject());
        Map<String, Pattern> families = Map.of(
                "sales", Pattern.compile("(?i).*(proposal|quote|renewal).*"),
                "service", Pattern.compile("(?i).*(question about|claim|change of address|statement query|transfer).*"),
                "relationship", Pattern.compile("(?i).*(review|checking in|how are things|catching up).*"),
                "social", Pattern.compile("(?i).*(coffee|lunch|birthday|season's greetings|dinner|congratulations).*"),
                "admin", Pattern.compile("(?i).*(invoice|kyc|terms of business|direct debit mandate|proof of address).*"));
        families.forEach((family, pattern) ->
                assertThat(texts).as(family).filteredOn(t -> pattern.matcher(t).matches()).hasSizeGreaterThan(40));
    }

    @Test
    void everyMeetingModeAppears() {
        List<MeetingEvent> m = book.meetings();
        assertThat(m).as("teams").anySatisfy(e -> {
            assertThat(e.onlineMeeting()).isTrue();
            assertThat(e.onlineMeetingProvider()).isEqualTo("teamsForBusiness");
            assertThat(e.joinUrl()).startsWith("https://teams.microsoft.com/");
        });
        assertThat(m).as("meet").anySatisfy(e -> {
            assertThat(e.onlineMeetingProvider()).isEqualTo("hangoutsMeet");
            assertThat(e.joinUrl()).startsWith("https://meet.google.com/");
        });
        assertThat(m).as("link only").anySatisfy(e -> {
            assertThat(e.onlineMeeting()).isFalse();
            assertThat(e.description()).contains("zoom.us/j/");
        });
        assertThat(m).as("phone").anySatisfy(e -> assertThat(e.location()).startsWith("Phone call"));
        assertThat(m).as("dial-in").anySatisfy(e -> assertThat(e.location()).startsWith("Dial-in: +44"));
        assertThat(m).as("in person").anySatisfy(e -> {
            assertThat(e.title()).startsWith("Lunch");
            assertThat(e.location()).contains("Street");
            assertThat(e.onlineMeeting()).isFalse();
        });
        assertThat(m).as("unknown").anySatisfy(e -> {
            assertThat(reading.meetingClients(e)).isNotEmpty();
            assertThat(e.location()).isNull();
            assertThat(e.description()).isNull();
            assertThat(e.onlineMeeting()).isFalse();
        });
        assertThat(m).as("cancelled").anySatisfy(e -> assertThat(e.cancelled()).isTrue());
        assertThat(m).as("organised by a client").anySatisfy(e -> assertThat(reading.clientOf(e.organizer())).isNotNull());
    }

    @Test
    void mailThatIsNotContactIsThereForTheRealRulesToIgnore() {
        List<MailMessage> all = new ArrayList<>();
        for (DemoMail m : book.mails()) all.add(m.message());
        String lists = "lists." + book.owner().domain();
        assertThat(all).as("owner's list").anySatisfy(m -> {
            assertThat(m.headers()).containsKeys("list-id", "list-unsubscribe").containsEntry("precedence", "bulk");
            assertThat(String.join(",", m.to())).contains(lists);
        });
        assertThat(all).as("client domain newsletter").anySatisfy(m -> {
            assertThat(m.headers()).containsKey("list-id");
            assertThat(reading.clientOf(m.from().replace("news@", "someone@").replace("newsletter@", "someone@"))).isNotNull();
        });
        assertThat(all).as("no-reply from a client domain").anySatisfy(m -> {
            String from = DemoBookReading.address(m.from());
            assertThat(from).matches("no-?reply@.*");
            assertThat(reading.clientOf(from.replaceFirst("no-?reply@", "someone@"))).isNotNull();
        });
        assertThat(all).as("auto-reply").anySatisfy(m -> assertThat(m.headers()).containsEntry("auto-submitted", "auto-replied"));
        assertThat(all).as("internal").filteredOn(m -> reading.isColleague(m.from()) || m.to().stream().anyMatch(reading::isColleague))
                .filteredOn(m -> m.cc().isEmpty() && reading.recipients(m).isEmpty() && reading.clientOf(m.from()) == null)
                .hasSizeGreaterThan(500);
        assertThat(all).as("strangers").filteredOn(m -> !DemoBookReading.isBulk(m) && reading.clientOf(m.from()) == null
                && reading.recipients(m).isEmpty() && !reading.isColleague(m.from()) && m.to().stream().noneMatch(reading::isColleague))
                .hasSizeGreaterThan(100);
    }

    // ---- time and threads ----------------------------------------------------------------------------

    @Test
    void nothingHappensAfterNowExceptUpcomingMeetings() {
        Instant start = NOW.minus(Duration.ofDays(731));
        assertThat(book.mails()).allSatisfy(m -> assertThat(m.message().sentAt()).isBetween(start, NOW));
        assertThat(book.manualLogs()).allSatisfy(l -> assertThat(l.at()).isBetween(start, NOW));
        assertThat(book.meetings()).allSatisfy(e -> {
            assertThat(e.end()).isAfter(e.start());
            assertThat(e.start()).isAfter(start);
            if (e.start().isAfter(NOW)) assertThat(e.start()).isBefore(NOW.plus(Duration.ofDays(60)));
            else assertThat(e.end()).isBeforeOrEqualTo(NOW);
        });
        assertThat(book.meetings()).filteredOn(e -> e.start().isAfter(NOW)).hasSizeBetween(5, 40);
    }

    @Test
    void theWordPastAppearsNowhere() {
        assertThat(canonical(book).toLowerCase(Locale.ROOT)).doesNotContain("past");
    }

    @Test
    void threadsAreConsistent() {
        Map<String, MailMessage> byMessageId = new HashMap<>();
        for (DemoMail m : book.mails()) {
            assertThat(m.message().messageId()).matches("<[0-9a-f]{24}@[a-z0-9.-]+>");
            assertThat(byMessageId.put(m.message().messageId(), m.message())).isNull();
        }
        for (DemoMail m : book.mails()) {
            MailMessage msg = m.message();
            if (msg.inReplyTo() == null) {
                assertThat(msg.references()).isEmpty();
                continue;
            }
            MailMessage parent = byMessageId.get(msg.inReplyTo());
            assertThat(parent).as(msg.subject()).isNotNull();
            assertThat(parent.threadId()).isEqualTo(msg.threadId());
            assertThat(parent.sentAt()).isBefore(msg.sentAt());
            assertThat(msg.references()).endsWith(msg.inReplyTo());
            assertThat(msg.subject()).matches("(Re|RE|Automatic reply): .*");
            assertThat(msg.subject()).endsWith(parent.subject().replaceFirst("^(Re|RE|Automatic reply): ", ""));
        }
    }

    @Test
    void everyIdIsUnique() {
        Set<String> ids = new HashSet<>();
        for (DemoMail m : book.mails()) assertThat(ids.add(m.message().externalId())).isTrue();
        for (MeetingEvent e : book.meetings()) assertThat(ids.add(e.externalId())).isTrue();
        for (ManualEntry l : book.manualLogs()) assertThat(ids.add(l.externalId())).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    static <T, K> Map<K, Long> count(List<T> items, java.util.function.Function<T, K> key) {
        Map<K, Long> out = new HashMap<>();
        for (T t : items) out.merge(key.apply(t), 1L, Long::sum);
        return out;
    }

    static String digest(DemoBook b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(b).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field of the book as text; header maps in key order, since Map.copyOf has no stable order. */
    static String canonical(DemoBook b) {
        StringBuilder sb = new StringBuilder();
        sb.append(b.owner()).append('\n');
        for (DemoClient c : b.clients()) sb.append(c).append('\n');
        for (DemoMail m : b.mails()) {
            MailMessage x = m.message();
            sb.append(m.source()).append('|').append(x.externalId()).append('|').append(x.messageId()).append('|')
                    .append(x.inReplyTo()).append('|').append(x.references()).append('|').append(x.threadId()).append('|')
                    .append(x.sentAt()).append('|').append(x.from()).append('|').append(x.to()).append('|').append(x.cc())
                    .append('|').append(x.subject()).append('|').append(new TreeMap<>(x.headers())).append('\n');
        }
        for (MeetingEvent e : b.meetings()) sb.append(e).append('\n');
        for (ManualEntry l : b.manualLogs()) sb.append(l).append('\n');
        return sb.toString();
    }
}
