package app.rapport.domain.planning;

import java.util.Objects;

/** The kind of meeting to propose and the name of the rule that chose it, e.g. "after-sales-run". */
public record KindDecision(MeetingKind kind, String rule) {
    public KindDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
    }
}
