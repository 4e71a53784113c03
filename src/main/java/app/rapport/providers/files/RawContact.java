package app.rapport.providers.files;

import java.util.List;

/**
 * One contact as a file states it, before any checking: every field is the text found, or null.
 *
 * @param name          the display name as written (FN, "Display Name", "Name"), or null
 * @param personName    the name assembled from given / family name parts, or null when there are none
 * @param organisation  the company the contact belongs to (ORG, "Company", "Organization"), or null
 * @param kind          an explicit kind ("person", "household", "company"...), or null to infer it
 * @param emails        every address item found, one mailbox each (CSV cells already split)
 * @param timeZone      a zone id or UTC offset as written, or null
 */
record RawContact(String name, String personName, String organisation, String kind, String tier,
                  List<String> emails, String domain, String timeZone, String phone, String notes) {
    RawContact {
        emails = List.copyOf(emails);
    }
}
