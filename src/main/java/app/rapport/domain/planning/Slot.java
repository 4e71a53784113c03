package app.rapport.domain.planning;

import java.util.Objects;
import java.time.Instant;

/**
 * A proposed meeting time.
 *
 * @param start UTC instant, on the user's 15-minute grid
 * @param end   UTC instant, exclusive; start plus the kind's duration
 */
public record Slot(Instant start, Instant end) {
    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) throw new IllegalArgumentException("end must be after start");
    }
}
