package app.rapport.providers.microsoft;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OkHttp interceptor in front of every Graph request of one account. It keeps the mailbox
 * limits, answers a 401 by refreshing the token once and repeating the request (so a long
 * backfill survives token expiry in the middle of a page), honours Retry-After on 429 and 503,
 * and backs off exponentially with jitter on other transient failures, up to a capped number of
 * attempts. It replaces the SDK's own RetryHandler, which would sleep outside these limits.
 */
final class GraphHttp implements Interceptor {
    /** A Retry-After longer than this is not slept through: the stream is rescheduled instead. */
    static final Duration LONGEST_INLINE_WAIT = Duration.ofSeconds(30);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    private static final Duration SLOT_WAIT = Duration.ofMinutes(2);

    private final long accountId;
    private final GraphTokens tokens;
    private final MailboxLimits limits;
    private final int maxAttempts;
    private final Sleeper sleeper;

    /** Sleeping, replaceable so tests need not wait. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    GraphHttp(long accountId, GraphTokens tokens, MailboxLimits limits, int maxAttempts, Sleeper sleeper) {
        this.accountId = accountId;
        this.tokens = tokens;
        this.limits = limits;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = send(chain, request);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) throw e;
                if (attempt >= maxAttempts) throw e;
                pause(backoff(attempt));
                continue;
            }
            int status = response.code();
            if (status == 401 && !refreshed) {
                refreshed = true;
                String rejected = bearer(request);
                response.close();
                request = request.newBuilder().header("Authorization", "Bearer " + tokens.afterRejection(accountId, rejected)).build();
                attempt--;
                continue;
            }
            if (status != 429 && status != 503 && status != 504 && status != 500 && status != 502) return response;
            if (attempt >= maxAttempts) return response;
            Duration wait = retryAfter(response.header("Retry-After"));
            if (wait == null) wait = backoff(attempt);
            if (wait.compareTo(LONGEST_INLINE_WAIT) > 0) return response;
            response.close();
            pause(wait);
        }
    }

    private Response send(Chain chain, Request request) throws IOException {
        try {
            if (!limits.acquire(SLOT_WAIT)) throw new IOException("no request slot for the mailbox within " + SLOT_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a request slot");
        }
        try {
            return chain.proceed(request);
        } finally {
            limits.release();
        }
    }

    private void pause(Duration d) throws InterruptedIOException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while backing off");
        }
    }

    /** Exponential from half a second, capped, with full jitter so retries of many streams spread out. */
    static Duration backoff(int attempt) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 16));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    /** Seconds (fractions allowed, the first of a list) or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        try {
            Duration until = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException notDate) {
            // seconds, then
        }
        try {
            BigDecimal seconds = new BigDecimal(header.split(",")[0].strip());
            if (seconds.signum() < 0) return null;
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private static String bearer(Request request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }
}
