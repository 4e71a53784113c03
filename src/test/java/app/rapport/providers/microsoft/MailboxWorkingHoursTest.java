package app.rapport.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.planning.WorkingHours;
import app.rapport.store.MailboxHoursRepository;
import com.microsoft.graph.models.CustomTimeZone;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.models.TimeZoneBase;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows zone names and reading mailboxSettings.workingHours. */
class MailboxWorkingHoursTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void commonWindowsNamesMapToTheirCldrZoneAndEveryMappedZoneExists() {
        assertThat(WindowsZones.resolve("Pacific Standard Time")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(WindowsZones.resolve("w. europe standard time")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(WindowsZones.resolve(" GMT Standard Time ")).contains(ZoneId.of("Europe/London"));
        assertThat(WindowsZones.resolve("India Standard Time")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(WindowsZones.resolve("UTC")).contains(ZoneId.of("UTC"));
        assertThat(WindowsZones.resolve("Coordinated Universal Time")).contains(ZoneOffset.UTC);
        for (Map.Entry<String, String> e : WindowsZones.table().entrySet()) {
            assertThat(WindowsZones.resolve(e.getKey())).as(e.getKey()).contains(ZoneId.of(e.getValue()));
        }
    }

    @Test
    void ianaNamesPassAndUnknownNamesResolveToNothing() {
        assertThat(WindowsZones.resolve("Europe/Vienna")).contains(ZoneId.of("Europe/Vienna"));
        assertThat(WindowsZones.resolve("Mars Standard Time")).isEmpty();
        assertThat(WindowsZones.resolve("Customized Time Zone")).isEmpty();
        assertThat(WindowsZones.resolve("")).isEmpty();
        assertThat(WindowsZones.resolve(null)).isEmpty();
    }

    static MailboxSettings settings(String mailboxZone, String hoursZone, LocalTime start, LocalTime end,
                                    List<com.microsoft.graph.models.DayOfWeek> days) {
        MailboxSettings s = new MailboxSettings();
        s.setTimeZone(mailboxZone);
        com.microsoft.graph.models.WorkingHours wh = new com.microsoft.graph.models.WorkingHours();
        wh.setDaysOfWeek(days);
        wh.setStartTime(start);
        wh.setEndTime(end);
        if (hoursZone != null) {
            TimeZoneBase zone = new TimeZoneBase();
            zone.setName(hoursZone);
            wh.setTimeZone(zone);
        }
        s.setWorkingHours(wh);
        return s;
    }

    static final List<com.microsoft.graph.models.DayOfWeek> WEEKDAYS = List.of(com.microsoft.graph.models.DayOfWeek.Monday,
            com.microsoft.graph.models.DayOfWeek.Tuesday, com.microsoft.graph.models.DayOfWeek.Wednesday,
            com.microsoft.graph.models.DayOfWeek.Thursday, com.microsoft.graph.models.DayOfWeek.Friday);

    @Test
    void readsDaysTimesAndTheWorkingHoursZone() {
        MailboxHoursRepository.Hours h = GraphWorkingHours.read(7, settings("UTC", "Pacific Standard Time",
                LocalTime.of(8, 30), LocalTime.of(17, 0, 0, 500), WEEKDAYS), NOW);
        assertThat(h.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(h.zoneName()).isEqualTo("Pacific Standard Time");
        assertThat(h.hours()).isEqualTo(WorkingHours.weekdays(LocalTime.of(8, 30), LocalTime.of(17, 0)));
        assertThat(h.fetchedAt()).isEqualTo(NOW);
    }

    @Test
    void aZoneNameRapportCannotReadFallsBackToTheMailboxZoneThenToTheUsersZone() {
        assertThat(GraphWorkingHours.read(7, settings("Tokyo Standard Time", "Customized Time Zone",
                LocalTime.of(9, 0), LocalTime.of(18, 0), WEEKDAYS), NOW).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        MailboxHoursRepository.Hours unknown = GraphWorkingHours.read(7, settings("Mars Standard Time", null,
                LocalTime.of(9, 0), LocalTime.of(18, 0), WEEKDAYS), NOW);
        assertThat(unknown.zone()).as("null: the user's own zone").isNull();
        assertThat(unknown.hours()).isEqualTo(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        CustomTimeZone custom = new CustomTimeZone();
        custom.setBias(-60);
        MailboxSettings s = settings("Mars Standard Time", null, LocalTime.of(9, 0), LocalTime.of(18, 0), WEEKDAYS);
        s.getWorkingHours().setTimeZone(custom);
        assertThat(GraphWorkingHours.read(7, s, NOW).zone()).isNull();
    }

    @Test
    void midnightEndsAtTheLastMinuteAndHoursAcrossMidnightOrWithoutDaysAreNotUsed() {
        assertThat(GraphWorkingHours.read(7, settings("UTC", "UTC", LocalTime.of(16, 0), LocalTime.MIDNIGHT,
                List.of(com.microsoft.graph.models.DayOfWeek.Saturday)), NOW).hours().on(DayOfWeek.SATURDAY))
                .isEqualTo(new WorkingHours.Window(LocalTime.of(16, 0), LocalTime.of(23, 59)));
        assertThat(GraphWorkingHours.read(7, settings("UTC", "UTC", LocalTime.of(22, 0), LocalTime.of(6, 0), WEEKDAYS), NOW)
                .hours()).isNull();
        assertThat(GraphWorkingHours.read(7, settings("UTC", "UTC", LocalTime.of(9, 0), LocalTime.of(17, 0), List.of()), NOW)
                .hours()).isNull();
        assertThat(GraphWorkingHours.read(7, new MailboxSettings(), NOW).hours()).isNull();
    }
}
