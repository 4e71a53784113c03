package app.rapport.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.rapport.domain.client.EmailAddresses.Mailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EmailAddressesTest {

    static Stream<Arguments> oddHeaderValues() {
        return Stream.of(
                // group syntax: an empty group names nobody, a full one is flattened
                Arguments.of("undisclosed recipients: ;", List.of()),
                Arguments.of("undisclosed-recipients:;", List.of()),
                Arguments.of("<Undisclosed-Recipient:@mailman.enron.com;>", List.of()),
                Arguments.of("Team: a@x.example, b@y.example;", List.of("a@x.example", "b@y.example")),
                // encoded words and comments
                Arguments.of("=?ISO-8859-15?Q?J=F6rn?= Reder <joern@zyn.de>", List.of("joern@zyn.de")),
                Arguments.of("=?UTF-8?B?TXlTdXJ2ZXk=?= =?UTF-8?B?LmNvbSAmIEM=?= <carol@mysurvey.com>", List.of("carol@mysurvey.com")),
                Arguments.of("deuschle@mnh.telekom.de (Guenter Deuschle)", List.of("deuschle@mnh.telekom.de")),
                Arguments.of("MAILER-DAEMON@lvmail01.LL.com (Mail Delivery System)", List.of("MAILER-DAEMON@lvmail01.LL.com")),
                // missing brackets, bare lists, stray separators
                Arguments.of("Big Bug bb@bug.com", List.of("bb@bug.com")),
                Arguments.of("tim@powerupdev.com concierge@powerupdev.com", List.of("tim@powerupdev.com", "concierge@powerupdev.com")),
                Arguments.of("smith@gmail.com, Mikel@Lindsaar <raasdnil@gmail.com>, tom@gmail.com",
                        List.of("smith@gmail.com", "raasdnil@gmail.com", "tom@gmail.com")),
                Arguments.of(", user-example@aol.com, e-s-a-s-2200@app.ar.com", List.of("user-example@aol.com", "e-s-a-s-2200@app.ar.com")),
                Arguments.of("<test@dome.domain>,", List.of("test@dome.domain")),
                Arguments.of("<a@b.example", List.of("a@b.example")),
                Arguments.of("\"unterminated <a@b.example>", List.of("a@b.example")),
                Arguments.of("James Hillyerd <jamehi03@jamehi03lx.noa.com>, =?UTF-8? Q?=3D=3Futf-8?= <x@y.example>",
                        List.of("jamehi03@jamehi03lx.noa.com", "x@y.example")),
                // raw 8-bit, as bytes decoded leniently
                Arguments.of("J\u00fcrgen <j\u00fcrgen@m\u00fcller.example>", List.of("j\u00fcrgen@m\u00fcller.example")),
                Arguments.of("Biz Phone Systems from EclipseMediaOnline\ufffd\ufffd  <info@here2there-travelers-msgs.net>",
                        List.of("info@here2there-travelers-msgs.net")),
                // not addresses at all
                Arguments.of("me", List.of()),
                Arguments.of("\"KLAUS- H\u00c4NSCHEL\" <>", List.of()),
                Arguments.of("a@b@c.example", List.of()),
                Arguments.of("", List.of()),
                Arguments.of(null, List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oddHeaderValues")
    void oddHeaderValuesParseToTheirRealMailboxes(String header, List<String> expected) {
        assertThat(EmailAddresses.parseList(header)).extracting(Mailbox::address).containsExactlyElementsOf(expected);
    }

    @Test
    void encodedWordDisplayNamesAreDecoded() {
        assertThat(EmailAddresses.parseOne("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>"))
                .contains(new Mailbox("Keld J\u00f8rn Simonsen", "keld@dkuug.dk"));
        assertThat(EmailAddresses.parseOne("s.rahtz@elsevier.co.uk (Sebastian Rahtz)"))
                .contains(new Mailbox("Sebastian Rahtz", "s.rahtz@elsevier.co.uk"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Jane.Doe@Acme.Example,          jane.doe@acme.example",
            "jane+crm@acme.example,          jane@acme.example",
            "'  <Jane@Acme.Example.>  ',     jane@acme.example",
            "mailto:Jane@Acme.Example,       jane@acme.example",
            "J.a.n.e+x@GoogleMail.com,       jane@gmail.com",
            "j.a.n.e@outlook.com,            j.a.n.e@outlook.com",
            "+tag@acme.example,              +tag@acme.example",
            "NoDomain,                       nodomain",
    })
    void normaliseFoldsCaseTagsAndGmailDots(String raw, String expected) {
        assertThat(EmailAddresses.normalize(raw)).isEqualTo(expected);
    }

    /** Every From/To/Cc value in the shared edge-case corpus parses without throwing, to real mailboxes only. */
    @Test
    void everyEdgeCaseHeaderParsesToWellFormedMailboxes() throws IOException {
        String base = System.getProperty("rapport.shared.data");
        Path dir = base == null ? null : Path.of(base, "mail", "edge-cases");
        assumeTrue(dir != null && Files.isDirectory(dir), "shared mail edge cases not found at " + dir + "; skipping");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int values = 0;
        int mailboxes = 0;
        for (Path file : files) {
            for (String header : addressHeaders(file)) {
                values++;
                List<Mailbox> parsed = new ArrayList<>();
                assertThatCode(() -> parsed.addAll(EmailAddresses.parseList(header)))
                        .as("%s: %s", file, header).doesNotThrowAnyException();
                for (Mailbox m : parsed) {
                    String a = m.address();
                    assertThat(EmailAddresses.localPartOf(a)).as("%s: local part of %s", file, a).isNotBlank();
                    assertThat(EmailAddresses.domainOf(a)).as("%s: domain of %s", file, a).isNotBlank();
                    assertThat(a).as("%s", file).doesNotContainAnyWhitespaces().doesNotContain("<", ">", ",");
                    assertThatCode(() -> EmailAddresses.normalize(a)).doesNotThrowAnyException();
                }
                mailboxes += parsed.size();
            }
        }
        assertThat(values).as("address header values read").isGreaterThan(200);
        assertThat(mailboxes).as("mailboxes parsed").isGreaterThan(200);
    }

    /** From, To and Cc values of every message in a .eml or mbox file, unfolded, bytes read as lenient UTF-8. */
    static List<String> addressHeaders(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> messages = file.toString().endsWith(".mbox")
                ? Arrays.asList(text.split("\n(?=From )"))
                : List.of(text);
        List<String> out = new ArrayList<>();
        for (String message : messages) {
            int end = message.indexOf("\n\n");
            String head = end < 0 ? message : message.substring(0, end);
            List<String> fields = new ArrayList<>();
            for (String line : head.split("\n")) {
                if (!fields.isEmpty() && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                    fields.set(fields.size() - 1, fields.get(fields.size() - 1) + " " + line.strip());
                } else {
                    fields.add(line);
                }
            }
            for (String field : fields) {
                int colon = field.indexOf(':');
                if (colon <= 0) continue;
                String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("from") || name.equals("to") || name.equals("cc")) {
                    out.add(field.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }
}
