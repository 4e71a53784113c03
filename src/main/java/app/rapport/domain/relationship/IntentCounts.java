package app.rapport.domain.relationship;

/** Number of contacts per intent in a window (unknown intent is not counted here). */
public record IntentCounts(int sales, int service, int relationship, int social, int admin) {
    public static final IntentCounts ZERO = new IntentCounts(0, 0, 0, 0, 0);

    public int total() {
        return sales + service + relationship + social + admin;
    }
}
