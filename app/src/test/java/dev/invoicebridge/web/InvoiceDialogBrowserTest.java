package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.connection.AttioClients;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.Http;
import dev.invoicebridge.support.SandboxApp;
import dev.invoicebridge.vault.SecretVault;
import dev.invoicebridge.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The create-invoice dialog in real headless Chromium, as an operator uses it from a company
 * record: pick a person, a catalog line through the search picker and a custom line, watch the
 * total, finalize, copy the payment link. Launched like {@link BrowserTest} (Debian's chromium,
 * skipped locally without it, failing on CI); screenshots in app/target/screenshots.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvoiceDialogBrowserTest {
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
  @Autowired AttioClients attio;
  InvoiceRig rig;

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

  @BeforeEach
  void setUp() {
    rig = new InvoiceRig(port, DATA, workspaces, vault, attio);
  }

  @Test
  void an_operator_invoices_a_company_person_with_a_catalog_and_a_custom_line_and_finalizes() {
    String company = companyWithSeveralPeople(0);
    List<String> team = rig.referenced("companies", company, "team");
    String person = team.get(1);
    int stripeInvoicesBefore = stripeInvoiceCount();
    Page page = loggedIn();

    openDialogFromCompanies(page, company);
    page.getByLabel("Bill to").selectOption(person);
    Locator picker = combobox(page, "Catalog price, line 1");
    picker.fill("consult");
    Locator option =
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Consulting hour"));
    assertThat(option).containsText("USD 150.00");
    screenshot(page, "invoice-dialog-picker");
    option.click();
    assertThat(picker).hasValue("Consulting hour — USD 150.00");
    assertThat(page.getByLabel("Description, line 1")).isDisabled();
    page.getByLabel("Quantity, line 1").fill("2");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add line")).click();
    page.getByLabel("Description, line 2").fill("Workshop");
    Locator unitPrice = page.getByLabel("Unit price, line 2");
    unitPrice.fill("450.5x");
    Locator total = page.locator("#preview-total");
    assertThat(total).hasText("USD 300.00");
    assertThat(page.locator("[data-preview-note]"))
        .containsText("line 2: the unit price must be an amount such as 150.00");
    unitPrice.fill("450.50");
    assertThat(total).hasText("USD 750.50");
    page.getByLabel("Currency").fill("eur");
    assertThat(total).hasText("EUR 450.50 + USD 300.00");
    assertThat(page.locator("tr[data-line]").first())
        .containsText("Priced in USD; this invoice is in EUR.");
    page.getByLabel("Currency").fill("usd");
    assertThat(total).hasText("USD 750.50");
    screenshot(page, "invoice-dialog");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalize").setExact(true))
        .click();

    assertThat(page).hasURL(Pattern.compile(".*/invoices/[0-9a-f-]{36}$"));
    String id = page.url().substring(page.url().lastIndexOf('/') + 1);
    assertThat(page.locator("#created-notice")).containsText("Finalized");
    assertThat(page.locator("#invoice-status")).hasText("open");
    String hostedUrl = page.locator("#hosted-url").inputValue();
    assertThat(hostedUrl).startsWith("https://");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link")).click();
    assertThat(page.locator("[data-copy-status]")).hasText("Link copied to the clipboard.");
    assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(hostedUrl);
    screenshot(page, "invoice-finalized");

    page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Invoices"))
        .click();
    JsonNode invoice = rig.get("/api/v1/invoices/" + id);
    assertThat(page.locator("tr[data-invoice-id='" + id + "']"))
        .containsText(invoice.path("number").asString());
    screenshot(page, "invoice-list");

    assertThat(invoice.path("total").asLong()).isEqualTo(75_050);
    List<JsonNode> stripe = rig.stripeInvoicesFor(id);
    assertThat(stripe).hasSize(1);
    assertThat(stripe.getFirst().path("total").asLong()).isEqualTo(75_050);
    assertThat(stripeInvoiceCount()).isEqualTo(stripeInvoicesBefore + 1);
    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.reference(record, "person")).hasValue(person);
    assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
  }

  @Test
  void a_custom_line_without_a_price_gets_its_message_on_its_row_and_nothing_is_created() {
    String company = companyWithSeveralPeople(1);
    int stripeInvoicesBefore = stripeInvoiceCount();
    int invoicesBefore = rig.get("/api/v1/invoices?limit=100").path("invoices").size();
    Page page = loggedIn();

    openDialogFromCompanies(page, company);
    page.getByLabel("Bill to").selectOption(rig.referenced("companies", company, "team").get(0));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add line")).click();
    page.getByLabel("Description, line 2").fill("Workshop");
    assertThat(page.locator("[data-preview-note]")).containsText("line 2: type a unit price");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalize").setExact(true))
        .click();

    Locator second = page.locator("tr[data-line]").nth(1);
    assertThat(second.locator(".field-error")).hasText("Type a unit price, such as 150.00.");
    assertThat(second.getByLabel("Unit price, line 2")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("tr[data-line]").first().locator(".field-error")).hasCount(0);
    assertThat(second.getByLabel("Description, line 2")).hasValue("Workshop");
    screenshot(page, "invoice-dialog-row-error");
    assertThat(stripeInvoiceCount()).isEqualTo(stripeInvoicesBefore);
    assertThat(rig.get("/api/v1/invoices?limit=100").path("invoices")).hasSize(invoicesBefore);
  }

  @Test
  void a_customer_stripe_bills_in_euros_is_offered_euros_and_a_dollar_price_is_flagged() {
    List<String> billedElsewhere = rig.referenced("companies", companyWithSeveralPeople(0), "team");
    String person =
        rig.records("people").reversed().stream()
            .filter(p -> !billedElsewhere.contains(p))
            .findFirst()
            .orElseThrow();
    rig.created(InvoiceRig.body("people", person, "draft", "").replace("\"usd\"", "\"eur\""));
    Page page = loggedIn();
    page.navigate(url("/invoices/new?object=people&record_id=" + person));
    combobox(page, "Catalog price, line 1").fill("consult");
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Consulting hour")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add line")).click();
    page.getByLabel("Description, line 2").fill("Setup");
    page.getByLabel("Unit price, line 2").fill("100");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalize").setExact(true))
        .click();

    Locator choice = page.locator("#currency-choice");
    assertThat(choice).containsText("is billed in EUR by Stripe.");
    assertThat(choice).containsText("1 catalog line is priced in USD and will need a EUR price.");
    screenshot(page, "invoice-dialog-currency-choice");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bill in EUR instead"))
        .click();

    Locator first = page.locator("tr[data-line]").first();
    assertThat(first.locator(".field-error"))
        .hasText(
            "This price is in USD but the invoice is in EUR: pick a EUR price or type a custom line.");
    assertThat(page.getByLabel("Currency")).hasValue("eur");
    assertThat(page.locator("#preview-total")).hasText("EUR 100.00 + USD 150.00");
    first
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove line 1"))
        .click();
    assertThat(page.locator("#preview-total")).hasText("EUR 100.00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finalize").setExact(true))
        .click();

    assertThat(page).hasURL(Pattern.compile(".*/invoices/[0-9a-f-]{36}$"));
    assertThat(page.getByText("Total: EUR 100.00")).isVisible();
    String id = page.url().substring(page.url().lastIndexOf('/') + 1);
    List<JsonNode> stripe = rig.stripeInvoicesFor(id);
    assertThat(stripe).hasSize(1);
    assertThat(stripe.getFirst().path("currency").asString()).isEqualTo("eur");
  }

  private Page loggedIn() {
    Page page =
        browser
            .newContext(
                new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)
                    .setPermissions(List.of("clipboard-read", "clipboard-write")))
            .newPage();
    page.navigate(url("/login"));
    page.getByLabel("Username").fill("operator");
    page.getByLabel("Password").fill(SandboxApp.password(DATA, "operator"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page).hasURL(url("/records"));
    return page;
  }

  /** Records, then Companies, then the company found by its name, then "Create invoice". */
  private void openDialogFromCompanies(Page page, String company) {
    String name = rig.attioRecord("companies", company).displayName();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Companies")).click();
    assertThat(page.locator("a.tab.active")).hasText("Companies");
    page.getByLabel("Search").fill(name);
    page.locator("tr[data-record-id='" + company + "']")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Create invoice"))
        .click();
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create invoice")))
        .isVisible();
    assertThat(page.getByText("From " + name)).isVisible();
  }

  /** The n-th seeded company whose team has at least two people. */
  private String companyWithSeveralPeople(int n) {
    return rig.records("companies").stream()
        .filter(c -> rig.referenced("companies", c, "team").size() > 1)
        .skip(n)
        .findFirst()
        .orElseThrow();
  }

  private static Locator combobox(Page page, String name) {
    return page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(name));
  }

  private int stripeInvoiceCount() {
    return Http.json(rig.stripe("GET", "/v1/invoices?limit=100")).path("data").size();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
