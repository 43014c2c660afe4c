package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspaces;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The backfill panel in real headless Chromium: the button starts the job and the page's own script
 * moves the progress bar to the end, under the page's CSP. Screenshots land in
 * app/target/screenshots; without Chromium the test is skipped locally and fails on CI.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackfillBrowserTest {
  static final Path DATA = SandboxApp.newDataDir();
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static Playwright playwright;
  static Browser browser;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("invoicebridge.data-dir", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired Workspaces workspaces;
  @Autowired SecretVault vault;

  @BeforeAll
  static void launch() {
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
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void the_sync_button_starts_a_backfill_and_the_bar_follows_it_to_the_end() {
    seedStripeHistory(60);
    Page page =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
    // The panel's script must run under script-src 'self' and throw nothing.
    List<String> scriptErrors = new CopyOnWriteArrayList<>();
    page.onPageError(scriptErrors::add);
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error") && m.text().contains("script-src")) {
            scriptErrors.add(m.text());
          }
        });
    page.navigate("http://localhost:" + port + "/login");
    page.getByLabel("Username").fill("admin");
    page.getByLabel("Password").fill(SandboxApp.password(DATA, "admin"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.navigate("http://localhost:" + port + "/settings#backfill");
    Locator panel = page.locator("#backfill");
    assertThat(panel.locator("[data-backfill-summary]")).hasText("No backfill has run yet.");

    panel
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sync Stripe invoices"))
        .click();

    assertThat(page.getByText("Stripe invoices backfill started.")).isVisible();
    assertThat(panel.locator("[data-backfill-summary]"))
        .hasText(
            Pattern.compile("^(Queued|Running).*"),
            new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("backfill-running.png")));
    assertThat(panel.locator("[data-backfill-summary]"))
        .hasText(
            Pattern.compile("^Done: 60 invoices, 60 written to Attio.*"),
            new LocatorAssertions.HasTextOptions().setTimeout(90_000));
    assertThat(panel.locator("progress")).hasAttribute("value", "100");
    assertThat(panel.locator("[data-backfill-state]")).hasText("succeeded");
    assertThat(
            panel.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sync Stripe invoices")))
        .isEnabled();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("backfill-done.png")));
    assertThat(scriptErrors).isEmpty();
  }

  private void seedStripeHistory(int count) {
    String key =
        vault
            .get(workspaces.all().getFirst().id(), "sandbox.stripe_secret_key")
            .orElseThrow()
            .reveal();
    HttpResponse<String> seeded =
        new Http(port)
            .postJson(
                "/sandbox/stripe/_control/invoices/seed?email=browser%40example.com&count=" + count,
                "",
                "Authorization",
                "Bearer " + key);
    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
  }
}
