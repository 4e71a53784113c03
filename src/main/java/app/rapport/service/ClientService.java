package app.rapport.service;

import app.rapport.domain.client.Client;
import app.rapport.domain.client.ClientKind;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.client.Identity;
import app.rapport.domain.client.Tier;
import app.rapport.domain.planning.MeetingKind;
import app.rapport.domain.relationship.Relationship;
import app.rapport.domain.relationship.Status;
import app.rapport.providers.files.ContactImport;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.InteractionRepository;
import app.rapport.store.RelationshipRepository;
import app.rapport.store.TierRepository;
import app.rapport.store.UserRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Creating, editing, importing and reading clients, always within one user's book. */
public final class ClientService {
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    static final int TIMELINE_LENGTH = 200;

    private final Database db;
    private final ClientRepository clients;
    private final InteractionRepository interactions;
    private final RelationshipRepository relationships;
    private final TierRepository tiers;
    private final UserRepository users;
    private final RelationshipService relationshipService;
    private final Set<String> freeMailDomains;
    private final Clock clock;

    public ClientService(Database db, ClientRepository clients, InteractionRepository interactions,
                         RelationshipRepository relationships, TierRepository tiers, UserRepository users,
                         RelationshipService relationshipService, Set<String> freeMailDomains, Clock clock) {
        this.db = db;
        this.clients = clients;
        this.interactions = interactions;
        this.relationships = relationships;
        this.tiers = tiers;
        this.users = users;
        this.relationshipService = relationshipService;
        this.freeMailDomains = Set.copyOf(freeMailDomains);
        this.clock = clock;
    }

    public ClientView.Page list(long userId, Status status, String tier, RelationshipRepository.Sort sort,
                                int page, int size) {
        List<Relationship> rels = relationships.page(userId, status, tier, sort, (page - 1) * size, size);
        List<Long> ids = rels.stream().map(Relationship::clientId).toList();
        Map<Long, Client> byId = new java.util.HashMap<>();
        for (Client c : clients.findAll(userId, ids)) byId.put(c.id(), c);
        List<ClientView.Summary> items = new ArrayList<>(rels.size());
        for (Relationship r : rels) {
            Client c = byId.get(r.clientId());
            if (c != null) items.add(new ClientView.Summary(c, r));
        }
        return new ClientView.Page(items, relationships.count(userId, status, tier), page, size);
    }

    /** How many of the user's clients have each status (clients not yet computed are in none). */
    public Map<Status, Integer> countByStatus(long userId) {
        Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
        for (Status s : Status.values()) counts.put(s, relationships.count(userId, s, null));
        return counts;
    }

    public ClientView.Detail get(long userId, long clientId) {
        Client client = find(userId, clientId);
        Relationship rel = relationships.find(userId, clientId).orElse(null);
        return new ClientView.Detail(client, rel, interactions.page(userId, clientId, null, 0, TIMELINE_LENGTH));
    }

    public Client find(long userId, long clientId) {
        return clients.find(userId, clientId).orElseThrow(() -> new NotFoundException("no client " + clientId));
    }

    public Client create(long userId, ClientInput input) {
        return db.inTransaction(c -> {
            Client client = clients.create(validated(userId, 0, input), clock.instant());
            relationshipService.recompute(userId, List.of(client.id()));
            return client;
        });
    }

    /** Applies {@code change} to the stored client's input and saves the result. */
    public Client update(long userId, long clientId, Function<ClientInput, ClientInput> change) {
        return db.inTransaction(c -> {
            Client existing = find(userId, clientId);
            Client updated = clients.update(validated(userId, clientId, change.apply(toInput(existing))),
                    clock.instant());
            relationshipService.recompute(userId, List.of(clientId));
            return updated;
        });
    }

    /** What an import did: clients created, and rows left out with the reason. */
    public record ImportSummary(int created, List<ContactImport.Rejection> rejections) {}

