package app.rapport.web.dashboard;

import app.rapport.domain.user.Account;
import app.rapport.domain.user.User;
import app.rapport.service.ConflictException;
import app.rapport.service.NotFoundException;
import app.rapport.store.PushSubscriptionRepository.Subscription;
import app.rapport.sync.SyncStream;
import app.rapport.web.Auth;
import app.rapport.web.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Accounts page ({@code GET /accounts}): sync health per account and stream, connecting
 * Microsoft 365 ({@code POST /accounts/microsoft/connect}, a 303 to Microsoft's sign-in) and "Sync
 * now" ({@code POST /accounts/{id}/sync}, then 303 back). {@code GET /accounts/cards} is the cards
 * alone, which the page fetches every few seconds while a stream is busy. The OAuth callback lands
 * here with {@code ?connected={id}} or {@code ?problem=<sentence>}.
 */
public final class AccountsPageRoutes {
    /** A problem sentence longer than this is not one the callback wrote; it is cut. */
    static final int MAX_PROBLEM = 500;

    private final Services services;

    public AccountsPageRoutes(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/accounts", this::show);
        routes.get("/accounts/cards", this::cards);
        routes.post("/accounts/microsoft/connect", this::connect);
        routes.post("/accounts/{id}/sync", this::syncNow);
    }

    private void show(Context ctx) {
        Optional<Viewer> viewer = Viewer.of(services, ctx);
        if (viewer.isEmpty()) {
            Viewer.signinNeeded(ctx);
            return;
        }
        render(ctx, viewer.get(), notices(ctx, viewer.get().user()));
    }

    private void cards(Context ctx) {
        Optional<Viewer> viewer = Viewer.of(services, ctx);
        if (viewer.isEmpty()) {
            Viewer.signinNeeded(ctx);
            return;
        }
        ctx.render("accounts_cards.jte", Map.of("view", view(viewer.get().user(), List.of()),
                "csrf", viewer.get().csrfToken()));
    }

    /**
     * Sends the browser to Microsoft's sign-in. The session cookie binds the authorisation to this
     * browser, so a callback opened elsewhere is refused.
     */
    private void connect(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        try {
            String url = services.accountConnect().start(viewer.get().user().id(), ctx.cookie(Auth.SESSION_COOKIE)).toString();
            ctx.redirect(url, HttpStatus.SEE_OTHER);
        } catch (ConflictException e) {
            // Not configured: the sentence says which settings to set.
            ctx.status(409);
            render(ctx, viewer.get(), List.of(new AccountsView.Notice("error", e.getMessage())));
        }
    }

    private void syncNow(Context ctx) {
        Optional<Viewer> viewer = Viewer.ofForm(services, ctx);
        if (viewer.isEmpty()) return;
        User user = viewer.get().user();
        long id = id(ctx.pathParam("id"));
        Optional<Account> account = id <= 0 ? Optional.empty() : services.accounts().find(user.id(), id);
        if (account.isEmpty()) {
            failed(ctx, viewer.get(), 404, "There is no such account.");
            return;
        }
        try {
            services.accountConnect().syncNow(user.id(), id);
            ctx.redirect("/accounts?synced=" + id, HttpStatus.SEE_OTHER);
        } catch (NotFoundException e) {
            failed(ctx, viewer.get(), 404, "There is no such account.");
        } catch (ConflictException e) {
            failed(ctx, viewer.get(), 409, cannotSync(account.get()));
        }
    }

    /** Why an account cannot sync, said from its state rather than the exception's wording. */
    static String cannotSync(Account a) {
        if (!Account.MICROSOFT.equals(a.provider())) {
            return a.label() + " is not a mailbox Rapport syncs, so there is nothing to sync.";
        }
        if (Account.RECONNECT_NEEDED.equals(a.state())) {
            return a.label() + " needs reconnecting before it can sync: use Reconnect on its card.";
        }
        return a.label() + " is disconnected, so it cannot sync. Connect it again to resume.";
    }

    private void failed(Context ctx, Viewer viewer, int status, String message) {
        ctx.status(status);
        render(ctx, viewer, List.of(new AccountsView.Notice("error", message)));
    }

    private void render(Context ctx, Viewer viewer, List<AccountsView.Notice> notices) {
        ctx.render("accounts.jte", Map.of("frame", viewer.frame("Accounts", "accounts"),
                "view", view(viewer.user(), notices)));
    }

    private AccountsView view(User user, List<AccountsView.Notice> notices) {
        List<Account> accounts = services.accounts().list(user.id());
        Map<Long, List<SyncStream>> streams = new LinkedHashMap<>();
        Map<Long, List<Subscription>> push = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (!Account.MICROSOFT.equals(a.provider())) continue;
            streams.put(a.id(), services.syncStreams().forAccount(a.id()));
            push.put(a.id(), services.pushSubscriptions().forAccount(a.id()));
        }
        return AccountsView.build(accounts, streams, push, notices, services.clock().instant(), user.timeZone());
    }

    /**
     * What the redirect that led here reports. Connected and synced name the account from the
     * user's own book (an id of someone else's says nothing); the callback's problem sentence is
     * shown as text, escaped by the template.
     */
    private List<AccountsView.Notice> notices(Context ctx, User user) {
        List<AccountsView.Notice> out = new ArrayList<>();
        Optional<Account> connected = own(user, ctx.queryParam("connected"));
        if (connected.isPresent()) {
            out.add(new AccountsView.Notice("ok", "Connected " + connected.get().label()
                    + ". The first sync has started; this page follows it."));
        }
        Optional<Account> synced = own(user, ctx.queryParam("synced"));
        if (synced.isPresent()) {
            out.add(new AccountsView.Notice("ok", "Sync requested for " + synced.get().label()
                    + ": Inbox, Sent items and Calendar each run a round shortly."));
        }
        String problem = ctx.queryParam("problem");
        if (problem != null && !problem.isBlank()) {
            String sentence = problem.strip();
            if (sentence.length() > MAX_PROBLEM) sentence = sentence.substring(0, MAX_PROBLEM - 1) + "…";
            out.add(new AccountsView.Notice("error", "Microsoft 365 was not connected. " + sentence));
        }
        return out;
    }

    private Optional<Account> own(User user, String rawId) {
        if (rawId == null) return Optional.empty();
        long id = id(rawId);
        return id <= 0 ? Optional.empty() : services.accounts().find(user.id(), id);
    }

    private static long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
