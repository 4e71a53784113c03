package app.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.support.TestServer;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigninTest {
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.onH2();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSigninLinkOpensAnHttpOnlySessionOnceAndFormsNeedTheCsrfToken() {
        TestServer.Reply signin = server.get("/signin?code=" + server.owner.signinCode(), null);
        assertThat(signin.status()).isEqualTo(302);
        List<String> setCookies = signin.raw().headers().allValues("Set-Cookie");
        String sessionHeader = setCookies.stream().filter(c -> c.startsWith("rapport_session=")).findFirst().orElseThrow();
        assertThat(sessionHeader).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = HttpCookie.parse(sessionHeader).get(0).getValue();
        String csrf = HttpCookie.parse(setCookies.stream().filter(c -> c.startsWith("rapport_csrf=")).findFirst()
                .orElseThrow()).get(0).getValue();

        assertThat(server.get("/signin?code=" + server.owner.signinCode(), null).status()).isEqualTo(401);

        Map<String, String> cookie = Map.of("Cookie", "rapport_session=" + session);
        assertThat(server.send("GET", "/api/v1/clients", null, null, null, cookie).status()).isEqualTo(200);
        byte[] body = "{\"name\":\"Carol\",\"tier\":\"B\"}".getBytes();
        assertThat(server.send("POST", "/api/v1/clients", null, "application/json", body, cookie).status())
                .isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/clients", null, "application/json", body,
                Map.of("Cookie", "rapport_session=" + session, "X-CSRF-Token", "guess")).status()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/clients", null, "application/json", body,
                Map.of("Cookie", "rapport_session=" + session, "X-CSRF-Token", csrf)).status()).isEqualTo(201);
    }

    @Test
    void anUnknownSigninCodeIsRefused() {
        assertThat(server.get("/signin?code=made-up", null).status()).isEqualTo(401);
        assertThat(server.get("/signin", null).status()).isEqualTo(401);
    }

    @Test
    void withoutASessionTheStartPageSaysHowToSignInWith401() {
        TestServer.Reply page = server.get("/", null);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Sign in · Rapport").contains("scripts/run");
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() {
        TestServer.Reply signin = server.get("/signin?code=" + server.owner.signinCode(), null);
        List<String> setCookies = signin.raw().headers().allValues("Set-Cookie");
        String session = HttpCookie.parse(setCookies.stream().filter(c -> c.startsWith("rapport_session="))
                .findFirst().orElseThrow()).get(0).getValue();
        String csrf = HttpCookie.parse(setCookies.stream().filter(c -> c.startsWith("rapport_csrf=")).findFirst()
                .orElseThrow()).get(0).getValue();
        Map<String, String> cookie = Map.of("Cookie", "rapport_session=" + session);
        byte[] wrong = "csrf=guess".getBytes();
        assertThat(server.send("POST", "/signout", null, "application/x-www-form-urlencoded", wrong, cookie).status())
                .isEqualTo(403);
        assertThat(server.send("GET", "/", null, null, null, cookie).status()).isEqualTo(200);

        byte[] right = ("csrf=" + csrf).getBytes();
        TestServer.Reply out = server.send("POST", "/signout", null, "application/x-www-form-urlencoded", right, cookie);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.raw().headers().firstValue("Location")).contains("/");
        assertThat(server.send("GET", "/", null, null, null, cookie).status()).isEqualTo(401);
    }
}
