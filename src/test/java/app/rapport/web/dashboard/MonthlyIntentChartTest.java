package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.support.Builders;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthlyIntentChartTest {
    static final YearMonth LAST = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-10-31T23:30:00Z | Europe/Berlin    | 2026-11
            2026-10-31T23:30:00Z | UTC              | 2026-10
            2026-11-01T03:00:00Z | America/New_York | 2026-10
            2026-11-01T05:00:00Z | America/New_York | 2026-11
            2026-11-30T23:59:59Z | UTC              | 2026-11
            2025-12-01T00:00:00Z | UTC              | 2025-12
            2025-11-30T23:59:59Z | UTC              | none
            2025-11-30T23:30:00Z | Europe/Berlin    | 2025-12
            2026-12-01T00:00:00Z | UTC              | none
            2026-11-30T23:30:00Z | Pacific/Auckland | none
            """)
    void aContactCountsInTheUsersCalendarMonth(Instant at, ZoneId zone, String expected) {
        List<MonthlyIntentChart.Month> months = MonthlyIntentChart.bucket(List.of(at), List.of(Intent.SERVICE), zone,
                LAST, 12);
        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(months.get(11).month()).isEqualTo(LAST);
        List<String> counted = months.stream().filter(m -> m.total() > 0).map(m -> m.month().toString()).toList();
        assertThat(counted).isEqualTo(expected.equals("none") ? List.of() : List.of(expected));
    }

    @Test
    void barsStackIntentsBottomUpAndTitleEachMonth() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        List<Interaction> list = List.of(
                mail("a", "2026-11-02T10:00:00Z", Intent.SALES),
                mail("b", "2026-11-03T10:00:00Z", Intent.SALES),
                mail("c", "2026-11-04T10:00:00Z", Intent.SOCIAL),
                mail("d", "2026-09-04T10:00:00Z", Intent.UNKNOWN));
        MonthlyIntentChart chart = MonthlyIntentChart.of(list, ZoneId.of("UTC"), now, 12);
        assertThat(chart.max()).isEqualTo(3);
        MonthlyIntentChart.Bar november = chart.bars().get(11);
        assertThat(november.label()).isEqualTo("Nov");
        assertThat(november.title()).isEqualTo("November 2026: 3 contacts (2 sales, 1 social)");
        assertThat(november.segments()).extracting(MonthlyIntentChart.Segment::intent).containsExactly("sales", "social");
        MonthlyIntentChart.Segment sales = november.segments().get(0);
        MonthlyIntentChart.Segment social = november.segments().get(1);
        assertThat(sales.y() + sales.height()).isEqualTo(MonthlyIntentChart.PLOT_BOTTOM);
        assertThat(social.y() + social.height()).isCloseTo(sales.y(), org.assertj.core.data.Offset.offset(0.11));
        assertThat(sales.height()).isCloseTo(2 * social.height(), org.assertj.core.data.Offset.offset(0.2));
        assertThat(chart.bars().get(10).title()).isEqualTo("October 2026: no contact");
        assertThat(chart.bars().get(9).title()).isEqualTo("September 2026: 1 contact (1 unknown)");
        assertThat(chart.ticks()).extracting(MonthlyIntentChart.Tick::value).containsExactly(0, 1, 2, 3);
    }

    @Test
    void anEmptyHistoryDrawsTwelveEmptyMonths() {
        MonthlyIntentChart chart = MonthlyIntentChart.of(List.of(), ZoneId.of("UTC"),
                Instant.parse("2026-11-23T10:00:00Z"), 12);
        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.bars()).hasSize(12).allSatisfy(b -> assertThat(b.segments()).isEmpty());
    }

    @Test
    void theWindowStartsAtMidnightOfTheFirstMonthInTheUsersZone() {
        assertThat(MonthlyIntentChart.windowStart(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-23T10:00:00Z"), 12))
                .isEqualTo(Instant.parse("2025-11-30T23:00:00Z"));
    }

    private static Interaction mail(String id, String at, Intent intent) {
        return Builders.anEmail(1, 2, 3, id, Instant.parse(at), Direction.OUTBOUND, intent);
    }
}
