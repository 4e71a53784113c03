package app.rapport.demo;

import static app.rapport.demo.DemoVocabulary.*;

import app.rapport.demo.DemoBook.HardCase;
import app.rapport.demo.DemoCast.Contact;
import app.rapport.demo.DemoCast.Story;
import app.rapport.demo.DemoEvents.Person;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.relationship.Status;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the ~150 clients of the demo book: the six hard cases with fixed names, and the rest drawn from
 * the vocabulary with the seed. Each client gets a target status (about 40 % active, 30 % cooling and 30 %
 * inactive in every tier) and the age of its last counting contact that produces that status.
 */
final class DemoRoster {

    /** Zones and their weights: most clients are near the owner in London, the rest spread over the world. */
    private static final String[] ZONES = {
        "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Dublin", "Europe/Zurich", "America/New_York",
        "America/Chicago", "America/Los_Angeles", "America/Toronto", "Asia/Singapore", "Australia/Sydney", "Asia/Dubai"};
    private static final int[] ZONE_WEIGHTS = {40, 10, 4, 3, 3, 12, 6, 6, 3, 6, 5, 2};

    private static final Story[] STORIES = Story.values();
    private static final int[] STORY_WEIGHTS = {40, 15, 15, 10, 10, 10};

    /** Exact status boundaries leave this many days of margin, so rounding a due date to midnight cannot flip a status. */
    private static final double MARGIN_DAYS = 3;
    /** The oldest last contact: two years of history, less the margin. */
    private static final double OLDEST_DAYS = 712;

    private final DemoRandom r;
    private final Set<String> names = new HashSet<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> domains = new HashSet<>();
    private final Set<String> privateSurnames = new HashSet<>();
    /** Normalised addresses of every client, so strangers invented later never collide with one. */
    final Set<String> addresses = new HashSet<>();

    DemoRoster(DemoRandom r) {
        this.r = r;
    }

    List<DemoCast> build() {
        List<DemoCast> hard = hardCases();
        List<DemoCast> random = new ArrayList<>();
        addRandom(random, "A", ClientKind.PERSON, 5);
        addRandom(random, "A", ClientKind.HOUSEHOLD, 5);
        addRandom(random, "A", ClientKind.COMPANY, 8);
        addRandom(random, "B", ClientKind.PERSON, 18);
        addRandom(random, "B", ClientKind.HOUSEHOLD, 11);
        addRandom(random, "B", ClientKind.COMPANY, 18);
        addRandom(random, "C", ClientKind.PERSON, 38);
        addRandom(random, "C", ClientKind.HOUSEHOLD, 14);
        addRandom(random, "C", ClientKind.COMPANY, 27);
        assignStatuses(random);
        assignOverrides(random);
        for (DemoCast c : random) c.ageDays = ageFor(c);
        List<DemoCast> all = new ArrayList<>(hard);
        all.addAll(random);
        for (DemoCast c : all) c.random = r.split();
        all.sort(Comparator.comparing(c -> c.key));
        return all;
    }

    // ---- the hard cases -----------------------------------------------------------------------------

