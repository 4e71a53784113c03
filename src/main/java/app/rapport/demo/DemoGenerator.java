package app.rapport.demo;

import static app.rapport.demo.DemoVocabulary.*;

import app.rapport.demo.DemoBook.HardCase;
import app.rapport.demo.DemoCast.Contact;
import app.rapport.demo.DemoCast.Story;
import app.rapport.demo.DemoEvents.MailThread;
import app.rapport.demo.DemoEvents.Person;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.MeetingEvent;
import app.rapport.domain.interaction.MeetingEvent.Attendee;
import app.rapport.domain.interaction.MeetingEvent.Response;
import app.rapport.domain.relationship.Status;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the demo book. Each client gets its own random stream (split from the seed), a target status and
 * a story; the generator first places the client's last contact that counts so that the status comes out
 * as targeted, then fills the history before it, then adds after it only what does not count (unanswered
 * emails, auto-replies, cancelled and upcoming meetings, bulk mail).
 *
 * <p>"Counts" follows the status rule: every contact counts except an outbound email with no reply.
 */
final class DemoGenerator {
    private static final int WINDOW_DAYS = 730;
    private static final ZoneId OWNER_ZONE = ZoneId.of("Europe/London");
    private static final String OWNER_DOMAIN = "whitfield-advisory.com";
    private static final Person OWNER = new Person("Dana Whitfield", "dana@" + OWNER_DOMAIN);
    private static final Person PARAPLANNER = new Person("Priya Nair", "priya.nair@" + OWNER_DOMAIN);
    private static final Person CLAIMS = new Person("Callum Reid", "callum.reid@" + OWNER_DOMAIN);
    private static final Person OFFICE = new Person("Jess Moreau", "jess.moreau@" + OWNER_DOMAIN);
    private static final List<Person> COLLEAGUES = List.of(PARAPLANNER, CLAIMS, OFFICE);

    private enum Family { SALES, SERVICE, RELATIONSHIP, SOCIAL, ADMIN }

    private enum MeetingKind { REVIEW, LUNCH, COFFEE, DINNER, VIRTUAL_COFFEE, SALES, PHONE_CALL, SIGNING, CATCH_UP }

    private enum Episode { EMAIL_OWNER, EMAIL_CLIENT, SOCIAL_MEETING, SALES_MEETING, CATCH_UP, PHONE_MEETING, CALL_LOG,
        LETTER, VISIT, CANCELLED }

    private final Instant now;
    private final Instant windowStart;
    private final SplittableRandom master;
    private DemoEvents events;
    /** The random stream in use: the current client's, or the background's. */
    private DemoRandom r;

    DemoGenerator(long seed, Instant now) {
        this.now = now;
        this.windowStart = now.minus(Duration.ofDays(WINDOW_DAYS));
        this.master = new SplittableRandom(seed);
    }

    DemoBook generate() {
        DemoRoster roster = new DemoRoster(new DemoRandom(master.split()));
        List<DemoCast> casts = roster.build();
        events = new DemoEvents(now, OWNER.address(), master.split());
        for (DemoCast c : casts) tell(c);
        r = new DemoRandom(master.split());
        background(casts, roster.addresses);
        events.sort();
        List<String> colleagueEmails = new ArrayList<>();
        for (Person p : COLLEAGUES) colleagueEmails.add(p.address());
        List<DemoBook.DemoClient> clients = new ArrayList<>();
        for (DemoCast c : casts) clients.add(c.toClient());
        return new DemoBook(new DemoBook.Owner(OWNER.name(), OWNER.address(), OWNER_DOMAIN, colleagueEmails, OWNER_ZONE),
                clients, events.mails, events.meetings, events.logs);
    }

    // =================================================================================================
    // One client's story
    // =================================================================================================

    private void tell(DemoCast c) {
        r = c.random;
        if (c.hardCase == HardCase.ONLY_INBOUND) {
            onlyInbound(c);
            return;
        }
        if (c.hardCase == HardCase.ONLY_SALES) {
            onlySales(c);
            return;
        }
        Instant target = daysAgo(c.ageDays);
        Instant since = since(c, target);
        Instant last;
        if (c.hardCase == HardCase.REPLY_OWED) {
            last = clientWrites(c, target, subject(c, Family.SERVICE, false, target, "Question about my statement"), false);
        } else if (c.hardCase == HardCase.UNANSWERED_PROPOSALS) {
            last = finalMeeting(c, target, MeetingKind.LUNCH, "Lunch with Sam");
        } else if (c.hardCase == HardCase.MEETING_NEXT_WEEK || c.hardCase == HardCase.LONG_SILENCE) {
            last = finalMeeting(c, target, MeetingKind.REVIEW, reviewTitle(c, target));
        } else {
            last = finalEpisode(c, target);
        }
        Instant limit = earlier(target, last).minus(Duration.ofDays(4));
        if (since.isAfter(limit)) since = limit.minus(Duration.ofDays(5));
        if (since.isAfter(windowStart.plus(Duration.ofDays(40)))) onboarding(c, since, limit);
        scheduledReviews(c, since, earlier(limit, last.minus(Duration.ofDays(c.cadenceDays() / 2))));
        greetings(c, since, limit, last);
        randomEpisodes(c, since, limit);

        if (c.hardCase == HardCase.UNANSWERED_PROPOSALS) {
            threeUnansweredProposals(c, last);
        } else if (c.hardCase == HardCase.MEETING_NEXT_WEEK) {
            reviewNextWeek(c, last);
        } else if (c.hardCase == null) {
            afterwards(c, last);
            if (c.target != Status.INACTIVE && r.nextDouble() < 0.14) upcomingMeeting(c, 2 + r.nextInt(38));
        }
        if (c.isCompany() && c.hardCase == null) companyBulkMail(c);
    }

    /** When the client's history starts: the start of the window for most, a later onboarding for some. */
    private Instant since(DemoCast c, Instant target) {
        Instant since = r.nextDouble() < 0.75
                ? windowStart.plus(Duration.ofHours(r.nextInt(24 * 25)))
                : daysAgo(r.uniform(120, 600));
        Instant latest = target.minus(Duration.ofDays(10));
        if (since.isAfter(latest)) since = latest;
        return since.isBefore(windowStart) ? windowStart : since;
    }

    // ---- the last contact that counts ---------------------------------------------------------------

    private Instant finalEpisode(DemoCast c, Instant target) {
        int roll = r.nextInt(100);
        if (roll < 35) {
            MeetingKind kind;
            if (c.story == Story.SOCIAL || roll < 10) {
                kind = !c.isLocal() && r.nextDouble() < 0.7 ? MeetingKind.VIRTUAL_COFFEE
                        : r.nextBoolean() ? MeetingKind.LUNCH : MeetingKind.COFFEE;
            }
            else if (c.story == Story.SALES_PUSH) kind = MeetingKind.SALES;
            else if (roll < 14) kind = MeetingKind.CATCH_UP;
            else kind = MeetingKind.REVIEW;
            return finalMeeting(c, target, kind, meetingTitle(c, kind, target));
        }
        if (roll < 60) {
            Family f = ownerFamily(c);
            Instant reply = pastWorkMoment(target, c.zone);
            Instant first = reply.minus(Duration.ofMinutes(120 + r.nextInt(30 * 60)));
            MailThread t = events.newThread(subject(c, f, true, first, null));
            Contact k = pickContact(c, false);
            ownerPost(c, t, k, first, f, false);
            clientPost(c, t, k, reply);
            return reply;
        }
        if (roll < 75) {
            return clientWrites(c, target, subject(c, clientFamily(c), false, target, null), r.nextDouble() < 0.85);
        }
        Instant at = pastWorkMoment(target, OWNER_ZONE);
        if (roll < 92) {
            boolean out = r.nextDouble() < 0.7;
            events.log(c.key, Channel.CALL, out ? Direction.OUTBOUND : Direction.INBOUND, at,
                    fill(c, r.pick(out ? CALL_OUT : CALL_IN), at));
        } else if (roll < 96) {
            events.log(c.key, Channel.MEETING, Direction.MUTUAL, at, fill(c, r.pick(VISITS), at));
        } else {
            events.log(c.key, Channel.LETTER, Direction.OUTBOUND, at, fill(c, r.pick(LETTERS), at));
        }
        return at;
    }

