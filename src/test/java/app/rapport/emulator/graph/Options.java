package app.rapport.emulator.graph;

import java.time.Clock;
import java.time.Duration;

/**
 * Start-time settings of a {@link GraphEmulator}. The defaults are the real service's numbers where
 * they are known; tests shrink them. Fluent setters return this.
 */
public final class Options {
    Clock clock = Clock.systemUTC();
    String tenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";
    Duration accessTokenLifetime = Duration.ofSeconds(3599);
    Duration codeLifetime = Duration.ofMinutes(10);
    boolean enforceScopes = true;

    boolean throttling = true;
    int concurrencyLimit = 4;
    int requestBudget = 10_000;
    Duration budgetWindow = Duration.ofMinutes(10);
    Duration concurrencyRetryAfter = Duration.ofSeconds(1);
    Duration latency = Duration.ZERO;

    int defaultPageSize = 10;
    int maxPageSize = 1000;
    boolean partialUpdates = false;
    DeltaExpiry deltaExpiry = DeltaExpiry.GONE_SYNC_STATE_NOT_FOUND;

    Duration maxSubscriptionLifetime = Duration.ofMinutes(10_080);
    Duration validationTimeout = Duration.ofSeconds(10);
    Duration publishTimeout = Duration.ofSeconds(3);
    Duration notificationBatchWindow = Duration.ofMillis(30);
    int notificationRetries = 3;
    Duration notificationRetryDelay = Duration.ofSeconds(1);

    public static Options defaults() {
        return new Options();
    }

    /** The clock for token, code, subscription and throttling-window times (default system UTC). */
    public Options clock(Clock c) { clock = c; return this; }
    public Options tenantId(String t) { tenantId = t; return this; }
    /** expires_in of issued access tokens; they really stop working after it (default 3599 s). */
    public Options accessTokenLifetime(Duration d) { accessTokenLifetime = d; return this; }
    public Options codeLifetime(Duration d) { codeLifetime = d; return this; }
    /** Whether Graph routes check the token's scopes (default true: 403 ErrorAccessDenied when missing). */
    public Options enforceScopes(boolean b) { enforceScopes = b; return this; }

    /** Switches the Outlook limits (concurrency and request budget) on or off (default on). */
    public Options throttling(boolean b) { throttling = b; return this; }
    /** In-flight requests allowed per mailbox (default 4); the next one gets 429 at once. */
    public Options concurrencyLimit(int n) { concurrencyLimit = n; return this; }
    /** Requests admitted per mailbox in any sliding window (default 10,000 per 10 minutes). */
    public Options requestBudget(int n, Duration window) { requestBudget = n; budgetWindow = window; return this; }
    /** Retry-After sent with a concurrency 429 (default 1 s). */
    public Options concurrencyRetryAfter(Duration d) { concurrencyRetryAfter = d; return this; }
    /** Artificial latency added to every Graph request (default none); also switchable at run time. */
    public Options latency(Duration d) { latency = d; return this; }

    /** Delta page size when no Prefer: odata.maxpagesize is sent (default 10, as observed). */
    public Options defaultPageSize(int n) { defaultPageSize = n; return this; }
    /** Largest honoured odata.maxpagesize (default 1000). */
    public Options maxPageSize(int n) { maxPageSize = n; return this; }
    /** Whether delta sends only changed fields for plain updates (default false: full items). */
    public Options partialUpdates(boolean b) { partialUpdates = b; return this; }
    /** The answer shape for expired delta tokens (default 410 syncStateNotFound with Location). */
    public Options deltaExpiry(DeltaExpiry shape) { deltaExpiry = shape; return this; }

    /** Longest subscription lifetime (default 10,080 minutes, the Outlook limit for basic notifications). */
    public Options maxSubscriptionLifetime(Duration d) { maxSubscriptionLifetime = d; return this; }
    public Options validationTimeout(Duration d) { validationTimeout = d; return this; }
    /** How long a notification POST may take before it counts as failed (default 3 s). */
    public Options publishTimeout(Duration d) { publishTimeout = d; return this; }
    /** Changes for the same URL within this window go out in one POST (default 30 ms; zero = one POST per change). */
    public Options notificationBatchWindow(Duration d) { notificationBatchWindow = d; return this; }
    /** Retries of a failed notification POST (non-2xx, timeout, refused) and the pause between them. */
    public Options notificationRetries(int n, Duration delay) { notificationRetries = n; notificationRetryDelay = delay; return this; }
}
