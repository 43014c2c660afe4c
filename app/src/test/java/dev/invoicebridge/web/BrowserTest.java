package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.support.SandboxApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in real headless Chromium (Debian's package, driven by Playwright). Screenshots land
 * in app/target/screenshots. Without Chromium the test is skipped locally with a message, and fails
 * on CI, where .ci/run installs it.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {
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
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
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

  private Page newPage() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void logIn(Page page, String username, String password) {
    page.navigate(url("/login"));
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Test
  void an_admin_logs_in_visits_every_section_and_creates_an_api_token() {
    Page page = newPage();
    page.navigate(url("/login"));
    assertThat(page.getByText("Sandbox").first()).isVisible();
    screenshot(page, "login");

    logIn(page, "admin", SandboxApp.password(DATA, "admin"));
    assertThat(page).hasURL(url("/records"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records")))
        .isVisible();
    screenshot(page, "records");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invoices")).click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("No invoices yet")))
        .isVisible();
    screenshot(page, "invoices");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
    assertThat(page.locator("tr[data-connection=stripe]")).containsText("sandbox");
    page.getByLabel("Name").first().fill("browser-made");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
    assertThat(page.getByText("it is shown only once")).isVisible();
    String token = page.locator("#new-token").textContent().trim();
    assertThat(token).startsWith("ib_");
    screenshot(page, "settings");

    page.reload();
    assertThat(page.locator("body")).not().containsText(token);
    assertThat(page.locator("#tokens")).containsText("browser-made");
  }

  @Test
  void an_operator_sees_records_and_invoices_but_not_settings() {
    Page page = newPage();
    logIn(page, "operator", SandboxApp.password(DATA, "operator"));

    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Records")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")))
        .hasCount(0);
    var response = page.navigate(url("/settings"));
    assertThat(response.status()).isEqualTo(403);

    page.setViewportSize(390, 844);
    page.navigate(url("/invoices"));
    screenshot(page, "invoices-mobile");
  }
}