    private List<DemoCast> hardCases() {
        List<DemoCast> out = new ArrayList<>();
        ZoneId london = ZoneId.of("Europe/London");

        DemoCast margaret = fixed(HardCase.ONLY_INBOUND, "Margaret Ellison", ClientKind.PERSON, "C", london,
                "Demo case: only ever writes in. Dana has never written back, called or met her.");
        margaret.contacts.add(new Contact(new Person("Margaret Ellison", "maggie.ellison@gmail.com"),
                new Person("Maggie Ellison", "maggie.ellison@gmail.com"), "Margaret"));
        margaret.target = Status.ACTIVE;
        margaret.ageDays = 125;
        margaret.line = "ISA top-up";
        out.add(margaret);

        DemoCast brightwater = fixed(HardCase.ONLY_SALES, "Brightwater Marine Supplies", ClientKind.COMPANY, "B", london,
                "Demo case: every contact so far, both ways, has been a pitch, a quote or a renewal.");
        brightwater.domain = "brightwater-marine.co.uk";
        brightwater.companyWord = "Brightwater";
        companyContact(brightwater, "Ngozi", "Adeyemi", "ngozi.adeyemi");
        companyContact(brightwater, "Pete", "Lawson", "p.lawson");
        brightwater.target = Status.ACTIVE;
        brightwater.ageDays = 41;
        brightwater.line = "marine cargo";
        out.add(brightwater);

        DemoCast haldane = fixed(HardCase.LONG_SILENCE, "Tom and Ruth Haldane", ClientKind.HOUSEHOLD, "B", london,
                "Demo case: no contact at all for well over a year. Joint portfolio and home cover.");
        haldane.contacts.add(Contact.plain("Tom Haldane", "tom.haldane@btinternet.com", "Tom"));
        haldane.contacts.add(new Contact(new Person("Ruth Haldane", "Ruth.Haldane@gmail.com"),
                new Person("Ruth Haldane", "ruthhaldane@gmail.com"), "Ruth"));
        haldane.target = Status.INACTIVE;
        haldane.ageDays = 436;
        haldane.line = "portfolio rebalancing";
        haldane.birthday = MonthDay.of(3, 14);
        out.add(haldane);

        DemoCast eleanor = fixed(HardCase.REPLY_OWED, "Eleanor Voss", ClientKind.PERSON, "A", london,
                "Demo case: wrote two days ago about her statement and is waiting for Dana's answer.");
        eleanor.contacts.add(Contact.plain("Eleanor Voss", "eleanor.voss@outlook.com", "Eleanor"));
        eleanor.target = Status.ACTIVE;
        eleanor.ageDays = 2;
        eleanor.line = "pension consolidation";
        eleanor.birthday = MonthDay.of(9, 2);
        eleanor.replyProbability = 0.85;
        out.add(eleanor);

        DemoCast kestrel = fixed(HardCase.UNANSWERED_PROPOSALS, "Kestrel Print Works", ClientKind.COMPANY, "B", london,
                "Demo case: lunch with Sam five months ago, then three proposals in a row with no reply.");
        kestrel.domain = "kestrelprint.co.uk";
        kestrel.companyWord = "Kestrel";
        companyContact(kestrel, "Sam", "Whitlock", "sam");
        companyContact(kestrel, "Leila", "Haddad", "leila.haddad");
        kestrel.target = Status.COOLING;
        kestrel.ageDays = 152;
        kestrel.line = "commercial property";
        out.add(kestrel);

        DemoCast northgate = fixed(HardCase.MEETING_NEXT_WEEK, "Northgate Dental Group", ClientKind.COMPANY, "A",
                ZoneId.of("America/New_York"),
                "Demo case: the quarterly review is booked for next week, while the relationship is cooling.");
        northgate.domain = "northgatedental.com";
        northgate.companyWord = "Northgate";
        northgate.contacts.add(Contact.plain("Dr. Aaron Feld", "afeld@northgatedental.com", "Aaron"));
        companyContact(northgate, "Maria", "Santos", "msantos");
        northgate.unlisted.add(Contact.plain("Northgate Practice Office", "office@northgatedental.com", "team"));
        northgate.target = Status.COOLING;
        northgate.ageDays = 20;
        northgate.line = "professional indemnity";
        out.add(northgate);

        for (DemoCast c : out) {
            for (Contact k : c.contacts) addresses.add(EmailAddresses.normalize(k.onFile().address()));
        }
        return out;
    }

    private DemoCast fixed(HardCase hardCase, String name, ClientKind kind, String tier, ZoneId zone, String notes) {
        DemoCast c = new DemoCast();
        c.hardCase = hardCase;
        c.key = hardCase.key();
        c.name = name;
        c.kind = kind;
        c.tier = tier;
        c.zone = zone;
        c.region = "anglo";
        c.notes = notes;
        names.add(name);
        keys.add(c.key);
        String[] words = name.split(" ");
        privateSurnames.add(words[words.length - 1]);
        return c;
    }

