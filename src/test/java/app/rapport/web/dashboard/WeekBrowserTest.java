package app.rapport.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.rapport.demo.DemoLoader;
import app.rapport.domain.client.Client;
import app.rapport.domain.client.IdentityKind;
import app.rapport.domain.suggestion.Suggestion;
import app.rapport.domain.suggestion.SuggestionState;
import app.rapport.support.Browser;
import app.rapport.support.TestServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Week and Settings pages in headless Chromium over the demo book, planned once, with invitations
 * sent by SMTP to GreenMail: accept sends exactly one invitation, dismiss snoozes, settings save.
 */
class WeekBrowserTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static TestServer server;
    static long userId;
    static ZoneId zone;
    /** Placed holds for clients with an e-mail address, earliest first; each test takes its own. */
    static List<Suggestion> holds;

    @BeforeAll
    static void startWithTheDemoBookPlanned() {
        server = TestServer.onH2(Map.of("mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", GREEN_MAIL.getSmtp().getPort(),
                "mail.smtp.from", "Rapport <rapport@owner-advisory.example>", "mail.smtp.startTls", false));
        userId = server.ownerUser().id();
        zone = server.ownerUser().timeZone();
        DemoLoader.loadOnce(server.rapport, server.ownerUser(), 20261123L);
        server.rapport.planningService.plan(userId);
        holds = server.rapport.suggestionService.list(userId, List.of(SuggestionState.PLACED)).stream()
                .filter(s -> email(s).isPresent())
                .sorted(Comparator.comparing(Suggestion::start))
                .toList();
        assertThat(holds).as("placed holds with an e-mail address").hasSizeGreaterThanOrEqualTo(4);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static Optional<String> email(Suggestion s) {
        Client c = server.rapport.clients.find(userId, s.clientId()).orElseThrow();
        return c.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(i -> i.value()).findFirst();
    }

    static String weekOf(Suggestion s) {
        return s.start().atZone(zone).toLocalDate().toString();
    }

    static Page signedIn(Browser.Size size) {
        String code = server.rapport.sessions.issueSigninCode(userId, TestServer.NOW, Duration.ofHours(1));
        Page page = BROWSER.page(size);
        page.navigate(server.url("/signin?code=" + code));
        assertThat(page.url()).isEqualTo(server.url("/"));
        return page;
    }

    static Page week(Browser.Size size, Suggestion s) {
        Page page = signedIn(size);
        page.navigate(server.url("/week?start=" + weekOf(s)));
        page.waitForFunction("() => window.htmx !== undefined");
        return page;
    }

    @Test
    void acceptingAHoldTurnsItIntoAMeetingAndSendsExactlyOneInvitation() throws Exception {
        Suggestion hold = holds.get(0);
        String email = email(hold).orElseThrow();
        Page page = week(Browser.LAPTOP, hold);
        assertThat(page.locator("#week-title").textContent()).startsWith("Week of ");
        assertThat(page.locator(".day").count()).isEqualTo(7);
        assertThat(page.locator(".day-body .block.show-busy[data-kind=event]").count()).as("busy blocks").isPositive();
        assertThat(page.locator(".block.hold").count()).as("holds").isPositive();

        Locator block = page.locator(".day-body .block.hold[data-suggestion=\"" + hold.id() + "\"]");
        block.locator("summary").click();
        assertThat(block.locator(".reason").textContent()).isEqualTo(hold.reason());
        assertThat(block.locator("select[name=snoozeDays]").inputValue()).isEqualTo("14");
        block.locator(".btn-accept").click();
        Locator meeting = page.locator(".day-body .block.meeting[data-suggestion=\"" + hold.id() + "\"]");
        meeting.waitFor();
        assertThat(page.locator("#week-notice").textContent()).startsWith("Accepted");
        // The invitation leaves in the background; the page refreshes itself until it has gone.
        page.waitForCondition(() -> page.locator(".day-body .block.meeting[data-suggestion=\"" + hold.id() + "\"]")
                .textContent().contains("Invitation sent to " + email));
        assertThat(page.url()).isEqualTo(server.url("/week?start=" + weekOf(hold)));

        // Submit the same form again, as a second click or a browser resubmission would.
        String csrf = page.locator("input[name=csrf]").first().inputValue();
        for (int i = 0; i < 2; i++) {
            APIResponse again = page.context().request().post(server.url("/week/suggestions/" + hold.id() + "/accept"),
                    RequestOptions.create().setForm(FormData.create().set("csrf", csrf).set("start", weekOf(hold))));
            assertThat(again.url()).endsWith("done=already");
        }
        GREEN_MAIL.waitForIncomingEmail(5_000, 1);
        MimeMessage[] sent = List.of(GREEN_MAIL.getReceivedMessages()).stream()
                .filter(m -> recipients(m).contains(email)).toArray(MimeMessage[]::new);
        assertThat(sent).hasSize(1);
        assertThat(calendarPart(sent[0])).contains("METHOD:REQUEST", email);
        assertThat(server.rapport.suggestionService.get(userId, hold.id()).state()).isEqualTo(SuggestionState.ACCEPTED);

        Browser.screenshot(page, "week-laptop");
        assertThat(Browser.fitsWidth(page)).isTrue();
    }

    @Test
    void dismissingWithA30DaySnoozeRemovesTheHoldAndSnoozesTheClient() {
        Suggestion hold = holds.get(1);
        Page page = week(Browser.LAPTOP, hold);
        Locator item = page.locator("#suggestion-" + hold.id());
        item.locator("select[name=snoozeDays]").selectOption("30");
        item.locator(".btn-dismiss").click();
        page.locator("#week-notice").waitFor();
        assertThat(page.locator("#week-notice").textContent()).startsWith("Dismissed");
        assertThat(page.locator("[data-suggestion=\"" + hold.id() + "\"]").count()).isZero();

        Suggestion dismissed = server.rapport.suggestionService.get(userId, hold.id());
        assertThat(dismissed.state()).isEqualTo(SuggestionState.DISMISSED);
        assertThat(dismissed.snoozeDays()).isEqualTo(30);
        Instant until = server.rapport.clients.find(userId, hold.clientId()).orElseThrow().snoozedUntil();
        assertThat(until).isCloseTo(TestServer.NOW.plus(30, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
    }

    @Test
    void aSuggestionDismissedElsewhereSaysSoInsteadOfAccepting() {
        Suggestion hold = holds.get(2);
        Page page = week(Browser.LAPTOP, hold);
        server.rapport.suggestionService.dismiss(userId, hold.id(), 7);
        page.locator("#suggestion-" + hold.id() + " .btn-accept").click();
        page.locator("#week-notice.notice-error").waitFor();
        assertThat(page.locator("#week-notice").textContent()).isEqualTo("This suggestion was already dismissed.");
        assertThat(page.content()).doesNotContain("\"error\"");
        assertThat(page.locator("#suggestion-" + hold.id()).count()).isZero();
    }

    @Test
    void atPhoneWidthTheWeekIsADayByDayAgendaWithoutSidewaysScroll() {
        Suggestion hold = holds.get(3);
        Page page = week(Browser.PHONE, hold);
        assertThat(page.locator(".hours-col").isVisible()).isFalse();
        Locator block = page.locator(".day-body .block.hold[data-suggestion=\"" + hold.id() + "\"]");
        assertThat(block.evaluate("b => getComputedStyle(b).position")).isEqualTo("static");
        assertThat(page.locator("#suggestion-" + hold.id() + " .btn-accept").isVisible()).isTrue();
        Browser.screenshot(page, "week-phone");
        assertThat(Browser.fitsWidth(page)).as("no sideways scroll at 390px").isTrue();
    }

    @Test
    void settingsSaveMaxPerDayAndShowABadValueNextToItsField() {
        Page page = signedIn(Browser.LAPTOP);
        page.navigate(server.url("/settings"));
        int before = server.rapport.settingsService.view(userId).planning().maxPerDay();
        page.locator("#maxPerDay").fill("0");
        page.locator("#save-settings").click();
        page.locator("#maxPerDay-error").waitFor();
        assertThat(page.locator("[data-field=maxPerDay] .field-error").textContent())
                .isEqualTo("must be a whole number from 1 to 20");
        assertThat(page.locator("#settings-errors").textContent()).startsWith("Nothing was saved");
        assertThat(server.rapport.settingsService.view(userId).planning().maxPerDay()).isEqualTo(before);

        page.locator("#maxPerDay").fill("3");
        page.locator("#save-settings").click();
        page.waitForURL(server.url("/settings?done=saved"));
        assertThat(page.locator("#settings-notice").textContent()).isEqualTo("Settings saved.");
        assertThat(page.locator("#maxPerDay").inputValue()).isEqualTo("3");
        assertThat(server.rapport.settingsService.view(userId).planning().maxPerDay()).isEqualTo(3);
        Browser.screenshot(page, "settings-laptop");
        assertThat(Browser.fitsWidth(page)).isTrue();
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return List.of(m.getRecipients(Message.RecipientType.TO)).stream()
                    .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The text of the message's text/calendar part. */
    private static String calendarPart(MimeMessage m) throws Exception {
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                Object content = part.getContent();
                if (content instanceof String text) return text;
                try (InputStream in = (InputStream) content) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no text/calendar part in " + m.getContentType());
    }
}
