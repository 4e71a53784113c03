package app.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.planning.WorkingHours;
import app.rapport.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 marks planning settings saved before it as the user's own working hours, except rows that
 * still hold the untouched defaults: those users get their mailbox's hours once they connect one.
 */
class WorkingHoursExplicitMigrationTest {
    @Test
    void settingsSavedBeforeV3KeepTheirHoursUnlessTheyAreTheDefaults() throws Exception {
        String url = "jdbc:h2:mem:m" + UUID.randomUUID().toString().replace("-", "") + TestDatabases.H2_URL_OPTIONS
                + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("2").load().migrate();
        assertThat(PlanningSettingsRepository.formatHours(WorkingHours.standard()))
                .isEqualTo("mon=09:00-17:30,tue=09:00-17:30,wed=09:00-17:30,thu=09:00-17:30,fri=09:00-17:30");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (id, name, email, time_zone, created_at) VALUES"
                    + " (1, 'A', 'a@x.example', 'Europe/London', CURRENT_TIMESTAMP),"
                    + " (2, 'B', 'b@x.example', 'Europe/London', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO planning_settings (user_id, working_hours, max_per_day, max_per_week, buffer_minutes,"
                    + " horizon_days, lead_minutes, durations, updated_at) VALUES"
                    + " (1, '" + PlanningSettingsRepository.formatHours(WorkingHours.standard()) + "', 2, 8, 30, 14, 120, '', CURRENT_TIMESTAMP),"
                    + " (2, 'mon=08:00-12:00', 2, 8, 15, 14, 120, '', CURRENT_TIMESTAMP)");
        }
        Database db = Database.open(url, "sa", "", 2);
        try {
            PlanningSettingsRepository repo = new PlanningSettingsRepository(db);
            ZoneId london = ZoneId.of("Europe/London");
            assertThat(repo.findStored(1, london).orElseThrow().hoursExplicit()).isFalse();
            PlanningSettingsRepository.Stored own = repo.findStored(2, london).orElseThrow();
            assertThat(own.hoursExplicit()).isTrue();
            assertThat(own.settings().workingHours().on(java.time.DayOfWeek.MONDAY))
                    .isEqualTo(new WorkingHours.Window(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        } finally {
            db.close();
        }
    }
}
