package app.rapport.domain.client;

import java.util.Objects;

/**
 * A service tier with its contact rhythm.
 *
 * @param name        short label shown to the user, e.g. "A"
 * @param cadenceDays days between touches the user wants for clients of this tier (&gt; 0)
 * @param maxGapDays  the longest silence tolerated before a client counts as neglected (&ge; cadenceDays)
 */
public record Tier(String name, int cadenceDays, int maxGapDays) {
    public Tier {
        Objects.requireNonNull(name, "name");
        if (cadenceDays <= 0) throw new IllegalArgumentException("cadenceDays must be positive");
        if (maxGapDays < cadenceDays) throw new IllegalArgumentException("maxGapDays cannot be less than cadenceDays");
    }
}
