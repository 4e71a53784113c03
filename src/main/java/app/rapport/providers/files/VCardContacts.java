package app.rapport.providers.files;

import app.rapport.providers.files.ContactImport.ClientDraft;
import app.rapport.providers.files.ContactImport.ImportResult;
import app.rapport.providers.files.ContactImport.Rejection;
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Kind;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads vCards (2.1, 3.0 and 4.0) with ez-vcard. Values ez-vcard cannot parse are skipped; the contact is
 * judged on what could be read.
 *
 * <p>Name: FN, except when FN only repeats the ORG and N names a person (Apple does this). Kind: KIND
 * (4.0: org → company, group → household) or Apple's X-ABShowAs:COMPANY when present; otherwise a card
 * with an ORG and no person name in N or FN is a COMPANY named after the ORG, and every other card is a
 * PERSON whose ORG is kept in the notes as "Organisation: …".
 */
final class VCardContacts {
    private VCardContacts() {}

    static ImportResult read(String text) {
        List<ClientDraft> drafts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int number = 0;
        try (VCardReader reader = new VCardReader(text)) {
            // Quoted-printable values without a CHARSET parameter: UTF-8 is what current exporters write.
            reader.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
            for (VCard card = reader.readNext(); card != null; card = reader.readNext()) {
                number++;
                ContactDraftRules.Outcome outcome;
                try {
                    outcome = ContactDraftRules.apply(number, toRaw(card));
                } catch (RuntimeException e) {
                    outcome = ContactDraftRules.Outcome.rejected("unreadable card: " + e.getClass().getSimpleName());
                }
                if (outcome.draft() != null) drafts.add(outcome.draft());
                else rejections.add(new Rejection(number, outcome.rejection()));
            }
        } catch (IOException | RuntimeException e) {
            rejections.add(new Rejection(number + 1, "unreadable vCard from here on: " + e.getClass().getSimpleName()));
        }
        return new ImportResult(drafts, rejections);
    }

    private static RawContact toRaw(VCard card) {
        String name = firstClean(card.getFormattedNames().stream().map(FormattedName::getValue));
        String personName = card.getStructuredNames().stream()
                .filter(n -> notBlank(n.getGiven()) || notBlank(n.getFamily()))
                .findFirst().map(VCardContacts::fullName).orElse(null);
        String organisation = firstClean(card.getOrganizations().stream().flatMap(org -> org.getValues().stream()));
        List<String> emails = card.getEmails().stream().map(Email::getValue).filter(VCardContacts::notBlank).toList();
        String timeZone = firstClean(card.getTimezones().stream()
                .map(tz -> notBlank(tz.getText()) ? tz.getText() : tz.getOffset() == null ? null : tz.getOffset().getId()));
        String phone = card.getTelephoneNumbers().stream()
                .filter(tel -> notBlank(number(tel))
                        && !tel.getTypes().contains(TelephoneType.FAX) && !tel.getTypes().contains(TelephoneType.PAGER))
                .min(Comparator.comparingInt(VCardContacts::phoneRank))
                .map(tel -> number(tel).strip()).orElse(null);
        String notes = card.getNotes().stream().map(Note::getValue).filter(VCardContacts::notBlank)
                .map(String::strip).collect(Collectors.collectingAndThen(Collectors.joining("\n"), s -> s.isEmpty() ? null : s));
        return new RawContact(name, personName, organisation, kind(card), null, emails, null, timeZone, phone, notes);
    }

    private static String kind(VCard card) {
        Kind kind = card.getKind();
        if (kind != null && kind.isOrg()) return "company";
        if (kind != null && kind.isGroup()) return "household";
        if (kind != null && kind.isIndividual()) return "person";
        RawProperty showAs = card.getExtendedProperty("X-ABShowAs");
        return showAs != null && showAs.getValue() != null && showAs.getValue().strip().equalsIgnoreCase("COMPANY") ? "company" : null;
    }

    private static String fullName(StructuredName n) {
        List<String> parts = new ArrayList<>(n.getPrefixes());
        parts.add(n.getGiven());
        parts.addAll(n.getAdditionalNames());
        parts.add(n.getFamily());
        parts.addAll(n.getSuffixes());
        return parts.stream().filter(VCardContacts::notBlank).map(String::strip).collect(Collectors.joining(" "));
    }

    private static String number(Telephone tel) {
        return tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : null;
    }

    /** Preferred numbers first, then mobiles, then the rest. */
    private static int phoneRank(Telephone tel) {
        if (tel.getPref() != null || tel.getTypes().contains(TelephoneType.PREF)) return 0;
        return tel.getTypes().contains(TelephoneType.CELL) ? 1 : 2;
    }

    private static String firstClean(Stream<String> values) {
        return values.map(ContactDraftRules::clean).filter(v -> v != null).findFirst().orElse(null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** True when the text holds a vCard start line (any case, as RFC 2426's example writes "BEGIN:vCard"). */
    static boolean looksLikeVCard(String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return head.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD");
    }
}
