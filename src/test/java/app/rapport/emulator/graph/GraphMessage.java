package app.rapport.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail message as the emulator stores and serves it: the metadata fields of Graph's message
 * resource (no body). Immutable; build test messages with {@link #builder()} and change stored ones
 * with {@code mailbox.updateMessage(id, b -> b.isRead(true))}.
 */
public record GraphMessage(
        String id,
        String conversationId,
        String internetMessageId,
        String subject,
        Recipient from,
        Recipient sender,
        List<Recipient> toRecipients,
        List<Recipient> ccRecipients,
        List<Recipient> bccRecipients,
        List<Recipient> replyTo,
        Instant sentDateTime,
        Instant receivedDateTime,
        Instant createdDateTime,
        Instant lastModifiedDateTime,
        boolean isDraft,
        boolean isRead,
        String parentFolderId,
        List<Header> internetMessageHeaders,
        String changeKey,
        List<String> categories,
        boolean hasAttachments,
        String bodyPreview) {

    /** One entry of internetMessageHeaders. */
    public record Header(String name, String value) {}

    public GraphMessage {
        toRecipients = List.copyOf(toRecipients);
        ccRecipients = List.copyOf(ccRecipients);
        bccRecipients = List.copyOf(bccRecipients);
        replyTo = List.copyOf(replyTo);
        internetMessageHeaders = List.copyOf(internetMessageHeaders);
        categories = List.copyOf(categories);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The header value by case-insensitive name, or null. */
    public String header(String name) {
        return internetMessageHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .findFirst().orElse(null);
    }

    /**
     * A stable Graph-looking conversation id for a thread root Message-ID (the References root,
     * else In-Reply-To, else the message's own Message-ID).
     */
    public static String conversationIdFor(String rootMessageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(rootMessageId.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "AAQkAG" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 30)) + "=";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fluent builder; unset fields get defaults when the message is added to a folder. */
    public static final class Builder {
        String id;
        String conversationId;
        String internetMessageId;
        String subject = "";
        Recipient from;
        Recipient sender;
        List<Recipient> to = new ArrayList<>();
        List<Recipient> cc = new ArrayList<>();
        List<Recipient> bcc = new ArrayList<>();
        List<Recipient> replyTo = new ArrayList<>();
        Instant sent;
        Instant received;
        Instant created;
        Instant lastModified;
        boolean draft;
        boolean read;
        String parentFolderId;
        List<Header> headers = new ArrayList<>();
        String changeKey;
        List<String> categories = new ArrayList<>();
        boolean hasAttachments;
        String bodyPreview = "";

        Builder() {}

        Builder(GraphMessage m) {
            id = m.id;
            conversationId = m.conversationId;
            internetMessageId = m.internetMessageId;
            subject = m.subject;
            from = m.from;
            sender = m.sender;
            to = new ArrayList<>(m.toRecipients);
            cc = new ArrayList<>(m.ccRecipients);
            bcc = new ArrayList<>(m.bccRecipients);
            replyTo = new ArrayList<>(m.replyTo);
            sent = m.sentDateTime;
            received = m.receivedDateTime;
            created = m.createdDateTime;
            lastModified = m.lastModifiedDateTime;
            draft = m.isDraft;
            read = m.isRead;
            parentFolderId = m.parentFolderId;
            headers = new ArrayList<>(m.internetMessageHeaders);
            changeKey = m.changeKey;
            categories = new ArrayList<>(m.categories);
            hasAttachments = m.hasAttachments;
            bodyPreview = m.bodyPreview;
        }

        public Builder subject(String s) { subject = s; return this; }
        public Builder from(String address) { return from(null, address); }
        public Builder from(String name, String address) { from = new Recipient(name, address); return this; }
        public Builder from(Recipient r) { from = r; return this; }
        public Builder sender(Recipient r) { sender = r; return this; }
        public Builder to(String... addresses) { for (String a : addresses) to.add(Recipient.of(a)); return this; }
        public Builder to(Recipient r) { to.add(r); return this; }
        public Builder toRecipients(List<Recipient> rs) { to = new ArrayList<>(rs); return this; }
        public Builder cc(String... addresses) { for (String a : addresses) cc.add(Recipient.of(a)); return this; }
        public Builder cc(Recipient r) { cc.add(r); return this; }
        public Builder ccRecipients(List<Recipient> rs) { cc = new ArrayList<>(rs); return this; }
        public Builder bccRecipients(List<Recipient> rs) { bcc = new ArrayList<>(rs); return this; }
        public Builder replyTo(String... addresses) { for (String a : addresses) replyTo.add(Recipient.of(a)); return this; }
        public Builder replyToRecipients(List<Recipient> rs) { replyTo = new ArrayList<>(rs); return this; }
        public Builder internetMessageId(String id) { internetMessageId = id; return this; }
        public Builder conversationId(String id) { conversationId = id; return this; }
        /** Same conversation as another message. */
        public Builder inConversationOf(GraphMessage other) { conversationId = other.conversationId(); return this; }
        public Builder sent(Instant t) { sent = t; return this; }
        public Builder received(Instant t) { received = t; return this; }
        public Builder created(Instant t) { created = t; return this; }
        public Builder isDraft(boolean b) { draft = b; return this; }
        public Builder isRead(boolean b) { read = b; return this; }
        public Builder header(String name, String value) { headers.add(new Header(name, value)); return this; }
        public Builder headers(List<Header> hs) { headers = new ArrayList<>(hs); return this; }
        public Builder categories(List<String> cs) { categories = new ArrayList<>(cs); return this; }
        public Builder hasAttachments(boolean b) { hasAttachments = b; return this; }
        public Builder bodyPreview(String s) { bodyPreview = s; return this; }

        GraphMessage build() {
            return new GraphMessage(id, conversationId, internetMessageId, subject, from, sender, to, cc, bcc, replyTo,
                    sent, received, created, lastModified, draft, read, parentFolderId, headers, changeKey, categories,
                    hasAttachments, bodyPreview);
        }

        /** Fills the server-assigned fields for a new message in a folder. */
        GraphMessage buildNew(String folderId, Instant now) {
            id = Json.itemId("AAMkAG");
            if (internetMessageId == null) internetMessageId = "<" + UUID.randomUUID() + "@emulator.invalid>";
            if (conversationId == null) conversationId = conversationIdFor(internetMessageId);
            if (received == null) received = now;
            if (sent == null) sent = received;
            if (created == null) created = received;
            lastModified = created.isAfter(now) ? created : now;
            if (sender == null) sender = from;
            parentFolderId = folderId;
            changeKey = Json.changeKey();
            return build();
        }
    }

    /** The Graph property names whose values differ between two versions of a message. */
    static List<String> changedFields(GraphMessage a, GraphMessage b) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.subject, b.subject)) out.add("subject");
        if (!Objects.equals(a.from, b.from)) out.add("from");
        if (!Objects.equals(a.sender, b.sender)) out.add("sender");
        if (!Objects.equals(a.toRecipients, b.toRecipients)) out.add("toRecipients");
        if (!Objects.equals(a.ccRecipients, b.ccRecipients)) out.add("ccRecipients");
        if (!Objects.equals(a.bccRecipients, b.bccRecipients)) out.add("bccRecipients");
        if (!Objects.equals(a.replyTo, b.replyTo)) out.add("replyTo");
        if (!Objects.equals(a.sentDateTime, b.sentDateTime)) out.add("sentDateTime");
        if (!Objects.equals(a.receivedDateTime, b.receivedDateTime)) out.add("receivedDateTime");
        if (a.isDraft != b.isDraft) out.add("isDraft");
        if (a.isRead != b.isRead) out.add("isRead");
        if (!Objects.equals(a.internetMessageHeaders, b.internetMessageHeaders)) out.add("internetMessageHeaders");
        if (!Objects.equals(a.categories, b.categories)) out.add("categories");
        if (a.hasAttachments != b.hasAttachments) out.add("hasAttachments");
        if (!Objects.equals(a.bodyPreview, b.bodyPreview)) out.add("bodyPreview");
        if (!Objects.equals(a.conversationId, b.conversationId)) out.add("conversationId");
        if (!Objects.equals(a.internetMessageId, b.internetMessageId)) out.add("internetMessageId");
        return out;
    }
}
