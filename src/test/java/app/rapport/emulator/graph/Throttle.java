package app.rapport.emulator.graph;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Outlook's per app + mailbox limits, fault injection and request statistics. The app is not part
 * of the key here: tests run one app, so "per mailbox" is per app + mailbox.
 *
 * <ul>
 *   <li>Concurrency: at most {@code concurrencyLimit} requests of a mailbox in flight (admitted and
 *       not yet answered, including injected latency); the next gets 429 ApplicationThrottled at once.
 *   <li>Budget: a sliding window. A request is admitted when fewer than {@code requestBudget}
 *       requests of the mailbox were admitted in the last {@code budgetWindow}; otherwise 429
 *       TooManyRequests with Retry-After = time until the oldest admitted request leaves the window.
 *       Refused requests do not count against the budget.
 * </ul>
 */
final class Throttle {
    private static final class Fault {
        final Predicate<RequestInfo> when;
        int remaining;
        final int status;
        final String code;
        final String retryAfter;

        Fault(Predicate<RequestInfo> when, int remaining, int status, String code, String retryAfter) {
            this.when = when;
            this.remaining = remaining;
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }

    private static final class PerMailbox {
        int inFlight;
        int peakInFlight;
        long requests;
        int maxInWindow;
        final ArrayDeque<Instant> admitted = new ArrayDeque<>();
        final ArrayDeque<Instant> seen = new ArrayDeque<>();
    }

    private final GraphEmulator emu;
    private final Map<String, PerMailbox> mailboxes = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Long> byRoute = new TreeMap<>();
    private long total;
    private long concurrency429;
    private long budget429;
    private long injected;
    volatile Duration latency;

    Throttle(GraphEmulator emu) {
        this.emu = emu;
        this.latency = emu.options.latency;
    }

    synchronized void count(GraphRequest r) {
        total++;
        byRoute.merge(r.method + " " + r.routeKind, 1L, Long::sum);
        if (r.mailbox == null) return;
        PerMailbox p = mailboxes.computeIfAbsent(r.mailbox.address(), k -> new PerMailbox());
        p.requests++;
        Instant now = emu.now();
        p.seen.addLast(now);
        evict(p.seen, now);
        p.maxInWindow = Math.max(p.maxInWindow, p.seen.size());
    }

    private void evict(ArrayDeque<Instant> q, Instant now) {
        Instant cutoff = now.minus(emu.options.budgetWindow);
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) q.removeFirst();
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    synchronized void failNext(Predicate<RequestInfo> when, int count, int status, String code, String retryAfter) {
        faults.add(new Fault(when, count, status, code, retryAfter));
    }

    /** The injected failure for this request, or null. */
    synchronized GraphError fault(GraphRequest r) {
        RequestInfo info = new RequestInfo(r.method, r.path, r.mailbox == null ? null : r.mailbox.address(), r.routeKind);
        for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
            Fault f = it.next();
            if (!f.when.test(info)) continue;
            if (--f.remaining <= 0) it.remove();
            injected++;
            GraphError e = new GraphError(f.status, f.code, "Injected by the Graph emulator (failNext).");
            if (f.retryAfter != null) e.header("Retry-After", f.retryAfter);
            return e;
        }
        return null;
    }

    /** Admits the request or throws a 429; on admission the caller must call {@link #release}. */
    synchronized void admit(GraphRequest r) {
        if (!emu.options.throttling || r.mailbox == null) return;
        PerMailbox p = mailboxes.computeIfAbsent(r.mailbox.address(), k -> new PerMailbox());
        if (emu.options.concurrencyLimit > 0 && p.inFlight >= emu.options.concurrencyLimit) {
            concurrency429++;
            throw new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                    .header("Retry-After", seconds(emu.options.concurrencyRetryAfter));
        }
        Instant now = emu.now();
        evict(p.admitted, now);
        if (emu.options.requestBudget > 0 && p.admitted.size() >= emu.options.requestBudget) {
            budget429++;
            Duration wait = Duration.between(now, p.admitted.peekFirst().plus(emu.options.budgetWindow));
            throw new GraphError(429, "TooManyRequests", "Application is over its request limit for this mailbox ("
                    + emu.options.requestBudget + " per " + emu.options.budgetWindow + "). Please retry again later.")
                    .header("Retry-After", seconds(wait));
        }
        p.admitted.addLast(now);
        p.inFlight++;
        p.peakInFlight = Math.max(p.peakInFlight, p.inFlight);
    }

    synchronized void release(GraphRequest r) {
        if (!emu.options.throttling || r.mailbox == null) return;
        PerMailbox p = mailboxes.get(r.mailbox.address());
        if (p != null) p.inFlight--;
    }

    static String seconds(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    synchronized GraphStats stats() {
        Map<String, Long> perMailbox = new LinkedHashMap<>();
        Map<String, Integer> peak = new LinkedHashMap<>();
        Map<String, Integer> window = new LinkedHashMap<>();
        int maxWindow = 0;
        for (Map.Entry<String, PerMailbox> e : mailboxes.entrySet()) {
            perMailbox.put(e.getKey(), e.getValue().requests);
            peak.put(e.getKey(), e.getValue().peakInFlight);
            window.put(e.getKey(), e.getValue().maxInWindow);
            maxWindow = Math.max(maxWindow, e.getValue().maxInWindow);
        }
        return new GraphStats(total, perMailbox, peak, concurrency429 + budget429, concurrency429, budget429, injected,
                window, maxWindow, new TreeMap<>(byRoute));
    }

    synchronized void reset() {
        total = 0;
        concurrency429 = 0;
        budget429 = 0;
        injected = 0;
        byRoute.clear();
        for (PerMailbox p : mailboxes.values()) {
            p.requests = 0;
            p.peakInFlight = p.inFlight;
            p.maxInWindow = 0;
            p.seen.clear();
        }
    }
}
