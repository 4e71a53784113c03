package app.rapport.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BulkMailDetectorTest {

    static MailMessage mail(String from, String headerName, String headerValue) {
        Map<String, String> headers = new HashMap<>();
        if (headerName != null) headers.put(headerName, headerValue == null ? "" : headerValue);
        return new MailMessage("id-1", "<m1@x>", null, List.of(), "t1", Instant.parse("2025-03-01T10:00:00Z"),
                from, List.of("anna@brightwealth.example"), List.of(), "Hello", headers);
    }

    @ParameterizedTest(name = "{1}: {2} -> {3}")
    @CsvSource(nullValues = "NULL", value = {
            "jane@acme.example,               list-id,                  <news.acme.example>,   list-id",
            "jane@acme.example,               list-unsubscribe,         <mailto:u@acme.example>, list-unsubscribe",
            "jane@acme.example,               precedence,               bulk,                  precedence-bulk",
            "jane@acme.example,               precedence,               List,                  precedence-bulk",
            "jane@acme.example,               precedence,               junk,                  precedence-bulk",
            "jane@acme.example,               precedence,               auto_reply,            precedence-bulk",
            "jane@acme.example,               precedence,               first-class,           NULL",
            "jane@acme.example,               auto-submitted,           auto-replied,          auto-submitted",
            "jane@acme.example,               auto-submitted,           'auto-generated; owner-email=x@y', auto-submitted",
            "jane@acme.example,               auto-submitted,           No,                    NULL",
            "jane@acme.example,               auto-submitted,           '',                    NULL",
            "jane@acme.example,               x-auto-response-suppress, All,                   auto-response-suppress",
            "jane@acme.example,               x-auto-response-suppress, 'DR, RN, NRN, OOF',    auto-response-suppress",
            "jane@acme.example,               x-auto-response-suppress, None,                  NULL",
            "jane@acme.example,               x-autoreply,              yes,                   auto-reply-header",
            "noreply@bank.example,            NULL,                     NULL,                  no-reply-sender",
            "'Bank <No-Reply@bank.example>',  NULL,                     NULL,                  no-reply-sender",
            "do-not-reply@bank.example,       NULL,                     NULL,                  no-reply-sender",
            "donotreply@bank.example,         NULL,                     NULL,                  no-reply-sender",
            "noreply-billing@bank.example,    NULL,                     NULL,                  no-reply-sender",
            "MAILER-DAEMON@mx.example,        NULL,                     NULL,                  no-reply-sender",
            "postmaster@mx.example,           NULL,                     NULL,                  no-reply-sender",
            "notifications@crm.example,       NULL,                     NULL,                  no-reply-sender",
            "bounces+12345@mail.example,      NULL,                     NULL,                  no-reply-sender",
            "info@smallbakery.example,        NULL,                     NULL,                  NULL",
            "support@insurer.example,         NULL,                     NULL,                  NULL",
            "noreen@acme.example,             NULL,                     NULL,                  NULL",
            "jane@acme.example,               NULL,                     NULL,                  NULL",
    })
    void everyBulkReasonNamesItself(String from, String header, String value, String reason) {
        assertThat(BulkMailDetector.ignoredReason(mail(from, header, value)).orElse(null)).isEqualTo(reason);
    }
}
