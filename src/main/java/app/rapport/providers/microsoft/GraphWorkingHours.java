package app.rapport.providers.microsoft;

import app.rapport.domain.planning.WorkingHours;
import app.rapport.domain.user.Account;
import app.rapport.providers.SyncFailure;
import app.rapport.providers.WorkingHoursSource;
import app.rapport.store.AccountRepository;
import app.rapport.store.MailboxHoursRepository;
import com.microsoft.graph.models.MailboxSettings;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working hours of a connected Microsoft 365 mailbox ({@code GET /me/mailboxSettings}:
 * workingHours with daysOfWeek, startTime, endTime and timeZone, and the mailbox's own timeZone).
 * The calendar stream refreshes them at the start of a full round and otherwise at most once an
 * hour; the planner reads the stored copy, converted to the user's zone.
 *
 * <p>Zone names may be Windows names ("Pacific Standard Time"); {@link WindowsZones} maps the common
 * ones. When neither the working hours' zone nor the mailbox's resolves, the hours are taken as
 * wall-clock time in the user's own zone and a warning is logged. A custom time zone
 * (customTimeZone, with offsets instead of a name) is treated the same way.
 */
public final class GraphWorkingHours implements WorkingHoursSource {
    /** How often a round may ask again, unless it is a full round. */
    public static final Duration REFRESH_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(GraphWorkingHours.class);

    private final GraphClients clients;
    private final MailboxHoursRepository stored;
    private final AccountRepository accounts;
    private final Clock clock;

    public GraphWorkingHours(GraphClients clients, MailboxHoursRepository stored, AccountRepository accounts, Clock clock) {
        this.clients = clients;
        this.stored = stored;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Reads the mailbox's working hours when due: always for a full round, otherwise when the last
     * attempt is an hour old. A failure is logged and remembered (the hours read before stay), so a
     * mailbox that refuses (for example an account connected without MailboxSettings.Read) is asked
     * hourly, not on every round.
     */
    public void refresh(long accountId, boolean fullRound) {
        Instant now = clock.instant();
        Optional<MailboxHoursRepository.Hours> last = stored.find(accountId);
        if (!fullRound && last.isPresent() && last.get().fetchedAt().isAfter(now.minus(REFRESH_EVERY))) return;
        MailboxSettings settings;
        try {
            settings = clients.forAccount(accountId).me().mailboxSettings().get();
        } catch (RuntimeException e) {
            SyncFailure f = GraphErrors.classify(e);
            LOG.warn("account {}: mailbox settings not read ({}); working hours stay as they were", accountId, f.getMessage());
            stored.attempted(accountId, now);
            return;
        }
        MailboxHoursRepository.Hours read = read(accountId, settings, now);
        if (last.isEmpty() || !Objects.equals(last.get().hours(), read.hours()) || !Objects.equals(last.get().zone(), read.zone())) {
            LOG.info("account {}: mailbox working hours {} in {}", accountId, read.hours() == null ? "none" : read.hours().days(),
                    read.zone() == null ? "the user's zone" : read.zone());
        }
        stored.save(read);
    }

    /** What a mailboxSettings answer says, as stored. */
    static MailboxHoursRepository.Hours read(long accountId, MailboxSettings settings, Instant now) {
        com.microsoft.graph.models.WorkingHours wh = settings == null ? null : settings.getWorkingHours();
        String mailboxZone = settings == null ? null : settings.getTimeZone();
        String hoursZone = wh == null || wh.getTimeZone() == null ? null : wh.getTimeZone().getName();
        Optional<ZoneId> zone = WindowsZones.resolve(hoursZone).or(() -> WindowsZones.resolve(mailboxZone));
        String zoneName = hoursZone != null ? hoursZone : mailboxZone;
        if (zone.isEmpty()) {
            LOG.warn("account {}: mailbox time zone '{}' (mailbox '{}') is not a zone Rapport knows; "
                    + "its working hours are read in the user's own zone", accountId, hoursZone, mailboxZone);
        }
        return new MailboxHoursRepository.Hours(accountId, hours(accountId, wh), zone.orElse(null), zoneName, now);
    }

    private static WorkingHours hours(long accountId, com.microsoft.graph.models.WorkingHours wh) {
        if (wh == null || wh.getDaysOfWeek() == null || wh.getStartTime() == null || wh.getEndTime() == null) return null;
        LocalTime start = wh.getStartTime().withSecond(0).withNano(0);
        LocalTime end = wh.getEndTime().withSecond(0).withNano(0);
        if (end.equals(LocalTime.MIDNIGHT)) end = WorkingHours.LAST_MINUTE;
        if (!end.isAfter(start)) {
            LOG.warn("account {}: mailbox working hours {}-{} run past midnight; Rapport keeps its own", accountId, start, end);
            return null;
        }
        Map<DayOfWeek, WorkingHours.Window> days = new EnumMap<>(DayOfWeek.class);
        for (com.microsoft.graph.models.DayOfWeek d : wh.getDaysOfWeek()) {
            if (d == null) continue;
            days.put(DayOfWeek.valueOf(d.getValue().toUpperCase(Locale.ROOT)), new WorkingHours.Window(start, end));
        }
        return days.isEmpty() ? null : new WorkingHours(days);
    }

    /** The stored hours of the user's Microsoft mailbox, in {@code zone}. */
    @Override
    public Optional<WorkingHours> workingHours(long userId, ZoneId zone, Instant now) {
        Optional<Account> mailbox = accounts.list(userId).stream()
                .filter(a -> Account.MICROSOFT.equals(a.provider()) && !Account.DISCONNECTED.equals(a.state()))
                .findFirst();
        if (mailbox.isEmpty()) return Optional.empty();
        return stored.find(mailbox.get().id()).filter(h -> h.hours() != null).map(h -> h.zone() == null ? h.hours()
                : h.hours().convert(h.zone(), zone, LocalDate.ofInstant(now, h.zone())));
    }
}
