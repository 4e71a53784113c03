package app.rapport.web.dashboard;

import app.rapport.domain.calendar.EntryKind;
import app.rapport.domain.calendar.Occurrence;
import app.rapport.domain.planning.WorkingHours;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.service.CalendarService.CalendarItem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Week page: one ISO week (Monday to Sunday, in the user's zone) as a grid of day columns with an
 * all-day row on top and hour rows covering the working hours plus an hour either side (at least
 * 08:00 to 19:00). Timed blocks are placed by percentages of the day column; blocks that overlap
 * share the column side by side. Times outside the grid are pinned to its edge; their label keeps the
 * true time.
 *
 * @param start       the Monday, as the {@code start} query value of this week
 * @param suggestions holds, proposals and accepted meetings that start this week, earliest first
 * @param notice      the outcome of the last action, or null
 */
public record WeekView(String start, String title, String prevHref, String nextHref, String thisWeekHref,
                       boolean thisWeek, List<String> hours, List<Day> days, List<Suggested> suggestions,
                       Notice notice, String zone) {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    static final DateTimeFormatter DAY_NUMBER = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    static final DateTimeFormatter TITLE_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int MIN_START_HOUR = 8;
    private static final int MIN_END_HOUR = 19;

    /** A message above the week: {@code kind} is "ok" or "error". */
    public record Notice(String kind, String text) {}

    /** One day column; {@code blocks} are sorted by start, so the phone agenda reads in order. */
    public record Day(String iso, String name, String date, boolean weekend, boolean today, List<Block> allDay,
                      List<Block> blocks) {
        public boolean empty() {
            return allDay.isEmpty() && blocks.isEmpty();
        }
    }

    /**
     * One calendar block. {@code style} positions a timed block in its day column (empty for all-day
     * ones); {@code hold} is set for a hold with its suggestion, {@code meeting} for an accepted one.
     */
    public record Block(String css, String title, String time, String showAs, String style, Suggested hold,
                        Suggested meeting) {}

    /**
     * A suggestion as the page shows it, with what the controls and the invitation line need.
     *
     * @param invitation   the invitation line of an accepted suggestion, or null
     * @param downloadHref the .ics download when the user sends the invitation themselves, or null
     */
    public record Suggested(long id, String clientName, String clientHref, String kind, String when, String reason,
                            boolean open, String state, String invitation, String downloadHref,
                            boolean invitationFailed, boolean invitationInFlight) {}

    /** True while an accepted suggestion's invitation is queued or being sent: the page refreshes itself. */
    public boolean invitationsInFlight() {
        return suggestions.stream().anyMatch(Suggested::invitationInFlight);
    }

    /** Snooze choices offered when dismissing, in days; the default is 14. */
    public static final List<Integer> SNOOZE_CHOICES = List.of(7, 14, 30, 90);
    public static final int DEFAULT_SNOOZE = 14;

    /** The Monday of the ISO week that contains {@code raw} (YYYY-MM-DD), or of this week when it is not a date. */
    public static LocalDate monday(String raw, LocalDate today) {
        LocalDate day = today;
        if (raw != null && !raw.isBlank()) {
            try {
                day = LocalDate.parse(raw.strip());
            } catch (java.time.format.DateTimeParseException e) {
                day = today;
            }
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The href of the week starting {@code monday}. */
    public static String href(LocalDate monday) {
        return "/week?start=" + monday;
    }

    /**
     * Builds the week.
     *
     * @param items       the calendar window [monday 00:00, next monday 00:00) in {@code zone}
     * @param suggestions the user's suggestions (any state); those starting this week are listed
     * @param clients     client names by id, for suggestions without a calendar block
     */
    public static WeekView build(LocalDate monday, ZoneId zone, Instant now, WorkingHours hours,
                                 List<CalendarItem> items, List<Suggestion> suggestions,
                                 Function<Long, String> clients, Notice notice) {
        LocalDate today = now.atZone(zone).toLocalDate();
        int startHour = MIN_START_HOUR;
        int endHour = MIN_END_HOUR;
        for (DayOfWeek d : DayOfWeek.values()) {
            WorkingHours.Window w = hours.on(d);
            if (w == null) continue;
            startHour = Math.min(startHour, Math.max(0, w.start().getHour() - 1));
            int end = w.end().getHour() + (w.end().getMinute() > 0 ? 1 : 0) + 1;
            endHour = Math.max(endHour, Math.min(24, end));
        }
        List<String> hourLabels = new ArrayList<>();
        for (int h = startHour; h < endHour; h++) hourLabels.add(String.format(Locale.ROOT, "%02d:00", h));

        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            Instant gridStart = date.atTime(LocalTime.of(startHour, 0)).atZone(zone).toInstant();
            Instant gridEnd = endHour == 24 ? dayEnd : date.atTime(LocalTime.of(endHour, 0)).atZone(zone).toInstant();
            List<Block> allDay = new ArrayList<>();
            List<Placed> timed = new ArrayList<>();
            for (CalendarItem item : items) {
                Occurrence o = item.occurrence();
                if (!o.start().isBefore(dayEnd) || !o.end().isAfter(dayStart)) continue;
                if (o.allDay() || !o.end().isBefore(o.start().plusSeconds(24 * 3600))) {
                    allDay.add(block(item, zone, o.allDay() ? "All day" : span(o, zone), ""));
                    continue;
                }
                Instant from = max(o.start(), dayStart);
                Instant to = min(o.end(), dayEnd);
                // Pin to the grid's edges; a block is never drawn thinner than a sliver.
                Instant top = min(max(from, gridStart), gridEnd.minusSeconds(15 * 60));
                Instant bottom = max(min(to, gridEnd), top.plusSeconds(15 * 60));
                timed.add(new Placed(item, top, bottom));
            }
            timed.sort(Comparator.comparing((Placed p) -> p.top).thenComparing(p -> p.bottom, Comparator.reverseOrder()));
            lanes(timed);
            double span = gridEnd.getEpochSecond() - gridStart.getEpochSecond();
            List<Block> blocks = new ArrayList<>();
            for (Placed p : timed) {
                double top = (p.top.getEpochSecond() - gridStart.getEpochSecond()) / span * 100;
                double height = (p.bottom.getEpochSecond() - p.top.getEpochSecond()) / span * 100;
                double width = 100.0 / p.lanes;
                String style = String.format(Locale.ROOT, "top: %.3f%%; height: %.3f%%; left: %.3f%%; width: %.3f%%",
                        top, height, p.lane * width, width);
                blocks.add(block(p.item, zone, time(p.item.occurrence(), zone, date), style));
            }
            DayOfWeek dow = date.getDayOfWeek();
            days.add(new Day(date.toString(), SHORT_DAY.format(date), DAY_NUMBER.format(date),
                    dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, date.equals(today), allDay, blocks));
        }

        Map<Long, String> names = new java.util.HashMap<>();
        for (CalendarItem item : items) {
            if (item.suggestion() != null && item.clientName() != null) {
                names.put(item.suggestion().clientId(), item.clientName());
            }
        }
        List<Suggested> listed = suggestions.stream()
                .filter(s -> s.state().open() || s.state() == SuggestionState.ACCEPTED)
                .filter(s -> !s.start().isBefore(weekStart) && s.start().isBefore(weekEnd))
                .sorted(Comparator.comparing(Suggestion::start))
                .map(s -> suggested(s, names.computeIfAbsent(s.clientId(), clients), zone))
                .toList();

        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String title = "Week of " + TITLE_DAY.format(monday);
        return new WeekView(monday.toString(), title, href(monday.minusWeeks(1)), href(monday.plusWeeks(1)),
                href(thisMonday), monday.equals(thisMonday), hourLabels, days, listed, notice, zone.getId());
    }

    /** A timed block with its place among the blocks that overlap it. */
    private static final class Placed {
        final CalendarItem item;
        final Instant top;
        final Instant bottom;
        int lane;
        int lanes = 1;

        Placed(CalendarItem item, Instant top, Instant bottom) {
            this.item = item;
            this.top = top;
            this.bottom = bottom;
        }
    }

    /** Gives each block a lane: overlapping blocks sit side by side, each cluster as wide as it needs. */
    private static void lanes(List<Placed> sorted) {
        List<Placed> cluster = new ArrayList<>();
        List<Instant> laneEnds = new ArrayList<>();
        Instant clusterEnd = Instant.MIN;
        for (Placed p : sorted) {
            if (!p.top.isBefore(clusterEnd)) {
                closeCluster(cluster, laneEnds.size());
                cluster.clear();
                laneEnds.clear();
            }
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane).isAfter(p.top)) lane++;
            if (lane == laneEnds.size()) laneEnds.add(p.bottom);
            else laneEnds.set(lane, p.bottom);
            p.lane = lane;
            cluster.add(p);
            clusterEnd = max(clusterEnd, p.bottom);
        }
        closeCluster(cluster, laneEnds.size());
    }

    private static void closeCluster(List<Placed> cluster, int lanes) {
        for (Placed p : cluster) p.lanes = Math.max(1, lanes);
    }

    private static Block block(CalendarItem item, ZoneId zone, String time, String style) {
        Occurrence o = item.occurrence();
        Suggestion s = item.suggestion();
        String showAs = o.showAs().wire();
        if (o.kind() == EntryKind.HOLD && s != null && s.state().open()) {
            Suggested hold = suggested(s, item.clientName(), zone);
            return new Block("block hold show-" + showAs, hold.clientName(), time, "Hold", style, hold, null);
        }
        if (o.kind() == EntryKind.MEETING && s != null) {
            Suggested meeting = suggested(s, item.clientName(), zone);
            return new Block("block meeting show-busy", o.summary(), time, "Busy", style, null, meeting);
        }
        String label = switch (o.showAs()) {
            case BUSY -> "Busy";
            case TENTATIVE -> "Tentative";
            case FREE -> "Free";
        };
        String title = o.summary() == null || o.summary().isBlank() ? "(no title)" : o.summary();
        return new Block("block event show-" + showAs, title, time, label, style, null, null);
    }

    static Suggested suggested(Suggestion s, String clientName, ZoneId zone) {
        String name = clientName == null ? "Client " + s.clientId() : clientName;
        String invitation = null;
        String download = null;
        if (s.state() == SuggestionState.ACCEPTED) {
            String detail = s.invitationDetail() == null ? "" : s.invitationDetail();
            switch (s.invitationState()) {
                case SENT -> invitation = "Invitation " + (detail.isBlank() ? "sent" : detail);
                case PENDING, SENDING -> invitation = "Sending the invitation…";
                case DOWNLOAD -> {
                    invitation = "No mail server is set up: send the invitation yourself.";
                    download = "/api/v1/suggestions/" + s.id() + "/invitation.ics";
                }
                case FAILED -> invitation = "The invitation was " + (detail.isBlank() ? "not sent" : detail);
                case NONE -> invitation = detail.isBlank() ? "In your calendar only." : "In your calendar only: " + detail;
                case DECLINED -> invitation = "The client declined" + (detail.isBlank() ? "." : ": " + detail);
            }
        }
        return new Suggested(s.id(), name, "/clients/" + s.clientId(), s.kind().label(), when(s, zone), s.reason(),
                s.state().open(), s.state().wire(), invitation, download,
                s.invitationState() == app.rapport.domain.suggestion.InvitationState.FAILED
                        || s.invitationState() == app.rapport.domain.suggestion.InvitationState.DECLINED,
                s.state() == SuggestionState.ACCEPTED
                        && (s.invitationState() == app.rapport.domain.suggestion.InvitationState.PENDING
                        || s.invitationState() == app.rapport.domain.suggestion.InvitationState.SENDING));
    }

    /** "Tue 24 Nov, 10:00–10:30". */
    static String when(Suggestion s, ZoneId zone) {
        ZonedDateTime start = s.start().atZone(zone);
        ZonedDateTime end = s.end().atZone(zone);
        String day = DAY.format(start);
        if (start.toLocalDate().equals(end.toLocalDate())) return day + ", " + TIME.format(start) + "–" + TIME.format(end);
        return day + ", " + TIME.format(start) + " – " + DAY.format(end) + ", " + TIME.format(end);
    }

    /** The time label of a timed block on {@code date}: "10:00–11:00", or with the other day when it spans midnight. */
    private static String time(Occurrence o, ZoneId zone, LocalDate date) {
        ZonedDateTime start = o.start().atZone(zone);
        ZonedDateTime end = o.end().atZone(zone);
        String from = start.toLocalDate().equals(date) ? TIME.format(start) : DAY.format(start) + " " + TIME.format(start);
        String to = end.toLocalDate().equals(date) ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return from + "–" + to;
    }

    private static String span(Occurrence o, ZoneId zone) {
        return DAY.format(o.start().atZone(zone)) + " " + TIME.format(o.start().atZone(zone)) + " – "
                + DAY.format(o.end().atZone(zone)) + " " + TIME.format(o.end().atZone(zone));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
