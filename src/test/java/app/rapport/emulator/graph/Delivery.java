package app.rapport.emulator.graph;

import java.time.Instant;
import java.util.List;

/**
 * One POST the emulator made to an app endpoint.
 *
 * @param kind "validation", "change" or "lifecycle"
 * @param subscriptionIds the subscriptions the notifications in the body belong to (none for validation)
 * @param events the changeTypes (change) or lifecycleEvent (lifecycle) in the body, in order
 * @param status HTTP status of the answer; 0 when there was none (refused, timed out)
 * @param millis how long the answer took
 * @param overThreeSeconds whether it took longer than 3 s (Graph's publish timeout; slow endpoint)
 * @param attempt 1 for the first try, 2.. for retries
 * @param error the exception text when there was no answer, else null
 */
public record Delivery(String kind, String url, List<String> subscriptionIds, List<String> events, String body, int status,
        long millis, boolean overThreeSeconds, int attempt, Instant at, String error) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
