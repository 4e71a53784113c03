package app.rapport.providers.files;

import app.rapport.providers.files.ContactImport.ClientDraft;
import app.rapport.providers.files.ContactImport.ImportResult;
import app.rapport.providers.files.ContactImport.Rejection;
import com.github.mangstadt.vinnie.VObjectProperty;
import com.github.mangstadt.vinnie.io.Context;
import com.github.mangstadt.vinnie.io.SyntaxRules;
import com.github.mangstadt.vinnie.io.VObjectDataListener;
import com.github.mangstadt.vinnie.io.VObjectReader;
import com.github.mangstadt.vinnie.io.Warning;
import ezvcard.VCardDataType;
import ezvcard.VCardVersion;
import ezvcard.io.ParseContext;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.scribe.VCardPropertyScribe;
import ezvcard.parameter.TelephoneType;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Kind;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Timezone;
import ezvcard.property.VCardProperty;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads vCards (2.1, 3.0 and 4.0) with ez-vcard's own parser layers: vinnie for the syntax (folding,
 * quoted-printable, CHARSET) and ez-vcard's property scribes for the values.
 *
 * <p>It does not build {@code ezvcard.VCard} objects: that class refers to FreeMarker (for hCard output),
 * which the build leaves out, so loading it fails with NoClassDefFoundError.
 *
 * <p>Name: FN, except when FN only repeats the ORG and N names a person (Apple does this). Kind: KIND
 * (4.0: org → company, group → household) or Apple's X-ABShowAs:COMPANY when present; otherwise a card
 * with an ORG and no person name in N or FN is a COMPANY named after the ORG, and every other card is a
 * PERSON whose ORG is kept in the notes as "Organisation: …".
 */
final class VCardContacts {
    private VCardContacts() {}

    private static final ScribeIndex SCRIBES = new ScribeIndex();

    static ImportResult read(String text) {
        List<ClientDraft> drafts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        CardCollector collector = new CardCollector(card -> {
            ContactDraftRules.Outcome outcome;
            try {
                outcome = ContactDraftRules.apply(card.toRaw());
            } catch (RuntimeException e) {
                outcome = ContactDraftRules.Outcome.rejected("unreadable card: " + e.getClass().getSimpleName());
            }
            if (outcome.draft() != null) {
                drafts.add(outcome.draft());
            } else {
                rejections.add(new Rejection(card.number, outcome.rejection()));
            }
        });
        try (VObjectReader reader = new VObjectReader(new StringReader(text), SyntaxRules.vcard())) {
            // Quoted-printable values without a CHARSET parameter: UTF-8 is what current exporters write.
            reader.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
            reader.parse(collector);
        } catch (IOException | RuntimeException e) {
            rejections.add(new Rejection(collector.cards + 1, "unreadable vCard from here on: " + e.getClass().getSimpleName()));
        }
        return new ImportResult(drafts, rejections);
    }

    /** Collects the properties of each top-level card; nested cards (2.1 AGENT) are skipped. */
    private static final class CardCollector implements VObjectDataListener {
        private final java.util.function.Consumer<Card> sink;
        private int depth;
        private int cards;
        private Card current;

        CardCollector(java.util.function.Consumer<Card> sink) {
            this.sink = sink;
        }

        @Override
        public void onComponentBegin(String name, Context context) {
            depth++;
            if (depth == 1 && "VCARD".equalsIgnoreCase(name)) {
                cards++;
                current = new Card(cards);
            }
        }

        @Override
        public void onComponentEnd(String name, Context context) {
            if (depth == 1 && current != null) {
                sink.accept(current);
                current = null;
            }
            depth = Math.max(0, depth - 1);
        }

        @Override
        public void onVersion(String value, Context context) {
            if (depth == 1 && current != null) {
                VCardVersion version = VCardVersion.valueOfByStr(value);
                if (version != null) current.version = version;
            }
        }

        @Override
        public void onProperty(VObjectProperty property, Context context) {
            if (depth == 1 && current != null) current.add(property);
        }

        @Override
        public void onWarning(Warning warning, VObjectProperty property, Exception thrown, Context context) {
            // Malformed lines are skipped; the contact is judged on what could be read.
        }
    }

    private static final class Card {
        final int number;
        VCardVersion version = VCardVersion.V2_1;
        final List<VCardProperty> properties = new ArrayList<>();
        String showAs;

        Card(int number) {
            this.number = number;
        }

