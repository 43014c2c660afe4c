package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.invoicebridge.support.Browsers.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.attio.AttioRecord;
import dev.invoicebridge.invoicing.InvoiceRig;
import dev.invoicebridge.support.Browsers;
import dev.invoicebridge.support.SandboxAppTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The create-invoice dialog in real headless Chromium (see {@link Browsers}), as an operator uses
 * it from a company record: pick a person, a catalog line through the search picker and a custom
 * line, watch the total, finalize, copy the payment link. On the shared service: it counts only
 * what it creates itself.
 */
@Tag("browser")
class InvoiceDialogBrowserTest extends SandboxAppTest {
  @RegisterExtension static final Browsers browsers = new Browsers();

  @Test
  void an_operator_invoices_a_company_person_with_a_catalog_and_a_custom_line_and_finalizes() {
    String company = companyWithSeveralPeople(0);
    List<String> team = rig.referenced("companies", company, "team");
    String person = team.get(1);
    int stripeInvoicesBefore = rig.stripeInvoiceCount();
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
    assertThat(rig.stripeInvoiceCount()).isEqualTo(stripeInvoicesBefore + 1);
    AttioRecord record = rig.attioInvoice(invoice.path("provider_invoice_id").asString());
    assertThat(InvoiceRig.reference(record, "person")).hasValue(person);
    assertThat(InvoiceRig.reference(record, "company")).hasValue(company);
  }

  @Test
  void a_custom_line_without_a_price_gets_its_message_on_its_row_and_nothing_is_created() {
    String company = companyWithSeveralPeople(1);
    int stripeInvoicesBefore = rig.stripeInvoiceCount();
    int invoicesBefore = rig.invoiceCount();
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
    assertThat(rig.stripeInvoiceCount()).isEqualTo(stripeInvoicesBefore);
    assertThat(rig.invoiceCount()).isEqualTo(invoicesBefore);
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
    Page page = browsers.newPage(1280, 900, "clipboard-read", "clipboard-write");
    Browsers.logIn(page, url("/login"), "operator", password("operator"));
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
}
