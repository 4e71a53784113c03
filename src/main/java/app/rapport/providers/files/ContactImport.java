package app.rapport.providers.files;

import app.rapport.domain.client.ClientKind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads client lists from CSV and vCard files into drafts for the user to confirm. Nothing is stored here.
 *
 * <p>Bad contacts never throw: each one becomes a {@link Rejection} with its 1-based record number (the
 * n-th data row after the CSV header, or the n-th card) and a reason. The only exception is an
 * {@link IllegalArgumentException} for a file that is neither a vCard nor a CSV contact list (binary
 * content, or a CSV header naming no name, email or company column).
 *
 * <p>Rules shared by both formats: every address must parse as one mailbox with a dotted domain, or the
 * contact is rejected; a contact without a name is named after its first address; one with neither is
 * rejected; a tier is any label of at most 16 characters (a single letter is upper-cased); a time zone must
 * be a zone id or a UTC offset; a person's organisation goes into the notes as "Organisation: …".
 */
public final class ContactImport {
    private ContactImport() {}

    /**
     * One client as a file describes it, not yet stored.
     *
     * @param recordNumber the 1-based record (data row or card) it was read from
     * @param tier     the tier label, or null for the user's default tier
     * @param emails   addresses as written (not normalised), duplicates removed, in file order
     * @param domain   a company domain, lower case without "@", or null
     * @param timeZone a zone id ("Europe/London") or offset ("-05:00"), or null
     */
    public record ClientDraft(int recordNumber, String name, ClientKind kind, String tier, List<String> emails, String domain,
                              String timeZone, String phone, String notes) {
        public ClientDraft {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            emails = List.copyOf(emails);
        }
    }

    /** A contact that was not imported: its 1-based record number and why. */
    public record Rejection(int recordNumber, String reason) {}

    /** The drafts read, in file order, and the contacts rejected. */
    public record ImportResult(List<ClientDraft> drafts, List<Rejection> rejections) {
        public ImportResult {
            drafts = List.copyOf(drafts);
            rejections = List.copyOf(rejections);
        }
    }

    /**
     * Reads a CSV with a header row. Columns are matched by name, ignoring case, blanks and underscores:
     * Rapport's layout (name, email or emails, tier, domain, time_zone, phone, notes, kind) and the Gmail,
     * Outlook, Thunderbird and Roundcube export layouts. The delimiter is ",", ";" or tab, whichever the
     * header uses most.
     */
    public static ImportResult fromCsv(Reader in) {
        return CsvContacts.read(ContactText.stripBom(readAll(in)));
    }

    /** Reads every card of a vCard 2.1, 3.0 or 4.0 file. */
    public static ImportResult fromVCard(Reader in) {
        return VCardContacts.read(ContactText.stripBom(readAll(in)));
    }

    /**
     * Decodes an upload (UTF-8 with or without BOM, UTF-16 with or without BOM, else windows-1252) and reads
     * it as a vCard when its content holds BEGIN:VCARD, otherwise as a CSV. The file name and content type
     * only help when the content is not conclusive; both may be null. An empty file gives an empty result.
     *
     * @throws IllegalArgumentException when the file is neither a vCard nor a CSV contact list
     */
    public static ImportResult detectAndParse(String filename, String contentType, byte[] bytes) {
        if (bytes == null || bytes.length == 0) return new ImportResult(List.of(), List.of());
        String text = ContactText.decode(bytes);
        if (text.isBlank()) return new ImportResult(List.of(), List.of());
        if (ContactText.looksBinary(text)) {
            throw new IllegalArgumentException("neither a CSV nor a vCard file: " + describe(filename, contentType)
                    + " holds binary content");
        }
        if (VCardContacts.looksLikeVCard(text)) return VCardContacts.read(text);
        if (saysVCard(filename, contentType)) {
            throw new IllegalArgumentException("neither a CSV nor a vCard file: " + describe(filename, contentType)
                    + " is named as a vCard but has no BEGIN:VCARD line");
        }
        try {
            return CsvContacts.read(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither a CSV nor a vCard file: " + describe(filename, contentType)
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean saysVCard(String filename, String contentType) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return name.endsWith(".vcf") || name.endsWith(".vcard")
                || type.startsWith("text/vcard") || type.startsWith("text/x-vcard") || type.startsWith("text/directory");
    }

    private static String describe(String filename, String contentType) {
        if (filename != null && !filename.isBlank()) return "'" + filename + "'";
        if (contentType != null && !contentType.isBlank()) return "the " + contentType + " upload";
        return "the upload";
    }

    private static String readAll(Reader in) {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) sb.append(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the contact file", e);
        }
        return sb.toString();
    }
}
