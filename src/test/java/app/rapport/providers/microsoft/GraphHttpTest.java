package app.rapport.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class GraphHttpTest {
    @Test
    void retryAfterIsReadAsDecimalSecondsOrAnHttpDate() {
        assertThat(GraphHttp.retryAfter("2.128")).isEqualTo(Duration.ofMillis(2128));
        assertThat(GraphHttp.retryAfter("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(GraphHttp.retryAfter("3, 5")).isEqualTo(Duration.ofSeconds(3));
        assertThat(GraphHttp.retryAfter(null)).isNull();
        assertThat(GraphHttp.retryAfter("soon")).isNull();
        assertThat(GraphHttp.retryAfter("-1")).isNull();
        String inTwentySeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(GraphHttp.retryAfter(inTwentySeconds)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(21));
        String past = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(20).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(GraphHttp.retryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffGrowsWithJitterUpToItsCap() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            Duration d = GraphHttp.backoff(attempt);
            long cap = Math.min(20_000, 500L << Math.min(attempt - 1, 16));
            assertThat(d.toMillis()).isBetween(cap / 2, cap);
        }
    }

    @Test
    void mailboxLimitsNeverAdmitMoreThanFourAtOnceNorMoreThanTheBudget() throws Exception {
        MailboxLimits limits = new MailboxLimits(5, 1, Duration.ofHours(1));
        for (int i = 0; i < 4; i++) assertThat(limits.acquire(Duration.ofMillis(10))).isTrue();
        assertThat(limits.acquire(Duration.ofMillis(50))).as("a fifth at once").isFalse();
        limits.release();
        assertThat(limits.acquire(Duration.ofMillis(10))).isTrue();
        for (int i = 0; i < 4; i++) limits.release();
        assertThat(limits.acquire(Duration.ofMillis(50))).as("the budget of five is spent").isFalse();
        assertThat(limits.peakConcurrency()).isEqualTo(4);
        assertThat(limits.requestsSent()).isEqualTo(5);
    }
}
