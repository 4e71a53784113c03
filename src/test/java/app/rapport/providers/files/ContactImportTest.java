package app.rapport.providers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.rapport.domain.client.ClientKind;
import app.rapport.providers.files.ContactImport.ClientDraft;
import app.rapport.providers.files.ContactImport.ImportResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContactImportTest {

    static Path contactsDir() {
        String base = System.getProperty("rapport.shared.data");
        Path dir = base == null ? null : Path.of(base, "contacts");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "shared contact fixtures not found (system property rapport.shared.data = " + base + "): skipped");
        return dir;
    }

    static ImportResult importFile(String relative) throws IOException {
        Path file = contactsDir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), relative + " is missing from the shared fixtures: skipped");
        return ContactImport.detectAndParse(file.getFileName().toString(), null, Files.readAllBytes(file));
    }

    static Stream<String> sharedContactFiles() throws IOException {
        String base = System.getProperty("rapport.shared.data");
        Path dir = base == null ? null : Path.of(base, "contacts");
        if (dir == null || !Files.isDirectory(dir)) return Stream.of("<missing>");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} imports with at least one draft")
    @MethodSource("sharedContactFiles")
    void everySharedContactFileImportsWithAtLeastOneDraft(String relative) throws IOException {
        assumeTrue(!relative.equals("<missing>"), "shared contact fixtures not found: skipped");
        ImportResult result = importFile(relative);
        assertThat(result.drafts()).isNotEmpty();
        assertThat(result.drafts()).allSatisfy(d -> assertThat(d.name()).isNotBlank());
    }

    @Test
    void gmailVCardOfJohnDoeKeepsTheFormattedNameAndAddress() throws IOException {
        ClientDraft john = importFile("ez-vcard/John_Doe_GMAIL.vcf").drafts().get(0);
        assertThat(john.name()).isEqualTo("Mr. John Richter, James Doe Sr.");
        assertThat(john.kind()).isEqualTo(ClientKind.PERSON);
        assertThat(john.emails()).containsExactly("john.doe@ibm.com");
        assertThat(john.phone()).isEqualTo("905-555-1234");
        assertThat(john.notes()).contains("Organisation: IBM");
    }

    @Test
    void gmailListVCardGivesOneDraftPerCard() throws IOException {
        assertThat(importFile("ez-vcard/gmail-list.vcf").drafts())
                .extracting(ClientDraft::name, ClientDraft::emails)
                .containsExactly(
                        tuple("Arnold Smith", List.of("asmithk@gmail.com")),
                        tuple("Chris Beatle", List.of("chrisy55d@yahoo.com")),
                        tuple("Doug White", List.of("dwhite@gmail.com")));
    }

    @Test
    void roundcubeJohnDoeInWindows1252KeepsItsAccentAndBothAddresses() throws IOException {
        ClientDraft john = importFile("roundcube/johndoe.vcf").drafts().get(0);
        assertThat(john.name()).isEqualTo("John Doë");
        assertThat(john.emails()).containsExactly("inbox@roundcube.net", "roundcube@gmail.com");
        assertThat(john.notes()).startsWith("The notes...");
    }

    @Test
    void aCardThatNamesOnlyAnOrganisationIsACompany() throws IOException {
        ClientDraft apple = importFile("roundcube/apple.vcf").drafts().get(0);
        assertThat(apple.name()).isEqualTo("Apple Computer AG");
        assertThat(apple.kind()).isEqualTo(ClientKind.COMPANY);
    }

    @Test
    void appleShowAsCompanyMakesACompanyAndKeepsThePersonAsItsContact() throws IOException {
        ClientDraft draft = importFile("roundcube/photo.vcf").drafts().get(0);
        assertThat(draft.name()).isEqualTo("Apple Computer AG");
        assertThat(draft.kind()).isEqualTo(ClientKind.COMPANY);
        assertThat(draft.notes()).isEqualTo("Contact: Jörg Müller");
    }

    @Test
    void aCardWhoseFormattedNameOnlyRepeatsTheOrganisationIsNamedAfterThePerson() {
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Ngozi;;;\r\nFN:Brightwater Marine\r\n"
                + "ORG:Brightwater Marine;Finance\r\nEMAIL;TYPE=work:ngozi@brightwater.example.com\r\nEND:VCARD\r\n";
        ClientDraft draft = ContactImport.fromVCard(new StringReader(card)).drafts().get(0);
        assertThat(draft.name()).isEqualTo("Ngozi Okafor");
        assertThat(draft.kind()).isEqualTo(ClientKind.PERSON);
        assertThat(draft.notes()).isEqualTo("Organisation: Brightwater Marine");
    }

    @Test
    void vCardFourKindAndTimeZoneNameAreRead() {
        String cards = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:The Haldane family\r\n"
                + "EMAIL:tom.haldane@example.com\r\nEMAIL:ruth.haldane@example.com\r\nTZ:Europe/London\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Kestrel Print Works\r\nORG:Kestrel Print Works\r\n"
                + "EMAIL:bad address@\r\nEND:VCARD\r\n";
        ImportResult result = ContactImport.fromVCard(new StringReader(cards));
        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ClientKind.HOUSEHOLD);
            assertThat(d.emails()).hasSize(2);
            assertThat(d.timeZone()).isEqualTo("Europe/London");
        });
        assertThat(result.rejections()).singleElement()
                .isEqualTo(new ContactImport.Rejection(2, "malformed email 'bad address@'"));
    }

    @Test
    void vCardFourTimeZoneOffsetAndPreferredPhoneAreRead() throws IOException {
        ClientDraft simon = importFile("ez-vcard/rfc6350-example.vcf").drafts().get(0);
        assertThat(simon.name()).isEqualTo("Simon Perreault");
        assertThat(simon.timeZone()).isEqualTo("-05:00");
        assertThat(simon.phone()).isEqualTo("+1-418-656-9254");
        assertThat(simon.emails()).containsExactly("simon.perreault@viagenie.ca");
    }

    @Test
    void utf16VCardWithoutByteOrderMarkIsDecoded() throws IOException {
        ClientDraft draft = importFile("roundcube/utf-16_sample.vcf").drafts().get(0);
        assertThat(draft.name()).isEqualTo("Ǽgean ĽdaMonté");
    }

    @Test
    void gmailCsvLayoutMapsNameAddressesPhoneAndNotes() throws IOException {
        ImportResult result = importFile("roundcube/csv/gmail.csv");
        assertThat(result.rejections()).isEmpty();
        ClientDraft draft = result.drafts().get(0);
        assertThat(draft.name()).isEqualTo("Prefix Firstname Middle Lastname Suffix");
        assertThat(draft.kind()).isEqualTo(ClientKind.PERSON);
        assertThat(draft.emails()).containsExactly("home@aaa.pl", "work@email.pl", "unknown@email.com", "other@email.com");
        assertThat(draft.phone()).isEqualTo("mobile");
        assertThat(draft.notes()).isEqualTo("note\"note\nOrganisation: company");
    }

    @Test
    void outlookCsvLayoutCollectsAllThreeAddresses() throws IOException {
        ImportResult result = importFile("roundcube/csv/outlook.csv");
        assertThat(result.drafts()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("test1@domain.tld");
            assertThat(d.emails()).containsExactly("test1@domain.tld", "test2@domain.tld", "test3@domain.tld");
        });
    }

    @Test
    void thunderbirdCsvLayoutPrefersTheDisplayName() throws IOException {
        ClientDraft draft = importFile("roundcube/csv/tb_plain.csv").drafts().get(0);
        assertThat(draft.name()).isEqualTo("Displayname");
        assertThat(draft.emails()).containsExactly("test@domain.tld", "next@domain.tld");
        assertThat(draft.phone()).isEqualTo("mobile");
        assertThat(draft.notes()).isEqualTo("Organisation: Organization");
    }

    @Test
    void roundcubeCsvWithByteOrderMarkReadsItsFirstColumn() throws IOException {
        ClientDraft draft = importFile("roundcube/csv/all.csv").drafts().get(0);
        assertThat(draft.name()).isEqualTo("Display Name");
        assertThat(draft.emails()).containsExactly("home@example.com", "work@example.com", "other@example.com");
    }

    @Test
    void outlookStyleCsvWithNamePartsAndSemicolonsIsRead() {
        String csv = "First Name;Middle Name;Last Name;Company;E-mail Address;E-mail 2 Address;Business Phone;Mobile Phone;Notes\n"
                + "Grace;;Hopper;Navy Labs;grace@navylabs.example.org;;+1 555 0100;+1 555 0199;Compilers\n"
                + ";;;Cobol Ltd;info@cobol.example.com;;;;\n";
        ImportResult result = ContactImport.fromCsv(new StringReader(csv));
        assertThat(result.rejections()).isEmpty();
        assertThat(result.drafts())
                .extracting(ClientDraft::name, ClientDraft::kind, ClientDraft::phone)
                .containsExactly(
                        tuple("Grace Hopper", ClientKind.PERSON, "+1 555 0199"),
                        tuple("Cobol Ltd", ClientKind.COMPANY, null));
        assertThat(result.drafts().get(0).notes()).isEqualTo("Compilers\nOrganisation: Navy Labs");
    }

    @Test
    void rapportCsvLayoutMapsEveryColumn() {
        String csv = "Name,Emails,Tier,Domain,Time_Zone,Phone,Notes,Kind\n"
                + "Harbour Lane Logistics,ops@harbourlane.co.uk; \"Mia Chen\" <mia@harbourlane.co.uk>,a,@HarbourLane.co.uk,Europe/London,+44 20 7946 0000,Fleet and property,company\n"
                + "Tom and Ruth Haldane,tom.haldane@gmail.com ruth.haldane@outlook.com,Gold,,America/New_York,,,household\n";
        ImportResult result = ContactImport.fromCsv(new StringReader(csv));
        assertThat(result.rejections()).isEmpty();
        assertThat(result.drafts()).containsExactly(
                new ClientDraft(1, "Harbour Lane Logistics", ClientKind.COMPANY, "A",
                        List.of("ops@harbourlane.co.uk", "mia@harbourlane.co.uk"), "harbourlane.co.uk", "Europe/London",
                        "+44 20 7946 0000", "Fleet and property"),
                new ClientDraft(2, "Tom and Ruth Haldane", ClientKind.HOUSEHOLD, "Gold",
                        List.of("tom.haldane@gmail.com", "ruth.haldane@outlook.com"), null, "America/New_York", null, null));
    }

    @Test
    void badRowsAreRejectedWithTheirRecordNumbersAndGoodRowsKept() {
        String csv = "name,email,tier,time_zone,kind,domain\n"
                + "Ada Lovelace,ada@example.com,A,Europe/London,,\n"
                + ",,B,,,\n"
                + "Bad Email,not-an-email,B,,,\n"
                + "Long Tier,long@example.com,PlatinumPlusPremiumTier,,,\n"
                + "Bad Zone,zone@example.com,B,Mars/Olympus,,\n"
                + "Robot,robot@example.com,C,,robot,\n"
                + "Bad Domain,dom@example.com,C,,company,not a domain\n"
                + ",only.email@example.com,,,,\n";
        ImportResult result = ContactImport.fromCsv(new StringReader(csv));
        assertThat(result.drafts()).extracting(ClientDraft::name)
                .containsExactly("Ada Lovelace", "only.email@example.com");
        assertThat(result.rejections()).extracting(ContactImport.Rejection::recordNumber)
                .containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(result.rejections()).extracting(ContactImport.Rejection::reason).containsExactly(
                "no name and no email",
                "malformed email 'not-an-email'",
                "tier 'PlatinumPlusPremiumTier' is longer than 16 characters",
                "unknown time zone 'Mars/Olympus'",
                "unknown kind 'robot' (use person, household or company)",
                "malformed domain 'not a domain'");
    }

    @Test
    void aCsvWithAnUnclosedQuoteKeepsTheRowsBeforeIt() {
        String csv = "name,email\nAda,ada@example.com\n\"Broken,b@example.com\n";
        ImportResult result = ContactImport.fromCsv(new StringReader(csv));
        assertThat(result.drafts()).extracting(ClientDraft::name).containsExactly("Ada");
        assertThat(result.rejections()).singleElement()
                .satisfies(r -> assertThat(r.recordNumber()).isEqualTo(2));
    }

    @Test
    void utf8ByteOrderMarkAndUtf16LittleEndianCsvAreDecoded() {
        String csv = "Name,Email\nZoë Ångström,zoe@example.se\n";
        byte[] utf8Bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv.getBytes(StandardCharsets.UTF_8));
        byte[] utf16Le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16BeNoBom = csv.getBytes(StandardCharsets.UTF_16BE);
        for (byte[] bytes : List.of(utf8Bom, utf16Le, utf16BeNoBom)) {
            assertThat(ContactImport.detectAndParse("clients.csv", "text/csv", bytes).drafts())
                    .extracting(ClientDraft::name, ClientDraft::emails)
                    .containsExactly(tuple("Zoë Ångström", List.of("zoe@example.se")));
        }
    }

    @Test
    void contentDecidesTheFormatWhateverTheNameSays() {
        byte[] vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContactImport.detectAndParse("contacts.csv", "text/csv", vcard).drafts())
                .extracting(ClientDraft::name).containsExactly("Ada Lovelace");
        byte[] csv = "email\nada@example.com\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ContactImport.detectAndParse(null, "application/octet-stream", csv).drafts())
                .extracting(ClientDraft::name).containsExactly("ada@example.com");
    }

    @Test
    void emptyFilesGiveNoDraftsAndNoRejections() {
        for (ImportResult result : List.of(
                ContactImport.detectAndParse("empty.csv", "text/csv", new byte[0]),
                ContactImport.detectAndParse("empty.vcf", null, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                ContactImport.fromCsv(new StringReader("")),
                ContactImport.fromCsv(new StringReader("name,email\n")),
                ContactImport.fromVCard(new StringReader("")))) {
            assertThat(result.drafts()).isEmpty();
            assertThat(result.rejections()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNeitherCsvNorVCardIsRefusedWithAClearMessage() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThatThrownBy(() -> ContactImport.detectAndParse("photo.png", "image/png", png))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a CSV nor a vCard");
        byte[] prose = "Dear Dana,\nplease find my details below.\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ContactImport.detectAndParse("letter.txt", "text/plain", prose))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a CSV nor a vCard");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
