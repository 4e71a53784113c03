package app.rapport.demo;

import app.rapport.Rapport;
import app.rapport.domain.client.EmailAddresses;
import app.rapport.domain.interaction.MailMessage;
import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.service.ClientInput;
import app.rapport.service.IngestService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo book of business into the owner's store on first start, through the same ingest
 * path as real mail, so newsletters are ignored and colleagues excluded by the real rules. The whole
 * load is one transaction and is recorded in settings, so a second start does not load it again and
 * a start that died half-way loads it from scratch.
 */
public final class DemoLoader {
    static final String LOADED_SETTING = "demo.loaded";
    /** The local calendar source of the demo owner's working calendar. */
    public static final String CALENDAR_SOURCE = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private DemoLoader() {}

    /** Loads the demo unless it was loaded before; returns true when it loaded it now. */
    public static boolean loadOnce(Rapport r, User owner, long seed) {
        if (r.settings.get(LOADED_SETTING).isPresent()) return false;
        long started = System.nanoTime();
        Instant now = r.clock.instant();
        DemoBook book = DemoBook.generate(seed, now);
        r.database.inTransaction(c -> {
            r.users.addOwnAddress(owner.id(), "email", EmailAddresses.normalize(book.owner().email()));
            r.users.addOwnAddress(owner.id(), "domain", EmailAddresses.normalizeDomain(book.owner().domain()));
            Account mailbox = r.accounts.ensure(owner.id(), "local", book.owner().email(), "connected", now);
            Map<String, Long> clientIds = new HashMap<>();
            for (DemoBook.DemoClient dc : book.clients()) {
                ClientInput input = new ClientInput(dc.name(), dc.kind(), dc.tier(), dc.cadenceOverrideDays(),
                        dc.timeZone(), null, dc.notes(), dc.emails(), dc.domain() == null ? List.of() : List.of(dc.domain()));
                clientIds.put(dc.key(), r.clientService.create(owner.id(), input).id());
            }
            Map<String, List<MailMessage>> bySource = new LinkedHashMap<>();
            for (DemoBook.DemoMail mail : book.mails()) {
                bySource.computeIfAbsent(mail.source(), k -> new ArrayList<>()).add(mail.message());
            }
            bySource.forEach((source, messages) -> r.ingestService.ingestMail(owner.id(), mailbox.id(), source, messages));
            r.ingestService.ingestMeetings(owner.id(), mailbox.id(), "calendar", book.meetings());
            List<IngestService.ManualLog> logs = new ArrayList<>();
            for (DemoBook.ManualEntry entry : book.manualLogs()) {
                Long clientId = clientIds.get(entry.clientKey());
                if (clientId == null) continue;
                logs.add(new IngestService.ManualLog(clientId, entry.externalId(), entry.channel(), entry.direction(),
                        entry.at(), entry.subject()));
            }
            r.ingestService.logManual(owner.id(), mailbox.id(), logs);
            r.calendarEntries.replaceSource(owner.id(), CALENDAR_SOURCE, DemoCalendar.generate(book, owner.timeZone(), now),
                    now);
            r.settings.put(LOADED_SETTING, Long.toString(seed));
            return null;
        });
        LOG.info("loaded the demo book: {} clients, {} messages, {} meetings, {} logged contacts in {} ms",
                book.clients().size(), book.mails().size(), book.meetings().size(), book.manualLogs().size(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
