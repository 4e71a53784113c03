package app.rapport.emulator.graph;

import java.time.Instant;
import java.util.List;

/** A change-notification subscription as stored (a snapshot). */
public record GraphSubscription(String id, String mailbox, String applicationId, String resource, List<String> changeTypes,
        String notificationUrl, String lifecycleNotificationUrl, Instant expirationDateTime, String clientState) {}
