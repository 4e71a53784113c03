package app.rapport;

import app.rapport.config.RapportConfig;
import app.rapport.providers.CalendarRouter;
import app.rapport.providers.microsoft.GraphCalendarWriter;
import app.rapport.providers.microsoft.GraphClients;
import app.rapport.providers.microsoft.GraphDelta;
import app.rapport.providers.microsoft.GraphPush;
import app.rapport.providers.microsoft.GraphTokens;
import app.rapport.providers.microsoft.GraphWorkingHours;
import app.rapport.providers.microsoft.MicrosoftOAuth;
import app.rapport.security.TokenCipher;
import app.rapport.service.AccountConnectService;
import app.rapport.store.CredentialRepository;
import app.rapport.store.OAuthRequestRepository;
import app.rapport.store.MailboxHoursRepository;
import app.rapport.store.PushSubscriptionRepository;
import app.rapport.store.SyncStreamRepository;
import app.rapport.sync.CalendarListener;
import app.rapport.sync.PushNotifications;
import app.rapport.sync.StoredCalendarMirror;
import app.rapport.sync.SyncRequests;
import app.rapport.sync.SyncService;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import app.rapport.config.SmtpConfig;
import app.rapport.providers.local.InvitationIcs;
import app.rapport.providers.local.LocalCalendar;
import app.rapport.providers.local.SmtpInvitationMailer;
import app.rapport.service.CalendarService;
import app.rapport.service.InvitationSender;
import app.rapport.service.PlanningService;
import app.rapport.service.SettingsService;
import app.rapport.service.SuggestionService;
import app.rapport.store.CalendarRepository;
import app.rapport.store.FeedTokenRepository;
import app.rapport.store.PlanningSettingsRepository;
import app.rapport.store.SuggestionRepository;
import app.rapport.domain.relationship.RelationshipScorer;
import app.rapport.service.ClientService;
import app.rapport.service.IngestService;
import app.rapport.service.RelationshipService;
import app.rapport.store.AccountRepository;
import app.rapport.store.ClientRepository;
import app.rapport.store.Database;
import app.rapport.store.IgnoredMessageRepository;
import app.rapport.store.InteractionRepository;
import app.rapport.store.RelationshipRepository;
import app.rapport.store.SessionRepository;
import app.rapport.store.SettingsRepository;
import app.rapport.store.TierRepository;
import app.rapport.store.TokenRepository;
import app.rapport.store.UserRepository;
import app.rapport.web.Services;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.LinkedHashSet;

/** The object graph, wired by hand from a config, a database and a clock. */
public final class Rapport {
    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(20);
    /** Messages per delta page: 500 requests back a 50,000-message backfill, 5% of the mailbox budget. */
    private static final int GRAPH_PAGE_SIZE = 100;
    public final RapportConfig config;
    public final Database database;
    public final Clock clock;
    public final PrometheusMeterRegistry metrics;
    public final UserRepository users;
    public final TierRepository tiers;
    public final ClientRepository clients;
    public final InteractionRepository interactions;
    public final RelationshipRepository relationships;
    public final AccountRepository accounts;
    public final IgnoredMessageRepository ignored;
    public final TokenRepository tokens;
    public final SessionRepository sessions;
    public final SettingsRepository settings;
    public final RelationshipService relationshipService;
    public final ClientService clientService;
    public final IngestService ingestService;
    public final CalendarRepository calendarEntries;
    public final SuggestionRepository suggestions;
    public final LocalCalendar localCalendar;
    public final PlanningService planningService;
    public final SuggestionService suggestionService;
    public final CalendarService calendarService;
    public final SettingsService settingsService;
    public final TokenCipher tokenCipher;
    public final CalendarRouter calendarRouter;
    public final SyncStreamRepository syncStreams;
    public final PushSubscriptionRepository pushSubscriptions;
    public final MicrosoftOAuth microsoftOAuth;
    public final GraphTokens graphTokens;
    public final GraphClients graphClients;
    public final GraphDelta graphDelta;
    public final GraphPush graphPush;
    public final GraphWorkingHours graphWorkingHours;
    public final SyncService syncService;
    public final SyncRequests syncRequests;
    public final PushNotifications pushNotifications;
    public final AccountConnectService accountConnect;