    /**
     * Creates a client for every acceptable draft; a draft whose address is already a client is left out.
     *
     * @param defaultTier the tier of drafts that name none, or null for the user's least frequent tier
     */
    public ImportSummary importDrafts(long userId, ContactImport.ImportResult parsed, String defaultTier) {
        if (defaultTier == null) {
            defaultTier = tiers.forUser(userId).values().stream()
                    .max(java.util.Comparator.comparingInt(Tier::cadenceDays)).map(Tier::name).orElse(null);
        }
        List<ContactImport.Rejection> rejections = new ArrayList<>(parsed.rejections());
        int created = 0;
        ZoneId defaultZone = users.find(userId).orElseThrow().timeZone();
        for (ContactImport.ClientDraft draft : parsed.drafts()) {
            ClientInput input = new ClientInput(draft.name(), draft.kind(),
                    draft.tier() == null ? defaultTier : draft.tier(), null,
                    zoneOr(draft.timeZone(), defaultZone), null, draft.notes(), draft.emails(),
                    draft.domain() == null ? List.of() : List.of(draft.domain()));
            try {
                create(userId, input);
                created++;
            } catch (ValidationException | ConflictException e) {
                rejections.add(new ContactImport.Rejection(draft.recordNumber(), draft.name() + ": " + e.getMessage()));
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(ContactImport.Rejection::recordNumber));
        return new ImportSummary(created, rejections);
    }

    private static ZoneId zoneOr(String zone, ZoneId fallback) {
        if (zone == null || zone.isBlank()) return fallback;
        try {
            return ZoneId.of(zone.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static ClientInput toInput(Client c) {
        List<String> emails = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (Identity i : c.identities()) {
            if (i.kind() == app.rapport.domain.client.IdentityKind.EMAIL) emails.add(i.value());
            else domains.add(i.value());
        }
        return new ClientInput(c.name(), c.kind(), c.tier(), c.cadenceOverrideDays(), c.timeZone(), c.snoozedUntil(),
                c.notes(), emails, domains, c.preferredKind());
    }

    private Client validated(long userId, long clientId, ClientInput in) {
        if (in.name() == null || in.name().isBlank()) throw new ValidationException("name", "is required");
        if (in.name().length() > 200) throw new ValidationException("name", "is longer than 200 characters");
        Map<String, Tier> userTiers = tiers.forUser(userId);
        if (in.tier() == null || !userTiers.containsKey(in.tier())) {
            throw new ValidationException("tier", "unknown tier '" + in.tier() + "'; known tiers: "
                    + String.join(", ", userTiers.keySet()));
        }
        if (in.cadenceDays() != null && (in.cadenceDays() < 1 || in.cadenceDays() > 3650)) {
            throw new ValidationException("cadenceDays", "must be between 1 and 3650");
        }
        if (in.notes() != null && in.notes().length() > 2000) {
            throw new ValidationException("notes", "is longer than 2000 characters");
        }
        Set<String> ownDomains = users.ownAddresses(userId, "domain");
        Set<Identity> identities = new LinkedHashSet<>();
        for (int i = 0; i < in.emails().size(); i++) {
            String raw = in.emails().get(i);
            Optional<EmailAddresses.Mailbox> parsed = EmailAddresses.parseOne(raw);
            if (parsed.isEmpty()) throw new ValidationException("emails[" + i + "]", "'" + raw + "' is not a mail address");
            identities.add(Identity.email(parsed.get().address()));
        }
        for (int i = 0; i < in.domains().size(); i++) {
            String raw = in.domains().get(i);
            String d = raw == null ? "" : EmailAddresses.normalizeDomain(raw);
            if (!DOMAIN.matcher(d).matches()) throw new ValidationException("domains[" + i + "]", "'" + raw + "' is not a domain");
            if (freeMailDomains.contains(d)) {
                throw new ValidationException("domains[" + i + "]", d
                        + " is a free-mail domain shared by strangers; add the client's address instead");
            }
            if (ownDomains.contains(d)) {
                throw new ValidationException("domains[" + i + "]", d + " is your own domain");
            }
            identities.add(Identity.domain(d));
        }
        for (Identity identity : identities) {
            Optional<Long> owner = clients.ownerOf(userId, identity);
            if (owner.isPresent() && owner.get() != clientId) {
                throw new ConflictException(identity.value() + " already belongs to client " + owner.get());
            }
        }
        ClientKind kind = in.kind() == null ? ClientKind.PERSON : in.kind();
        ZoneId zone = in.timeZone() == null ? users.find(userId).orElseThrow().timeZone() : in.timeZone();
        String preferred = null;
        if (in.preferredKind() != null) {
            try {
                preferred = MeetingKind.fromWire(in.preferredKind()).wire();
            } catch (IllegalArgumentException e) {
                throw new ValidationException("preferredKind", "'" + in.preferredKind()
                        + "' is not a meeting kind; use call, video, coffee, lunch, review or visit");
            }
        }
        return new Client(clientId, userId, in.name().trim(), kind, in.tier(), in.cadenceDays(), zone,
                in.snoozedUntil(), in.notes(), List.copyOf(identities), preferred);
    }
}
