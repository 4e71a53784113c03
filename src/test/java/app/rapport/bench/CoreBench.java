package app.rapport.bench;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Tier;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.RelationshipScorer;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.service.RelationshipService;
import app.rapport.store.AccountRepository;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.InteractionRepository;
import app.rapport.store.RelationshipRepository;
import app.rapport.store.TierRepository;
import app.rapport.store.TokenRepository;
import app.rapport.store.UserRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * In-process figures of the core: batch ingest on H2 and PostgreSQL, full and incremental
 * relationship recompute. Leaves an H2 database with 10,000 clients and 1,000,000 interactions for
 * the server-side figures (list latency, RSS) that scripts/bench measures next.
 *
 * Usage: CoreBench OUT_DIR H2_URL [POSTGRES_URL]
 */
public final class CoreBench {
    static final int CLIENTS = 10_000;
    static final int PER_CLIENT = 100;
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String OWNER_EMAIL = "owner@example.com";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String h2Url = args[1];
        String pgUrl = args.length > 2 && !args[2].isBlank() ? args[2] : null;
        Files.createDirectories(out);
        Map<String, Object> figures = new LinkedHashMap<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        try (Database h2 = Database.open(h2Url, "sa", "", 4)) {
            Book book = seed(h2, CLIENTS);
            long[] ids = book.clientIds;
            List<Interaction> all = BenchData.interactions(book.user.id(), book.account.id(), ids, PER_CLIENT, NOW, 42);
            double rate = ingest(h2, all, 10_000);
            figures.put("ingest_h2_interactions_per_s", Math.round(rate));
            System.out.printf("ingest H2, client by client (an import per client): %,d interactions at %,.0f /s%n",
                    all.size(), rate);

            recomputeFigures(figures, book, all, clock);

            RelationshipService service = relationshipService(h2, clock);
            long t0 = System.nanoTime();
            service.recomputeAll(book.user.id());
            double fromDbMs = (System.nanoTime() - t0) / 1e6;
            figures.put("recompute_all_from_h2_ms", Math.round(fromDbMs));
            System.out.printf("recompute all from H2 (load 1M rows + derive + write 10k): %.0f ms%n", fromDbMs);

            incrementalStoreFigures(figures, h2, book, service);
            String token = new TokenRepository(h2).issue(book.user.id(), "bench", NOW);
            Files.writeString(out.resolve("token.txt"), token);
        }

        Path chronoDir = out.resolve("db-chronological");
        String chronoUrl = "jdbc:h2:file:" + chronoDir.toAbsolutePath().resolve("rapport") + h2Url.substring(h2Url.indexOf(';'));
        try (Database h2 = Database.open(chronoUrl, "sa", "", 4)) {
            Book book = seed(h2, CLIENTS);
            List<Interaction> batch = new ArrayList<>(BenchData.interactions(book.user.id(), book.account.id(),
                    book.clientIds, 20, NOW, 44));
            // A mailbox backfill delivers mail in time order across all clients.
            batch.sort(java.util.Comparator.comparing(Interaction::occurredAt));
            double rate = ingest(h2, batch, 10_000);
            figures.put("ingest_h2_chronological_interactions_per_s", Math.round(rate));
            System.out.printf("ingest H2, in time order across 10,000 clients (a mailbox backfill): %,d interactions at %,.0f /s%n",
                    batch.size(), rate);
        }

        if (pgUrl != null) {
            String schema = "bench_" + System.nanoTime();
            try (Connection c = DriverManager.getConnection(pgUrl); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            }
            String url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try (Database pg = Database.open(url, null, null, 4)) {
                Book book = seed(pg, 2_000);
                List<Interaction> batch = new ArrayList<>(BenchData.interactions(book.user.id(), book.account.id(),
                        book.clientIds, 100, NOW, 43));
                batch.sort(java.util.Comparator.comparing(Interaction::occurredAt));
                double rate = ingest(pg, batch, 10_000);
                figures.put("ingest_postgres_interactions_per_s", Math.round(rate));
                System.out.printf("ingest PostgreSQL: %,d interactions at %,.0f /s%n", batch.size(), rate);
            } finally {
                try (Connection c = DriverManager.getConnection(pgUrl); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        } else {
            System.out.println("ingest PostgreSQL: skipped (no TEST_POSTGRES_URL)");
        }

        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("core-inprocess.json").toFile(), figures);
    }

    record Book(User user, Account account, long[] clientIds, List<Client> clients) {}

