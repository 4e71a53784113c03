package app.rapport.providers.files;

import app.rapport.providers.files.ContactImport.ImportResult;
import app.rapport.providers.files.ContactImport.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a client list from CSV text. The header row decides what each column means, matched by name
 * without regard to case, blanks or underscores, so Rapport's own layout and the Gmail, Outlook,
 * Thunderbird and Roundcube export layouts all work.
 */
final class CsvContacts {
    private CsvContacts() {}

    private enum Role { NAME, GIVEN, MIDDLE, FAMILY, PREFIX, SUFFIX, EMAIL, PHONE, COMPANY, NOTES, TIER, DOMAIN, TIME_ZONE, KIND }

    // Gmail numbers repeated fields ("Phone 2 - Value") and puts their label in a sibling column ("Phone 2 - Type").
    private static final Pattern NUMBERED_VALUE = Pattern.compile("(.+?) (\\d+) - value");

    private record Column(int index, Role role, String header, int labelIndex) {}

    static ImportResult read(String text) {
        List<ContactImport.ClientDraft> drafts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (text.isBlank()) return new ImportResult(drafts, rejections);

        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(guessDelimiter(text))
                .setIgnoreEmptyLines(true)
                .get();
        int recordNumber = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) return new ImportResult(drafts, rejections);
            List<Column> columns = columns(records.next());
            if (columns.stream().noneMatch(c -> c.role() == Role.NAME || c.role() == Role.GIVEN
                    || c.role() == Role.FAMILY || c.role() == Role.EMAIL || c.role() == Role.COMPANY)) {
                throw new IllegalArgumentException(
                        "the CSV header names no name, email or company column, so this is not a contact list");
            }
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rejections.add(new Rejection(recordNumber + 1, "unreadable CSV from here on: " + rootMessage(e)));
                    break;
                }
                recordNumber++;
                if (isBlank(record)) continue;
                ContactDraftRules.Outcome outcome = ContactDraftRules.apply(recordNumber, toRaw(record, columns));
                if (outcome.draft() != null) {
                    drafts.add(outcome.draft());
                } else {
                    rejections.add(new Rejection(recordNumber, outcome.rejection()));
                }
            }
        } catch (IOException e) {
            // Parsing a String does no I/O; a failure here is malformed content.
            rejections.add(new Rejection(recordNumber + 1, "unreadable CSV: " + rootMessage(e)));
        }
        return new ImportResult(drafts, rejections);
    }

    private static List<Column> columns(CSVRecord header) {
        List<String> names = new ArrayList<>();
        for (String raw : header) names.add(normalizeHeader(raw));
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Role role = roleOf(name);
            if (role == null) continue;
            int labelIndex = -1;
            Matcher numbered = NUMBERED_VALUE.matcher(name);
            if (numbered.matches()) {
                String prefix = numbered.group(1) + " " + numbered.group(2) + " - ";
                labelIndex = Math.max(names.indexOf(prefix + "type"), names.indexOf(prefix + "label"));
            }
            columns.add(new Column(i, role, name, labelIndex));
        }
        return columns;
    }

    static String normalizeHeader(String raw) {
        String s = raw.replace("\uFEFF", "").replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return s.replaceAll("\\s+", " ");
    }

    private static Role roleOf(String h) {
        switch (h) {
            case "name": case "display name": case "displayname": case "full name": case "fullname":
            case "client": case "client name": case "contact name":
                return Role.NAME;
            case "first name": case "firstname": case "given name": case "first":
                return Role.GIVEN;
            case "middle name": case "additional name":
                return Role.MIDDLE;
            case "last name": case "lastname": case "family name": case "surname": case "last":
                return Role.FAMILY;
            case "title": case "name prefix": case "prefix":
                return Role.PREFIX;
            case "suffix": case "name suffix":
                return Role.SUFFIX;
            case "company": case "organization": case "organisation": case "organization 1 - name":
            case "organization name": case "org":
                return Role.COMPANY;
            case "notes": case "note": case "comments":
                return Role.NOTES;
            case "tier":
                return Role.TIER;
            case "domain": case "company domain":
                return Role.DOMAIN;
            case "time zone": case "timezone": case "tz":
                return Role.TIME_ZONE;
            case "kind": case "client kind":
                return Role.KIND;
            default:
                break;
        }
        boolean email = h.contains("email") || h.contains("e-mail");
        if (email && !h.contains("type") && !h.contains("label") && !h.contains("display")) return Role.EMAIL;
        boolean phone = h.contains("phone") || h.contains("mobile") || h.equals("tel") || h.equals("telephone");
        if (phone && !h.contains("fax") && !h.contains("pager") && !h.contains("type") && !h.contains("label")
                && !h.contains("yomi") && !h.contains("assistant")) {
            return Role.PHONE;
        }
        return null;
    }

    private static RawContact toRaw(CSVRecord record, List<Column> columns) {
        String name = null;
        String company = null;
        String notes = null;
        String tier = null;
        String domain = null;
        String timeZone = null;
        String kind = null;
        String prefix = null;
        String given = null;
        String middle = null;
        String family = null;
        String suffix = null;
        List<String> emails = new ArrayList<>();
        String phone = null;
        int phoneRank = Integer.MAX_VALUE;
        for (Column c : columns) {
            String v = ContactDraftRules.clean(value(record, c.index()));
            if (v == null) continue;
            switch (c.role()) {
                case NAME: if (name == null) name = v; break;
                case GIVEN: if (given == null) given = v; break;
                case MIDDLE: if (middle == null) middle = v; break;
                case FAMILY: if (family == null) family = v; break;
                case PREFIX: if (prefix == null) prefix = v; break;
                case SUFFIX: if (suffix == null) suffix = v; break;
                case COMPANY: if (company == null) company = v; break;
                case NOTES: notes = notes == null ? v : notes + "\n" + v; break;
                case TIER: if (tier == null) tier = v; break;
                case DOMAIN: if (domain == null) domain = v; break;
                case TIME_ZONE: if (timeZone == null) timeZone = v; break;
                case KIND: if (kind == null) kind = v; break;
                case EMAIL: emails.addAll(ContactDraftRules.splitAddresses(v)); break;
                case PHONE: {
                    String label = c.labelIndex() >= 0 ? value(record, c.labelIndex()) : c.header();
                    int rank = phoneRank(c.header(), label == null ? "" : label.toLowerCase(Locale.ROOT));
                    if (rank < phoneRank) {
                        phone = v;
                        phoneRank = rank;
                    }
                    break;
                }
                default:
                    break;
            }
        }
        String personName = null;
        if (given != null || family != null) {
            personName = join(prefix, given, middle, family, suffix);
        }
        return new RawContact(name, personName, company, kind, tier, emails, domain, timeZone, phone, notes);
    }

    /** Lower is better: Rapport's own "phone" column, then mobile, main, work and home numbers; faxes and pagers never. */
    private static int phoneRank(String header, String label) {
        if (label.contains("fax") || label.contains("pager")) return Integer.MAX_VALUE;
        if (header.equals("phone") || header.equals("tel") || header.equals("telephone")) return 0;
        if (label.contains("mobile") || label.contains("cell")) return 1;
        if (label.contains("main") || label.contains("primary")) return 2;
        if (label.contains("work") || label.contains("business")) return 3;
        if (label.contains("home")) return 4;
        return 5;
    }

    private static String value(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : null;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (v != null && !v.isBlank()) return false;
        }
        return true;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(p.strip());
        }
        return sb.toString();
    }

    /** The delimiter that occurs most in the header line outside quotes: Outlook writes ";" in some locales. */
    static char guessDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            if (ch == '\n') break;
            if (ch == ',') comma++;
            else if (ch == ';') semicolon++;
            else if (ch == '\t') tab++;
        }
        if (semicolon > comma && semicolon >= tab) return ';';
        if (tab > comma && tab > semicolon) return '\t';
        return ',';
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
