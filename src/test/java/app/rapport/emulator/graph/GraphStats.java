package app.rapport.emulator.graph;

import java.util.Map;

/**
 * Request statistics since start (or {@link GraphEmulator#resetStats()}).
 *
 * @param totalRequests every /v1.0 request, including refused ones
 * @param requestsPerMailbox authenticated requests per mailbox address
 * @param peakConcurrentPerMailbox most admitted requests in flight at once per mailbox
 * @param throttled all 429s sent by the limits (concurrency + budget; injected faults not included)
 * @param maxInWindowPerMailbox most authenticated requests (admitted or not) within any budget window
 * @param maxInAnyWindow the largest of those
 * @param byRoute "METHOD routeKind" -> count, e.g. "GET messages.delta"
 */
public record GraphStats(long totalRequests, Map<String, Long> requestsPerMailbox,
        Map<String, Integer> peakConcurrentPerMailbox, long throttled, long concurrencyThrottled,
        long budgetThrottled, long injectedFaults, Map<String, Integer> maxInWindowPerMailbox, int maxInAnyWindow,
        Map<String, Long> byRoute) {

    public long route(String methodAndKind) {
        return byRoute.getOrDefault(methodAndKind, 0L);
    }
}
