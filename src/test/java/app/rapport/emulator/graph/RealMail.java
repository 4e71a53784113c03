package app.rapport.emulator.graph;

import jakarta.mail.Header;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the real public mail in shared/data/mail (see its PROVENANCE.md) into a mailbox: each .eml
 * file and each message of each .mbox file becomes a Graph message. Mail from the owner address
 * goes to Sent Items, the rest to the Inbox. Files are read at test time; nothing is copied into
 * the source tree.
 */
public final class RealMail {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");
    private static final Pattern MBOX_QUOTED_FROM = Pattern.compile("^>(>*From )", Pattern.MULTILINE);
    private static final DateTimeFormatter FROM_LINE_DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    /** What a load did: messages loaded (and where they went), and files or mbox entries skipped. */
    public record Report(int loaded, int inbox, int sent, int skipped, List<String> skippedItems) {}

    private RealMail() {}

    /** {@code rapport.shared.data} + "/mail" (default ../shared/data/mail). */
    public static Path defaultMailDir() {
        return Path.of(System.getProperty("rapport.shared.data", "../shared/data")).resolve("mail");
    }

    /** Every .eml and .mbox file under the folder. */
    public static Report load(Mailbox mailbox, Path mailDir, String ownerAddress) {
        return load(mailbox, mailDir, ownerAddress, true);
    }

    /** Only the .eml files under the folder. */
    public static Report loadEml(Mailbox mailbox, Path mailDir, String ownerAddress) {
        return load(mailbox, mailDir, ownerAddress, false);
    }

