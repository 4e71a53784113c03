package app.rapport.service;

import app.rapport.domain.client.Tier;
import app.rapport.domain.planning.PlanningSettings;
import app.rapport.domain.user.User;
import app.rapport.store.Database;
import app.rapport.store.TierRepository;
import app.rapport.store.UserRepository;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A user's settings: time zone, planning settings and tiers. A change of zone or tiers re-derives
 * every relationship, because due dates and statuses depend on them.
 */
public final class SettingsService {
    private final Database db;
    private final UserRepository users;
    private final TierRepository tiers;
    private final PlanningService planning;
    private final RelationshipService relationships;

    public SettingsService(Database db, UserRepository users, TierRepository tiers, PlanningService planning,
                           RelationshipService relationships) {
        this.db = db;
        this.users = users;
        this.tiers = tiers;
        this.planning = planning;
        this.relationships = relationships;
    }

    /** Everything the settings page and API show. */
    public record View(User user, PlanningSettings planning, Map<String, Tier> tiers) {}

    public View view(long userId) {
        return new View(users.find(userId).orElseThrow(), planning.settings(userId), tiers.forUser(userId));
    }

    /**
     * Applies a change. {@code zone} and {@code changedTiers} may be null (unchanged);
     * {@code planningChange} receives the current settings (in the new zone) and returns the new ones.
     *
     * @throws ValidationException when the result is out of range; nothing is stored then
     */
    public View update(long userId, ZoneId zone, UnaryOperator<PlanningSettings> planningChange,
                       Map<String, Tier> changedTiers) {
        User user = users.find(userId).orElseThrow();
        ZoneId newZone = zone == null ? user.timeZone() : zone;
        PlanningSettings current = planning.settings(userId);
        PlanningSettings next;
        try {
            next = planningChange.apply(new PlanningSettings(newZone, current.workingHours(), current.maxPerDay(),
                    current.maxPerWeek(), current.buffer(), current.horizonDays(), current.durations(),
                    current.minLeadTime()));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "is out of range" : e.getMessage();
            int space = message.indexOf(' ');
            throw space > 0 ? new ValidationException(message.substring(0, space), message.substring(space + 1))
                    : new ValidationException("settings", message);
        }
        Map<String, Tier> known = tiers.forUser(userId);
        if (changedTiers != null) {
            for (String name : changedTiers.keySet()) {
                if (!known.containsKey(name)) {
                    throw new ValidationException("tiers." + name, "no such tier; known tiers are " + known.keySet());
                }
            }
        }
        boolean rederive = !newZone.equals(user.timeZone()) || (changedTiers != null && !changedTiers.isEmpty());
        db.inTransaction(c -> {
            if (!newZone.equals(user.timeZone())) users.setTimeZone(userId, newZone);
            planning.saveSettings(userId, next);
            if (changedTiers != null) changedTiers.values().forEach(t -> tiers.save(userId, t));
            return null;
        });
        if (rederive) relationships.recomputeAll(userId);
        return view(userId);
    }
}
