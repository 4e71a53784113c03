package app.rapport;

import app.rapport.config.TierConfig;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * First-start work: the local owner with their tiers and local account, and the owner's API token,
 * which is shown once. Every start issues a fresh one-time sign-in link for the dashboard.
 */
public final class Bootstrap {
    /** What start-up prints: the token only on the first start. */
    public record Owner(User user, Optional<String> firstToken, String signinCode) {}

    static final Duration SIGNIN_LINK_LIFETIME = Duration.ofHours(24);

    private Bootstrap() {}

    public static Owner ensureOwner(Rapport r) {
        Instant now = r.clock.instant();
        var ownerConfig = r.config.owner();
        return r.database.inTransaction(c -> {
            Optional<User> existing = r.users.findByEmail(ownerConfig.email());
            Optional<String> token = Optional.empty();
            User owner;
            if (existing.isPresent()) {
                owner = existing.get();
            } else {
                owner = r.users.create(ownerConfig.name(), ownerConfig.email(), ownerConfig.timeZone(), now);
                r.users.addOwnAddress(owner.id(), "email", EmailAddresses.normalize(owner.email()));
                String domain = EmailAddresses.domainOf(owner.email());
                // A free-mail owner has no colleagues: everyone else on gmail.com is a stranger.
                if (!r.config.matching().freeMailDomains().contains(domain)) {
                    r.users.addOwnAddress(owner.id(), "domain", domain);
                }
                for (Map.Entry<String, TierConfig> tier : r.config.tiers().entrySet()) {
                    r.tiers.save(owner.id(), tier.getValue().toTier(tier.getKey()));
                }
                r.accounts.ensure(owner.id(), "local", owner.email(), "connected", now);
                token = Optional.of(r.tokens.issue(owner.id(), "owner (created at first start)", now));
            }
            String code = r.sessions.issueSigninCode(owner.id(), now, SIGNIN_LINK_LIFETIME);
            return new Owner(owner, token, code);
        });
    }
}
