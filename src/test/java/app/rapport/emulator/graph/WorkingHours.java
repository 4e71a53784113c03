package app.rapport.emulator.graph;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** mailboxSettings.workingHours: days, start and end wall times and the Windows or IANA zone name. */
public record WorkingHours(List<DayOfWeek> daysOfWeek, LocalTime startTime, LocalTime endTime, String timeZone) {
    public WorkingHours {
        daysOfWeek = List.copyOf(daysOfWeek);
    }

    /** Monday to Friday, 08:00 to 17:00 in the given zone. */
    public static WorkingHours weekdays(String timeZone) {
        return new WorkingHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(17, 0), timeZone);
    }
}
