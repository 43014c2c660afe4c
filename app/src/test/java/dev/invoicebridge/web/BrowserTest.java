package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.invoicebridge.support.Browsers.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.support.Browsers;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.OwnSandboxAppTest;
import dev.invoicebridge.vault.SecretVault;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web UI in real headless Chromium (see {@link Browsers}). A service of its own: it expects no
 * invoice yet, and resets the Attio emulator's workspace to take the invoices object away.
 */
@Tag("browser")
class BrowserTest extends OwnSandboxAppTest {
  @Autowired SecretVault vault;

  @RegisterExtension static final Browsers browsers = new Browsers();

  private Page newPage() {
    return browsers.newPage(1280, 800);
  }

  private void logIn(Page page, String username) {
    Browsers.logIn(page, url("/login"), username, password(username));
  }

  private static Locator mainNav(Page page) {
    return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
  }

  @Test
  void an_admin_logs_in_visits_every_section_and_creates_an_api_token() {
    Page page = newPage();
    page.navigate(url("/login"));
    assertThat(page.getByText("Sandbox").first()).isVisible();
    screenshot(page, "login");

    logIn(page, "admin");
    assertThat(page).hasURL(url("/records"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records")))
        .isVisible();
    screenshot(page, "records");

    mainNav(page)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Invoices"))
        .click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("No invoices yet")))
        .isVisible();
    screenshot(page, "invoices");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
    assertThat(page.locator("tr[data-connection=stripe]")).containsText("sandbox");
    assertThat(page.getByLabel("Sync invoices")).isChecked();
    assertThat(page.locator("#webhook-registered")).hasText("registered");
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
    logIn(page, "operator");

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

  @Test
  void an_operator_browses_people_searches_them_and_pages_through_companies() {
    Page page = newPage();
    logIn(page, "operator");

    var rows = page.locator("#results tbody tr");
    assertThat(rows).hasCount(25);
    String firstName = rows.first().locator("td").first().textContent().trim().split(" ")[0];
    page.getByLabel("Search").fill(firstName);
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=" + firstName + ".*"));
    assertThat(rows.first()).containsText(firstName);
    assertThat(page.locator("#results tbody tr")).not().hasCount(25);
    screenshot(page, "records-search");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Companies")).click();
    assertThat(page.locator("a.tab.active")).hasText("Companies");
    assertThat(page.locator("#results tbody tr").first()).isVisible();
    screenshot(page, "records-companies");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).click();
    String firstOnPageOne = rows.first().textContent();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
    assertThat(page.locator(".pager")).containsText("26–");
    assertThat(rows.first()).not().hasText(firstOnPageOne);
  }

  @Test
  void an_admin_sets_up_the_attio_schema_from_settings() {
    // Nobody here sets up the default object: the first Stripe check does, in the background.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var schema =
                  Http.json(http.get("/api/v1/schema", "Authorization", Http.bearer(adminToken)));
              assertThat(schema.path("report").path("object").asString()).isEqualTo("present");
              assertThat(schema.path("report").path("healthy").asBoolean()).isTrue();
            });
    // Then Attio loses it (the emulator's workspace reset), and the admin sets it up again.
    String attioToken = vault.get(rig.workspace, "sandbox.attio_token").orElseThrow().reveal();
    assertThat(
            http.postJson(
                    "/sandbox/attio/_control/reset",
                    "{\"demo\": true}",
                    "Authorization",
                    "Bearer " + attioToken)
                .statusCode())
        .isEqualTo(200);
    Page page = newPage();
    logIn(page, "admin");
    page.navigate(url("/settings"));
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Review schema health and mapping"))
        .click();
    assertThat(page.locator("#schema-summary")).containsText("does not exist in Attio yet");

    page.getByLabel("Object slug").fill("Not a slug");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and set up schema"))
        .click();
    assertThat(page.locator(".field-error").first()).containsText("Object slug must be");

    page.getByLabel("Object slug").fill("invoices");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and set up schema"))
        .click();
    assertThat(page.locator("#setup-result")).containsText("Created");
    assertThat(page.locator("#schema-health")).containsText("ready");
    screenshot(page, "schema");
  }

  @Test
  void an_admin_connects_quickbooks_through_the_sandbox_consent_page() {
    Page page = newPage();
    logIn(page, "admin");
    page.navigate(url("/settings"));
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("QuickBooks Online connection (OAuth)"))
        .click();
    assertThat(page.locator("[data-quickbooks-status]")).hasText("Not connected.");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect QuickBooks"))
        .click();
    assertThat(page.getByText("Invoicebridge wants to connect to a sandbox company.")).isVisible();
    screenshot(page, "quickbooks-consent");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect").setExact(true))
        .click();

    assertThat(page).hasURL(url("/settings/quickbooks"));
    assertThat(page.getByText("QuickBooks connected.")).isVisible();
    assertThat(page.locator("[data-quickbooks-status]"))
        .containsText("Invoicebridge Sandbox Company");
    screenshot(page, "quickbooks-connected");
  }
}
