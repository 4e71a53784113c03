package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.demo.DemoLoader;
import app.rapport.domain.client.Client;
import app.rapport.service.ClientInput;
import app.rapport.support.Browser;
import app.rapport.support.TestServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard in headless Chromium over the demo book: sign in, Today, filters, a client, sign out. */
class DashboardBrowserTest {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static TestServer server;
    static long markupClientId;

    @BeforeAll
    static void startWithTheDemoBook() {
        server = TestServer.onH2();
        DemoLoader.loadOnce(server.rapport, server.ownerUser(), 20261123L);
        Client markup = server.rapport.clientService.create(server.ownerUser().id(), new ClientInput(
                "<script>window.pwned = 1</script>", null, "B", null, null, null, null, List.of(), List.of()));
        markupClientId = markup.id();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** A page signed in through a fresh one-time link, as a person clicking the link from scripts/run. */
    static Page signedIn(Browser.Size size) {
        String code = server.rapport.sessions.issueSigninCode(server.ownerUser().id(), TestServer.NOW,
                Duration.ofHours(1));
        Page page = BROWSER.page(size);
        page.navigate(server.url("/signin?code=" + code));
        assertThat(page.url()).isEqualTo(server.url("/"));
        return page;
    }

    @Test
    void withoutASessionTheDashboardSaysHowToSignIn() {
        Page page = BROWSER.page();
        Response response = page.navigate(server.url("/"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(page.locator("h1").textContent()).isEqualTo("Sign in to Rapport");
        assertThat(page.locator("#signin-needed").textContent()).contains("scripts/run");
        Browser.screenshot(page, "signin-laptop");
    }

    @Test
    void todayListsClientsByUrgencyWithStatusChipsAndExplanations() {
        for (Browser.Size size : List.of(Browser.LAPTOP, Browser.PHONE)) {
            Page page = signedIn(size);
            Locator rows = page.locator(".client-row");
            assertThat(rows.count()).isEqualTo(DashboardRoutes.TODAY_PAGE);
            assertThat(rows.first().locator(".chip").textContent()).matches("(?s).*(Active|Cooling|Inactive).*");
            assertThat(rows.first().locator(".why").textContent()).isNotBlank();
            assertThat(page.locator(".filter-cooling .count").textContent()).matches("\\d+");
            assertThat(page.locator("body").getAttribute("hx-headers")).contains("X-CSRF-Token");
            assertThat(page.content()).doesNotContain(" past ");
            Browser.screenshot(page, "today-" + size.name());
            assertThat(Browser.fitsWidth(page)).as("no sideways scroll at " + size).isTrue();
        }
    }

    @Test
    void showMoreAppendsTheNextFiftyWithHtmx() {
        Page page = signedIn(Browser.LAPTOP);
        page.waitForFunction("() => window.htmx !== undefined");
        page.locator(".more a").click();
        page.waitForCondition(() -> page.locator(".client-row").count() > DashboardRoutes.TODAY_PAGE);
        assertThat(page.url()).isEqualTo(server.url("/"));
        assertThat(page.locator(".client-row").count()).isGreaterThan(DashboardRoutes.TODAY_PAGE);
    }

    @Test
    void theStatusFiltersNarrowTheList() {
        Page page = signedIn(Browser.LAPTOP);
        for (String status : List.of("cooling", "inactive", "active")) {
            page.locator(".filter-" + status).click();
            page.waitForURL(server.url("/?status=" + status));
            int expected = Math.min(DashboardRoutes.TODAY_PAGE,
                    Integer.parseInt(page.locator(".filter-" + status + " .count").textContent().trim()));
            Locator rows = page.locator(".client-row");
            assertThat(rows.count()).as(status).isEqualTo(expected);
            for (int i = 0; i < rows.count(); i++) assertThat(rows.nth(i).getAttribute("data-status")).isEqualTo(status);
            assertThat(page.locator(".filter.selected").getAttribute("data-status")).isEqualTo(status);
        }
    }

    @Test
    void aClientShowsItsRelationshipTimelineWithRulesAndTheMonthlyChart() {
        for (Browser.Size size : List.of(Browser.LAPTOP, Browser.PHONE)) {
            Page page = signedIn(size);
            String name = page.locator(".client-row .name").first().textContent();
            page.locator(".client-row .name").first().click();
            page.waitForURL("**/clients/*");
            assertThat(page.locator("#client-name").textContent()).isEqualTo(name);
            assertThat(page.locator("#explanation").textContent()).isNotBlank();
            assertThat(page.locator(".facts").textContent()).contains("Status", "Last contact", "Sales share");
            Locator events = page.locator("#timeline .event");
            assertThat(events.count()).isPositive();
            assertThat(events.first().locator(".rule code").first().textContent()).isNotBlank();
            assertThat(page.locator("#monthly-chart svg .bar").count()).isEqualTo(12);
            assertThat(page.locator("#monthly-chart svg rect.seg").count()).isPositive();
            assertThat(page.locator("#monthly-chart svg .bar title").first().textContent()).matches("\\w+ \\d{4}: .*");
            Browser.screenshot(page, "client-" + size.name());
            assertThat(Browser.fitsWidth(page)).as("no sideways scroll at " + size).isTrue();
        }
    }

    @Test
    void aClientNamedLikeAScriptIsShownAsText() {
        Page page = signedIn(Browser.LAPTOP);
        page.navigate(server.url("/clients/" + markupClientId));
        assertThat(page.locator("#client-name").textContent()).isEqualTo("<script>window.pwned = 1</script>");
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void signingOutEndsTheSession() {
        Page page = signedIn(Browser.LAPTOP);
        page.locator(".signout button").click();
        page.waitForURL(server.url("/"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Sign in to Rapport");
        Response again = page.navigate(server.url("/"));
        assertThat(again.status()).isEqualTo(401);
    }
}
