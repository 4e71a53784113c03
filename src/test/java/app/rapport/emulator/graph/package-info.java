/**
 * A stateful HTTP emulator of the parts of Microsoft Graph v1.0 and the Microsoft identity platform
 * (v2.0 endpoints) that Rapport's Microsoft 365 integration uses. Test scope only. Wire facts come
 * from {@code shared/reference/microsoft-graph.md} and {@code limits.md}.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * try (GraphEmulator emu = GraphEmulator.start()) {          // or start(Options.defaults()...)
 *     emu.registerApp("client-id", "secret", "http://127.0.0.1:PORT/callback");
 *     Mailbox box = emu.mailbox("olivia@owner-advisory.example", "Olivia Owner");
 *     // app config: authority = emu.authority()  (client appends /{tenant}/oauth2/v2.0/authorize|token)
 *     //             graph base = emu.graphBaseUrl()  (http://127.0.0.1:PORT/v1.0)
 * }
 * }</pre>
 * Tests that skip the browser leg can call {@code emu.issueAccessToken(address, scopes...)}.
 *
 * <h2>Formats</h2>
 * <ul>
 *   <li>Authorization code {@code 0.emu.<64 base64url chars>}, single use, lives {@code codeLifetime} (10 min).
 *   <li>Access token {@code emu-at.<64 base64url chars>} (opaque, not a JWT); refresh token
 *       {@code 1.emu.<86 chars>}; each refresh returns a new refresh token and the old ones stay valid
 *       until {@link app.rapport.emulator.graph.GraphEmulator#revokeGrant}. An {@code id_token} (an
 *       unsigned {@code alg: none} JWT with oid, tid, preferred_username, email, name) is returned when
 *       {@code openid} was granted; a refresh token only when {@code offline_access} was.
 *   <li>Token errors: {@code {"error","error_description":"AADSTS<n>: ...","error_codes":[n],"timestamp",
 *       "trace_id","correlation_id","error_uri"}}; 400, except invalid_client 401. AADSTS numbers used:
 *       50148 PKCE, 54005 code reused, 70008 code expired, 50011 redirect mismatch, 70000 revoked grant,
 *       65001 scope not consented, 9002313 unknown code/token, 7000215 bad secret, 7000218 no secret,
 *       700016 unknown app, 900144 missing parameter. Branch on {@code error}, not on these numbers.
 *   <li>Graph errors: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}
 *       for every non-2xx under /v1.0 (also 404 for unknown routes, code ResourceNotFound).
 *   <li>Item ids: random, immutable (moves keep them), base64url with a trailing {@code =}.
 *   <li>Delta links (absolute, to the emulator; opaque 48-char tokens mapped to server-side cursors):
 *       {@code {graphBaseUrl}/me/mailFolders('<folder as first requested>')/messages/delta?$skiptoken=<t>}
 *       and {@code ...?$deltatoken=<t>}; {@code {graphBaseUrl}/me/calendarView/delta?$skiptoken=<t>}.
 *       The router accepts {@code delta} and {@code delta()}, {@code $select} and {@code %24select},
 *       {@code mailFolders/inbox} and {@code mailFolders('Inbox')}, {@code /me/...} and
 *       {@code /users/{id or address}/...} (the caller's own mailbox only, else 403).
 * </ul>
 *
 * <h2>Delta semantics</h2>
 * Each mailbox keeps one change sequence and a change log per folder (mail) and for the calendar.
 * A round snapshots its item ids (mail: receivedDateTime desc; calendar: start) and the sequence
 * when it starts; pages serve each item's current state (or {@code @removed} if it left); the last
 * page's deltaLink holds the start watermark, so changes made during a round come in the next round
 * (possibly again). Later rounds list each item changed since the watermark once, in change order.
 * {@code @removed} entries are {@code {"@odata.type","id","@removed":{"reason":"deleted"}}} for deletes
 * and moves out of the folder, and (calendar) for events that changed but fall outside the window.
 * Page size: {@code Prefer: odata.maxpagesize=N} (several Prefer headers or comma-joined), default
 * 10, capped at 1000. With {@code partialUpdates(true)} a plain update sends only id, the changed
 * selected fields and parentFolderId. Skip and delta tokens may be fetched again (retries work);
 * expired ones answer {@link app.rapport.emulator.graph.DeltaExpiry} (default 410 syncStateNotFound with a
 * {@code Location} holding a fresh initial URL with the original {@code $select} or window).
 * Mail delta supports {@code $select} and {@code $filter=receivedDateTime ge|gt <value>}; calendarView
 * delta ignores {@code $select} and needs {@code startDateTime}/{@code endDateTime} (window at most 1825 days).
 *
 * <h2>Throttling (per mailbox; tests use one app, so per app + mailbox)</h2>
 * Concurrency: at most {@code concurrencyLimit} (4) admitted requests in flight; the next gets 429
 * {@code ApplicationThrottled} at once with {@code Retry-After = concurrencyRetryAfter} (default 1 s).
 * Budget: a sliding window: a request is admitted while fewer than {@code requestBudget} (10,000)
 * requests were admitted in the last {@code budgetWindow} (10 min), else 429 {@code TooManyRequests}
 * with {@code Retry-After} = seconds (decimal) until the oldest admitted request leaves the window.
 * Refused requests do not use budget. Order per request: route match, authentication (401),
 * injected faults ({@code failNext}/{@code failMatching}), concurrency, budget, latency, handler.
 * Identity endpoints are not throttled. {@link app.rapport.emulator.graph.GraphStats} counts every
 * /v1.0 request, per mailbox, peak in-flight, 429s, the most requests seen in any budget window,
 * and requests by "METHOD routeKind".
 *
 * <h2>Notifications</h2>
 * Subscription create does the validation handshake on notificationUrl and lifecycleNotificationUrl
 * (POST {@code ?validationToken=<url-encoded>}, text/plain; needs 200, text/plain and the decoded
 * token within {@code validationTimeout}); otherwise 400 ValidationError. http URLs are allowed.
 * Changes are queued under the lock and posted by background threads, batched per URL within
 * {@code notificationBatchWindow} (30 ms); non-2xx or no answer within {@code publishTimeout} (3 s) is
 * retried {@code notificationRetries} times. {@code resource} in an item is
 * {@code users/{userId}/messages/{id}} or {@code users/{userId}/events/{id}}; resourceData carries
 * {@code #Microsoft.Graph.Message|Event}, {@code @odata.id}, {@code @odata.etag} (not for deletes), id.
 * A move between folders is "deleted" for the old folder's subscriptions, "created" for the new one's
 * and "updated" for {@code me/messages}.
 *
 * <h2>Not emulated</h2>
 * Recurring events (series, occurrences), calendars other than the primary one, message bodies and
 * attachments, sending mail, $batch (501), $search/$orderby/$count, changeType and $top on delta,
 * rich notifications (includeResourceData), notification encryption, Graph's slow-endpoint
 * penalties and 4-hour retry schedule, upload-volume limits, per-app (as opposed to per-mailbox)
 * limits, https, token signatures and JWKS, app-only (client credentials) flow, prompt/login_hint
 * semantics beyond choosing the mailbox, personal-account differences, {@code Prefer: outlook.timezone}
 * for anything but event times and getSchedule, and the 1,000-subscriptions-per-mailbox limit.
 */
package app.rapport.emulator.graph;