    private void companyContact(DemoCast c, String first, String last, String local) {
        domains.add(c.domain);
        c.contacts.add(Contact.plain(first + " " + last, local + "@" + c.domain, first));
    }

    // ---- random clients -----------------------------------------------------------------------------

    private void addRandom(List<DemoCast> out, String tier, ClientKind kind, int count) {
        for (int i = 0; i < count; i++) {
            DemoCast c = new DemoCast();
            c.tier = tier;
            c.kind = kind;
            c.zone = ZoneId.of(ZONES[r.weighted(ZONE_WEIGHTS)]);
            c.region = region(c.zone);
            c.story = STORIES[r.weighted(STORY_WEIGHTS)];
            switch (kind) {
                case PERSON: person(c); break;
                case HOUSEHOLD: household(c); break;
                default: company(c); break;
            }
            c.key = uniqueKey(slug(c.name, "-"));
            tune(c);
            for (Contact k : c.contacts) addresses.add(EmailAddresses.normalize(k.onFile().address()));
            out.add(c);
        }
    }

    private void tune(DemoCast c) {
        switch (c.story) {
            case QUIET: c.replyProbability = 0.35; c.clientReplyMinHours = 24; c.clientReplyMaxHours = 120; break;
            case CHATTY: c.replyProbability = 0.92; c.clientReplyMinHours = 0.5; c.clientReplyMaxHours = 10; break;
            case SALES_PUSH: c.replyProbability = 0.55; break;
            case SOCIAL: c.replyProbability = 0.85; break;
            case SERVICE_HEAVY: c.replyProbability = 0.8; break;
            default: c.replyProbability = 0.75; break;
        }
    }

    private void person(DemoCast c) {
        String[] n = uniquePrivateName(c.region);
        c.name = n[0] + " " + n[1];
        c.contacts.add(personalAddress(n[0], n[1], c.zone, true));
        c.line = r.pick(PRIVATE_PRODUCTS);
        c.birthday = MonthDay.of(1 + r.nextInt(12), 1 + r.nextInt(28));
        c.notes = r.pick(List.of(
                "Retired; two grandchildren. Prefers a call in the morning.",
                "GP with a young family; reads email late in the evening.",
                "Self-employed designer; irregular income, likes clear numbers.",
                "Recently sold a business; thinking about retirement income.",
                "Works in tech; keen on low-cost funds. Prefers video calls.",
                "Widowed last year; check in gently and often.",
                "Keen golfer; enjoys a lunch rather than a call.",
                "Teacher; wants the school fees plan kept simple."));
    }

    private void household(DemoCast c) {
        String[] n = uniquePrivateName(c.region);
        String second = n[0];
        List<String> firsts = firstNames(c.region);
        while (second.equals(n[0])) second = r.pick(firsts);
        c.name = n[0] + " and " + second + " " + n[1];
        int style = r.nextInt(10);
        if (style < 5) {
            c.contacts.add(personalAddress(n[0], n[1], c.zone, true));
            c.contacts.add(personalAddress(second, n[1], c.zone, false));
        } else if (style < 8) {
            String shared = "the" + local(n[1]) + "s@" + r.pick(freeMail(c.zone));
            shared = uniqueAddress(shared);
            c.contacts.add(new Contact(new Person(c.name, shared), new Person(n[0] + " " + n[1], shared), n[0]));
            c.contacts.add(personalAddress(second, n[1], c.zone, false));
        } else {
            c.contacts.add(personalAddress(second, n[1], c.zone, true));
            c.contacts.add(personalAddress(n[0], n[1], c.zone, false));
        }
        c.line = r.pick(PRIVATE_PRODUCTS);
        c.birthday = MonthDay.of(1 + r.nextInt(12), 1 + r.nextInt(28));
        c.notes = r.pick(List.of(
                "Joint portfolio and home cover; children at university.",
                "Planning to downsize in the next two years.",
                "Both still working; saving hard for early retirement.",
                "Household with a holiday let; landlord cover renews in spring.",
                "Grandparents funding school fees; meet them together."));
    }

