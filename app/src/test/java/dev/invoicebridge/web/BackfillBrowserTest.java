package dev.invoicebridge.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.invoicebridge.support.Browsers.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.invoicebridge.support.Browsers;
import dev.invoicebridge.support.OwnSandboxAppTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backfill panel in real headless Chromium (see {@link Browsers}): the button starts the job
 * and the page's own script moves the progress bar to the end, under the page's CSP. A service of
 * its own: it expects no backfill yet and counts every invoice at Stripe.
 */
@Tag("browser")
class BackfillBrowserTest extends OwnSandboxAppTest {
  @RegisterExtension static final Browsers browsers = new Browsers();

  @Test
  void the_sync_button_starts_a_backfill_and_the_bar_follows_it_to_the_end() {
    seedStripeHistory(60);
    // Browsers fails the test if the panel's script throws or the CSP refuses anything.
    Page page = browsers.newPage(1280, 900);
    Browsers.logIn(page, url("/login"), "admin", password("admin"));
    page.navigate(url("/settings#backfill"));
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
    screenshot(page, "backfill-running");
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
    screenshot(page, "backfill-done");
  }

  private void seedStripeHistory(int count) {
    rig.stripeForm("/_control/invoices/seed", "email=browser%40example.com&count=" + count);
  }
}
