package app.rapport.providers.local;

import java.net.URI;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;

/** iMIP bodies (RFC 6047, RFC 5546): METHOD:REQUEST to invite, METHOD:CANCEL to withdraw, one VEVENT in UTC. */
public final class InvitationIcs {
    private InvitationIcs() {}

    /** The text/calendar body inviting the attendee. */
    public static String request(Invitation inv) {
        return build(inv, "REQUEST", Status.VALUE_CONFIRMED);
    }

    /** The text/calendar body cancelling the event; send it with a sequence above the last request's. */
    public static String cancel(Invitation inv) {
        return build(inv, "CANCEL", Status.VALUE_CANCELLED);
    }

    private static String build(Invitation inv, String method, String status) {
        Ical4j.init();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(IcsWriter.PRODID));
        calendar.add(new Version(new ParameterList(), "2.0"));
        calendar.add(new CalScale("GREGORIAN"));
        calendar.add(new Method(method));
        VEvent event = new VEvent(false);
        event.add(new Uid(inv.uid()));
        event.add(new Sequence(inv.sequence()));
        event.add(new DtStamp(IcsWriter.UTC.format(inv.stamp())));
        event.add(new DtStart<>(IcsWriter.UTC.format(inv.start())));
        event.add(new DtEnd<>(IcsWriter.UTC.format(inv.end())));
        event.add(new Summary(inv.summary()));
        if (!inv.description().isBlank()) event.add(new Description(inv.description()));
        if (inv.location() != null && !inv.location().isBlank()) event.add(new Location(inv.location()));
        ParameterList organizerParams = new ParameterList();
        if (hasText(inv.organizerName())) organizerParams = organizerParams.add(new Cn(inv.organizerName()));
        event.add(new Organizer(organizerParams, mailto(inv.organizerEmail())));
        ParameterList attendeeParams = new ParameterList();
        if (hasText(inv.attendeeName())) attendeeParams = attendeeParams.add(new Cn(inv.attendeeName()));
        attendeeParams = attendeeParams.add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.TRUE);
        event.add(new Attendee(attendeeParams, mailto(inv.attendeeEmail())));
        event.add(new Status(status));
        event.add(new Transp(Transp.VALUE_OPAQUE));
        calendar.add(event);
        return IcsWriter.output(calendar);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static URI mailto(String email) {
        String address = email.strip();
        if (address.isEmpty() || address.contains(" ") || !address.contains("@")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        return URI.create("mailto:" + address);
    }
}
