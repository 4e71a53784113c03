package app.rapport.microsoft;

import app.rapport.emulator.graph.GraphMessage;
import app.rapport.emulator.graph.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated mailbox for sync tests and benches: inbox and sent mail over the last ~23 months,
 * much of it to and from a set of clients (most in short threads, some with a second client in copy), the
 * rest from or to strangers, plus a little bulk mail. It knows what Rapport should end up with: one
 * interaction per message for the client who wrote it (inbound), one per distinct client among To
 * and Cc (outbound), nothing for the rest.
 */
public final class SyntheticMail {
    /** A client to create in Rapport: one email identity each, every client on a domain of its own. */
    public record Client(String name, String email) {}

    public final List<Client> clients;
    /** Interactions each client should have, by email. */
    public final Map<String, Long> expectedPerClient;
    public final int inbox;
    public final int sent;

    private SyntheticMail(List<Client> clients, Map<String, Long> expectedPerClient, int inbox, int sent) {
        this.clients = List.copyOf(clients);
        this.expectedPerClient = Map.copyOf(expectedPerClient);
        this.inbox = inbox;
        this.sent = sent;
    }

    /** Messages Rapport should turn into interactions (summed over clients). */
    public long expectedInteractions() {
        return expectedPerClient.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Fills the mailbox's inbox and sent items.
     *
     * @param owner the mailbox's own address (sender of sent mail, recipient of inbox mail)
     * @param now   dates fall between 690 days and one hour before this
     */
    public static SyntheticMail fill(Mailbox box, String owner, int clientCount, int inbox, int sent, Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Client> clients = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int i = 0; i < clientCount; i++) {
            Client c = new Client("Client " + i, "contact" + i + "@client" + i + "-corp.example");
            clients.add(c);
            expected.put(c.email(), 0L);
        }
        for (int i = 0; i < inbox; i++) {
            Instant at = at(now, random);
            GraphMessage.Builder b = GraphMessage.builder().to(owner).sent(at).received(at);
            int kind = random.nextInt(100);
            if (kind < 72) {
                Client from = pick(clients, random);
                b.from(from.email()).subject("Re: our review " + random.nextInt(1000));
                thread(b, from, at, random);
                if (random.nextInt(10) == 0) b.cc(pick(clients, random).email()); // copied clients did not write
                expected.merge(from.email(), 1L, Long::sum);
            } else if (kind < 95) {
                b.from("someone" + random.nextInt(400) + "@stranger" + random.nextInt(60) + ".example").subject("Hello");
            } else {
                b.from("news@list" + random.nextInt(5) + ".example").subject("Weekly digest")
                        .header("List-Id", "<weekly.list" + random.nextInt(5) + ".example>");
            }
            box.addMessage("inbox", b);
        }
        for (int i = 0; i < sent; i++) {
            Instant at = at(now, random);
            GraphMessage.Builder b = GraphMessage.builder().from(owner).sent(at).received(at);
            if (random.nextInt(100) < 85) {
                Client to = pick(clients, random);
                Set<String> counted = new LinkedHashSet<>();
                b.to(to.email()).subject("Following up " + random.nextInt(1000));
                thread(b, to, at, random);
                counted.add(to.email());
                if (random.nextInt(5) == 0) {
                    Client cc = pick(clients, random);
                    b.cc(cc.email());
                    counted.add(cc.email());
                }
                for (String e : counted) expected.merge(e, 1L, Long::sum);
            } else {
                b.to("someone" + random.nextInt(400) + "@stranger" + random.nextInt(60) + ".example").subject("Thanks");
            }
            box.addMessage("sentitems", b);
        }
        return new SyntheticMail(clients, expected, inbox, sent);
    }

    private static Instant at(Instant now, SplittableRandom random) {
        return now.minus(Duration.ofHours(1)).minusSeconds(random.nextLong(690L * 24 * 3600));
    }

    /** Skewed towards the first clients, as real books are. */
    private static Client pick(List<Client> clients, SplittableRandom random) {
        double u = random.nextDouble();
        return clients.get((int) (u * u * clients.size()));
    }

    /**
     * Two messages in three with a client belong to a thread with them: one of a few per client and
     * month, so threads stay short (a few to a few dozen messages) as real ones do.
     */
    private static void thread(GraphMessage.Builder b, Client c, Instant at, SplittableRandom random) {
        if (random.nextInt(3) == 0) return;
        long month = at.getEpochSecond() / (30L * 24 * 3600);
        b.conversationId(GraphMessage.conversationIdFor("<thread-" + month + "-" + random.nextInt(3) + "-" + c.email() + ">"));
    }
}
