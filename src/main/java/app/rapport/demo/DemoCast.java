package app.rapport.demo;

import app.rapport.demo.DemoBook.DemoClient;
import app.rapport.demo.DemoBook.HardCase;
import app.rapport.demo.DemoEvents.Person;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.relationship.Status;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One client while its book is being written: who they are, and the story the generator will tell. */
final class DemoCast {

    /** The shape of a client's history, beyond its tier. */
    enum Story { STEADY, SERVICE_HEAVY, SOCIAL, SALES_PUSH, QUIET, CHATTY }

    /** A known contact: the address the user has on file, and the one their mail actually comes from. */
    record Contact(Person onFile, Person writesFrom, String first) {
        /** A contact whose mail comes from the very name and address on file. */
        static Contact plain(String name, String address, String first) {
            return new Contact(new Person(name, address), new Person(name, address), first);
        }
    }

    String key;
    String name;
    ClientKind kind;
    String tier;
    ZoneId zone;
    String region;
    final List<Contact> contacts = new ArrayList<>();
    /** People at the company's domain the user has not recorded (matched by domain only). */
    final List<Contact> unlisted = new ArrayList<>();
    String domain;
    String companyWord;
    Integer cadenceOverride;
    String notes;
    String line;
    MonthDay birthday;

    HardCase hardCase;
    Status target;
    double ageDays;
    Story story = Story.STEADY;
    double replyProbability = 0.75;
    double clientReplyMinHours = 2;
    double clientReplyMaxHours = 48;
    DemoRandom random;

    int cadenceDays() {
        if (cadenceOverride != null) return cadenceOverride;
        switch (tier) {
            case "A": return 30;
            case "B": return 90;
            default: return 180;
        }
    }

    boolean isCompany() {
        return kind == ClientKind.COMPANY;
    }

    boolean isLocal() {
        return zone.getId().equals("Europe/London");
    }

    Contact main() {
        return contacts.get(0);
    }

    DemoClient toClient() {
        List<String> emails = new ArrayList<>();
        for (Contact c : contacts) emails.add(c.onFile().address());
        return new DemoClient(key, name, kind, tier, zone, emails, domain, cadenceOverride, notes);
    }
}
