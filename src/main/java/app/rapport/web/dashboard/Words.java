package app.rapport.web.dashboard;

import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Small shared wording for the dashboard's view models. */
final class Words {
    private Words() {}

    static String status(Status s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case COOLING -> "Cooling";
            case INACTIVE -> "Inactive";
        };
    }

    /** "in_person" → "in person". */
    static String wire(String wire) {
        return wire.replace('_', ' ');
    }

    static LocalDate day(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }

    static String date(Instant t, ZoneId zone) {
        return t == null ? "" : RelativeDays.DATE.format(day(t, zone));
    }

    /** "3 weeks ago (12 Oct 2026)", or "never". */
    static String agoWithDate(Instant t, ZoneId zone, LocalDate today) {
        if (t == null) return "never";
        return RelativeDays.ago(day(t, zone), today) + " (" + date(t, zone) + ")";
    }

    static boolean isMeeting(LastContact last) {
        return last.channel() == app.rapport.domain.interaction.Channel.MEETING;
    }

    static boolean isMeeting(Interaction i) {
        return i.channel() == app.rapport.domain.interaction.Channel.MEETING;
    }
}
