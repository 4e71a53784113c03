package app.rapport.support;

import app.rapport.domain.interaction.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/** Real mail from ../shared/data turned into message metadata, as a file importer would. */
public final class EmlFixtures {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> BULK_HEADERS = List.of("list-id", "list-unsubscribe", "precedence",
            "auto-submitted", "x-auto-response-suppress", "mailing-list");

    private EmlFixtures() {}

    /** The shared data folder, or the test is skipped with a visible reason when it is absent. */
    public static Path sharedData() {
        Path dir = Path.of(System.getProperty("rapport.shared.data", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            System.out.println("SKIPPED: shared data not found at " + dir.toAbsolutePath());
            Assumptions.abort("shared data not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static MailMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(SESSION, in);
            String messageId = m.getMessageID();
            String inReplyTo = m.getHeader("In-Reply-To", " ");
            String refs = m.getHeader("References", " ");
            List<String> references = refs == null ? List.of()
                    : Arrays.stream(refs.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
            String thread = !references.isEmpty() ? references.get(0) : inReplyTo != null ? inReplyTo.trim() : messageId;
            Map<String, String> headers = new HashMap<>();
            for (String h : BULK_HEADERS) {
                String v = m.getHeader(h, ",");
                if (v != null) headers.put(h.toLowerCase(Locale.ROOT), v);
            }
            Instant sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
            return new MailMessage(messageId != null ? messageId : file.getFileName().toString(), messageId,
                    inReplyTo, references, thread, sent, m.getHeader("From", ","), list(m.getHeader("To", ",")),
                    list(m.getHeader("Cc", ",")), m.getSubject(), headers);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static List<String> list(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) out.add(header);
        return out;
    }
}