    /** A held meeting on the working day nearest {@code target} that has ended by now; returns its start. */
    private Instant finalMeeting(DemoCast c, Instant target, MeetingKind kind, String title) {
        LocalDate date = weekdayNear(target.atZone(c.zone).toLocalDate());
        for (int attempt = 0; attempt < 8; attempt++) {
            MeetingEvent m = meet(c, date, kind, title, false, now);
            if (m != null) return m.start();
            date = previousWeekday(date);
        }
        throw new IllegalStateException("no room for the last meeting of " + c.key);
    }

    /** The client writes at the working moment nearest {@code target}; the owner may answer within hours. */
    private Instant clientWrites(DemoCast c, Instant target, String subject, boolean ownerAnswers) {
        Instant at = pastWorkMoment(target, c.zone);
        MailThread t = events.newThread(subject);
        Contact k = pickContact(c, true);
        clientPost(c, t, k, at);
        if (ownerAnswers) {
            Instant answer = replyAfter(at, OWNER_ZONE, 0.5, 6);
            if (!answer.isAfter(now)) ownerPost(c, t, k, answer, Family.SERVICE, true);
        }
        return at;
    }

    // ---- history ------------------------------------------------------------------------------------

    private void onboarding(DemoCast c, Instant since, Instant limit) {
        Contact k = c.main();
        MailThread t = events.newThread("Welcome to Whitfield Advisory");
        Instant at = workMoment(since, OWNER_ZONE);
        if (!at.isBefore(limit)) return;
        ownerPost(c, t, k, at, Family.ADMIN, false);
        Instant reply = replyAfter(at, c.zone, 4, 60);
        if (reply.isBefore(limit)) {
            MailThread kyc = events.newThread("Signed KYC documents");
            clientPost(c, kyc, k, reply);
            Instant ack = replyAfter(reply, OWNER_ZONE, 1, 20);
            if (ack.isBefore(limit)) ownerPost(c, kyc, k, ack, Family.ADMIN, true);
        }
        if (c.isLocal() && r.nextBoolean()) {
            LocalDate day = nextWeekday(at.atZone(OWNER_ZONE).toLocalDate().plusDays(3 + r.nextInt(7)));
            meet(c, day, MeetingKind.SIGNING, r.pick(ADMIN_MEETINGS), false, limit);
        }
    }

