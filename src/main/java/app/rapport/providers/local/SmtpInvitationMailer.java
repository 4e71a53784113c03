package app.rapport.providers.local;

import app.rapport.config.SmtpConfig;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends iMIP invitations (RFC 6047) over SMTP with Angus Mail: multipart/alternative with a readable text/plain
 * part and a {@code text/calendar; method=REQUEST} part. The Message-ID is {@code <uid-sequence@rapport>}, so a
 * resend of the same invitation is recognisable.
 */
public final class SmtpInvitationMailer {
    private static final DateTimeFormatter SUBJECT_DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter BODY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** The name Rapport gives itself in EHLO: a literal, so sending never waits for a DNS lookup. */
    static final String HELO_NAME = "rapport.localhost";

    private final SmtpConfig config;
    private final Session session;
    private final ZoneId organizerZone;

    /** A mailer for {@code config}; {@code timeout} bounds connecting, reading and writing. */
    public SmtpInvitationMailer(SmtpConfig config, Duration timeout, ZoneId organizerZone) {
        this.config = Objects.requireNonNull(config, "config");
        this.organizerZone = Objects.requireNonNull(organizerZone, "organizerZone");
        String millis = Long.toString(timeout.toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        // Without a name for EHLO, Angus Mail looks up this machine's canonical host name for every
        // message, which costs tens of milliseconds (or seconds) where DNS is slow or closed.
        p.put("mail.smtp.localhost", HELO_NAME);
        boolean auth = config.user() != null && !config.user().isBlank();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        if (config.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = !auth ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.user(), config.password());
            }
        };
        this.session = Session.getInstance(p, authenticator);
    }

    /** Like {@link #SmtpInvitationMailer(SmtpConfig, Duration, ZoneId)} from the single settings. */
    public SmtpInvitationMailer(String host, int port, String user, String password, String from, boolean startTls,
                                Duration timeout, ZoneId organizerZone) {
        this(new SmtpConfig(host, port, user, password, from, startTls), timeout, organizerZone);
    }

    /** Builds the message for {@code inv} with the iCalendar body {@code ics} (from {@link InvitationIcs}). */
    public MimeMessage message(Invitation inv, String ics) {
        try {
            String uid = inv.uid();
            int sequence = inv.sequence();
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId(uid, sequence));
                }
            };
            InternetAddress organizer = new InternetAddress(inv.organizerEmail(), blankToNull(inv.organizerName()), "UTF-8");
            m.setFrom(config.from() == null || config.from().isBlank() ? organizer : new InternetAddress(config.from()));
            m.setReplyTo(new InternetAddress[] {organizer});
            m.setRecipient(Message.RecipientType.TO,
                    new InternetAddress(inv.attendeeEmail(), blankToNull(inv.attendeeName()), "UTF-8"));
            boolean cancel = ics.contains("METHOD:CANCEL");
            m.setSubject((cancel ? "Cancelled: " : "Invitation: ") + inv.summary() + " @ "
                    + SUBJECT_DATE.format(inv.start().atZone(organizerZone)), "UTF-8");
            m.setSentDate(Date.from(inv.stamp()));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(plainText(inv, cancel), "UTF-8");
            MimeBodyPart calendar = new MimeBodyPart();
            String method = cancel ? "CANCEL" : "REQUEST";
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + method)));
            calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method);
            calendar.setHeader("Content-Transfer-Encoding", "8bit");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(calendar);
            m.setContent(alternative);
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailDeliveryException("cannot build the invitation for " + inv.attendeeEmail() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Sends the invitation; throws MailDeliveryException when the server cannot be reached or refuses it. */
    public void send(Invitation inv, String ics) {
        MimeMessage m = message(inv, ics);
        try {
            Transport.send(m);
        } catch (MessagingException e) {
            throw new MailDeliveryException("cannot send the invitation to " + inv.attendeeEmail() + " via "
                    + config.host() + ":" + config.port() + ": " + describe(e), e);
        }
    }

    /** {@code <uid-sequence@rapport>}, with characters a Message-ID cannot hold replaced. */
    static String messageId(String uid, int sequence) {
        String local = uid.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", "_");
        return "<" + local + "-" + sequence + "@rapport>";
    }

    private String plainText(Invitation inv, boolean cancel) {
        StringBuilder b = new StringBuilder();
        b.append(cancel ? "Cancelled: " : "Invitation: ").append(inv.summary()).append("\n\n");
        b.append("When: ").append(BODY_TIME.format(inv.start().atZone(organizerZone))).append(" to ")
                .append(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(inv.end().atZone(organizerZone)))
                .append(" (").append(organizerZone.getId()).append(")\n");
        if (inv.location() != null && !inv.location().isBlank()) b.append("Where: ").append(inv.location()).append('\n');
        b.append("Organizer: ").append(blankToNull(inv.organizerName()) == null ? "" : inv.organizerName() + " ")
                .append('<').append(inv.organizerEmail()).append(">\n");
        if (!inv.description().isBlank()) b.append('\n').append(inv.description()).append('\n');
        return b.toString();
    }

    private static String describe(MessagingException e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) b.append(" (").append(cause.getMessage()).append(')');
        return b.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
