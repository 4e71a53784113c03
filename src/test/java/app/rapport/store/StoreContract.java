package app.rapport.store;

import static app.rapport.support.Builders.aClient;
import static app.rapport.support.Builders.aCompany;
import static app.rapport.support.Builders.anEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.Tier;
import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Intent;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.interaction.Mode;
import app.rapport.domain.relationship.IntentCounts;
import app.rapport.domain.relationship.LastContact;
import app.rapport.domain.relationship.Party;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository contract, run once per database by its subclasses. */
abstract class StoreContract {
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    Database db;
    UserRepository users;
    ClientRepository clients;
    InteractionRepository interactions;
    RelationshipRepository relationships;
    AccountRepository accounts;
    User alice;
    User bob;
    Account aliceMail;

    abstract Database newDatabase();

    @BeforeEach
    void openStore() {
        db = newDatabase();
        users = new UserRepository(db);
        clients = new ClientRepository(db);
        interactions = new InteractionRepository(db);
        relationships = new RelationshipRepository(db);
        accounts = new AccountRepository(db);
        alice = users.create("Alice Adviser", "alice@firm.example", ZoneId.of("Europe/London"), NOW);
        bob = users.create("Bob Broker", "bob@other.example", ZoneId.of("America/Chicago"), NOW);
        aliceMail = accounts.ensure(alice.id(), "local", "alice@firm.example", "connected", NOW);
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    @Test
    void aClientIsStoredWithItsIdentitiesAndReadBack() {
        Client created = clients.create(aClient(alice.id(), "Carol Client", "Carol@Example.com"), NOW);
        Client read = clients.find(alice.id(), created.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Carol Client");
        assertThat(read.identities()).containsExactly(Identity.email("carol@example.com"));
        assertThat(read.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void anotherUsersClientIsNotFound() {
        Client created = clients.create(aClient(alice.id(), "Carol Client", "carol@example.com"), NOW);
        assertThat(clients.find(bob.id(), created.id())).isEmpty();
        assertThat(clients.all(bob.id())).isEmpty();
    }

    @Test
    void anAddressBelongsToOneClientOfAUser() {
        clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        assertThatThrownBy(() -> clients.create(aClient(alice.id(), "Carol again", "carol@example.com"), NOW))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(clients.count(alice.id())).isEqualTo(1);
        // Another user may know the same person.
        clients.create(aClient(bob.id(), "Carol", "carol@example.com"), NOW);
        assertThat(clients.count(bob.id())).isEqualTo(1);
    }

    @Test
    void updatingAClientReplacesItsIdentities() {
        Client created = clients.create(aCompany(alice.id(), "Acme", "acme.example"), NOW);
        Client changed = new Client(created.id(), alice.id(), "Acme Ltd", created.kind(), "B", 45,
                ZoneId.of("Asia/Singapore"), NOW.plus(Duration.ofDays(7)), "note",
                List.of(Identity.email("ceo@acme.example")));
        clients.update(changed, NOW);
        Client read = clients.find(alice.id(), created.id()).orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(clients.ownerOf(alice.id(), Identity.domain("acme.example"))).isEmpty();
        assertThat(clients.ownerOf(alice.id(), Identity.email("ceo@acme.example"))).contains(created.id());
    }

    @Test
    void syncingTheSameMessageTwiceKeepsOneRowWithTheNewerFields() {
        Client carol = clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        Interaction first = anEmail(alice.id(), carol.id(), aliceMail.id(), "m-1", NOW.minusSeconds(60),
                Direction.INBOUND, Intent.UNKNOWN);
        interactions.upsertAll(List.of(first));
        Interaction again = new Interaction(0, alice.id(), carol.id(), aliceMail.id(), "mail_inbox", "m-1",
                NOW.minusSeconds(60), Channel.EMAIL, Direction.INBOUND, true, "reply-in-thread", Intent.SERVICE,
                "subject-issue", Mode.UNKNOWN, "not-a-meeting", "thread-m-1", "Re: issue");
        interactions.upsertAll(List.of(again, again));
        List<Interaction> stored = interactions.forClient(alice.id(), carol.id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).intent()).isEqualTo(Intent.SERVICE);
        assertThat(stored.get(0).twoWay()).isTrue();
        assertThat(stored.get(0).occurredAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(interactions.count(alice.id())).isEqualTo(1);
    }

    @Test
    void theSameMessageWithTwoClientsIsTwoInteractions() {
        Client carol = clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        Client dave = clients.create(aClient(alice.id(), "Dave", "dave@example.com"), NOW);
        interactions.upsertAll(List.of(
                anEmail(alice.id(), carol.id(), aliceMail.id(), "m-1", NOW, Direction.OUTBOUND, Intent.SALES),
                anEmail(alice.id(), dave.id(), aliceMail.id(), "m-1", NOW, Direction.OUTBOUND, Intent.SALES)));
        assertThat(interactions.count(alice.id())).isEqualTo(2);
    }

    @Test
    void interactionsPageNewestFirstAndFilterByClientAndTime() {
        Client carol = clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        Client dave = clients.create(aClient(alice.id(), "Dave", "dave@example.com"), NOW);
        List<Interaction> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long client = i % 2 == 0 ? carol.id() : dave.id();
            batch.add(anEmail(alice.id(), client, aliceMail.id(), "m-" + i, NOW.minus(Duration.ofDays(i)),
                    Direction.INBOUND, Intent.UNKNOWN));
        }
        interactions.upsertAll(batch);
        List<Interaction> page = interactions.page(alice.id(), null, null, 0, 10);
        assertThat(page).extracting(Interaction::externalId).startsWith("m-0", "m-1", "m-2");
        assertThat(interactions.page(alice.id(), null, null, 10, 10)).first()
                .extracting(Interaction::externalId).isEqualTo("m-10");
        assertThat(interactions.page(alice.id(), carol.id(), null, 0, 100)).hasSize(15)
                .allMatch(i -> i.clientId() == carol.id());
        assertThat(interactions.page(alice.id(), null, NOW.minus(Duration.ofDays(4)), 0, 100)).hasSize(5);
        assertThat(interactions.page(bob.id(), null, null, 0, 100)).isEmpty();
        assertThat(interactions.forClients(alice.id(), List.of(carol.id(), dave.id())))
                .containsOnlyKeys(carol.id(), dave.id());
        assertThat(interactions.forClients(alice.id(), List.of(dave.id())).get(dave.id())).hasSize(15);
    }

    @Test
    void threadQueriesFindEveryStoredMessageOfTheThreads() {
        Client carol = clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        Interaction out = new Interaction(0, alice.id(), carol.id(), aliceMail.id(), "mail_sent", "s-1",
                NOW.minusSeconds(3600), Channel.EMAIL, Direction.OUTBOUND, false, "one-way", Intent.SALES,
                "subject-proposal", Mode.UNKNOWN, "not-a-meeting", "T1", "Proposal for 2027");
        interactions.upsertAll(List.of(out, anEmail(alice.id(), carol.id(), aliceMail.id(), "other", NOW,
                Direction.INBOUND, Intent.UNKNOWN)));
        assertThat(interactions.inThreads(alice.id(), List.of("T1", "T2"))).extracting(Interaction::externalId)
                .containsExactly("s-1");
        assertThat(interactions.inThreads(bob.id(), List.of("T1"))).isEmpty();
    }

    @Test
    void deletingWhatAnItemGaveOtherClientsKeepsTheRest() {
        Client carol = clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
        Client dave = clients.create(aClient(alice.id(), "Dave", "dave@example.com"), NOW);
        interactions.upsertAll(List.of(
                anEmail(alice.id(), carol.id(), aliceMail.id(), "e-1", NOW, Direction.OUTBOUND, Intent.SALES),
                anEmail(alice.id(), dave.id(), aliceMail.id(), "e-1", NOW, Direction.OUTBOUND, Intent.SALES)));
        assertThat(interactions.deleteOthers(alice.id(), aliceMail.id(), "mail_inbox", "e-1", java.util.Set.of(carol.id())))
                .containsExactly(dave.id());
        assertThat(interactions.forClient(alice.id(), dave.id())).isEmpty();
        assertThat(interactions.forClient(alice.id(), carol.id())).hasSize(1);
    }

    @Test
    void relationshipsListByUrgencyAndFilterByStatusAndTier() {
        List<Relationship> rels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Client c = clients.create(aClient(alice.id(), "Client " + i, "c" + i + "@example.com"), NOW);
            Status status = i < 2 ? Status.INACTIVE : Status.ACTIVE;
            rels.add(aRelationship(c.id(), status, i * 10.0));
        }
        relationships.upsertAll(alice.id(), rels);
        relationships.upsertAll(alice.id(), rels);
        List<Relationship> page = relationships.page(alice.id(), null, null, RelationshipRepository.Sort.URGENCY, 0, 3);
        assertThat(page).extracting(Relationship::priority).containsExactly(40.0, 30.0, 20.0);
        assertThat(relationships.page(alice.id(), Status.INACTIVE, null, RelationshipRepository.Sort.URGENCY, 0, 10))
                .hasSize(2);
        assertThat(relationships.count(alice.id(), Status.ACTIVE, "B")).isEqualTo(3);
        assertThat(relationships.count(alice.id(), null, "A")).isZero();
        assertThat(relationships.count(bob.id(), null, null)).isZero();
        Relationship read = relationships.find(alice.id(), rels.get(0).clientId()).orElseThrow();
        assertThat(read).isEqualTo(rels.get(0));
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.inTransaction(c -> {
            clients.create(aClient(alice.id(), "Carol", "carol@example.com"), NOW);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(clients.count(alice.id())).isZero();
    }

    @Test
    void ignoredMessagesCountOncePerMessageAndReason() {
        IgnoredMessageRepository ignored = new IgnoredMessageRepository(db);
        var newsletter = new IgnoredMessageRepository.Ignored(aliceMail.id(), "mail_inbox", "n-1", "list-id");
        var noReply = new IgnoredMessageRepository.Ignored(aliceMail.id(), "mail_inbox", "n-2", "no-reply-sender");
        ignored.upsertAll(List.of(newsletter, noReply));
        ignored.upsertAll(List.of(newsletter));
        assertThat(ignored.countsByReason(aliceMail.id())).isEqualTo(Map.of("list-id", 1L, "no-reply-sender", 1L));
    }

    @Test
    void tokensIdentifyTheirUserUntilRevoked() {
        TokenRepository tokens = new TokenRepository(db);
        String token = tokens.issue(alice.id(), "owner", NOW);
        assertThat(tokens.userFor(token)).contains(alice.id());
        assertThat(tokens.userFor(token + "x")).isEmpty();
        tokens.revoke(token, NOW);
        assertThat(tokens.userFor(token)).isEmpty();
    }

    @Test
    void accountsTiersAndSettingsAreIdempotent() {
        assertThat(accounts.ensure(alice.id(), "local", "alice@firm.example", "connected", NOW)).isEqualTo(aliceMail);
        assertThat(accounts.list(alice.id())).containsExactly(aliceMail);
        assertThat(accounts.find(bob.id(), aliceMail.id())).isEmpty();
        TierRepository tiers = new TierRepository(db);
        tiers.save(alice.id(), new Tier("A", 30, 45));
        tiers.save(alice.id(), new Tier("A", 21, 30));
        assertThat(tiers.forUser(alice.id())).containsExactly(Map.entry("A", new Tier("A", 21, 30)));
        SettingsRepository settings = new SettingsRepository(db);
        settings.put("demo.loaded", "1");
        settings.put("demo.loaded", "2");
        assertThat(settings.get("demo.loaded")).contains("2");
        users.addOwnAddress(alice.id(), "domain", "firm.example");
        users.addOwnAddress(alice.id(), "domain", "firm.example");
        assertThat(users.ownAddresses(alice.id(), "domain")).containsExactly("firm.example");
    }

    static Relationship aRelationship(long clientId, Status status, double priority) {
        Instant last = NOW.minus(Duration.ofDays(40));
        return new Relationship(clientId, status, "overdue", "B", 90, NOW.plus(Duration.ofDays(50)), priority,
                new LastContact(last, Channel.MEETING, Direction.MUTUAL, Intent.SOCIAL, Mode.IN_PERSON, "title-lunch"),
                last, last.minusSeconds(10), last, last, last, Party.USER, new IntentCounts(1, 2, 3, 4, 5),
                new IntentCounts(6, 7, 8, 9, 10), 0.5, 0.25, "Lunch 6 weeks ago.", NOW);
    }
}
