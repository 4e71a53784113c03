package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDaysTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23 | due today
            2026-11-24 | due tomorrow
            2026-11-28 | due in 5 days
            2026-12-06 | due in 13 days
            2026-12-07 | due in 2 weeks
            2027-01-21 | due in 8 weeks
            2027-01-22 | due in 2 months
            2027-05-23 | due in 6 months
            2029-11-23 | due in 3 years
            2026-11-22 | overdue by 1 day
            2026-11-02 | overdue by 3 weeks
            2026-08-23 | overdue by 3 months
            """)
    void dueDatesReadAsPeopleSayThem(LocalDate due, String expected) {
        assertThat(RelativeDays.due(due, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23 | today
            2026-11-22 | yesterday
            2026-11-20 | 3 days ago
            2026-11-09 | 2 weeks ago
            2026-06-23 | 5 months ago
            2025-11-23 | 12 months ago
            2024-10-01 | 2 years ago
            2026-11-30 | on 30 Nov 2026
            """)
    void pastDaysReadAsPeopleSayThem(LocalDate then, String expected) {
        assertThat(RelativeDays.ago(then, TODAY)).isEqualTo(expected);
    }
}
