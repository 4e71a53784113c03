package app.rapport.domain.planning;

import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.calendar.ShowAs;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.relationship.Status;
import java.time.Instant;
import java.time.ZoneId;

/** Small builders for planning tests. */
final class Fixtures {
    private Fixtures() {}

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static long nextId = 1;

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static Occurrence busy(String start, String end) {
        return occurrence(start, end, ShowAs.BUSY, false);
    }

    static Occurrence occurrence(String start, String end, ShowAs showAs, boolean allDay) {
        return new Occurrence(1, "uid-" + start, "Busy", at(start), at(end), allDay, showAs, EntryKind.EVENT, null);
    }

    static Interaction touch(String when, Channel channel, Direction direction, Intent intent, boolean twoWay) {
        return interaction(when, channel, direction, intent, "subject-" + intent.wire(), Mode.UNKNOWN, twoWay, null);
    }

    static Interaction meeting(String when, Mode mode, Intent intent, String intentRule, String subject) {
        return interaction(when, Channel.MEETING, Direction.MUTUAL, intent, intentRule, mode, true, subject);
    }

    static Interaction interaction(String when, Channel channel, Direction direction, Intent intent, String intentRule,
                                   Mode mode, boolean twoWay, String subject) {
        long id = nextId++;
        return new Interaction(id, 1, 7, 1, "test", "x" + id, at(when), channel, direction, twoWay,
                twoWay ? "replied" : "one-way", intent, intentRule, mode, "test", null, subject);
    }

    /** A cooling tier-B client due now in London with no history. */
    static PlanningCandidate candidate(long id, double priority) {
        return new PlanningCandidate(id, "Client " + id, "B", priority, null, Status.COOLING, LONDON, null, false, null,
                ClientHistory.none(true), null, null);
    }

    static PlanningCandidate withZone(PlanningCandidate c, ZoneId zone) {
        return new PlanningCandidate(c.clientId(), c.clientName(), c.tier(), c.priority(), c.dueAt(), c.status(), zone,
                c.snoozedUntil(), c.hasOpenSuggestion(), c.preferredKind(), c.history(), c.lastTwoWayAt(),
                c.lastContactAt());
    }

    static PlanningCandidate withDue(PlanningCandidate c, Status status, Instant dueAt) {
        return new PlanningCandidate(c.clientId(), c.clientName(), c.tier(), c.priority(), dueAt, status, c.clientZone(),
                c.snoozedUntil(), c.hasOpenSuggestion(), c.preferredKind(), c.history(), c.lastTwoWayAt(),
                c.lastContactAt());
    }

    static PlanningCandidate withSnooze(PlanningCandidate c, Instant until) {
        return new PlanningCandidate(c.clientId(), c.clientName(), c.tier(), c.priority(), c.dueAt(), c.status(),
                c.clientZone(), until, c.hasOpenSuggestion(), c.preferredKind(), c.history(), c.lastTwoWayAt(),
                c.lastContactAt());
    }

    static PlanningCandidate withOpenSuggestion(PlanningCandidate c) {
        return new PlanningCandidate(c.clientId(), c.clientName(), c.tier(), c.priority(), c.dueAt(), c.status(),
                c.clientZone(), c.snoozedUntil(), true, c.preferredKind(), c.history(), c.lastTwoWayAt(),
                c.lastContactAt());
    }

    static PlanningCandidate with(PlanningCandidate c, String tier, MeetingKind preferred, ClientHistory history,
                                  Instant lastTwoWayAt) {
        return new PlanningCandidate(c.clientId(), c.clientName(), tier, c.priority(), c.dueAt(), c.status(),
                c.clientZone(), c.snoozedUntil(), c.hasOpenSuggestion(), preferred, history, lastTwoWayAt,
                c.lastContactAt());
    }
}
