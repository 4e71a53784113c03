package app.rapport;

import app.rapport.config.RapportConfig;
import app.rapport.demo.DemoLoader;
import app.rapport.jobs.Jobs;
import app.rapport.store.StoreException;
import app.rapport.web.App;
import io.javalin.Javalin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the configuration, migrates the database, loads the demo on first start, serves HTTP. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        RapportConfig config = RapportConfig.loadOrExit(args);
        Rapport rapport;
        try {
            rapport = Rapport.open(config, Clock.systemUTC());
        } catch (StoreException e) {
            System.err.println("rapport: configuration error: database.url: " + e.getMessage());
            System.exit(2);
            return;
        }
        Bootstrap.Owner owner = Bootstrap.ensureOwner(rapport);
        if (config.demo().load() && DemoLoader.loadOnce(rapport, owner.user(), config.demo().seed())) {
            // The demo should open with holds on the calendar; otherwise the scheduled pass plans.
            planAll(rapport);
        }
        Javalin app = App.create(rapport.services());
        Jobs jobs = Jobs.start(rapport);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            jobs.close();
            app.stop();
            rapport.database.close();
        }, "shutdown"));
        try {
            app.start(config.server().host(), config.server().port());
        } catch (RuntimeException e) {
            System.err.println("rapport: configuration error: server.port: cannot listen on " + config.server().host()
                    + ":" + config.server().port() + " (" + rootMessage(e) + ")");
            jobs.close();
            rapport.database.close();
            System.exit(2);
            return;
        }
        String base = config.server().publicUrl();
        System.out.println();
        System.out.println("Rapport is running on port " + app.port() + ".");
        System.out.println("  Dashboard:            " + base + "/");
        System.out.println("  Sign in as " + owner.user().name() + ": " + base + "/signin?code=" + owner.signinCode()
                + "  (one use, valid 24 hours)");
        owner.firstToken().ifPresent(token -> System.out.println(
                "  API token (shown once, keep it): " + token + "\n"
                        + "  Try: curl -H 'Authorization: Bearer " + token + "' '" + base
                        + "/api/v1/clients?sort=urgency&size=5'"));
        System.out.println("Press Ctrl-C to stop.");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Plans for every user now; the scheduler takes over from there. */
    static void planAll(Rapport rapport) {
        for (var user : rapport.users.all()) {
            try {
                var outcome = rapport.planningService.plan(user.id());
                LOG.info("planned for {}: {} new holds, skipped {}", user.email(), outcome.placed().size(), outcome.skipped());
            } catch (RuntimeException e) {
                LOG.warn("planning at start-up failed for user {}; the hourly pass retries", user.id(), e);
            }
        }
    }
}
