package app.rapport.web;

import app.rapport.service.AccountConnectService;
import app.rapport.service.CalendarService;
import app.rapport.store.PushSubscriptionRepository;
import app.rapport.store.SyncStreamRepository;
import app.rapport.sync.PushNotifications;
import app.rapport.service.ClientService;
import app.rapport.service.IngestService;
import app.rapport.service.PlanningService;
import app.rapport.service.SettingsService;
import app.rapport.service.SuggestionService;
import app.rapport.store.ClientRepository;
import app.rapport.store.AccountRepository;
import app.rapport.store.Database;
import app.rapport.store.IgnoredMessageRepository;
import app.rapport.store.InteractionRepository;
import app.rapport.store.SessionRepository;
import app.rapport.store.TokenRepository;
import app.rapport.store.UserRepository;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** Everything the web layer calls, wired once by Main (or by a test). */
public record Services(Database database, Clock clock, PrometheusMeterRegistry metrics, UserRepository users,
                       TokenRepository tokens, SessionRepository sessions, AccountRepository accounts,
                       InteractionRepository interactions, IgnoredMessageRepository ignored,
                       ClientService clients, IngestService ingest, ClientRepository clientRepository,
                       PlanningService planning, SuggestionService suggestions, CalendarService calendar,
                       SettingsService settings, String publicUrl, AccountConnectService accountConnect,
                       SyncStreamRepository syncStreams, PushSubscriptionRepository pushSubscriptions,
                       PushNotifications pushNotifications) {}
