package app.rapport.service;

import app.rapport.config.MicrosoftConfig;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.user.Account;
import app.rapport.providers.SyncFailure;
import app.rapport.providers.microsoft.GraphClients;
import app.rapport.providers.microsoft.GraphTokens;
import app.rapport.providers.microsoft.MicrosoftOAuth;
import app.rapport.providers.microsoft.OAuthException;
import app.rapport.security.Digests;
import app.rapport.security.TokenCipher;
import app.rapport.store.AccountRepository;
import app.rapport.store.OAuthRequestRepository;
import app.rapport.store.SyncStreamRepository;
import app.rapport.store.UserRepository;
import app.rapport.sync.Stream;
import app.rapport.sync.SyncRequests;
import app.rapport.sync.SyncService;
import app.rapport.sync.SyncStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a Microsoft 365 mailbox: the authorisation URL (code flow with PKCE, its state bound
 * to the session that asked), then the callback that redeems the code, learns which mailbox
 * consented, seals the tokens and starts the backfill. Reconnecting the same mailbox resumes its
 * streams where they stopped.
 */
public final class AccountConnectService {
    /** Entra's codes live about ten minutes; an authorisation left longer is refused. */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(AccountConnectService.class);

    private final MicrosoftConfig config;
    private final MicrosoftOAuth oauth;
    private final OAuthRequestRepository requests;
    private final AccountRepository accounts;
    private final GraphTokens tokens;
    private final GraphClients graph;
    private final TokenCipher cipher;
    private final SyncService sync;
    private final SyncStreamRepository streams;
    private final SyncRequests syncRequests;
    private final UserRepository users;
    private final Clock clock;

    public AccountConnectService(MicrosoftConfig config, MicrosoftOAuth oauth, OAuthRequestRepository requests,
                                 UserRepository users, AccountRepository accounts, GraphTokens tokens, GraphClients graph, TokenCipher cipher,
                                 SyncService sync, SyncStreamRepository streams, SyncRequests syncRequests, Clock clock) {
        this.config = config;
        this.oauth = oauth;
        this.requests = requests;
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.graph = graph;
        this.cipher = cipher;
        this.sync = sync;
        this.streams = streams;
        this.syncRequests = syncRequests;
        this.clock = clock;
    }

    /**
     * Starts an authorisation for the user.
     *
     * @param sessionCookie the dashboard session that asked, or null when an API token asked
     * @return the URL to open in the user's browser
     */
    public URI start(long userId, String sessionCookie) {
        if (!config.enabled()) {
            throw new ConflictException("Microsoft 365 is not set up on this server: set providers.microsoft.clientId and"
                    + " providers.microsoft.clientSecret (see the README, \"Connecting Microsoft 365\")");
        }
        String state = Digests.randomToken(32);
        String verifier = MicrosoftOAuth.newCodeVerifier();
        String stateHash = Digests.sha256(state);
        Instant now = clock.instant();
        requests.save(stateHash, userId, sessionCookie == null ? null : Digests.sha256(sessionCookie), Account.MICROSOFT,
                cipher.seal(verifier, "oauth:" + stateHash), now, now.plus(REQUEST_LIFETIME));
        return oauth.authorizationUrl(state, verifier);
    }

    /** The callback's outcome: the account connected, or a sentence for the user. */
    public record Completion(Optional<Account> account, String problem) {
        static Completion failed(String problem) {
            return new Completion(Optional.empty(), problem);
        }
    }

    /**
     * Finishes the authorisation the provider redirected back with.
     *
     * @param sessionCookie the browser's dashboard session cookie, or null
     */
    public Completion complete(String state, String code, String error, String errorDescription, String sessionCookie) {
        if (state == null || state.isBlank()) return Completion.failed("The sign-in response carries no state. Start again from Accounts.");
        String stateHash = Digests.sha256(state);
        OAuthRequestRepository.Pending pending = requests.find(stateHash).orElse(null);
        if (pending == null) return Completion.failed("This sign-in was not started here, or it is too old. Start again from Accounts.");
        if (pending.sessionHash() != null && (sessionCookie == null || !pending.sessionHash().equals(Digests.sha256(sessionCookie)))) {
            return Completion.failed("This sign-in was started in another browser session. Start again from Accounts.");
        }
        Instant now = clock.instant();
        if (pending.expiresAt().isBefore(now)) return Completion.failed("The sign-in took too long. Start again from Accounts.");
        if (!requests.use(stateHash, now)) return Completion.failed("This sign-in was already completed. Start again if needed.");
        if (error != null && !error.isBlank()) {
            String why = "access_denied".equals(error) ? "Consent was declined, so nothing was connected."
                    : "Microsoft reported " + error + (errorDescription == null ? "" : ": " + firstLine(errorDescription));
            return Completion.failed(why);
        }
        if (code == null || code.isBlank()) return Completion.failed("The sign-in response carries no code. Start again from Accounts.");
        String verifier = cipher.open(pending.sealedVerifier(), "oauth:" + stateHash);
        MicrosoftOAuth.OAuthTokens granted;
        GraphClients.Profile profile;
        try {
            granted = oauth.redeem(code, verifier);
            profile = graph.profile(granted.accessToken());
        } catch (OAuthException e) {
            LOG.warn("connecting a Microsoft account failed: {}", e.getMessage());
            return Completion.failed("Microsoft refused the sign-in: " + e.getMessage());
        } catch (SyncFailure e) {
            LOG.warn("reading the new Microsoft account's profile failed: {}", e.getMessage());
            return Completion.failed("Microsoft Graph could not be read after sign-in: " + e.getMessage());
        }
        Account account = accounts.ensure(pending.userId(), Account.MICROSOFT, profile.address().toLowerCase(java.util.Locale.ROOT),
                Account.CONNECTED, now);
        tokens.store(account.id(), granted);
        // Mail from this mailbox is the user's own: outbound, never a client.
        users.addOwnAddress(pending.userId(), "email", EmailAddresses.normalize(profile.address()));
        accounts.setExternalId(account.id(), profile.id(), now);
        accounts.setState(account.id(), Account.CONNECTED, null, now);
        graph.forget(account.id());
        sync.initialise(account.id());
        for (SyncStream s : streams.forAccount(account.id())) {
            if (!SyncStream.IDLE.equals(s.state())) streams.setState(account.id(), s.stream(), SyncStream.IDLE, now);
        }
        syncRequests.requestAll(account.id());
        LOG.info("connected Microsoft account {} ({}) for user {}", account.id(), account.label(), pending.userId());
        return new Completion(accounts.byId(account.id()), null);
    }

    /** "Sync now": a round of every stream of the account. */
    public void syncNow(long userId, long accountId) {
        Account account = accounts.find(userId, accountId).orElseThrow(() -> new NotFoundException("account " + accountId));
        if (!Account.MICROSOFT.equals(account.provider())) {
            throw new ConflictException("account " + accountId + " is a " + account.provider() + " source; it has nothing to sync");
        }
        if (!account.connected()) throw new ConflictException("account " + accountId + " needs reconnecting before it can sync");
        for (Stream s : Stream.values()) syncRequests.request(accountId, s);
    }



    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
