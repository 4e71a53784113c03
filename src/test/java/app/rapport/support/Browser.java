package app.rapport.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium for browser tests, through Playwright for Java with Debian's chromium (never a
 * downloaded browser: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set for the driver). Register it as a
 * static {@code @RegisterExtension} field: one Playwright and one browser per test class (starting
 * them costs about 1.5 s), a fresh context (cookies, storage) per test.
 *
 * <p>The browser is {@code /usr/bin/chromium}, or the path in the system property
 * {@code rapport.test.chromium} or the environment variable TEST_CHROMIUM. When it is missing the
 * class is skipped with a visible line, unless TEST_REQUIRE_BROWSER is set (CI), which fails instead.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Viewport sizes the screenshots are taken at. */
    public record Size(String name, int width, int height) {}

    public static final Size LAPTOP = new Size("laptop", 1280, 800);
    public static final Size PHONE = new Size("phone", 390, 844);
    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** The Chromium executable the tests use. */
    public static Path chromium() {
        String path = System.getProperty("rapport.test.chromium", "");
        if (path.isBlank()) path = System.getenv().getOrDefault("TEST_CHROMIUM", "");
        return Paths.get(path.isBlank() ? "/usr/bin/chromium" : path);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path exe = chromium();
        if (!Files.isExecutable(exe)) {
            boolean required = !System.getenv().getOrDefault("TEST_REQUIRE_BROWSER", "").isBlank();
            if (required) Assertions.fail("TEST_REQUIRE_BROWSER is set but there is no Chromium at " + exe);
            if (ANNOUNCED.compareAndSet(false, true)) {
                System.out.println("SKIPPED browser tests: no Chromium at " + exe
                        + " (apt-get install chromium, or set TEST_CHROMIUM)");
            }
            Assumptions.abort("no Chromium at " + exe);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(exe).setHeadless(true).setArgs(ARGS));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Contexts are opened on demand by page(size); nothing to do until a test asks.
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A new page in a new context of the given viewport size; closed after the test. */
    public Page page(Size size) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(size.width(), size.height()));
        context.setDefaultTimeout(10_000);
        contexts.add(context);
        return context.newPage();
    }

    /** A new page at laptop size. */
    public Page page() {
        return page(LAPTOP);
    }

    /** Saves a full-page screenshot to target/screenshots/{name}.png and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** True when the page is no wider than the window: nothing to scroll sideways. */
    public static boolean fitsWidth(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }
}