    public Rapport(RapportConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        this.users = new UserRepository(database);
        this.tiers = new TierRepository(database);
        this.clients = new ClientRepository(database);
        this.interactions = new InteractionRepository(database);
        this.relationships = new RelationshipRepository(database);
        this.accounts = new AccountRepository(database);
        this.ignored = new IgnoredMessageRepository(database);
        this.tokens = new TokenRepository(database);
        this.sessions = new SessionRepository(database);
        this.settings = new SettingsRepository(database);
        var freeMail = new LinkedHashSet<>(config.matching().freeMailDomains());
        this.relationshipService = new RelationshipService(clients, interactions, relationships, tiers, users,
                new RelationshipScorer(clock));
        this.clientService = new ClientService(database, clients, interactions, relationships, tiers, users,
                relationshipService, freeMail, clock);
        this.ingestService = new IngestService(database, users, clients, interactions, ignored, relationshipService,
                freeMail, config.privacy().storeSubjects(), clock, metrics);
        this.calendarEntries = new CalendarRepository(database);
        this.suggestions = new SuggestionRepository(database);
        this.localCalendar = new LocalCalendar(calendarEntries, clock);
        this.tokenCipher = new TokenCipher(config.security().tokenKeyFile());
        this.syncStreams = new SyncStreamRepository(database);
        this.pushSubscriptions = new PushSubscriptionRepository(database);
        String publicUrl = config.server().publicUrl();
        this.microsoftOAuth = new MicrosoftOAuth(config.providers().microsoft(), publicUrl, clock);
        this.graphTokens = new GraphTokens(database, new CredentialRepository(database), accounts, tokenCipher, microsoftOAuth, clock);
        this.graphClients = new GraphClients(config.providers().microsoft().graphBaseUrl(), graphTokens, config.sync().maxAttempts());
        this.calendarRouter = new CalendarRouter(localCalendar, new GraphCalendarWriter(graphClients, calendarEntries, clock),
                accounts, calendarEntries);
        this.graphWorkingHours = new GraphWorkingHours(graphClients, new MailboxHoursRepository(database), accounts, clock);
        this.planningService = new PlanningService(database, clock, users, clients, relationships, interactions,
                suggestions, new PlanningSettingsRepository(database), localCalendar, calendarRouter, calendarRouter,
                graphWorkingHours);
        this.suggestionService = new SuggestionService(database, clock, suggestions, clients, users, relationshipService,
                calendarRouter, smtpSender(config.mail().smtp()), Executors.newSingleThreadExecutor(runnable -> {
                    Thread t = new Thread(runnable, "invitation-sender");
                    t.setDaemon(true);
                    return t;
                }));
        this.calendarService = new CalendarService(clock, users, clients, calendarEntries, suggestions,
                new FeedTokenRepository(database), localCalendar, planningService, calendarRouter);
        this.settingsService = new SettingsService(database, users, tiers, planningService, relationshipService);
        this.graphDelta = new GraphDelta(graphClients, GRAPH_PAGE_SIZE);
        this.graphPush = new GraphPush(graphClients, pushSubscriptions, publicUrl, clock);
        this.syncService = new SyncService(database, clock, accounts, syncStreams, ignored, ingestService,
                relationshipService, graphDelta, new StoredCalendarMirror(calendarEntries, clock), new CalendarListener() {
                    @Override
                    public void calendarChanged(long userId, long accountId) {
                        followCalendar(userId, accountId);
                    }

                    @Override
                    public void roundStarting(long userId, long accountId, boolean fullRound) {
                        graphWorkingHours.refresh(accountId, fullRound);
                    }
                }, config.sync(), metrics);
        SchedulerClient schedulerClient = SchedulerClient.Builder.create(database.dataSource()).build();
        this.syncRequests = new SyncRequests(syncStreams, schedulerClient);
        this.pushNotifications = new PushNotifications(graphPush, syncRequests, metrics, schedulerClient);
        this.accountConnect = new AccountConnectService(config.providers().microsoft(), microsoftOAuth,
                new OAuthRequestRepository(database), users, accounts, graphTokens, graphClients, tokenCipher, syncService,
                syncStreams, syncRequests, clock);
    }

    /** After a provider calendar changed: show declines of accepted meetings, then reconcile the holds. */
    private void followCalendar(long userId, long accountId) {
        for (CalendarRepository.Declined d : calendarEntries.declinedSuggestionMeetings(userId, CalendarRepository.accountSource(accountId))) {
            suggestionService.markDeclined(userId, d.suggestionId(), d.declinedBy());
        }
        planningService.reconcile(userId);
    }

    /** True when Graph should push changes to this server rather than be polled. */
    public boolean pushEnabled() {
        return config.sync().pushTo(config.server().publicUrl());
    }

    /** Invitations go out by SMTP when a server is configured; otherwise they are offered as downloads. */
    private static Optional<InvitationSender> smtpSender(SmtpConfig smtp) {
        if (!smtp.enabled()) return Optional.empty();
        return Optional.of((invitation, zone) -> new SmtpInvitationMailer(smtp, SMTP_TIMEOUT, zone)
                .send(invitation, InvitationIcs.request(invitation)));
    }

    /** Opens the configured database (migrating it) and wires everything. */
    public static Rapport open(RapportConfig config, Clock clock) {
        var db = config.database();
        return new Rapport(config, Database.open(db.url(), db.user(), db.password(), db.maxPoolSize()), clock);
    }

    public Services services() {
        return new Services(database, clock, metrics, users, tokens, sessions, accounts, interactions, ignored,
                clientService, ingestService, clients, planningService, suggestionService, calendarService,
                settingsService, config.server().publicUrl(), accountConnect, syncStreams, pushSubscriptions, pushNotifications);
    }
}
