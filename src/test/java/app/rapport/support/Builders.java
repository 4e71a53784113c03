package app.rapport.support;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.Identity;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Test data builders with sensible defaults. */
public final class Builders {
    private Builders() {}

    public static Client aClient(long userId, String name, String... emails) {
        return new Client(0, userId, name, ClientKind.PERSON, "B", null, ZoneId.of("Europe/London"), null, null,
                java.util.Arrays.stream(emails).map(Identity::email).toList());
    }

    public static Client aCompany(long userId, String name, String domain) {
        return new Client(0, userId, name, ClientKind.COMPANY, "A", null, ZoneId.of("America/New_York"), null, null,
                List.of(Identity.domain(domain)));
    }

    public static Interaction anEmail(long userId, long clientId, long accountId, String externalId, Instant at,
                                      Direction direction, Intent intent) {
        return new Interaction(0, userId, clientId, accountId, "mail_inbox", externalId, at, Channel.EMAIL, direction,
                false, "one-way", intent, "test-rule", Mode.UNKNOWN, "not-a-meeting", "thread-" + externalId,
                "Subject " + externalId);
    }
}