    private void company(DemoCast c) {
        String word;
        String trade;
        String suffix = "";
        String name;
        do {
            if (c.region.equals("german")) {
                word = r.pick(GERMAN_COMPANY_WORDS);
                trade = r.pick(GERMAN_COMPANY_TRADES);
                suffix = " GmbH";
            } else {
                word = r.pick(COMPANY_WORDS);
                trade = r.pick(COMPANY_TRADES);
                if (c.zone.getId().equals("Asia/Singapore")) suffix = " Pte Ltd";
                else if (c.zone.getId().equals("Australia/Sydney")) suffix = " Pty Ltd";
            }
            name = word + " " + trade + suffix;
        } while (names.contains(name) || domains.contains(domainFor(word, trade, c.zone)));
        names.add(name);
        c.name = name;
        c.companyWord = word;
        c.domain = domainFor(word, trade, c.zone);
        domains.add(c.domain);

        int count = c.tier.equals("A") ? 3 : c.tier.equals("B") ? 2 + r.nextInt(2) : 1 + r.nextInt(2);
        int pattern = r.nextInt(4);
        List<String> firsts = firstNames(c.region);
        List<String> lasts = lastNames(c.region);
        Set<String> seen = new HashSet<>();
        while (c.contacts.size() < count) {
            String first = r.pick(firsts);
            String last = r.pick(lasts);
            String localPart = companyLocal(first, last, pattern);
            if (!seen.add(localPart)) continue;
            c.contacts.add(Contact.plain(first + " " + last, localPart + "@" + c.domain, first));
        }
        c.unlisted.add(Contact.plain(word + " Accounts", "accounts@" + c.domain, "team"));
        if (r.nextInt(2) == 0) {
            String first = r.pick(firsts);
            String last = r.pick(lasts);
            String localPart = companyLocal(first, last, pattern);
            if (seen.add(localPart)) c.unlisted.add(Contact.plain(first + " " + last, localPart + "@" + c.domain, first));
        }
        c.line = r.pick(COMPANY_LINES);
        String role = r.pick(List.of("finance director", "managing director", "office manager", "operations manager", "founder"));
        c.notes = r.pick(List.of("%s firm, about %d staff. Main contact: %s, %s.",
                        "Family-owned %s business, %d staff. %s (%s) signs off renewals.",
                        "%s company growing fast, %d staff. Talk to %s, the %s."))
                .formatted(trade.toLowerCase(Locale.ROOT), 8 + r.nextInt(240), c.main().onFile().name(), role);
    }

    private static String companyLocal(String first, String last, int pattern) {
        String f = local(first);
        String l = local(last);
        switch (pattern) {
            case 0: return f + "." + l;
            case 1: return f.charAt(0) + "." + l;
            case 2: return f;
            default: return f + l.charAt(0);
        }
    }

    /** A private address in one of the styles people really use, with the variant their mail comes from. */
    private Contact personalAddress(String first, String last, ZoneId zone, boolean allowTricks) {
        String f = local(first);
        String l = local(last);
        String name = first + " " + last;
        int style = r.nextInt(10);
        if (!allowTricks && style >= 6) style = r.nextInt(6);
        String domain = r.pick(freeMail(zone));
        String address;
        switch (style) {
            case 3: address = f + l + (40 + r.nextInt(60)) + "@" + domain; break;
            case 4: address = f.charAt(0) + "." + l + "@" + domain; break;
            case 5: address = l + "." + f + "@" + domain; break;
            case 6:
            case 7: {
                // Recorded as "J.Smith+advisor@gmail.com"; Gmail delivers their mail from the plain account,
                // written with or without the dot (Gmail ignores dots).
                String tag = r.pick(List.of("advisor", "finance", "dana", "insurance"));
                String base = style == 6 ? f.charAt(0) + "." + l : f + "." + l;
                if (addresses.contains(base.replace(".", "") + "@gmail.com")) base = base + (10 + r.nextInt(90));
                StringBuilder onFile = new StringBuilder();
                for (String part : base.split("\\.")) {
                    if (onFile.length() > 0) onFile.append('.');
                    onFile.append(capitalise(part));
                }
                onFile.append('+').append(tag).append("@gmail.com");
                addresses.add(EmailAddresses.normalize(onFile.toString()));
                String from = (r.nextBoolean() ? base : base.replace(".", "")) + "@gmail.com";
                return new Contact(new Person(name, onFile.toString()), new Person(name, from), first);
            }
            case 8: {
                // Gmail ignores dots: recorded dotted, mail comes from the undotted form.
                String dotted = uniqueAddress(f + "." + l + "@gmail.com");
                String from = dotted.substring(0, dotted.indexOf('@')).replace(".", "") + "@gmail.com";
                return new Contact(new Person(name, dotted), new Person(name, from), first);
            }
            case 9: address = f + "@" + f + l + tld(zone); break;
            default: address = f + "." + l + "@" + domain; break;
        }
        return Contact.plain(name, uniqueAddress(address), first);
    }

