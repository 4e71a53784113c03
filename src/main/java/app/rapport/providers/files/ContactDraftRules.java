package app.rapport.providers.files;

import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.providers.files.ContactImport.ClientDraft;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawContact} into a {@link ClientDraft}, or says in one phrase why it cannot.
 * Both the CSV and the vCard readers go through here, so the two formats obey the same rules.
 */
final class ContactDraftRules {
    private ContactDraftRules() {}

    /** Tier names are short labels ("A", "Gold"); anything longer is a column mix-up, not a tier. */
    static final int MAX_TIER_LENGTH = 16;

    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    // Separators seen in exports: Gmail joins several addresses in one cell with " ::: ".
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?::::|[;,\\r\\n])\\s*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Either a draft or the reason the contact was rejected; exactly one is non-null. */
    record Outcome(ClientDraft draft, String rejection) {
        static Outcome rejected(String reason) {
            return new Outcome(null, reason);
        }
    }

    static Outcome apply(int recordNumber, RawContact raw) {
        List<String> emails = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String firstDisplayName = null;
        for (String value : raw.emails()) {
            String item = value.strip();
            Optional<EmailAddresses.Mailbox> parsed = EmailAddresses.parseOne(item);
            if (parsed.isEmpty() || !plausibleAddress(parsed.get().address())) {
                return Outcome.rejected("malformed email '" + item + "'");
            }
            EmailAddresses.Mailbox mailbox = parsed.get();
            if (seen.add(EmailAddresses.normalize(mailbox.address()))) {
                emails.add(mailbox.address());
                if (firstDisplayName == null && !mailbox.displayName().isBlank()) {
                    firstDisplayName = mailbox.displayName();
                }
            }
        }

        String name = clean(raw.name());
        String personName = clean(raw.personName());
        String organisation = clean(raw.organisation());

        ClientKind kind;
        String explicitKind = clean(raw.kind());
        if (explicitKind != null) {
            Optional<ClientKind> parsed = parseKind(explicitKind);
            if (parsed.isEmpty()) {
                return Outcome.rejected("unknown kind '" + explicitKind + "' (use person, household or company)");
            }
            kind = parsed.get();
        } else if (personName == null && organisation != null
                && (name == null || name.equalsIgnoreCase(organisation))) {
            kind = ClientKind.COMPANY;
        } else {
            kind = ClientKind.PERSON;
        }

        String contactLine = null;
        if (kind == ClientKind.COMPANY) {
            String company = organisation != null ? organisation : name;
            String person = personName != null ? personName : (name != null && !name.equalsIgnoreCase(company) ? name : null);
            if (person != null && company != null && !person.equalsIgnoreCase(company)) contactLine = "Contact: " + person;
            name = company != null ? company : person;
        } else if (personName != null && (name == null || name.equalsIgnoreCase(organisation))) {
            // A card whose formatted name is just the company (Apple writes FN = ORG) still names a person in N.
            name = personName;
        }
        if (name == null) name = firstDisplayName;
        if (name == null && !emails.isEmpty()) name = emails.get(0);
        if (name == null) {
            return Outcome.rejected("no name and no email");
        }

        String tier = clean(raw.tier());
        if (tier != null) {
            if (tier.length() > MAX_TIER_LENGTH) {
                return Outcome.rejected("tier '" + tier + "' is longer than " + MAX_TIER_LENGTH + " characters");
            }
            if (tier.length() == 1) tier = tier.toUpperCase(Locale.ROOT);
        }

        String domain = clean(raw.domain());
        if (domain != null) {
            String normalized = EmailAddresses.normalizeDomain(domain);
            if (!DOMAIN.matcher(normalized).matches()) {
                return Outcome.rejected("malformed domain '" + domain + "'");
            }
            domain = normalized;
        }

        String timeZone = clean(raw.timeZone());
        if (timeZone != null) {
            try {
                timeZone = ZoneId.of(timeZone).getId();
            } catch (DateTimeException e) {
                return Outcome.rejected("unknown time zone '" + timeZone + "'");
            }
        }

        String notes = clean(raw.notes());
        if (organisation != null && kind != ClientKind.COMPANY) notes = appendLine(notes, "Organisation: " + organisation);
        if (contactLine != null) notes = appendLine(notes, contactLine);

        return new Outcome(new ClientDraft(recordNumber, name, kind, tier, emails, domain, timeZone, clean(raw.phone()), notes), null);
    }

    private static String appendLine(String text, String line) {
        return text == null ? line : text + "\n" + line;
    }

    static Optional<ClientKind> parseKind(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "person": case "individual": case "private": case "single":
                return Optional.of(ClientKind.PERSON);
            case "household": case "family": case "couple": case "group":
                return Optional.of(ClientKind.HOUSEHOLD);
            case "company": case "business": case "organisation": case "organization": case "org": case "firm":
                return Optional.of(ClientKind.COMPANY);
            default:
                return Optional.empty();
        }
    }

    /** Splits one cell into address items: by ";", ",", newline or Gmail's ":::", and by blanks between bare addresses. */
    static List<String> splitAddresses(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String part : LIST_SEPARATOR.split(value.trim())) {
            if (part.isBlank()) continue;
            if (part.indexOf('<') >= 0 || part.indexOf('"') >= 0) {
                out.add(part.trim());
            } else {
                for (String word : BLANKS.split(part.trim())) {
                    if (!word.isEmpty()) out.add(word);
                }
            }
        }
        return out;
    }

    // jakarta.mail's lenient parser accepts "a@b" for any b; a client address needs a dotted domain
    // and no blanks, or nothing will ever match it.
    private static boolean plausibleAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) return false;
        String domain = address.substring(at + 1);
        return domain.indexOf('.') > 0 && !domain.endsWith(".") && address.chars().noneMatch(Character::isWhitespace);
    }

    /** Trimmed text, or null when blank. */
    static String clean(String value) {
        if (value == null) return null;
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
