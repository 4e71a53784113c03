package app.rapport.domain.interaction;

import java.util.Objects;

/** How a meeting took place and the rule that decided it, e.g. VIDEO by "join-link". */
public record ModeDecision(Mode mode, String rule) {
    public ModeDecision {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rule, "rule");
    }
}
