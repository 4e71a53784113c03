package app.rapport.sync;

import java.util.Optional;

/** What one account is synced as: two mail folders and the calendar, each with its own cursor. */
public enum Stream {
    MAIL_INBOX("mail_inbox", "inbox"),
    MAIL_SENT("mail_sent", "sentitems"),
    CALENDAR("calendar", null);

    private final String id;
    private final String graphFolder;

    Stream(String id, String graphFolder) {
        this.id = id;
        this.graphFolder = graphFolder;
    }

    /** The name in the database, the API and interactions' source column. */
    public String id() {
        return id;
    }

    /** The Graph mail folder's well-known name; null for the calendar. */
    public String graphFolder() {
        return graphFolder;
    }

    public boolean isMail() {
        return graphFolder != null;
    }

    public static Optional<Stream> of(String id) {
        for (Stream s : values()) if (s.id.equals(id)) return Optional.of(s);
        return Optional.empty();
    }
}
