package app.rapport.domain.interaction;

import java.util.Objects;

/**
 * The inferred intent of a contact and the rule that decided it.
 *
 * @param rule kebab-case: the field that decided ("subject", "thread", "title", "location") and the
 *             rule, e.g. "subject-proposal", "title-lunch"; "no-rule-matched" for UNKNOWN
 */
public record IntentDecision(Intent intent, String rule) {
    public IntentDecision {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(rule, "rule");
    }
}
