package app.rapport.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import app.rapport.web.dashboard.AccountsPageRoutes;
import app.rapport.web.dashboard.DashboardRoutes;
import app.rapport.web.dashboard.SettingsPageRoutes;
import app.rapport.web.dashboard.Templates;
import app.rapport.web.dashboard.WeekRoutes;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Tags;
import io.micrometer.jetty12.server.TimedHandler;
import java.time.Duration;
import java.util.Map;

/** Builds the unstarted HTTP application from its services; Main starts it, tests start it on port 0. */
public final class App {
    private App() {}

    public static Javalin create(Services services) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Auth auth = new Auth(services);
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.fileRenderer(Templates.renderer());
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            cfg.http.maxRequestSize = 12L * 1024 * 1024;
            cfg.jetty.modifyServer(server -> {
                TimedHandler timed = new TimedHandler(services.metrics(), Tags.empty());
                timed.setHandler(server.getHandler());
                server.setHandler(timed);
            });
            cfg.routes.before("/api/*", auth::authenticate);
            ErrorMapping.register(cfg.routes);
            cfg.routes.get("/health", ctx -> {
                if (services.database().isHealthy()) ctx.json(Map.of("status", "ok"));
                else ctx.status(503).json(Map.of("status", "unavailable", "detail", "the database does not answer"));
            });
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(services.metrics().scrape()));
            new SigninRoutes(services, Duration.ofDays(30)).register(cfg.routes);
            new ClientRoutes(services.clients(), mapper).register(cfg.routes);
            new InteractionRoutes(services, mapper).register(cfg.routes);
            new AccountRoutes(services).register(cfg.routes);
            new ProviderRoutes(services, mapper).register(cfg.routes);
            new SuggestionRoutes(services, mapper).register(cfg.routes);
            new CalendarRoutes(services, mapper, services.publicUrl()).register(cfg.routes);
            new SettingsRoutes(services, mapper).register(cfg.routes);
            new DashboardRoutes(services).register(cfg.routes);
            new WeekRoutes(services).register(cfg.routes);
            new SettingsPageRoutes(services).register(cfg.routes);
            new AccountsPageRoutes(services).register(cfg.routes);
        });
    }
}
