package dev.invoicebridge.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotCaret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real headless Chromium for a browser test class (Debian's package driven by Playwright, which
 * must not download its own): launched once per class, skipped locally with a message when Chromium
 * is missing, failing on CI, where .ci/run installs it. Every page a test opens has its console
 * errors and uncaught script errors collected, a refusal by the Content-Security-Policy among them;
 * the test fails if any page logged one, naming the page and the source. Only a document's own
 * error status is left out: a test that opens a forbidden page asserts the 403 itself. Screenshots
 * land in app/target/screenshots.
 *
 * <p>Register it as {@code @RegisterExtension static final Browsers browsers = new Browsers();}.
 */
public final class Browsers implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  // Nothing in the background: the pages under test are all the browser should talk to.
  private static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private Playwright playwright;
  private Browser browser;
  private final List<BrowserContext> opened = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException(
          "Chromium is missing at " + CHROMIUM + "; .ci/run must install it");
    }
    assumeTrue(
        present, "Browser tests skipped: install Debian's chromium (apt-get install chromium)");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
  }

  /** A page in a fresh browser context (its own cookies), {@code width} by {@code height}. */
  public Page newPage(int width, int height, String... permissions) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setPermissions(List.of(permissions)));
    opened.add(context);
    Page page = context.newPage();
    page.onConsoleMessage(
        m -> {
          // A document's own status (a 403 page, a form answered 400) is its test's to assert;
          // a resource the page loads failing, a script error or a CSP refusal is an error.
          boolean ownStatus =
              m.text().startsWith("Failed to load resource")
                  && m.location().equals(page.url() + ":0:0");
          if (m.type().equals("error") && !ownStatus) {
            errors.add(page.url() + " logged: " + m.text() + " (at " + m.location() + ")");
          }
        });
    page.onPageError(e -> errors.add(page.url() + " threw: " + e));
    return page;
  }

  /** Logs in through the login form at {@code loginUrl}. */
  public static void logIn(Page page, String loginUrl, String username, String password) {
    page.navigate(loginUrl);
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

  /**
   * Saves the whole page as target/screenshots/{@code name}.png. The caret stays as it is: hiding
   * it would leave an empty style attribute on every input, which htmx copies when it swaps one,
   * and the CSP refuses.
   */
  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + ".png"))
            .setFullPage(true)
            .setCaret(ScreenshotCaret.INITIAL));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // Closing delivers the events still on their way, so a late error is counted too.
    opened.forEach(BrowserContext::close);
    opened.clear();
    List<String> logged = List.copyOf(errors);
    errors.clear();
    if (!logged.isEmpty()) {
      throw new AssertionError("The browser logged errors:\n  " + String.join("\n  ", logged));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