    public static Report load(Mailbox mailbox, Path mailDir, String ownerAddress, boolean includeMbox) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(mailDir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".eml") || (includeMbox && n.endsWith(".mbox"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + mailDir, e);
        }
        Counter c = new Counter();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                c.skip(f + ": " + e.getMessage());
                continue;
            }
            Instant fileTime = fileTime(f);
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mbox")) {
                List<String[]> entries = splitMbox(new String(bytes, StandardCharsets.ISO_8859_1));
                for (int i = 0; i < entries.size(); i++) {
                    String[] e = entries.get(i);
                    add(mailbox, ownerAddress, e[1].getBytes(StandardCharsets.ISO_8859_1), fromLineDate(e[0]), fileTime,
                            f + "#" + (i + 1), c);
                }
            } else {
                add(mailbox, ownerAddress, stripEnvelope(bytes), null, fileTime, f.toString(), c);
            }
        }
        return new Report(c.inbox + c.sent, c.inbox, c.sent, c.skipped.size(), List.copyOf(c.skipped));
    }

    private static final class Counter {
        int inbox;
        int sent;
        final List<String> skipped = new ArrayList<>();

        void skip(String why) {
            skipped.add(why);
        }
    }

    private static void add(Mailbox mailbox, String owner, byte[] raw, Instant envelopeDate, Instant fileTime, String where,
            Counter c) {
        GraphMessage.Builder b;
        try {
            b = convert(raw, envelopeDate, fileTime);
        } catch (Exception e) {
            c.skip(where + ": " + e.getMessage());
            return;
        }
        if (b == null) {
            c.skip(where + ": no message headers");
            return;
        }
        boolean mine = b.from != null && b.from.sameAddress(owner);
        if (mine) b.isRead(true);
        mailbox.addMessage(mine ? "sentitems" : "inbox", b);
        if (mine) c.sent++;
        else c.inbox++;
    }

    /** One RFC 5322 message as a Graph message builder, or null when it has none of the usual headers. */
    static GraphMessage.Builder convert(byte[] raw, Instant envelopeDate, Instant fallback) throws Exception {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String fromHeader = m.getHeader("From", ",");
        String messageId = m.getHeader("Message-ID", null);
        String subject = safeSubject(m);
        String dateHeader = m.getHeader("Date", null);
        String toHeader = m.getHeader("To", ",");
        if (fromHeader == null && messageId == null && subject == null && dateHeader == null && toHeader == null) return null;

        GraphMessage.Builder b = GraphMessage.builder();
        List<Recipient> from = addresses(fromHeader);
        if (!from.isEmpty()) b.from(from.get(0));
        List<Recipient> sender = addresses(m.getHeader("Sender", ","));
        b.sender(sender.isEmpty() ? (from.isEmpty() ? null : from.get(0)) : sender.get(0));
        b.toRecipients(addresses(toHeader));
        b.ccRecipients(addresses(m.getHeader("Cc", ",")));
        b.replyToRecipients(addresses(m.getHeader("Reply-To", ",")));
        b.subject(subject == null ? "" : subject);
        if (messageId != null) b.internetMessageId(messageId.trim());

        Date sent = null;
        try {
            sent = m.getSentDate();
        } catch (Exception ignored) {
            // unparseable Date header
        }
        Instant received = receivedDate(m);
        if (received == null) received = sent != null ? sent.toInstant() : envelopeDate != null ? envelopeDate : fallback;
        b.received(received);
        b.sent(sent != null ? sent.toInstant() : received);

        String root = threadRoot(m.getHeader("References", " "), m.getHeader("In-Reply-To", " "), messageId);
        if (root != null) b.conversationId(GraphMessage.conversationIdFor(root));

        List<GraphMessage.Header> headers = new ArrayList<>();
        for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements();) {
            Header h = e.nextElement();
            headers.add(new GraphMessage.Header(h.getName(), h.getValue() == null ? "" : h.getValue().replaceAll("\\r?\\n[ \\t]+", " ").trim()));
        }
        b.headers(headers);
        try {
            b.hasAttachments(m.isMimeType("multipart/mixed"));
        } catch (Exception ignored) {
            // malformed Content-Type
        }
        return b;
    }

    private static String safeSubject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            try {
                return m.getHeader("Subject", null);
            } catch (Exception e2) {
                return null;
            }
        }
    }

    /** References root, else In-Reply-To, else the own Message-ID. */
    static String threadRoot(String references, String inReplyTo, String messageId) {
        for (String h : new String[] {references, inReplyTo}) {
            if (h == null) continue;
            Matcher id = Pattern.compile("<[^<>\\s]+>").matcher(h);
            if (id.find()) return id.group();
            String[] words = h.trim().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty()) return words[0];
        }
        return messageId == null ? null : messageId.trim();
    }

    /** The date of the topmost Received header (when this copy arrived), if it parses. */
    private static Instant receivedDate(MimeMessage m) throws Exception {
        String[] received = m.getHeader("Received");
        if (received == null || received.length == 0) return null;
        String r = received[0];
        int semi = r.lastIndexOf(';');
        if (semi < 0) return null;
        Date d = new MailDateFormat().parse(r.substring(semi + 1).replaceAll("\\s+", " ").trim(), new ParsePosition(0));
        return d == null ? null : d.toInstant();
    }

    private static List<Recipient> addresses(String header) {
        List<Recipient> out = new ArrayList<>();
        if (header == null || header.isBlank()) return out;
        try {
            for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
                if (a.getAddress() == null || a.getAddress().isBlank() || a.isGroup()) continue;
                out.add(new Recipient(a.getPersonal(), a.getAddress()));
            }
        } catch (AddressException e) {
            Matcher mm = ADDR_SPEC.matcher(header);
            while (mm.find()) out.add(Recipient.of(mm.group()));
        }
        return out;
    }

    /** Splits mboxrd text into (From_ line, message) pairs and undoes the >From quoting. */
    static List<String[]> splitMbox(String text) {
        List<String[]> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String envelope = null;
        StringBuilder current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean separator = line.startsWith("From ") && (i == 0 || lines[i - 1].isEmpty() || lines[i - 1].equals("\r") || current == null);
            if (separator) {
                if (current != null) out.add(new String[] {envelope, unquote(current)});
                envelope = line;
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) out.add(new String[] {envelope, unquote(current)});
        return out;
    }

    private static String unquote(StringBuilder message) {
        return MBOX_QUOTED_FROM.matcher(message).replaceAll("$1");
    }

    private static byte[] stripEnvelope(byte[] bytes) {
        if (bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') return Arrays.copyOfRange(bytes, i + 1, bytes.length);
        }
        return bytes;
    }

    /** The asctime date at the end of a From_ line ("From a@b Mon Jan  7 10:00:00 2002"), or null. */
    static Instant fromLineDate(String fromLine) {
        if (fromLine == null) return null;
        Matcher m = Pattern.compile("([A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4})").matcher(fromLine);
        if (!m.find()) return null;
        try {
            return LocalDateTime.parse(m.group(1).replaceAll(" +", " "), FROM_LINE_DATE).toInstant(ZoneOffset.UTC);
        } catch (Exception e) {
            return null;
        }
    }

    private static Instant fileTime(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
