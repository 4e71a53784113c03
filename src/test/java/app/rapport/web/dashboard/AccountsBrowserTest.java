package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.user.Account;
import app.rapport.support.Browser;
import app.rapport.support.TestServer;
import app.rapport.sync.SyncStream;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Accounts page in headless Chromium over a seeded Microsoft mailbox (no sync job runs: the
 * test server starts no scheduler, so "Sync now" only queues rounds).
 */
class AccountsBrowserTest {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static TestServer server;
    static Account mailbox;

    @BeforeAll
    static void startWithAMailboxMidBackfill() {
        server = TestServer.onH2();
        mailbox = AccountsPagesTest.seedMailbox(server, server.ownerUser().id());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static Page accounts(Browser.Size size) {
        String code = server.rapport.sessions.issueSigninCode(server.ownerUser().id(), TestServer.NOW, Duration.ofHours(1));
        Page page = BROWSER.page(size);
        page.navigate(server.url("/signin?code=" + code));
        assertThat(page.url()).isEqualTo(server.url("/"));
        page.locator("nav a[href='/accounts']").click();
        page.waitForURL(server.url("/accounts"));
        page.waitForFunction("() => window.htmx !== undefined");
        return page;
    }

    @Test
    void theMailboxShowsItsStreamsAndSyncNowSaysItWasRequested() {
        Page page = accounts(Browser.LAPTOP);
        Locator card = page.locator("#account-" + mailbox.id());
        assertThat(card.locator(".account-head").textContent()).contains("Microsoft 365", AccountsPagesTest.MAILBOX, "Connected");
        assertThat(card.locator(".stream h3").allTextContents()).containsExactly("Inbox", "Sent items", "Calendar");

        Locator inboxBar = card.locator("[data-stream=mail_inbox] progress");
        assertThat(inboxBar.isVisible()).isTrue();
        assertThat(inboxBar.evaluate("p => [p.value, p.max, p.position]").toString()).isEqualTo("[100, 400, 0.25]");
        // Without an estimate the bar is indeterminate: position -1.
        assertThat(card.locator("[data-stream=calendar] progress").evaluate("p => p.position").toString()).isEqualTo("-1");
        assertThat(card.locator("[data-stream=mail_sent] .last-error").textContent())
                .contains("Graph answered 503 Service Unavailable", "attempt 1");
        assertThat(card.locator("[data-stream=mail_sent] .check").textContent()).isEqualTo("incomplete");

        // The busy streams make the cards fetch themselves again; the page stays put meanwhile.
        page.waitForResponse(r -> r.url().endsWith("/accounts/cards") && r.status() == 200, () -> {});
        assertThat(page.url()).isEqualTo(server.url("/accounts"));
        assertThat(page.locator("#account-cards .stream").count()).isEqualTo(3);

        page.locator("#account-" + mailbox.id() + " .btn-sync").click();
        Locator notice = page.locator(".accounts-notice.notice-ok");
        notice.waitFor();
        assertThat(notice.textContent()).isEqualTo("Sync requested for " + AccountsPagesTest.MAILBOX
                + ": Inbox, Sent items and Calendar each run a round shortly.");
        for (SyncStream s : server.rapport.syncStreams.forAccount(mailbox.id())) {
            assertThat(s.requestedAt()).as(s.stream().id()).isNotNull();
        }
        Browser.screenshot(page, "accounts");
        assertThat(Browser.fitsWidth(page)).isTrue();
    }

    @Test
    void atPhoneWidthTheStreamsStackWithoutSidewaysScroll() {
        Page page = accounts(Browser.PHONE);
        Locator streams = page.locator("#account-" + mailbox.id() + " .stream");
        assertThat(streams.count()).isEqualTo(3);
        double first = streams.nth(0).boundingBox().y;
        double second = streams.nth(1).boundingBox().y;
        assertThat(second).as("stacked, not side by side").isGreaterThan(first);
        Browser.screenshot(page, "accounts-phone");
        assertThat(Browser.fitsWidth(page)).as("no sideways scroll at 390px").isTrue();
    }
}
