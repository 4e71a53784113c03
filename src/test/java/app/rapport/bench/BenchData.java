package app.rapport.bench;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.Identity;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A deterministic large book: clients and classified interactions spread over two years. */
final class BenchData {
    private static final Intent[] INTENTS = Intent.values();
    private static final String[] TIERS = {"A", "B", "B", "C", "C", "C"};
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Singapore")};

    private BenchData() {}

    static List<Client> clients(long userId, int count) {
        List<Client> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Client(0, userId, "Client " + i, ClientKind.PERSON, TIERS[i % TIERS.length], null,
                    ZONES[i % ZONES.length], null, null, List.of(Identity.email("client" + i + "@bench.example"))));
        }
        return out;
    }

    /** {@code perClient} interactions for each client id, in the two years before {@code now}. */
    static List<Interaction> interactions(long userId, long accountId, long[] clientIds, int perClient, Instant now,
                                          long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Interaction> out = new ArrayList<>(clientIds.length * perClient);
        long span = Duration.ofDays(730).toSeconds();
        for (long clientId : clientIds) {
            for (int k = 0; k < perClient; k++) {
                out.add(one(userId, accountId, clientId, "m-" + clientId + "-" + k,
                        now.minusSeconds(random.nextLong(span)), random));
            }
        }
        return out;
    }

    static Interaction one(long userId, long accountId, long clientId, String externalId, Instant at,
                           SplittableRandom random) {
        int kind = random.nextInt(10);
        Channel channel = kind < 7 ? Channel.EMAIL : kind < 9 ? Channel.MEETING : Channel.CALL;
        Direction direction = channel == Channel.MEETING ? Direction.MUTUAL
                : random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
        boolean twoWay = channel != Channel.EMAIL || random.nextInt(3) == 0;
        Mode mode = channel == Channel.MEETING ? Mode.VIDEO : channel == Channel.CALL ? Mode.PHONE : Mode.UNKNOWN;
        return new Interaction(0, userId, clientId, accountId, "mail_inbox", externalId, at, channel, direction,
                twoWay, twoWay ? "reply-in-thread" : "one-way", INTENTS[random.nextInt(INTENTS.length)], "bench-rule",
                mode, "bench-rule", "t-" + clientId + "-" + random.nextInt(20), "Bench subject");
    }
}
