package app.rapport.web;

import app.rapport.domain.interaction.Channel;
import app.rapport.domain.interaction.Direction;
import app.rapport.domain.interaction.Interaction;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.service.ClientService;
import app.rapport.service.IngestService;
import app.rapport.store.AccountRepository;
import app.rapport.store.InteractionRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** /api/v1/interactions: the timeline, newest first, and calls, letters and visits logged by hand. */
final class InteractionRoutes {
    private static final Set<String> FIELDS = Set.of("clientId", "channel", "direction", "at", "subject", "externalId");

    /** The words a user logs by hand, and the channel each becomes (a visit is an in-person meeting). */
    enum LoggedKind {
        CALL(Channel.CALL), LETTER(Channel.LETTER), VISIT(Channel.MEETING), NOTE(Channel.NOTE);

        final Channel channel;

        LoggedKind(Channel channel) {
            this.channel = channel;
        }
    }

    private final InteractionRepository interactions;
    private final AccountRepository accounts;
    private final ClientService clients;
    private final IngestService ingest;
    private final ObjectMapper mapper;
    private final Clock clock;

    InteractionRoutes(Services s, ObjectMapper mapper) {
        this.interactions = s.interactions();
        this.accounts = s.accounts();
        this.clients = s.clients();
        this.ingest = s.ingest();
        this.mapper = mapper;
        this.clock = s.clock();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/interactions", this::list);
        routes.post("/api/v1/interactions", this::log);
    }

    private void list(Context ctx) {
        User user = Auth.user(ctx);
        Long clientId = RequestBody.query("clientId", ctx.queryParam("clientId"), Long::parseLong, "a client id");
        if (clientId != null) clients.find(user.id(), clientId);
        Instant since = ctx.queryParam("since") == null ? null : RequestBody.parseInstant("since", ctx.queryParam("since"));
        Paging paging = Paging.from(ctx);
        List<Interaction> page = interactions.page(user.id(), clientId, since, paging.offset(), paging.size());
        ctx.json(java.util.Map.of("items", JsonViews.interactions(page, user.timeZone()), "page", paging.page(),
                "size", paging.size()));
    }

    private void log(Context ctx) {
        User user = Auth.user(ctx);
        RequestBody body = RequestBody.parse(mapper, ctx.bodyAsBytes(), FIELDS);
        long clientId = body.longValue("clientId", true);
        LoggedKind kind = body.enumValue("channel", LoggedKind.class, true, EnumSet.allOf(LoggedKind.class));
        Direction direction = body.enumValue("direction", Direction.class, false,
                EnumSet.of(Direction.OUTBOUND, Direction.INBOUND));
        Instant at = body.instant("at", false);
        String subject = body.string("subject", false, 1000);
        String externalId = body.string("externalId", false, 200);
        Instant now = clock.instant();
        if (at != null && at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ApiError.badRequest("at", "is in the future; log a contact once it has happened");
        }
        clients.find(user.id(), clientId);
        Account local = accounts.ensure(user.id(), "local", user.email(), "connected", now);
        // A caller-supplied externalId makes a retried POST update the same entry instead of adding one.
        Interaction logged = ingest.logManual(user.id(), local.id(), new IngestService.ManualLog(clientId,
                externalId == null ? "manual-" + UUID.randomUUID() : externalId, kind.channel,
                direction == null ? Direction.OUTBOUND : direction, at == null ? now : at, subject));
        ctx.status(201).json(JsonViews.interaction(logged, user.timeZone()));
    }
}