        void add(VObjectProperty raw) {
            String name = raw.getName() == null ? "" : raw.getName().toUpperCase(Locale.ROOT);
            if (name.equals("X-ABSHOWAS")) {
                showAs = raw.getValue();
                return;
            }
            VCardPropertyScribe<? extends VCardProperty> scribe = SCRIBES.getPropertyScribe(name);
            if (scribe == null) return;
            VCardParameters parameters = new VCardParameters(raw.getParameters().getMap());
            // vCard 2.1 writes types without a name ("TEL;CELL;PREF:"); they mean TYPE.
            List<String> nameless = parameters.removeAll(null);
            for (String type : nameless) parameters.put("TYPE", type);
            String valueType = parameters.first("VALUE");
            VCardDataType dataType = valueType == null ? scribe.defaultDataType(version) : VCardDataType.get(valueType);
            parameters.removeAll("VALUE");
            ParseContext context = new ParseContext();
            context.setVersion(version);
            context.setPropertyName(name);
            try {
                properties.add(scribe.parseText(raw.getValue() == null ? "" : raw.getValue(), dataType, parameters, context));
            } catch (RuntimeException e) {
                // ez-vcard signals an unparseable value (a bad date, say) by throwing; the property is skipped.
            }
        }

        <T extends VCardProperty> List<T> all(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (VCardProperty p : properties) {
                if (type.isInstance(p)) out.add(type.cast(p));
            }
            return out;
        }

        RawContact toRaw() {
            String name = null;
            for (FormattedName fn : all(FormattedName.class)) {
                name = ContactDraftRules.clean(fn.getValue());
                if (name != null) break;
            }

            String personName = null;
            for (StructuredName n : all(StructuredName.class)) {
                if (notBlank(n.getGiven()) || notBlank(n.getFamily())) {
                    List<String> parts = new ArrayList<>(n.getPrefixes());
                    parts.add(n.getGiven());
                    parts.addAll(n.getAdditionalNames());
                    parts.add(n.getFamily());
                    parts.addAll(n.getSuffixes());
                    personName = joinNonBlank(parts);
                    break;
                }
            }

            String organisation = null;
            for (Organization org : all(Organization.class)) {
                for (String value : org.getValues()) {
                    organisation = ContactDraftRules.clean(value);
                    if (organisation != null) break;
                }
                if (organisation != null) break;
            }

            String kind = null;
            for (Kind k : all(Kind.class)) {
                if (k.isOrg()) kind = "company";
                else if (k.isGroup()) kind = "household";
                else if (k.isIndividual()) kind = "person";
            }
            if (kind == null && showAs != null && "COMPANY".equalsIgnoreCase(showAs.trim())) kind = "company";

            List<String> emails = new ArrayList<>();
            for (Email email : all(Email.class)) {
                if (notBlank(email.getValue())) emails.add(email.getValue());
            }

            String timeZone = null;
            for (Timezone tz : all(Timezone.class)) {
                if (notBlank(tz.getText())) timeZone = tz.getText();
                else if (tz.getOffset() != null) timeZone = tz.getOffset().getId();
                if (timeZone != null) break;
            }

            String phone = null;
            int phoneRank = Integer.MAX_VALUE;
            for (Telephone tel : all(Telephone.class)) {
                String number = tel.getText() != null ? tel.getText() : tel.getUri() != null ? tel.getUri().getNumber() : null;
                if (!notBlank(number)) continue;
                List<TelephoneType> types = tel.getTypes();
                if (types.contains(TelephoneType.FAX) || types.contains(TelephoneType.PAGER)) continue;
                int rank = (tel.getPref() != null || types.contains(TelephoneType.PREF)) ? 0
                        : types.contains(TelephoneType.CELL) ? 1 : 2;
                if (rank < phoneRank) {
                    phone = number.strip();
                    phoneRank = rank;
                }
            }

            List<String> notes = new ArrayList<>();
            for (Note note : all(Note.class)) {
                if (notBlank(note.getValue())) notes.add(note.getValue().strip());
            }
            String noteText = notes.isEmpty() ? null : String.join("\n", notes);

            return new RawContact(name, personName, organisation, kind, null, emails, null, timeZone, phone, noteText);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String joinNonBlank(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!notBlank(p)) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(p.strip());
        }
        return sb.toString();
    }

    /** True when the text holds a vCard start line (any case, as RFC 2426's example writes "BEGIN:vCard"). */
    static boolean looksLikeVCard(String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return head.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD");
    }
}