    private String uniqueAddress(String address) {
        String candidate = address;
        int n = 2;
        while (addresses.contains(EmailAddresses.normalize(candidate))) {
            int at = address.indexOf('@');
            candidate = address.substring(0, at) + n++ + address.substring(at);
        }
        addresses.add(EmailAddresses.normalize(candidate));
        return candidate;
    }

    private String[] uniquePrivateName(String region) {
        List<String> firsts = firstNames(region);
        List<String> lasts = lastNames(region);
        for (int attempt = 0; ; attempt++) {
            String last = r.pick(lasts);
            if (privateSurnames.contains(last) && attempt < 200) continue;
            String first = r.pick(firsts);
            if (names.contains(first + " " + last)) continue;
            privateSurnames.add(last);
            names.add(first + " " + last);
            return new String[] {first, last};
        }
    }

    private String uniqueKey(String base) {
        String key = base;
        int n = 2;
        while (!keys.add(key)) key = base + "-" + n++;
        return key;
    }

    // ---- statuses -----------------------------------------------------------------------------------

    private void assignStatuses(List<DemoCast> random) {
        for (String tier : List.of("A", "B", "C")) {
            List<DemoCast> inTier = new ArrayList<>();
            for (DemoCast c : random) if (c.tier.equals(tier)) inTier.add(c);
            int n = inTier.size();
            int active = (int) Math.round(n * 0.4);
            int cooling = (int) Math.round(n * 0.3);
            List<Status> statuses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                statuses.add(i < active ? Status.ACTIVE : i < active + cooling ? Status.COOLING : Status.INACTIVE);
            }
            r.shuffle(statuses);
            for (int i = 0; i < n; i++) inTier.get(i).target = statuses.get(i);
        }
    }

    /** A handful of clients with their own rhythm, each with the note that explains it. */
    private void assignOverrides(List<DemoCast> random) {
        overrideFirst(random, "A", ClientKind.HOUSEHOLD, 45, "Asked to be contacted every six weeks rather than monthly.");
        overrideFirst(random, "B", ClientKind.PERSON, 60, "Prefers a call every two months.");
        overrideFirst(random, "B", ClientKind.COMPANY, 120, "Board meets quarterly; touch base every four months.");
        overrideFirst(random, "C", ClientKind.PERSON, 90, "Recently widowed: check in more often than the tier asks.");
        overrideFirst(random, "C", ClientKind.COMPANY, 365, "Asked for one annual contact only.");
    }

    private void overrideFirst(List<DemoCast> random, String tier, ClientKind kind, int days, String note) {
        for (DemoCast c : random) {
            if (c.tier.equals(tier) && c.kind == kind && c.cadenceOverride == null) {
                c.cadenceOverride = days;
                c.notes = c.notes + " " + note;
                return;
            }
        }
    }

    /**
     * Days since the last contact that counts, chosen inside the target status's window with a margin:
     * ACTIVE when less than (cadence - 14) days, COOLING up to twice the cadence, INACTIVE beyond.
     */
    private double ageFor(DemoCast c) {
        int cadence = c.cadenceDays();
        double activeHi = cadence - 14 - MARGIN_DAYS;
        double coolingLo = cadence - 14 + MARGIN_DAYS;
        double coolingHi = 2.0 * cadence - MARGIN_DAYS;
        double inactiveLo = 2.0 * cadence + MARGIN_DAYS;
        if (c.target == Status.INACTIVE && inactiveLo > OLDEST_DAYS) c.target = Status.COOLING;
        if (c.target == Status.ACTIVE && activeHi < 1.5) c.target = Status.COOLING;
        switch (c.target) {
            case ACTIVE: return r.uniform(0.8, activeHi);
            case COOLING: return r.uniform(coolingLo, Math.min(coolingHi, OLDEST_DAYS));
            default: return r.uniform(inactiveLo, Math.min(OLDEST_DAYS, inactiveLo + 1.5 * cadence));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static String region(ZoneId zone) {
        switch (zone.getId()) {
            case "Europe/Berlin": case "Europe/Zurich": return "german";
            case "Europe/Paris": return "french";
            case "Asia/Singapore": return "singapore";
            default: return "anglo";
        }
    }

    static List<String> firstNames(String region) {
        switch (region) {
            case "german": return GERMAN_FIRST;
            case "french": return FRENCH_FIRST;
            case "singapore": return SINGAPORE_FIRST;
            default: return ANGLO_FIRST;
        }
    }

    static List<String> lastNames(String region) {
        switch (region) {
            case "german": return GERMAN_LAST;
            case "french": return FRENCH_LAST;
            case "singapore": return SINGAPORE_LAST;
            default: return ANGLO_LAST;
        }
    }

    static List<String> freeMail(ZoneId zone) {
        switch (zone.getId()) {
            case "Europe/London": case "Europe/Dublin": return FREE_MAIL_UK;
            case "Europe/Berlin": case "Europe/Zurich": return FREE_MAIL_DE;
            case "Europe/Paris": return FREE_MAIL_FR;
            case "Asia/Singapore": return FREE_MAIL_SG;
            case "Australia/Sydney": return FREE_MAIL_AU;
            default: return FREE_MAIL_US;
        }
    }

    static String tld(ZoneId zone) {
        switch (zone.getId()) {
            case "Europe/London": return ".co.uk";
            case "Europe/Dublin": return ".ie";
            case "Europe/Berlin": return ".de";
            case "Europe/Zurich": return ".ch";
            case "Europe/Paris": return ".fr";
            case "America/Toronto": return ".ca";
            case "Asia/Singapore": return ".com.sg";
            case "Australia/Sydney": return ".com.au";
            case "Asia/Dubai": return ".ae";
            default: return ".com";
        }
    }

    private static String domainFor(String word, String trade, ZoneId zone) {
        return slug(word, "") + "-" + slug(trade.split(" ")[0], "") + tld(zone);
    }

    /** ASCII letters and digits only, lower case; blanks become {@code blank}. "Krüger" gives "kruger". */
    static String slug(String text, String blank) {
        StringBuilder sb = new StringBuilder();
        boolean lastBlank = false;
        for (char ch : text.toLowerCase(Locale.ROOT).toCharArray()) {
            char plain = ascii(ch);
            if ((plain >= 'a' && plain <= 'z') || (plain >= '0' && plain <= '9')) {
                sb.append(plain);
                lastBlank = false;
            } else if (ch == 'ß') {
                sb.append("ss");
                lastBlank = false;
            } else if ((ch == ' ' || ch == '-') && !lastBlank && sb.length() > 0) {
                sb.append(blank);
                lastBlank = !blank.isEmpty();
            }
        }
        return sb.toString();
    }

    // The accented letters the vocabulary uses; java.text.Normalizer would do, but costs a slow first call.
    private static final String ACCENTED = "àáâäãåçèéêëìíîïñòóôöõùúûüýÿ";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";

    private static char ascii(char ch) {
        int i = ACCENTED.indexOf(ch);
        return i < 0 ? ch : PLAIN.charAt(i);
    }

    static String local(String name) {
        return slug(name, "");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
