package app.rapport.providers.microsoft;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One Graph SDK client per connected account, pointed at the configured Graph base URL, with the
 * account's tokens and mailbox limits. The SDK's default middleware is kept (it rewrites /me and
 * decodes query names) except its RetryHandler, which {@link GraphHttp} replaces.
 */
public final class GraphClients {
    private final String graphBaseUrl;
    private final GraphTokens tokens;
    private final int maxAttempts;
    private final GraphHttp.Sleeper sleeper;
    private final Map<Long, GraphServiceClient> clients = new ConcurrentHashMap<>();
    private final Map<Long, MailboxLimits> limits = new ConcurrentHashMap<>();
    private final OkHttpClient shared;

    public GraphClients(String graphBaseUrl, GraphTokens tokens, int maxAttempts) {
        this(graphBaseUrl, tokens, maxAttempts, d -> Thread.sleep(d.toMillis()));
    }

    GraphClients(String graphBaseUrl, GraphTokens tokens, int maxAttempts, GraphHttp.Sleeper sleeper) {
        this.graphBaseUrl = graphBaseUrl.endsWith("/") ? graphBaseUrl.substring(0, graphBaseUrl.length() - 1) : graphBaseUrl;
        this.tokens = tokens;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.shared = new OkHttpClient.Builder().connectTimeout(15, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).build();
    }

    /** The client for an account. */
    public GraphServiceClient forAccount(long accountId) {
        return clients.computeIfAbsent(accountId, this::create);
    }

    /** The limits this process applies to an account's mailbox. */
    public MailboxLimits limits(long accountId) {
        return limits.computeIfAbsent(accountId, id -> new MailboxLimits());
    }

    /** Drops a cached client, e.g. after the account was reconnected. */
    public void forget(long accountId) {
        clients.remove(accountId);
    }

    /** Who a freshly redeemed token belongs to: the mailbox's Graph id, address and name. */
    public record Profile(String id, String address, String displayName) {}

    /** Reads /me with a token that is not stored yet (right after the user consented). */
    public Profile profile(String accessToken) {
        String host = URI.create(graphBaseUrl).getHost();
        AccessTokenProvider fixed = new AccessTokenProvider() {
            private final AllowedHostsValidator allowed = new AllowedHostsValidator(host);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return allowed.isUrlHostValid(uri) ? accessToken : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return allowed;
            }
        };
        GraphServiceClient graph = new GraphServiceClient(new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(fixed), graphBaseUrl, GraphClientFactory.create(new GraphClientOption())
                .connectTimeout(15, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).build()));
        try {
            var me = graph.me().get(rc -> rc.queryParameters.select = new String[] {"id", "mail", "userPrincipalName", "displayName"});
            String address = me.getMail() != null && !me.getMail().isBlank() ? me.getMail() : me.getUserPrincipalName();
            if (me.getId() == null || address == null) {
                throw new app.rapport.providers.SyncFailure(app.rapport.providers.SyncFailure.Kind.MALFORMED, "no-address",
                        "Microsoft Graph did not say which mailbox signed in", null, null);
            }
            return new Profile(me.getId(), address, me.getDisplayName());
        } catch (RuntimeException e) {
            throw GraphErrors.classify(e);
        }
    }

    private GraphServiceClient create(long accountId) {
        GraphClientOption option = new GraphClientOption();
        List<Interceptor> chain = new ArrayList<>();
        for (Interceptor i : GraphClientFactory.createDefaultGraphInterceptors(option)) {
            if (!(i instanceof RetryHandler)) chain.add(i);
        }
        chain.add(new GraphHttp(accountId, tokens, limits(accountId), maxAttempts, sleeper));
        OkHttpClient.Builder http = shared.newBuilder();
        http.interceptors().clear();
        http.interceptors().addAll(chain);
        String host = URI.create(graphBaseUrl).getHost();
        AccessTokenProvider provider = new AccessTokenProvider() {
            private final AllowedHostsValidator allowed = new AllowedHostsValidator(host);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                // The provider does not check hosts itself; a token must never leave for another host.
                if (!allowed.isUrlHostValid(uri)) return "";
                return tokens.accessToken(accountId);
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return allowed;
            }
        };
        var adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(provider), graphBaseUrl,
                http.build());
        return new GraphServiceClient(adapter);
    }

}
