package app.rapport.service;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.Tier;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.RelationshipScorer;
import app.rapport.domain.user.User;
import app.rapport.store.ClientRepository;
import app.rapport.store.InteractionRepository;
import app.rapport.store.RelationshipRepository;
import app.rapport.store.TierRepository;
import app.rapport.store.UserRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Keeps the stored relationships in step with the interactions they are derived from. */
public final class RelationshipService {
    /** Used when a client names a tier the user has since removed, so the client is never dropped. */
    static final Tier FALLBACK_TIER = new Tier("B", 90, 120);
    private static final int RECOMPUTE_CHUNK = 500;

    private final ClientRepository clients;
    private final InteractionRepository interactions;
    private final RelationshipRepository relationships;
    private final TierRepository tiers;
    private final UserRepository users;
    private final RelationshipScorer scorer;

    public RelationshipService(ClientRepository clients, InteractionRepository interactions,
                               RelationshipRepository relationships, TierRepository tiers, UserRepository users,
                               RelationshipScorer scorer) {
        this.clients = clients;
        this.interactions = interactions;
        this.relationships = relationships;
        this.tiers = tiers;
        this.users = users;
        this.scorer = scorer;
    }

    /** Re-derives and stores the relationships of some of a user's clients. */
    public void recompute(long userId, Collection<Long> clientIds) {
        if (clientIds.isEmpty()) return;
        User user = users.find(userId).orElseThrow();
        Map<String, Tier> userTiers = tiers.forUser(userId);
        Map<Long, List<Interaction>> byClient = interactions.forClients(userId, clientIds);
        List<Relationship> derived = new ArrayList<>(clientIds.size());
        for (Client client : clients.findAll(userId, clientIds)) {
            derived.add(derive(user, userTiers, client, byClient.getOrDefault(client.id(), List.of())));
        }
        relationships.upsertAll(userId, derived);
    }

    /**
     * Re-derives every relationship of a user (after a change of tiers, or on a schedule as time
     * passes), a few hundred clients at a time so memory stays bounded however large the book is.
     */
    public void recomputeAll(long userId) {
        List<Long> ids = clients.ids(userId);
        for (int from = 0; from < ids.size(); from += RECOMPUTE_CHUNK) {
            recompute(userId, ids.subList(from, Math.min(ids.size(), from + RECOMPUTE_CHUNK)));
        }
    }

    Relationship derive(User user, Map<String, Tier> userTiers, Client client, List<Interaction> history) {
        Tier tier = userTiers.getOrDefault(client.tier(), FALLBACK_TIER);
        return scorer.derive(client, tier, user.timeZone(), history);
    }
}
