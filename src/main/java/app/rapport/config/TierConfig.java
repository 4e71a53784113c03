package app.rapport.config;

import app.rapport.domain.client.Tier;

/**
 * One tier's contact rhythm; its name is the key in {@link RapportConfig#tiers()}.
 *
 * @param cadenceDays days between touches, at least 1
 * @param maxGapDays  longest tolerated silence in days, at least cadenceDays
 */
public record TierConfig(int cadenceDays, int maxGapDays) {
    /** The domain tier with this rhythm and the given name. */
    public Tier toTier(String name) {
        return new Tier(name, cadenceDays, maxGapDays);
    }
}
