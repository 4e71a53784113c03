package app.rapport.domain.planning;

/**
 * A candidate the planner left out, and why.
 *
 * @param rule   "not-due", "snoozed", "open-suggestion", "caps-full" or "no-free-slot"
 * @param detail a short plain sentence for the UI
 */
public record Skipped(long clientId, String rule, String detail) {}