    /** Reviews on the tier's rhythm: quarterly for A, twice a year for B, once a year for C. */
    private void scheduledReviews(DemoCast c, Instant since, Instant limit) {
        LocalDate first = since.atZone(OWNER_ZONE).toLocalDate();
        LocalDate last = limit.atZone(OWNER_ZONE).toLocalDate();
        LocalDate quarter = first.withDayOfMonth(1).withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1);
        int annualMonth = 1 + r.nextInt(12);
        for (LocalDate q = quarter; !q.isAfter(last); q = q.plusMonths(3)) {
            LocalDate day = weekdayNear(q.plusDays(8 + r.nextInt(25)));
            if (day.isBefore(first) || !day.isBefore(last)) continue;
            switch (c.tier) {
                case "A":
                    review(c, day, limit, true);
                    break;
                case "B":
                    if ((q.getMonthValue() == 1 || q.getMonthValue() == 7) && r.nextDouble() < 0.8) review(c, day, limit, false);
                    break;
                default:
                    if (q.getMonthValue() <= annualMonth && annualMonth < q.getMonthValue() + 3) annualReview(c, day, limit);
                    break;
            }
        }
    }

    private void review(DemoCast c, LocalDate day, Instant limit, boolean withAgenda) {
        Instant dayStart = day.atStartOfDay(c.zone).toInstant();
        if (withAgenda && r.nextDouble() < 0.6) {
            Instant agendaAt = workMoment(dayStart.minus(Duration.ofDays(3 + r.nextInt(4))), OWNER_ZONE);
            String subject = c.isCompany() ? "Agenda for our Q{q} account review" : "Agenda for our Q{q} review";
            exchange(c, agendaAt, fill(c, subject, dayStart), true, 2 + r.nextInt(2), Family.RELATIONSHIP, limit);
        }
        String title = reviewTitle(c, dayStart);
        if (r.nextDouble() < 0.08) {
            // Booked, cancelled, then held a week later.
            meet(c, day, MeetingKind.REVIEW, title, true, limit);
            day = nextWeekday(day.plusDays(5));
        }
        MeetingEvent m = meet(c, day, MeetingKind.REVIEW, title, false, limit);
        if (m != null && r.nextDouble() < 0.4) {
            Instant follow = replyAfter(m.end(), OWNER_ZONE, 16, 60);
            String subject = r.nextBoolean() ? "Following up on our review" : "Documents to sign after our review";
            exchange(c, follow, subject, true, 2 + r.nextInt(2), r.nextBoolean() ? Family.RELATIONSHIP : Family.ADMIN, limit);
        }
    }

    private void annualReview(DemoCast c, LocalDate day, Instant limit) {
        Instant at = day.atStartOfDay(c.zone).toInstant();
        int roll = r.nextInt(10);
        if (roll < 5) {
            meet(c, day, MeetingKind.PHONE_CALL, "Annual review call", false, limit);
        } else if (roll < 8) {
            Instant when = workMoment(at, OWNER_ZONE);
            if (when.isBefore(limit)) events.log(c.key, Channel.CALL, Direction.OUTBOUND, when, "Annual review call");
        } else {
            exchange(c, workMoment(at, OWNER_ZONE), "Your annual review " + day.getYear(), true, 2 + r.nextInt(3),
                    Family.RELATIONSHIP, limit);
        }
    }

    /** Birthdays of private clients and December greetings; after the last contact, only unanswered emails. */
    private void greetings(DemoCast c, Instant since, Instant limit, Instant last) {
        boolean quietAfter = c.hardCase != null;
        LocalDate from = since.atZone(OWNER_ZONE).toLocalDate();
        LocalDate to = now.atZone(OWNER_ZONE).toLocalDate();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (c.birthday != null) {
                MonthDay md = c.birthday;
                LocalDate day = weekdayNear(md.atYear(year));
                greet(c, day, from, limit, last, quietAfter, "Happy birthday!", true);
            }
            LocalDate december = weekdayNear(LocalDate.of(year, Month.DECEMBER, 16 + r.nextInt(6)));
            if (r.nextDouble() < 0.75) greet(c, december, from, limit, last, quietAfter, "Season's greetings", false);
            LocalDate january = nextWeekday(LocalDate.of(year, Month.JANUARY, 2 + r.nextInt(6)));
            if (r.nextDouble() < 0.2) greet(c, january, from, limit, last, quietAfter, "Happy New Year", false);
        }
    }

    private void greet(DemoCast c, LocalDate day, LocalDate from, Instant limit, Instant last, boolean quietAfter,
                       String subject, boolean birthday) {
        if (day.isBefore(from)) return;
        Instant at = workMoment(day.atStartOfDay(OWNER_ZONE).toInstant(), OWNER_ZONE);
        if (at.isAfter(now)) return;
        if (at.isBefore(limit)) {
            int roll = r.nextInt(100);
            if (roll < 60) {
                exchange(c, at, subject, true, 2 + r.nextInt(2), Family.SOCIAL, limit);
            } else if (roll < 85 && !subject.equals("Happy New Year")) {
                events.log(c.key, Channel.LETTER, Direction.OUTBOUND, at, birthday ? "Birthday card" : "Christmas card");
            } else if (birthday) {
                events.log(c.key, Channel.CALL, Direction.OUTBOUND, at, "Birthday call");
            }
        } else if (!quietAfter && at.isAfter(last.plus(Duration.ofDays(1))) && r.nextDouble() < 0.6) {
            lonelyEmail(c, at, subject, false);
        }
    }

    private void randomEpisodes(DemoCast c, Instant since, Instant limit) {
        double gap = c.tier.equals("A") ? 11 : c.tier.equals("B") ? 26 : 55;
        if (c.story == Story.CHATTY) gap *= 0.7;
        if (c.story == Story.QUIET) gap *= 1.5;
        Instant t = since.plus(Duration.ofHours((long) (r.uniform(0, gap) * 24)));
        while (t.isBefore(limit)) {
            episode(c, t, limit);
            t = t.plus(Duration.ofHours((long) (gap * r.uniform(0.4, 1.6) * 24)));
        }
    }

    private void episode(DemoCast c, Instant t, Instant limit) {
        int[] w = {30, 28, 7, 4, 3, 5, 12, 3, 2, 3};
        switch (c.story) {
            case SOCIAL: w[2] = 21; w[3] = 2; break;
            case SERVICE_HEAVY: w[1] = 42; w[5] = 8; break;
            case SALES_PUSH: w[0] = 38; w[3] = 12; break;
            case CHATTY: w[1] = 50; break;
            case QUIET: w[1] = 11; w[6] = 16; break;
            default: break;
        }
        if (c.isCompany()) w[7] = 1;
        Episode e = Episode.values()[r.weighted(w)];
        LocalDate day = weekdayNear(t.atZone(c.zone).toLocalDate());
        switch (e) {
            case EMAIL_OWNER: {
                Family f = ownerFamily(c);
                exchange(c, t, subject(c, f, true, t, null), true, 1 + r.nextInt(5), f, limit);
                break;
            }
            case EMAIL_CLIENT: {
                Family f = clientFamily(c);
                exchange(c, t, subject(c, f, false, t, null), false, 1 + r.nextInt(5), f, limit);
                break;
            }
            case SOCIAL_MEETING: {
                MeetingKind kind = r.nextInt(5) < 2 ? MeetingKind.LUNCH : r.nextInt(6) == 0 ? MeetingKind.DINNER : MeetingKind.COFFEE;
                // Far-away clients are met in person only when the owner travels; otherwise over video.
                if (!c.isLocal() && r.nextDouble() < 0.7) kind = MeetingKind.VIRTUAL_COFFEE;
                if (kind != MeetingKind.VIRTUAL_COFFEE && r.nextDouble() < 0.5) {
                    Instant ask = workMoment(t.minus(Duration.ofDays(3 + r.nextInt(5))), OWNER_ZONE);
                    String subject = kind == MeetingKind.COFFEE ? "Coffee next week?" : kind == MeetingKind.LUNCH ? "Lunch on Thursday?" : "Dinner next week?";
                    exchange(c, ask, subject, true, 2 + r.nextInt(2), Family.SOCIAL, limit);
                }
                meet(c, day, kind, meetingTitle(c, kind, t), false, limit);
                break;
            }
            case SALES_MEETING:
                if (r.nextDouble() < 0.6) {
                    Instant pitch = workMoment(t.minus(Duration.ofDays(4 + r.nextInt(10))), OWNER_ZONE);
                    exchange(c, pitch, subject(c, Family.SALES, true, pitch, null), true, 1 + r.nextInt(3), Family.SALES, limit);
                }
                meet(c, day, MeetingKind.SALES, meetingTitle(c, MeetingKind.SALES, t), false, limit);
                break;
            case CATCH_UP:
                meet(c, day, MeetingKind.CATCH_UP, meetingTitle(c, MeetingKind.CATCH_UP, t), false, limit);
                break;
            case PHONE_MEETING:
                meet(c, day, MeetingKind.PHONE_CALL, meetingTitle(c, MeetingKind.PHONE_CALL, t), false, limit);
                break;
            case CALL_LOG: {
                Instant at = workMoment(t, OWNER_ZONE);
                if (!at.isBefore(limit)) break;
                boolean out = r.nextDouble() < 0.6;
                events.log(c.key, Channel.CALL, out ? Direction.OUTBOUND : Direction.INBOUND, at, fill(c, r.pick(out ? CALL_OUT : CALL_IN), at));
                break;
            }
            case LETTER: {
                Instant at = workMoment(t, OWNER_ZONE);
                if (at.isBefore(limit)) events.log(c.key, Channel.LETTER, Direction.OUTBOUND, at, fill(c, r.pick(LETTERS), at));
                break;
            }
            case VISIT: {
                Instant at = workMoment(t, c.isLocal() ? OWNER_ZONE : c.zone);
                if (at.isBefore(limit)) events.log(c.key, Channel.MEETING, Direction.MUTUAL, at, fill(c, r.pick(VISITS), at));
                break;
            }
            case CANCELLED: {
                MeetingKind kind = r.pick(List.of(MeetingKind.COFFEE, MeetingKind.LUNCH, MeetingKind.CATCH_UP));
                if (!c.isLocal() && kind != MeetingKind.CATCH_UP) kind = MeetingKind.VIRTUAL_COFFEE;
                String title = meetingTitle(c, kind, t);
                if (meet(c, day, kind, title, true, limit) != null && r.nextDouble() < 0.7) {
                    meet(c, nextWeekday(day.plusDays(2 + r.nextInt(8))), kind, title, false, limit);
                }
                break;
            }
            default:
                break;
        }
    }

    // ---- after the last contact that counts: nothing that counts ------------------------------------

    private void afterwards(DemoCast c, Instant last) {
        int lonely;
        switch (c.target) {
            case INACTIVE: lonely = 1 + r.nextInt(3); break;
            case COOLING: lonely = r.nextInt(3); break;
            default: lonely = r.nextDouble() < 0.3 ? 1 : 0; break;
        }
        Instant from = last.plus(Duration.ofDays(2));
        Instant to = now.minus(Duration.ofHours(6));
        if (!from.isBefore(to)) return;
        for (int i = 0; i < lonely; i++) {
            Instant at = workMoment(between(from, to), OWNER_ZONE);
            if (!at.isAfter(from) || at.isAfter(now)) continue;
            Family f = c.story == Story.SALES_PUSH ? Family.SALES : r.pick(List.of(Family.RELATIONSHIP, Family.RELATIONSHIP,
                    Family.SOCIAL, Family.ADMIN, Family.SALES));
            lonelyEmail(c, at, subject(c, f, true, at, null), r.nextDouble() < 0.2);
        }
        if (r.nextDouble() < 0.12) {
            Instant at = between(from.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
            if (at.isAfter(from)) {
                MeetingKind kind = c.isLocal() ? MeetingKind.COFFEE : MeetingKind.VIRTUAL_COFFEE;
                LocalDate day = weekdayNear(at.atZone(c.zone).toLocalDate());
                meet(c, day, kind, meetingTitle(c, kind, at), true, now);
            }
        }
    }

    /** An outbound email nobody answers; an out-of-office auto-reply is not an answer. */
    private void lonelyEmail(DemoCast c, Instant at, String subject, boolean autoReply) {
        MailThread t = events.newThread(subject);
        Contact k = pickContact(c, false);
        if (events.post(t, OWNER, List.of(k.onFile()), List.of(), at, subject, Map.of()) == null) return;
        if (autoReply) {
            Instant back = at.plusSeconds(20 + r.nextInt(200));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("auto-submitted", "auto-replied");
            headers.put("x-auto-response-suppress", "All");
            events.post(t, k.writesFrom(), List.of(OWNER), List.of(), back, "Automatic reply: " + subject, headers);
        }
    }

    private void upcomingMeeting(DemoCast c, int daysAhead) {
        LocalDate day = weekdayNear(now.plus(Duration.ofDays(daysAhead)).atZone(c.zone).toLocalDate());
        MeetingKind kind = r.pick(List.of(MeetingKind.REVIEW, MeetingKind.LUNCH, MeetingKind.COFFEE, MeetingKind.SALES));
        Instant at = day.atStartOfDay(c.zone).toInstant();
        meet(c, day, kind, meetingTitle(c, kind, at), false, null);
    }

    // ---- the hard cases -----------------------------------------------------------------------------

    /** Six emails over two years from the client, none answered, and nothing else at all. */
    private void onlyInbound(DemoCast c) {
        double[] ages = {655, 540, 433, 331, 224, c.ageDays};
        List<String> subjects = List.of("Question about my statement", "Change of address", "Is my ISA still in cash?",
                "Query on the latest valuation", "Do I need to do anything about my pension?", "Question about the annual fee");
        Person son = new Person("David Ellison", "d.ellison@outlook.com");
        for (int i = 0; i < ages.length; i++) {
            Instant at = i == ages.length - 1 ? pastWorkMoment(daysAgo(ages[i]), c.zone)
                    : pastWorkMoment(daysAgo(ages[i] + r.uniform(0, 8)), c.zone);
            MailThread t = events.newThread(subjects.get(i));
            List<Person> cc = i == 1 ? List.of(son) : List.of();
            events.post(t, c.main().writesFrom(), List.of(OWNER), cc, at, subjects.get(i), Map.of());
        }
    }

    /** Proposals, quotes and renewals both ways, a renewal meeting, and nothing else. */
    private void onlySales(DemoCast c) {
        Instant target = daysAgo(c.ageDays);
        Instant limit = target.minus(Duration.ofDays(4));
        List<String> pitches = List.of("Proposal: marine cargo cover renewal", "Quote for fleet insurance",
                "Renewal terms for {year}/{yy}", "Revised proposal: marine cargo cover", "Proposal: cyber insurance",
                "Renewal quote: public liability");
        Instant t = windowStart.plus(Duration.ofDays(10 + r.nextInt(20)));
        int i = 0;
        while (t.isBefore(limit)) {
            if (i % 4 == 3) {
                exchange(c, t, fill(c, r.pick(List.of("Could you quote for a second warehouse?", "Quote request: {line}",
                        "Can we look at our renewal early?")), t), false, 2 + r.nextInt(2), Family.SALES, limit);
            } else if (i % 5 == 2) {
                meet(c, weekdayNear(t.atZone(c.zone).toLocalDate()), MeetingKind.SALES,
                        r.pick(List.of("Renewal negotiation: marine cargo policy", "Quote review: fleet", "Proposal walkthrough: cyber cover")),
                        false, limit);
            } else {
                exchange(c, t, fill(c, pitches.get(i % pitches.size()), t), true, 2 + r.nextInt(3), Family.SALES, limit);
            }
            i++;
            t = t.plus(Duration.ofDays(30 + r.nextInt(35)));
        }
        // The last contact that counts: their answer to a renewal quote.
        Instant reply = pastWorkMoment(target, c.zone);
        MailThread last = events.newThread(fill(c, "Renewal terms for {year}/{yy}", reply));
        ownerPost(c, last, c.main(), reply.minus(Duration.ofHours(26)), Family.SALES, false);
        clientPost(c, last, c.main(), reply);
        lonelyEmail(c, workMoment(daysAgo(r.uniform(8, 14)), OWNER_ZONE), "Upgrade options for your cyber policy", false);
    }

    /** After the lunch, three proposals over four months with no answer (one draws an out-of-office). */
    private void threeUnansweredProposals(DemoCast c, Instant lunch) {
        lonelyEmail(c, workMoment(lunch.plus(Duration.ofDays(30 + r.nextInt(5))), OWNER_ZONE),
                "Proposal: commercial property cover renewal", false);
        lonelyEmail(c, workMoment(lunch.plus(Duration.ofDays(70 + r.nextInt(5))), OWNER_ZONE),
                "Proposal: cyber insurance for the print works", true);
        lonelyEmail(c, workMoment(lunch.plus(Duration.ofDays(110 + r.nextInt(5))), OWNER_ZONE),
                "Revised proposal: property cover with business interruption", false);
    }

    /** An invitation sent a few days ago for a video review six days from now, already accepted. */
    private void reviewNextWeek(DemoCast c, Instant last) {
        LocalDate day = weekdayNear(now.plus(Duration.ofDays(6)).atZone(c.zone).toLocalDate());
        Instant start = LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(c.zone).toInstant();
        if (!start.isAfter(now.plus(Duration.ofDays(3)))) {
            day = nextWeekday(day);
            start = LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(c.zone).toInstant();
        }
        String title = fill(c, "Q{q} account review", start);
        String url = teamsUrl();
        List<Attendee> attendees = List.of(new Attendee(c.contacts.get(0).onFile().address(), Response.ACCEPTED),
                new Attendee(c.contacts.get(1).onFile().address(), Response.TENTATIVE),
                new Attendee(PARAPLANNER.address(), Response.ACCEPTED));
        events.meeting(title, "Microsoft Teams Meeting", start, start.plus(Duration.ofMinutes(60)), OWNER, attendees,
                true, "teamsForBusiness", url, "Microsoft Teams meeting. Join on your computer or mobile app: " + url, false);
        Instant invite = workMoment(daysAgo(3), OWNER_ZONE);
        if (invite.isAfter(last.plus(Duration.ofDays(1)))) lonelyEmail(c, invite, title + " next week", false);
    }

    // =================================================================================================
    // Mail
    // =================================================================================================

    /** A thread with the client, alternating sides while people answer; no answer is written at or after {@code limit}. */
    private void exchange(DemoCast c, Instant start, String subject, boolean ownerStarts, int maxMessages, Family family,
                          Instant limit) {
        Contact k = pickContact(c, !ownerStarts);
        MailThread t = events.newThread(subject);
        Instant at = workMoment(start, ownerStarts ? OWNER_ZONE : c.zone);
        if (!at.isBefore(limit)) return;
        boolean ownerTurn = ownerStarts;
        for (int i = 0; i < maxMessages; i++) {
            if (i > 0) {
                double p = ownerTurn ? (i == 1 ? 0.9 : 0.4) : (i == 1 ? c.replyProbability : c.replyProbability * 0.5);
                if (r.nextDouble() >= p) break;
                at = ownerTurn ? replyAfter(at, OWNER_ZONE, 0.3, 20)
                        : replyAfter(at, c.zone, c.clientReplyMinHours, c.clientReplyMaxHours);
                if (!at.isBefore(limit)) break;
            }
            if (ownerTurn) ownerPost(c, t, k, at, family, !ownerStarts);
            else clientPost(c, t, k, at);
            ownerTurn = !ownerTurn;
        }
    }

    private void ownerPost(DemoCast c, MailThread t, Contact k, Instant at, Family family, boolean answeringThem) {
        List<Person> to = List.of(answeringThem ? k.writesFrom() : k.onFile());
        List<Person> cc = new ArrayList<>();
        Contact other = otherContact(c, k);
        if (other != null && r.nextDouble() < (c.kind == ClientKind.HOUSEHOLD ? 0.35 : 0.25)) cc.add(other.onFile());
        if (family == Family.SERVICE && r.nextDouble() < 0.25) cc.add(CLAIMS);
        else if (family == Family.SALES && r.nextDouble() < 0.1) cc.add(PARAPLANNER);
        events.post(t, OWNER, to, cc, at, t.isEmpty() ? t.subject : "Re: " + t.subject, Map.of());
    }

    private void clientPost(DemoCast c, MailThread t, Contact k, Instant at) {
        List<Person> cc = new ArrayList<>();
        Contact other = otherContact(c, k);
        if (other != null && r.nextDouble() < 0.15) cc.add(other.onFile());
        if (r.nextDouble() < 0.03) cc.add(r.pick(CLIENTS_ADVISERS));
        String prefix = c.isCompany() && r.nextDouble() < 0.3 ? "RE: " : "Re: ";
        events.post(t, k.writesFrom(), List.of(OWNER), cc, at, t.isEmpty() ? t.subject : prefix + t.subject, Map.of());
    }

    /** The client's own accountants and solicitors, who sometimes get copied: people Rapport does not know. */
    private static final List<Person> CLIENTS_ADVISERS = List.of(
            new Person("Helen Marsh", "helen.marsh@marshandco-accountants.co.uk"),
            new Person("Robert Penrose", "r.penrose@penrose-law.co.uk"),
            new Person("Ana Ruiz", "ana@ruiztaxadvice.com"));

    private Contact pickContact(DemoCast c, boolean clientWrites) {
        if (clientWrites && !c.unlisted.isEmpty() && r.nextDouble() < 0.1) return r.pick(c.unlisted);
        if (c.contacts.size() == 1 || r.nextDouble() < 0.6) return c.main();
        return r.pick(c.contacts);
    }

    private Contact otherContact(DemoCast c, Contact k) {
        for (Contact other : c.contacts) {
            if (!other.onFile().address().equals(k.onFile().address())) return other;
        }
        return null;
    }

    private Family ownerFamily(DemoCast c) {
        int[] w = {22, 10, 30, 16, 22};
        if (c.story == Story.SALES_PUSH) w[0] = 45;
        if (c.story == Story.SOCIAL) w[3] = 32;
        return Family.values()[r.weighted(w)];
    }

    private Family clientFamily(DemoCast c) {
        int[] w = {8, 40, 14, 12, 26};
        if (c.story == Story.SERVICE_HEAVY) w[1] = 70;
        if (c.story == Story.SOCIAL) w[3] = 25;
        return Family.values()[r.weighted(w)];
    }

    private String subject(DemoCast c, Family f, boolean owner, Instant at, String fixed) {
        if (fixed != null) return fill(c, fixed, at);
        List<String> options;
        switch (f) {
            case SALES: options = owner ? (c.isCompany() ? SALES_OWNER_COMPANY : SALES_OWNER_PRIVATE) : SALES_CLIENT; break;
            case SERVICE: options = owner ? SERVICE_OWNER : c.isCompany() ? SERVICE_CLIENT_COMPANY : SERVICE_CLIENT_PRIVATE; break;
            case RELATIONSHIP: options = owner ? (c.isCompany() ? RELATIONSHIP_OWNER_COMPANY : RELATIONSHIP_OWNER) : RELATIONSHIP_CLIENT; break;
            case SOCIAL: options = owner ? SOCIAL_OWNER : SOCIAL_CLIENT; break;
            default: options = owner ? ADMIN_OWNER : ADMIN_CLIENT; break;
        }
        int month = at.atZone(OWNER_ZONE).getMonthValue();
        for (int attempt = 0; ; attempt++) {
            String s = r.pick(options);
            if ((fits(c, s) && inSeason(s, month)) || attempt > 30) return fill(c, s, at);
        }
    }

    /** Subjects that name a time of year are only written then. */
    private static boolean inSeason(String template, int month) {
        if (template.contains("after the summer")) return month >= 8 && month <= 10;
        if (template.contains("before year end")) return month >= 10;
        if (template.contains("new financial year")) return month == 4 || month == 5;
        return true;
    }

    /** Company-only and private-only subjects stay with the right kind of client. */
    private static boolean fits(DemoCast c, String template) {
        boolean companyOnly = template.contains("{company}") || template.contains("office") || template.contains("Remittance")
                || template.contains("van") || template.contains("second site") || template.contains("anniversary");
        boolean privateOnly = template.contains("birthday") || template.contains("family") || template.contains("move go")
                || template.contains("new arrival");
        return c.isCompany() ? !privateOnly : !companyOnly;
    }

    /** Resolves the placeholders of a subject or title for this client at this time. */
    private String fill(DemoCast c, String template, Instant at) {
        if (template.indexOf('{') < 0) return template;
        ZonedDateTime z = at.atZone(OWNER_ZONE);
        int quarterJustEnded = ((z.getMonthValue() - 1) / 3 + 3) % 4 + 1;
        String line = r.nextDouble() < 0.7 ? c.line : r.pick(c.isCompany() ? COMPANY_LINES : PRIVATE_PRODUCTS);
        return template
                .replace("{first}", c.main().first())
                .replace("{company}", c.companyWord == null ? c.name : c.companyWord)
                .replace("{year}", Integer.toString(z.getYear()))
                .replace("{yy}", Integer.toString(100 + (z.getYear() + 1) % 100).substring(1))
                .replace("{q}", Integer.toString(quarterJustEnded))
                .replace("{month}", z.plusMonths(1).getMonth().getDisplayName(TextStyle.FULL, Locale.UK))
                .replace("{n}", Integer.toString(100 + r.nextInt(900)))
                .replace("{line}", line)
                .replace("{street}", r.pick(STREETS));
    }

    // =================================================================================================
    // Meetings
    // =================================================================================================

    private String reviewTitle(DemoCast c, Instant at) {
        if (c.tier.equals("B")) {
            int month = at.atZone(OWNER_ZONE).getMonthValue();
            return month >= 6 && month <= 9 ? "Mid-year review" : fill(c, "Annual review {year}", at);
        }
        if (c.tier.equals("C")) return fill(c, "Annual review {year}", at);
        return fill(c, r.pick(c.isCompany() ? REVIEW_TITLES_COMPANY : REVIEW_TITLES_PRIVATE), at);
    }

    private String meetingTitle(DemoCast c, MeetingKind kind, Instant at) {
        String first = c.main().first();
        switch (kind) {
            case REVIEW: return reviewTitle(c, at);
            case LUNCH: return r.pick(List.of("Lunch with " + first, "Lunch: " + first + " and Dana", "Lunch"));
            case COFFEE: return r.pick(List.of("Coffee with " + first, "Coffee", "Coffee catch-up with " + first));
            case DINNER: return c.kind == ClientKind.HOUSEHOLD ? "Dinner with the " + lastWord(c.name) + "s" : "Dinner with " + first;
            case VIRTUAL_COFFEE: return r.pick(List.of("Virtual coffee with " + first, "Video catch-up: " + first + " and Dana"));
            case SALES: return fill(c, r.pick(c.isCompany() ? SALES_MEETINGS : SALES_MEETINGS_PRIVATE), at);
            case PHONE_CALL: return fill(c, r.pick(SERVICE_MEETINGS), at);
            case SIGNING: return r.pick(ADMIN_MEETINGS);
            default: return fill(c, r.pick(CATCH_UP_TITLES), at);
        }
    }

    /**
     * Books a meeting with the client on {@code day}. The kind decides the mode: meals and coffees in
     * person, phone calls by phone, catch-ups with no place at all (mode unknown), reviews and sales
     * meetings in person for clients near London and by video or phone otherwise. Returns null (adding
     * nothing) when a held meeting would end after {@code notAfter}; {@code notAfter == null} books an
     * upcoming meeting, which must start after now.
     */
    private MeetingEvent meet(DemoCast c, LocalDate day, MeetingKind kind, String title, boolean cancelled, Instant notAfter) {
        String mode;
        switch (kind) {
            case LUNCH: case COFFEE: case DINNER: case SIGNING: mode = "in_person"; break;
            case VIRTUAL_COFFEE: mode = "video"; break;
            case PHONE_CALL: mode = "phone"; break;
            case CATCH_UP: mode = "unknown"; break;
            default: {
                int roll = r.nextInt(100);
                if (c.isLocal()) mode = roll < 45 ? "in_person" : roll < 85 ? "video" : "phone";
                else mode = roll < 8 ? "in_person" : roll < 78 ? "video" : "phone";
            }
        }
        boolean clientOrganizes = r.nextDouble() < 0.15 && !mode.equals("in_person");
        String location = null;
        String description = null;
        boolean online = false;
        String provider = null;
        String joinUrl = null;
        ZoneId zone = c.zone;
        int startMinute;
        int minutes;
        switch (mode) {
            case "in_person": {
                switch (kind) {
                    case LUNCH: location = r.pick(restaurants(c.zone.getId())); startMinute = r.pick(List.of(750, 780)); minutes = 90; break;
                    case DINNER: location = r.pick(restaurants(c.zone.getId())); startMinute = 19 * 60; minutes = 150; break;
                    case COFFEE: location = r.pick(cafes(c.zone.getId())); startMinute = r.pick(List.of(510, 600, 930)); minutes = 45; break;
                    default: {
                        boolean ours = c.isLocal() && r.nextBoolean();
                        if (ours) {
                            location = r.nextBoolean() ? OWNER_OFFICE : r.pick(OWNER_ROOMS);
                            zone = OWNER_ZONE;
                        } else {
                            location = clientPlace(c);
                        }
                        startMinute = r.pick(List.of(600, 660, 840, 930));
                        minutes = kind == MeetingKind.SIGNING ? 30 : 60 + 30 * r.nextInt(2);
                        description = kind == MeetingKind.REVIEW ? "Review pack to follow by email." : null;
                    }
                }
                break;
            }
            case "video": {
                zone = OWNER_ZONE;
                startMinute = sharedSlot(c, day);
                minutes = r.pick(List.of(30, 45, 60));
                int roll = r.nextInt(100);
                if (clientOrganizes ? roll < 70 : roll < 15) {
                    joinUrl = meetUrl();
                    online = true;
                    provider = "hangoutsMeet";
                    description = "Join with Google Meet: " + joinUrl;
                } else if (roll < 20) {
                    // Some clients send Zoom links: no online-meeting fields, only the link in the text.
                    String zoom = "https://us02web.zoom.us/j/" + (8_000_000_000L + r.nextLong(1_000_000_000L));
                    location = "Zoom";
                    description = "Join Zoom Meeting " + zoom;
                } else {
                    joinUrl = teamsUrl();
                    online = true;
                    provider = "teamsForBusiness";
                    location = "Microsoft Teams Meeting";
                    description = "Microsoft Teams meeting. Join on your computer or mobile app: " + joinUrl;
                }
                break;
            }
            case "phone": {
                zone = OWNER_ZONE;
                startMinute = sharedSlot(c, day);
                minutes = r.pick(List.of(15, 20, 30));
                int roll = r.nextInt(3);
                String number = phoneNumber(c);
                if (roll == 0) {
                    location = "Phone call";
                    description = "Dana will call you on " + number + ".";
                } else if (roll == 1) {
                    location = "Phone: " + number;
                } else {
                    location = "Dial-in: +44 20 7946 0" + (100 + r.nextInt(900)) + ", PIN " + (100000 + r.nextInt(900000)) + "#";
                }
                break;
            }
            default: {
                zone = OWNER_ZONE;
                startMinute = sharedSlot(c, day);
                minutes = 30;
                break;
            }
        }
        Instant start = LocalDateTime.of(day, LocalTime.of(startMinute / 60, startMinute % 60)).atZone(zone).toInstant();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        if (notAfter == null) {
            if (!start.isAfter(now)) return null;
        } else if (end.isAfter(notAfter) || end.isAfter(now)) {
            return null;
        }

        boolean upcoming = start.isAfter(now);
        List<Attendee> attendees = new ArrayList<>();
        Person organizer = OWNER;
        Contact main = c.main();
        if (clientOrganizes) {
            organizer = main.writesFrom();
            attendees.add(new Attendee(OWNER.address(), Response.ACCEPTED));
        } else {
            attendees.add(new Attendee(main.onFile().address(), response(upcoming)));
        }
        Contact other = otherContact(c, main);
        if (other != null && (c.kind == ClientKind.HOUSEHOLD ? r.nextDouble() < 0.6 : r.nextDouble() < 0.3)) {
            attendees.add(new Attendee(other.onFile().address(), response(upcoming)));
        }
        if (kind == MeetingKind.REVIEW && r.nextDouble() < 0.2) attendees.add(new Attendee(PARAPLANNER.address(), Response.ACCEPTED));
        return events.meeting(title, location, start, end, organizer, attendees, online, provider, joinUrl, description, cancelled);
    }

    private Response response(boolean upcoming) {
        if (!upcoming) return Response.ACCEPTED;
        int roll = r.nextInt(10);
        return roll < 6 ? Response.ACCEPTED : roll < 8 ? Response.TENTATIVE : Response.NONE;
    }

    /** A start time (minutes after midnight in London) inside both the owner's and the client's working day. */
    private int sharedSlot(DemoCast c, LocalDate day) {
        List<Integer> slots = new ArrayList<>();
        for (int minute = 8 * 60; minute <= 17 * 60; minute += 30) {
            ZonedDateTime there = LocalDateTime.of(day, LocalTime.of(minute / 60, minute % 60)).atZone(OWNER_ZONE)
                    .withZoneSameInstant(c.zone);
            int local = there.getHour() * 60 + there.getMinute();
            if (there.toLocalDate().equals(day) && local >= 8 * 60 && local <= 17 * 60 + 30) slots.add(minute);
        }
        if (slots.isEmpty()) return 8 * 60;
        return slots.get(r.nextInt(slots.size()));
    }

    private String clientPlace(DemoCast c) {
        String street = (1 + r.nextInt(120)) + " " + r.pick(STREETS);
        String town = c.isLocal() ? r.pick(TOWNS_UK) : c.zone.getId().substring(c.zone.getId().indexOf('/') + 1).replace('_', ' ');
        if (c.isCompany()) return c.name + ", " + street + ", " + town;
        return "At " + c.main().first() + "'s home, " + street + ", " + town;
    }

    private String phoneNumber(DemoCast c) {
        if (c.zone.getId().startsWith("America/")) return "+1 212 555 01" + (10 + r.nextInt(90));
        if (c.zone.getId().equals("Australia/Sydney")) return "+61 2 5550 " + (1000 + r.nextInt(9000));
        return "+44 7700 900" + (100 + r.nextInt(900));
    }

    private String teamsUrl() {
        return "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + events.uniqueHex(32) + "%40thread.v2/0";
    }

    /** Google Meet codes are three groups of lower-case letters. */
    private String meetUrl() {
        while (true) {
            String code = letters(3) + "-" + letters(4) + "-" + letters(3);
            if (!code.contains("past")) return "https://meet.google.com/" + code;
        }
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append((char) ('a' + r.nextInt(26)));
        return sb.toString();
    }

    // =================================================================================================
    // Everything that is not client contact
    // =================================================================================================

    /** A client company's own newsletter and its systems' no-reply notifications: bulk, never contact. */
    private void companyBulkMail(DemoCast c) {
        if (r.nextDouble() < 0.3) {
            Person sender = new Person(c.companyWord + " News", (r.nextBoolean() ? "news@" : "newsletter@") + c.domain);
            int day = 3 + r.nextInt(20);
            for (LocalDate month = windowStart.atZone(OWNER_ZONE).toLocalDate().withDayOfMonth(1).plusMonths(1);
                 month.isBefore(now.atZone(OWNER_ZONE).toLocalDate()); month = month.plusMonths(1)) {
                Instant at = workMoment(month.withDayOfMonth(day).atStartOfDay(c.zone).toInstant(), c.zone);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("list-id", c.companyWord + " news <news." + c.domain + ">");
                headers.put("list-unsubscribe", "<https://" + c.domain + "/unsubscribe?u=" + events.uniqueHex(12) + ">");
                if (r.nextBoolean()) headers.put("precedence", "bulk");
                String subject = c.name + " news: " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
                events.post(events.newThread(subject), sender, List.of(OWNER), List.of(), at, subject, headers);
            }
        }
        if (r.nextDouble() < 0.45) {
            Person sender = new Person(c.companyWord + " Accounts Payable", (r.nextBoolean() ? "no-reply@" : "noreply@") + c.domain);
            Instant t = windowStart.plus(Duration.ofDays(r.nextInt(40)));
            while (t.isBefore(now)) {
                Instant at = workMoment(t, c.zone);
                Map<String, String> headers = r.nextBoolean() ? Map.of("auto-submitted", "auto-generated") : Map.of();
                String subject = fill(c, r.pick(COMPANY_NOTIFICATIONS), at);
                events.post(events.newThread(subject), sender, List.of(OWNER), List.of(), at, subject, headers);
                t = t.plus(Duration.ofDays(25 + r.nextInt(45)));
            }
        }
    }

    private void background(List<DemoCast> casts, Set<String> clientAddresses) {
        List<String> companies = new ArrayList<>();
        for (DemoCast c : casts) if (c.isCompany()) companies.add(c.companyWord);
        LocalDate first = windowStart.atZone(OWNER_ZONE).toLocalDate().plusDays(1);
        LocalDate last = now.atZone(OWNER_ZONE).toLocalDate();
        int weekIndex = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWeekend(day)) continue;
            Instant dayStart = day.atStartOfDay(OWNER_ZONE).toInstant();
            if (r.nextDouble() < 0.75) internalThread(dayStart, companies);
            if (r.nextDouble() < 0.3) internalThread(dayStart, companies);
            if (r.nextDouble() < 0.3) strangerWrites(dayStart, clientAddresses);
            if (r.nextDouble() < 0.08) ownerWritesStranger(dayStart);
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                weekIndex++;
                Instant start = LocalDateTime.of(day, LocalTime.of(9, 30)).atZone(OWNER_ZONE).toInstant();
                List<Attendee> team = new ArrayList<>();
                for (Person p : COLLEAGUES) team.add(new Attendee(p.address(), Response.ACCEPTED));
                events.meeting("Team meeting", "Board room, Mercer Yard", start, start.plus(Duration.ofMinutes(45)), OWNER,
                        team, false, null, null, null, r.nextDouble() < 0.05);
            }
            if (day.getDayOfWeek() == DayOfWeek.THURSDAY && weekIndex % 2 == 0) {
                Instant start = LocalDateTime.of(day, LocalTime.of(16, 0)).atZone(OWNER_ZONE).toInstant();
                String url = teamsUrl();
                events.meeting("1:1 Priya / Dana", "Microsoft Teams Meeting", start, start.plus(Duration.ofMinutes(30)), OWNER,
                        List.of(new Attendee(PARAPLANNER.address(), Response.ACCEPTED)), true, "teamsForBusiness", url,
                        "Microsoft Teams meeting. Join: " + url, false);
            }
            if (day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY) {
                industryNewsletter(day);
            }
            if (day.getDayOfWeek() == DayOfWeek.WEDNESDAY && day.getDayOfMonth() <= 7) ownNewsletter(day);
        }
    }

    private void internalThread(Instant dayStart, List<String> companies) {
        Person colleague = r.pick(COLLEAGUES);
        boolean ownerStarts = r.nextBoolean();
        String subject = r.pick(INTERNAL_SUBJECTS);
        Instant at = workMoment(dayStart, OWNER_ZONE);
        subject = subject.replace("{company}", r.pick(companies))
                .replace("{month}", at.atZone(OWNER_ZONE).plusMonths(1).getMonth().getDisplayName(TextStyle.FULL, Locale.UK))
                .replace("{year}", Integer.toString(at.atZone(OWNER_ZONE).getYear()))
                .replace("{q}", Integer.toString(((at.atZone(OWNER_ZONE).getMonthValue() - 1) / 3 + 3) % 4 + 1));
        MailThread t = events.newThread(subject);
        int messages = 1 + r.nextInt(4);
        boolean ownerTurn = ownerStarts;
        for (int i = 0; i < messages; i++) {
            if (i > 0) at = replyAfter(at, OWNER_ZONE, 0.2, 8);
            Person from = ownerTurn ? OWNER : colleague;
            Person to = ownerTurn ? colleague : OWNER;
            if (events.post(t, from, List.of(to), List.of(), at, i == 0 ? subject : "Re: " + subject, Map.of()) == null) return;
            ownerTurn = !ownerTurn;
        }
    }

    private static final List<String> STRANGER_DOMAINS = List.of("leadsdirect-uk.com", "brightpath-recruiting.com",
            "adviser-events.co.uk", "finsight-partners.com", "harlowtax.co.uk", "penrose-law.co.uk", "quillmortgages.co.uk",
            "gmail.com", "outlook.com");

    private Person stranger(Set<String> clientAddresses) {
        while (true) {
            String first = r.pick(ANGLO_FIRST);
            String last = r.pick(ANGLO_LAST);
            String address = DemoRoster.local(first) + "." + DemoRoster.local(last) + "@" + r.pick(STRANGER_DOMAINS);
            if (!clientAddresses.contains(app.rapport.domain.client.EmailAddresses.normalize(address))) {
                return new Person(first + " " + last, address);
            }
        }
    }

    private void strangerWrites(Instant dayStart, Set<String> clientAddresses) {
        Person who = stranger(clientAddresses);
        String subject = r.pick(STRANGER_SUBJECTS);
        MailThread t = events.newThread(subject);
        Instant at = workMoment(dayStart, OWNER_ZONE);
        if (events.post(t, who, List.of(OWNER), List.of(), at, subject, Map.of()) == null) return;
        if (r.nextDouble() < 0.2) {
            Instant answer = replyAfter(at, OWNER_ZONE, 1, 30);
            if (events.post(t, OWNER, List.of(who), List.of(), answer, "Re: " + subject, Map.of()) != null && r.nextDouble() < 0.4) {
                events.post(t, who, List.of(OWNER), List.of(), replyAfter(answer, OWNER_ZONE, 1, 30), "Re: " + subject, Map.of());
            }
        }
    }

    private void ownerWritesStranger(Instant dayStart) {
        String first = r.pick(ANGLO_FIRST);
        String last = r.pick(ANGLO_LAST);
        Person who = new Person(first + " " + last,
                DemoRoster.local(first) + "@" + r.pick(List.of("harlowtax.co.uk", "penrose-law.co.uk", "quillmortgages.co.uk")));
        String subject = r.pick(OWNER_TO_STRANGER_SUBJECTS);
        MailThread t = events.newThread(subject);
        Instant at = workMoment(dayStart, OWNER_ZONE);
        if (events.post(t, OWNER, List.of(who), List.of(), at, subject, Map.of()) == null) return;
        if (r.nextDouble() < 0.6) events.post(t, who, List.of(OWNER), List.of(), replyAfter(at, OWNER_ZONE, 1, 48), "Re: " + subject, Map.of());
    }

    private void industryNewsletter(LocalDate day) {
        boolean tuesday = day.getDayOfWeek() == DayOfWeek.TUESDAY;
        Person sender = tuesday ? new Person("The Broker Bulletin", "bulletin@brokerbulletin.co.uk")
                : new Person("Wealth Desk Weekly", "news@wealthdesk-weekly.com");
        String listId = tuesday ? "The Broker Bulletin <weekly.brokerbulletin.co.uk>" : "Wealth Desk Weekly <list.wealthdesk-weekly.com>";
        Instant at = LocalDateTime.of(day, LocalTime.of(6, 30 + r.nextInt(20))).atZone(OWNER_ZONE).toInstant();
        String subject = sender.name() + ": " + r.pick(NEWSLETTER_HEADLINES);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("list-id", listId);
        headers.put("list-unsubscribe", "<mailto:unsubscribe@" + sender.address().substring(sender.address().indexOf('@') + 1)
                + "?subject=unsubscribe>");
        headers.put("precedence", "bulk");
        events.post(events.newThread(subject), sender, List.of(OWNER), List.of(), at, subject, headers);
    }

    /** The owner's own monthly update: sent to the list, and the list's copy back in the inbox. */
    private void ownNewsletter(LocalDate day) {
        Person list = new Person("Whitfield Advisory clients", "market-update@lists." + OWNER_DOMAIN);
        String subject = "Whitfield Advisory market update: " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
                + " " + day.getYear();
        Instant at = LocalDateTime.of(day, LocalTime.of(7, 0)).atZone(OWNER_ZONE).toInstant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("list-id", "Whitfield Advisory market update <market-update.lists." + OWNER_DOMAIN + ">");
        headers.put("list-unsubscribe", "<mailto:leave-market-update@lists." + OWNER_DOMAIN + ">, <https://lists."
                + OWNER_DOMAIN + "/unsubscribe/" + events.uniqueHex(12) + ">");
        headers.put("precedence", "bulk");
        events.post(events.newThread(subject), OWNER, List.of(list), List.of(), at, subject, headers);
        events.post(events.newThread(subject), new Person("Whitfield Advisory", list.address()), List.of(list), List.of(),
                at.plusSeconds(40 + r.nextInt(200)), subject, headers);
    }

    // =================================================================================================
    // Time
    // =================================================================================================

    private Instant daysAgo(double days) {
        return now.minusMillis((long) (days * 86_400_000L));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant between(Instant from, Instant to) {
        long span = Duration.between(from, to).getSeconds();
        return span <= 0 ? from : from.plusSeconds(r.nextLong(span));
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Saturday moves back to Friday and Sunday on to Monday. */
    private static LocalDate weekdayNear(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) return d.minusDays(1);
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) return d.plusDays(1);
        return d;
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate x = d.plusDays(1);
        while (isWeekend(x)) x = x.plusDays(1);
        return x;
    }

    private static LocalDate previousWeekday(LocalDate d) {
        LocalDate x = d.minusDays(1);
        while (isWeekend(x)) x = x.minusDays(1);
        return x;
    }

    /** A moment in the working day (08:10–18:10 in {@code zone}) of the weekday nearest {@code approx}. */
    private Instant workMoment(Instant approx, ZoneId zone) {
        LocalDate d = weekdayNear(approx.atZone(zone).toLocalDate());
        int minute = 8 * 60 + 10 + r.nextInt(10 * 60);
        return LocalDateTime.of(d, LocalTime.of(minute / 60, minute % 60)).atZone(zone).toInstant();
    }

    /** Like {@link #workMoment} but never after now: moves back a working day at a time. */
    private Instant pastWorkMoment(Instant approx, ZoneId zone) {
        Instant t = workMoment(approx, zone);
        LocalDate d = t.atZone(zone).toLocalDate();
        while (t.isAfter(now)) {
            d = previousWeekday(d);
            int minute = 8 * 60 + 10 + r.nextInt(10 * 60);
            t = LocalDateTime.of(d, LocalTime.of(minute / 60, minute % 60)).atZone(zone).toInstant();
        }
        return t;
    }

    /** When someone in {@code zone} answers a message sent at {@code previous}: some hours later, in their working day. */
    private Instant replyAfter(Instant previous, ZoneId zone, double minHours, double maxHours) {
        Instant t = previous.plusSeconds((long) (r.uniform(minHours, maxHours) * 3600));
        ZonedDateTime z = t.atZone(zone);
        LocalDate d = z.toLocalDate();
        int minute = z.getHour() * 60 + z.getMinute();
        if (isWeekend(d) || minute >= 19 * 60) {
            d = nextWeekday(d);
            int m = 8 * 60 + r.nextInt(150);
            t = LocalDateTime.of(d, LocalTime.of(m / 60, m % 60)).atZone(zone).toInstant();
        } else if (minute < 8 * 60) {
            int m = 8 * 60 + r.nextInt(90);
            t = LocalDateTime.of(d, LocalTime.of(m / 60, m % 60)).atZone(zone).toInstant();
        }
        if (!t.isAfter(previous)) t = previous.plusSeconds(600 + r.nextInt(3600));
        return t;
    }

    private static String lastWord(String s) {
        return s.substring(s.lastIndexOf(' ') + 1);
    }
}
