package app.rapport.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rapport.config.SmtpConfig;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvitationTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Invitation INV = new Invitation("suggestion-17@rapport.example", 0,
            Instant.parse("2026-11-03T10:00:00Z"), Instant.parse("2026-11-03T10:30:00Z"), "Intro call",
            "Let us talk about the renewal; agenda, notes and a long line that must be folded by the outputter.",
            "Zoom", "Ann Organizer", "ann@example.com", "Bob Attendee", "bob@example.org",
            Instant.parse("2026-10-30T08:00:00Z"));

    @Test
    void requestParsesBackWithMethodRequestOrganizerAndAttendee() throws Exception {
        String ics = InvitationIcs.request(INV);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getProperty(Property.UID).map(Property::getValue)).contains("suggestion-17@rapport.example");
        assertThat(event.getProperty(Property.SEQUENCE).map(Property::getValue)).contains("0");
        assertThat(event.getProperty(Property.ORGANIZER).map(Property::getValue)).contains("mailto:ann@example.com");
        assertThat(event.getProperty(Property.ATTENDEE).map(Property::getValue)).contains("mailto:bob@example.org");
        assertThat(ics).contains("DTSTART:20261103T100000Z\r\n", "DTEND:20261103T103000Z\r\n", "STATUS:CONFIRMED\r\n",
                "TRANSP:OPAQUE\r\n", "ORGANIZER;CN=Ann Organizer:mailto:ann@example.com\r\n", "LOCATION:Zoom\r\n");
        assertThat(ics.replace("\r\n ", "")).contains("ROLE=REQ-PARTICIPANT", "PARTSTAT=NEEDS-ACTION", "RSVP=TRUE",
                "CN=Bob Attendee");
        calendar.validate();
        List<?> entries = IcsReader.read(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), LONDON);
        assertThat(entries).hasSize(1);
    }

    @Test
    void cancelCarriesMethodCancelAndStatusCancelled() {
        String ics = InvitationIcs.cancel(new Invitation(INV.uid(), 1, INV.start(), INV.end(), INV.summary(), "", null,
                INV.organizerName(), INV.organizerEmail(), INV.attendeeName(), INV.attendeeEmail(), INV.stamp()));
        assertThat(ics).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n", "SEQUENCE:1\r\n").doesNotContain("LOCATION");
    }

    @Test
    void attendeeReceivesExactlyOneMessageWithATextCalendarRequestPart() throws Exception {
        greenMail.setUser("rapport", "s3cret");
        SmtpConfig config = new SmtpConfig("127.0.0.1", greenMail.getSmtp().getPort(), "rapport", "s3cret",
                "Rapport <rapport@example.com>", false);
        new SmtpInvitationMailer(config, Duration.ofSeconds(5), LONDON).send(INV, InvitationIcs.request(INV));

        MimeMessage[] received = greenMail.getReceivedMessagesForDomain("example.org");
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Invitation: Intro call @ Tue 3 Nov 2026 10:00");
        assertThat(m.getMessageID()).isEqualTo("<suggestion-17_rapport.example-0@rapport>");
        assertThat(m.getReplyTo()[0].toString()).contains("ann@example.com");
        Multipart alternative = (Multipart) m.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        BodyPart calendarPart = alternative.getBodyPart(1);
        assertThat(calendarPart.getContentType()).contains("text/calendar").contains("method=REQUEST");
        String ics = new String(calendarPart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ics).contains("METHOD:REQUEST");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("When: Tuesday 3 November 2026, 10:00 to 10:30");
    }

    @Test
    @Timeout(10)
    void anUnreachableServerGivesMailDeliveryExceptionPromptlyWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpInvitationMailer mailer = new SmtpInvitationMailer("127.0.0.1", port, "rapport", "hunter2-secret", "",
                false, Duration.ofSeconds(2), LONDON);
        long t = System.nanoTime();
        assertThatThrownBy(() -> mailer.send(INV, InvitationIcs.request(INV)))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("bob@example.org")
                .hasMessageContaining("127.0.0.1:" + port)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-secret"));
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(5));
    }
}
