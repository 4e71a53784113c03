package app.rapport.domain.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Metadata of one mail message as any source delivers it (Graph, Gmail, mbox). Bodies are never kept.
 *
 * @param externalId  the provider's id (Graph id, Gmail id, or Message-ID for files)
 * @param messageId   RFC 5322 Message-ID, or null
 * @param inReplyTo   In-Reply-To message id, or null
 * @param references  References message ids, oldest first
 * @param threadId    provider thread / conversation id; sources without one derive it from References
 * @param sentAt      Date header or provider sent/received time
 * @param from        the From header value as written (may hold a display name)
 * @param to          To header values / addresses as written
 * @param cc          Cc header values / addresses as written
 * @param headers     the headers that tell bulk and automated mail apart, names in lower case
 *                    (list-id, list-unsubscribe, precedence, auto-submitted, x-auto-response-suppress, ...)
 */
public record MailMessage(String externalId, String messageId, String inReplyTo, List<String> references,
                          String threadId, Instant sentAt, String from, List<String> to, List<String> cc,
                          String subject, Map<String, String> headers) {
    public MailMessage {
        references = references == null ? List.of() : List.copyOf(references);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
