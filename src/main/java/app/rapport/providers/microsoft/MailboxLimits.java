package app.rapport.providers.microsoft;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outlook's per-mailbox limits as a gate every Graph request of one account passes: at most 4
 * requests in flight, and never more than 10,000 in any 10 minutes. The budget is a token bucket
 * holding 2,000 that refills 8,000 per 10 minutes, so even a full bucket spent at once plus
 * everything refilled stays within 10,000 over any 10-minute window.
 */
public final class MailboxLimits {
    public static final int CONCURRENT = 4;
    public static final int PER_TEN_MINUTES = 10_000;
    private static final int BURST = 2_000;

    private final Semaphore inFlight = new Semaphore(CONCURRENT, true);
    private final Bucket budget;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();

    public MailboxLimits() {
        this(BURST, PER_TEN_MINUTES - BURST, Duration.ofMinutes(10));
    }

    /** Other numbers, for tests that exhaust the budget quickly. */
    public MailboxLimits(long burst, long refill, Duration every) {
        this.budget = Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(refill, every)).build();
    }

    /**
     * Waits for a slot and a unit of budget.
     *
     * @return false when either did not come within {@code maxWait} (the caller reports throttling)
     */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (!inFlight.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) return false;
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!budget.asBlocking().tryConsume(1, left)) {
            inFlight.release();
            return false;
        }
        sent.incrementAndGet();
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
        return true;
    }

    public void release() {
        current.decrementAndGet();
        inFlight.release();
    }

    /** The most requests this process had in flight at once for the mailbox. */
    public int peakConcurrency() {
        return peak.get();
    }

    public long requestsSent() {
        return sent.get();
    }
}