    static Book seed(Database db, int clientCount) {
        UserRepository users = new UserRepository(db);
        User user = users.findByEmail(OWNER_EMAIL)
                .orElseGet(() -> users.create("Bench Owner", OWNER_EMAIL, ZoneId.of("Europe/London"), NOW));
        TierRepository tiers = new TierRepository(db);
        tiers.save(user.id(), new Tier("A", 30, 45));
        tiers.save(user.id(), new Tier("B", 90, 120));
        tiers.save(user.id(), new Tier("C", 180, 270));
        Account account = new AccountRepository(db).ensure(user.id(), "local", "bench", "connected", NOW);
        ClientRepository clients = new ClientRepository(db);
        List<Client> created = new ArrayList<>(clientCount);
        db.inTransaction(c -> {
            for (Client client : BenchData.clients(user.id(), clientCount)) created.add(clients.create(client, NOW));
            return null;
        });
        return new Book(user, account, created.stream().mapToLong(Client::id).toArray(), created);
    }

    static double ingest(Database db, List<Interaction> all, int batchSize) {
        InteractionRepository repo = new InteractionRepository(db);
        long t0 = System.nanoTime();
        for (int from = 0; from < all.size(); from += batchSize) {
            repo.upsertAll(all.subList(from, Math.min(all.size(), from + batchSize)));
        }
        return all.size() / ((System.nanoTime() - t0) / 1e9);
    }

    static void recomputeFigures(Map<String, Object> figures, Book book, List<Interaction> all, Clock clock) {
        RelationshipScorer scorer = new RelationshipScorer(clock);
        Tier tier = new Tier("B", 90, 120);
        ZoneId zone = book.user.timeZone();
        List<List<Interaction>> byClient = new ArrayList<>();
        for (int i = 0; i < book.clients.size(); i++) {
            byClient.add(new ArrayList<>(all.subList(i * PER_CLIENT, (i + 1) * PER_CLIENT)));
        }
        double[] runs = new double[7];
        for (int run = 0; run < runs.length; run++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < book.clients.size(); i++) scorer.derive(book.clients.get(i), tier, zone, byClient.get(i));
            runs[run] = (System.nanoTime() - t0) / 1e6;
        }
        double median = median(Arrays.copyOfRange(runs, 2, runs.length));
        figures.put("recompute_10k_clients_1m_interactions_ms", round1(median));
        System.out.printf("recompute 10,000 clients / 1,000,000 interactions (in memory, median of 5 after 2 warm-ups): %.1f ms%n", median);

        SplittableRandom random = new SplittableRandom(7);
        int ops = 20_000;
        long[] nanos = new long[ops];
        for (int k = 0; k < ops; k++) {
            int i = random.nextInt(book.clients.size());
            List<Interaction> history = byClient.get(i);
            Interaction fresh = BenchData.one(book.user.id(), book.account.id(), book.clientIds[i], "new-" + k, NOW, random);
            long t0 = System.nanoTime();
            history.add(fresh);
            scorer.derive(book.clients.get(i), tier, zone, history);
            nanos[k] = System.nanoTime() - t0;
            history.remove(history.size() - 1);
        }
        Arrays.sort(nanos);
        double p50us = nanos[ops / 2] / 1e3;
        figures.put("incremental_derive_p50_us", round1(p50us));
        figures.put("incremental_derive_p99_us", round1(nanos[ops * 99 / 100] / 1e3));
        System.out.printf("incremental: derive one client after a new interaction: p50 %.1f us, p99 %.1f us%n",
                p50us, nanos[ops * 99 / 100] / 1e3);
    }

    static void incrementalStoreFigures(Map<String, Object> figures, Database db, Book book, RelationshipService service) {
        InteractionRepository repo = new InteractionRepository(db);
        SplittableRandom random = new SplittableRandom(11);
        int ops = 1_000;
        long[] nanos = new long[ops];
        for (int k = 0; k < ops; k++) {
            int i = random.nextInt(book.clientIds.length);
            Interaction fresh = BenchData.one(book.user.id(), book.account.id(), book.clientIds[i], "inc-" + k, NOW, random);
            long t0 = System.nanoTime();
            db.inTransaction(c -> {
                repo.upsertAll(List.of(fresh));
                service.recompute(book.user.id(), List.of(book.clientIds[i]));
                return null;
            });
            nanos[k] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        figures.put("incremental_store_p50_ms", round1(nanos[ops / 2] / 1e6));
        figures.put("incremental_store_p99_ms", round1(nanos[ops * 99 / 100] / 1e6));
        System.out.printf("incremental with H2 (upsert + reload client + derive + write, one transaction): p50 %.2f ms, p99 %.2f ms%n",
                nanos[ops / 2] / 1e6, nanos[ops * 99 / 100] / 1e6);
    }

    static RelationshipService relationshipService(Database db, Clock clock) {
        return new RelationshipService(new ClientRepository(db), new InteractionRepository(db),
                new RelationshipRepository(db), new TierRepository(db), new UserRepository(db),
                new RelationshipScorer(clock));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
