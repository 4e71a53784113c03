package app.rapport.domain.interaction;

import app.rapport.domain.client.EmailAddresses;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells bulk and automated mail apart from mail a person wrote. Such mail is not contact; it is
 * counted as ignored with the reason returned here.
 *
 * <p>Reasons, checked in this order:
 * <ul>
 *   <li>{@code list-id}: a List-Id header (RFC 2919): sent through a mailing list.</li>
 *   <li>{@code list-unsubscribe}: a List-Unsubscribe header (RFC 2369): newsletters and campaigns.</li>
 *   <li>{@code precedence-bulk}: Precedence bulk, list, junk or auto_reply (RFC 3834 notes the
 *       de-facto use).</li>
 *   <li>{@code auto-submitted}: Auto-Submitted with any value but "no" (RFC 3834): vacation
 *       replies, delivery reports, notifications.</li>
 *   <li>{@code auto-response-suppress}: X-Auto-Response-Suppress with any value but "None": Exchange
 *       and many ticket and notification systems set it on machine-sent mail; Outlook does not set it
 *       on mail a person writes.</li>
 *   <li>{@code auto-reply-header}: X-Autoreply or X-Autorespond, set by older vacation responders.</li>
 *   <li>{@code no-reply-sender}: a From address whose local part says nobody reads replies
 *       (see {@link #isNoReplyAddress}).</li>
 * </ul>
 * A shared inbox such as info@ or support@ is not a no-reply sender: people answer from those.
 */
public final class BulkMailDetector {
    private BulkMailDetector() {}

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk", "auto_reply");

    /** Local parts that mean "nobody reads replies", compared after lower-casing and dropping a plus-tag. */
    private static final Set<String> NO_REPLY_LOCAL_PARTS = Set.of(
            "noreply", "no-reply", "no_reply", "no.reply", "donotreply", "do-not-reply", "do_not_reply",
            "do.not.reply", "dontreply", "dont-reply", "mailer-daemon", "mailerdaemon", "postmaster",
            "bounce", "bounces", "notification", "notifications", "notify", "alerts", "newsletter",
            "newsletters", "mailer", "automailer", "auto-confirm", "autoreply", "auto-reply");

    /** Local-part beginnings for the many variants: noreply-billing@, no-reply.sales@, bounces-123@. */
    private static final String[] NO_REPLY_PREFIXES = {
            "noreply", "no-reply", "no_reply", "no.reply", "donotreply", "do-not-reply", "do_not_reply",
            "do.not.reply", "bounce-", "bounces-", "bounce+", "mailer-daemon"};

    /** Why this message is not contact, or empty when a person may have written it. */
    public static Optional<String> ignoredReason(MailMessage m) {
        String reason = headerReason(m.headers());
        if (reason != null) return Optional.of(reason);
        if (m.from() != null) {
            var from = EmailAddresses.parseOne(m.from());
            if (from.isPresent() && isNoReplyAddress(from.get().address())) return Optional.of("no-reply-sender");
        }
        return Optional.empty();
    }

    /**
     * The reason found in the headers alone (names in lower case, as {@link MailMessage#headers()}
     * holds them), or null.
     */
    public static String headerReason(Map<String, String> headers) {
        if (headers.isEmpty()) return null;
        if (headers.containsKey("list-id")) return "list-id";
        if (headers.containsKey("list-unsubscribe")) return "list-unsubscribe";
        String precedence = firstToken(headers.get("precedence"));
        if (precedence != null && BULK_PRECEDENCE.contains(precedence)) return "precedence-bulk";
        String autoSubmitted = firstToken(headers.get("auto-submitted"));
        if (autoSubmitted != null && !autoSubmitted.equals("no")) return "auto-submitted";
        String suppress = firstToken(headers.get("x-auto-response-suppress"));
        if (suppress != null && !suppress.equals("none")) return "auto-response-suppress";
        if (headers.containsKey("x-autoreply") || headers.containsKey("x-autorespond")) return "auto-reply-header";
        return null;
    }

    /** True when the address's local part says nobody reads replies (noreply@, mailer-daemon@, ...). */
    public static boolean isNoReplyAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) return false;
        String local = address.substring(0, at).trim().toLowerCase(Locale.ROOT);
        if (local.startsWith("<")) local = local.substring(1);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (NO_REPLY_LOCAL_PARTS.contains(local)) return true;
        for (String prefix : NO_REPLY_PREFIXES) {
            if (local.startsWith(prefix)) return true;
        }
        return false;
    }

    /** The value up to the first ";" or ",", trimmed and lower case; null when absent or blank. */
    private static String firstToken(String value) {
        if (value == null) return null;
        int end = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || c == ',') {
                end = i;
                break;
            }
        }
        String token = value.substring(0, end).trim().toLowerCase(Locale.ROOT);
        return token.isEmpty() ? null : token;
    }
}
